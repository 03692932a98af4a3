/**
 * What git alone says about the requests on the default branch: the tree at its head, the
 * first-parent history of requests/ back to a bounded horizon, and what each landing commit changed.
 * Three git processes and one cat-file reader per run, whatever the number of requests.
 */
import type { Git } from '../git/git.ts';
import { REQUESTS_DIR } from '../request/path.ts';

export interface TreeEntry {
  path: string;
  /** 100644/100755 file, 120000 symbolic link, 160000 submodule. */
  mode: string;
  type: string;
  oid: string;
}

export type ChangeStatus = 'A' | 'M' | 'D' | 'T';

export interface LogCommit {
  sha: string;
  parents: string[];
  /** Committer time, ms. */
  time: number;
  changes: { status: ChangeStatus; path: string }[];
}

/** Every entry under requests/ at `commit`, files and anything else (links, submodules). */
export async function requestTree(git: Git, commit: string): Promise<TreeEntry[]> {
  const out = await git.run(['ls-tree', '-r', '-z', '--full-tree', commit, '--', `${REQUESTS_DIR}/`]);
  const entries: TreeEntry[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid] = record.slice(0, tab).split(' ') as [string, string, string];
    entries.push({ path: record.slice(tab + 1), mode, type, oid });
  }
  return entries;
}

/**
 * First-parent history of requests/ from `head` back to `sinceMs`, newest first, each commit diffed
 * against its first parent with renames as delete + add. On the default branch every first-parent
 * commit is a merge, squash or rebase of a pull request, or a direct push.
 */
export async function firstParentLog(git: Git, head: string, sinceMs: number): Promise<LogCommit[]> {
  const out = await git.run([
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--no-renames',
    `--since=${Math.floor(sinceMs / 1000)}`,
    '--format=%x01%H %P %ct',
    '--name-status',
    '-z',
    head,
    '--',
    `${REQUESTS_DIR}/`,
  ]);
  const commits: LogCommit[] = [];
  for (const block of out.toString('utf8').split('\x01')) {
    if (block === '') continue;
    const fields = block.split('\0');
    const [sha, ...rest] = fields[0]!.split(' ');
    const time = Number(rest.pop()) * 1000;
    const changes: LogCommit['changes'] = [];
    for (let i = 1; i + 1 < fields.length; i += 2) {
      const status = fields[i]!.replace(/^\n/, '')[0] as ChangeStatus | undefined;
      if (status) changes.push({ status, path: fields[i + 1]! });
    }
    commits.push({ sha: sha!, parents: rest, time, changes });
  }
  return commits;
}

/** Every path each commit changed against its first parent (renames as delete + add), in one process. */
export async function landedChanges(git: Git, commits: readonly LogCommit[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const withParent = commits.filter((c) => c.parents.length > 0);
  if (withParent.length === 0) return result;
  const out = await git.pipe(['diff-tree', '--stdin', '-r', '--no-renames', '--name-only', '-z'], withParent.map((c) => `${c.parents[0]} ${c.sha}\n`).join(''));
  // For each "<from> <to>" line that differs, git prints "<from>\0" and then the changed paths, each
  // followed by \0. On a first-parent chain each commit has its own first parent, so <from> says which.
  const byParent = new Map(withParent.map((c) => [c.parents[0]!, c.sha]));
  let current: string[] | undefined;
  for (const field of out.toString('utf8').split('\0')) {
    const header = /^\n?([0-9a-f]{40}|[0-9a-f]{64})$/.exec(field);
    if (header && byParent.has(header[1]!)) {
      current = [];
      result.set(byParent.get(header[1]!)!, current);
    } else if (field !== '' && current) current.push(field.replace(/^\n/, ''));
  }
  for (const c of withParent) if (!result.has(c.sha)) result.set(c.sha, []);
  return result;
}
