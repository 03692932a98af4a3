/** A problem found in a file, with the place to point at and what to do about it. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  severity: Severity;
  message: string;
}

export function diagnostic(file: string, pos: { line: number; column: number } | undefined, message: string, severity: Severity = 'error'): Diagnostic {
  return { file, line: pos?.line ?? 1, column: pos?.column ?? 1, severity, message };
}

/** `path:line:col: error: message`, the shape compilers use, so editors and terminals link it. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * A problem with the set-up rather than with a request (bad policy, missing file, bad arguments).
 * The CLI exits 2 for it; the action fails with it.
 */
export class ConfigError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'ConfigError';
    this.diagnostics = diagnostics;
  }
}
