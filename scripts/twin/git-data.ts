/**
 * Writing commits into the twin's real git repository, as GitHub's Git database API and the GraphQL
 * mutation createCommitOnBranch do: a tree from a base tree and changed files, a commit of it, and a
 * branch moved to it only from the head the caller expected. Paths and contents reach git through
 * its standard input and argument vectors, never a shell.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SHA = /^[0-9a-f]{40}$/;

function git(dir: string, args: string[], options: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {}): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.input !== undefined ? { input: options.input } : {}),
    env: { ...process.env, ...options.env },
  }).trim();
}

/**
 * A branch's commit as the files git keeps refs in name it (loose, then packed-refs), with no git
 * process; undefined when they name none.
 */
export function refFromFiles(dir: string, branch: string): string | undefined {
  const ref = `refs/heads/${branch}`;
  const gitDir = existsSync(join(dir, '.git')) ? join(dir, '.git') : dir;
  const loose = join(gitDir, ref);
  if (existsSync(loose)) {
    const sha = readFileSync(loose, 'utf8').trim();
    return SHA.test(sha) ? sha : undefined;
  }
  if (!existsSync(join(gitDir, 'packed-refs'))) return undefined;
  const line = readFileSync(join(gitDir, 'packed-refs'), 'utf8')
    .split('\n')
    .find((l) => l.endsWith(` ${ref}`));
  return line && SHA.test(line.slice(0, 40)) ? line.slice(0, 40) : undefined;
}

/**
 * A branch's commit, read from the files git keeps refs in before asking git: the twin answers
 * thousands of calls in a test run, and each git process is a fork of the test's process.
 */
export function refHead(dir: string, branch: string): string | undefined {
  const found = refFromFiles(dir, branch);
  if (found) return found;
  try {
    return git(dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]) || undefined;
  } catch {
    return undefined;
  }
}

/** A path GitHub accepts in a tree: relative, no empty, "." or ".." segments. */
export function validPath(path: string): boolean {
  return path.length > 0 && !path.startsWith('/') && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && s !== '.git') && !/[\0\n]/.test(path);
}

/**
 * A tree: `base` (a tree or commit, or none) with files added or replaced and paths deleted. Four git
 * processes whatever the number of files: one writes every blob, one changes the index. Two processes
 * a file made each memory write of 1,000 entries (createCommitOnBranch) cost the twin about 30 s while
 * the action waited for the answer: 10 such writes at 10,000 active requests (docs/benchmarks.md).
 */
export function buildTree(dir: string, base: string | undefined, additions: { path: string; content: Buffer }[], deletions: string[] = []): string {
  const scratch = mkdtempSync(join(tmpdir(), 'twin-index-'));
  const env = { GIT_INDEX_FILE: join(scratch, 'index') };
  try {
    if (base) git(dir, ['read-tree', base], { env });
    else git(dir, ['read-tree', '--empty'], { env });
    // Contents as they are (no attribute filters, as `hash-object --stdin` hashes them).
    const files = additions.map((a, i) => {
      const file = join(scratch, `blob-${i}`);
      writeFileSync(file, a.content);
      return file;
    });
    const blobs = files.length > 0 ? git(dir, ['hash-object', '-w', '--no-filters', '--stdin-paths'], { input: files.join('\n') + '\n' }).split('\n') : [];
    if (blobs.length !== additions.length) throw new Error(`git hash-object wrote ${blobs.length} blobs for ${additions.length} files`);
    // In order, additions then deletions; mode 0 removes a path (git update-index, "Using --index-info").
    const entries = [...additions.map((a, i) => `100644 ${blobs[i]}\t${a.path}`), ...deletions.map((d) => `0 ${'0'.repeat(40)}\t${d}`)];
    if (entries.length > 0) git(dir, ['update-index', '-z', '--index-info'], { env, input: entries.map((e) => `${e}\0`).join('') });
    return git(dir, ['write-tree'], { env });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function commitTree(dir: string, tree: string, parents: string[], message: string, author = 'github-actions[bot]'): string {
  const when = `${Math.floor(Date.now() / 1000)} +0000`;
  const env = {
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: `${author}@users.noreply.github.com`,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_NAME: 'GitHub',
    GIT_COMMITTER_EMAIL: 'noreply@github.com',
    GIT_COMMITTER_DATE: when,
  };
  return git(dir, ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], { input: message, env });
}

export function isObject(dir: string, sha: string, type: 'tree' | 'commit'): boolean {
  if (!SHA.test(sha)) return false;
  try {
    return git(dir, ['cat-file', '-t', sha]) === type;
  } catch {
    return false;
  }
}

/** Moves a branch to `to` only if it is at `from` (undefined: only if it does not exist). */
export function moveRef(dir: string, branch: string, to: string, from: string | undefined): boolean {
  try {
    git(dir, ['update-ref', `refs/heads/${branch}`, to, from ?? '0'.repeat(40)]);
    return true;
  } catch {
    return false;
  }
}
