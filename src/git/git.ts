/**
 * The only place that runs git. Arguments go to execFile as an array, never through a shell, so
 * nothing a pull request names (paths, branch names) can become a command (docs/threat-model.md 13).
 */
import { execFile, spawn } from 'node:child_process';
import { CatFile } from './cat-file.ts';
import { GitError } from './error.ts';
import { ConfigError } from '../diagnostics.ts';

export { GitError } from './error.ts';

export interface Git {
  run(args: readonly string[]): Promise<Buffer>;
  /** Like run, but resolves undefined instead of throwing when git exits non-zero. */
  tryRun(args: readonly string[]): Promise<Buffer | undefined>;
  /** Runs git with `input` on its standard input (e.g. commit ids for --stdin). */
  pipe(args: readonly string[], input: string): Promise<Buffer>;
  /**
   * The run's `git cat-file --batch` reader, one process for every object read (commits, files, refs):
   * a git process per read costs a fork and git's start, about 15 ms. Its close() leaves it open for the
   * rest of the run; it does not keep the process alive while nothing is asked of it.
   */
  catFile(): CatFile;
}

const MAX_OUTPUT = 256 * 1024 * 1024;

export function gitIn(cwd: string): Git {
  const run = (args: readonly string[]) =>
    new Promise<Buffer>((resolve, reject) => {
      execFile(
        'git',
        [...args],
        { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
        (error, stdout, stderr) => {
          if (error) {
            const code = typeof error.code === 'number' ? error.code : undefined;
            reject(new GitError(args, stderr.toString('utf8') || error.message, code));
          } else resolve(stdout);
        },
      );
    });
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  const pipe = (args: readonly string[], input: string) =>
    new Promise<Buffer>((resolve, reject) => {
      const child = spawn('git', [...args], { cwd, env });
      const out: Buffer[] = [];
      let err = '';
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
      child.stdin.on('error', () => undefined);
      child.on('error', (e) => reject(new GitError(args, e.message, undefined)));
      child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new GitError(args, err, code ?? undefined))));
      child.stdin.end(input);
    });
  let reader: CatFile | undefined;
  return {
    run,
    pipe,
    catFile: () => {
      if (!reader || reader.ended) reader = new CatFile(cwd, { shared: true });
      return reader;
    },
    tryRun: async (args) => {
      try {
        return await run(args);
      } catch (error) {
        if (error instanceof GitError && error.exitCode !== undefined) return undefined;
        throw error;
      }
    },
  };
}

export type ChangeStatus = 'added' | 'modified' | 'deleted';

export interface ChangedFile {
  path: string;
  status: ChangeStatus;
}

/** Files changed on `head` since it left `base` (the pull request's own diff), renames as delete + add. */
export async function changedFiles(git: Git, base: string, head: string): Promise<ChangedFile[]> {
  const out = (await git.run(['diff', '--name-status', '--no-renames', '-z', `${base}...${head}`, '--'])).toString('utf8');
  const fields = out.split('\0').filter((f) => f !== '');
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const code = fields[i]![0];
    const path = fields[i + 1]!;
    const status: ChangeStatus = code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified';
    files.push({ path, status });
  }
  return files;
}

/** Whether the folder git runs in is inside a work tree (a clone), as `git rev-parse --is-inside-work-tree` says. */
export async function isWorkTree(git: Git): Promise<boolean> {
  return (await git.tryRun(['rev-parse', '--is-inside-work-tree']))?.toString('utf8').trim() === 'true';
}

export async function hasCommit(git: Git, sha: string): Promise<boolean> {
  return (await git.catFile().read(`${sha}^{commit}`)) !== undefined;
}

/** Fails with the fix when the checkout lacks a commit the event names (a shallow checkout). */
export async function requireCommits(git: Git, whose: string, commits: Record<string, string>): Promise<void> {
  for (const [name, sha] of Object.entries(commits)) {
    if (!(await hasCommit(git, sha))) {
      throw new ConfigError(`${whose} ${name} commit ${sha} is not in the checkout. Check out with full history: actions/checkout with "fetch-depth: 0".`);
    }
  }
}

/** The commit checked out. */
export async function headCommit(git: Git): Promise<string> {
  const head = await git.catFile().read('HEAD^{commit}');
  if (!head) throw new GitError(['cat-file', '--batch'], 'HEAD names no commit: the repository has no commit checked out yet', 128);
  return head.oid;
}
