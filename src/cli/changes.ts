/** What the working tree changes under requests/ against the branch it will be merged into (plan, validate). */
import type { ChangedFile, Git } from '../git/git.ts';

/** Where changes are merged unless told otherwise: the remote's default branch, else the local one. */
export const DEFAULT_BASES = ['origin/main', 'main'];

/** The merge base of HEAD with the first of `candidates` that exists, or undefined. */
export async function mergeBase(git: Git, candidates: readonly string[]): Promise<string | undefined> {
  for (const ref of candidates) {
    const out = await git.tryRun(['merge-base', 'HEAD', ref]).catch(() => undefined);
    if (out) return out.toString('utf8').trim();
  }
  return undefined;
}

/** Request files that differ between `base` and the working tree, untracked ones included. */
export async function workingChanges(git: Git, base: string): Promise<ChangedFile[]> {
  const tracked = (await git.run(['diff', '--name-status', '--no-renames', '-z', base, '--', 'requests/'])).toString('utf8').split('\0').filter(Boolean);
  const changes: ChangedFile[] = [];
  for (let i = 0; i + 1 < tracked.length; i += 2) {
    const code = tracked[i]![0];
    changes.push({ path: tracked[i + 1]!, status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified' });
  }
  const untracked = (await git.run(['ls-files', '--others', '--exclude-standard', '-z', '--', 'requests/'])).toString('utf8').split('\0').filter(Boolean);
  for (const path of untracked) changes.push({ path, status: 'added' });
  return changes;
}
