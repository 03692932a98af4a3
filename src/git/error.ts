/** A git command that failed: which, with what it said and its exit code. */
export class GitError extends Error {
  readonly args: readonly string[];
  readonly stderr: string;
  readonly exitCode: number | undefined;
  constructor(args: readonly string[], stderr: string, exitCode: number | undefined) {
    super(`git ${args.join(' ')} failed${exitCode !== undefined ? ` (exit ${exitCode})` : ''}: ${stderr.trim() || 'no output'}`);
    this.name = 'GitError';
    this.args = args;
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
}
