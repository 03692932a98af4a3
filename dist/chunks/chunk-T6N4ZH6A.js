import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/diagnostics.ts
function diagnostic(file, pos, message, severity = "error") {
  return { file, line: pos?.line ?? 1, column: pos?.column ?? 1, severity, message };
}
function formatDiagnostic(d) {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
function hasErrors(diagnostics) {
  return diagnostics.some((d) => d.severity === "error");
}
function sortDiagnostics(diagnostics) {
  return diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
var ConfigError = class extends Error {
  diagnostics;
  constructor(message, diagnostics = []) {
    super(message);
    this.name = "ConfigError";
    this.diagnostics = diagnostics;
  }
};

export {
  diagnostic,
  formatDiagnostic,
  hasErrors,
  sortDiagnostics,
  ConfigError
};
