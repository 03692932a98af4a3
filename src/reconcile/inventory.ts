/**
 * Every request the default branch's head holds or recently held, from git alone: active (readable,
 * valid, not expired), ended (expired, deleted within the horizon, unreadable, invalid), each with its
 * requester. No GitHub call: the removals that follow from it never wait on GitHub (invariant 16).
 */
import { chunks } from '../chunks.ts';
import type { AccessConfig } from '../config/config.ts';
import type { CatFile } from '../git/cat-file.ts';
import type { Git } from '../git/git.ts';
import { atCommit, type RepoFiles } from '../repo/files.ts';
import { isRequestsHousekeeping, splitRequestPath } from '../request/path.ts';
import type { AccessRequest } from '../request/request.ts';
import { judgeRequest } from '../request/verdict.ts';
import { requesterOf } from '../request/requester.ts';
import { firstParentLog, requestTree, type LogCommit, type TreeEntry } from './history.ts';

/** How far back history is read beyond the longest duration any group allows now. */
export const HORIZON_MARGIN_MS = 7 * 86_400_000;

export type RequestState = 'active' | 'expired' | 'deleted' | 'unreadable' | 'invalid';

export interface RequestRecord {
  file: string;
  group: string;
  state: RequestState;
  /** Who holds (or held) the membership: the current version's requester, or the last readable one's. */
  requester?: string;
  request?: AccessRequest;
  blob?: string;
  bytes?: Uint8Array;
  why?: string;
  /** The first-parent commit that last changed (or deleted) the file within the horizon. */
  landing?: LogCommit;
}

export interface Inventory {
  head: string;
  horizon: number;
  records: RequestRecord[];
  log: LogCommit[];
}

export function horizonOf(config: AccessConfig, now: number): number {
  let longest = 0;
  for (const g of config.policy.groups.values()) longest = Math.max(longest, g.maxDurationMs);
  return now - longest - HORIZON_MARGIN_MS;
}

/** A commit's files through the batch reader (for configuration at many commits). */
export function filesAtCommit(git: Git, reader: CatFile, commit: string): RepoFiles {
  return {
    where: `commit ${commit.slice(0, 7)}`,
    async read(path) {
      const o = await reader.read(`${commit}:${path}`);
      if (!o || o.type !== 'blob') return undefined;
      return { size: o.size, ...(o.bytes ? { bytes: o.bytes } : {}) };
    },
    list: (dir) => atCommit(git, commit).list(dir),
  };
}

export async function takeInventory(git: Git, reader: CatFile, config: AccessConfig, head: string, now: number): Promise<Inventory> {
  const horizon = horizonOf(config, now);
  const [tree, log] = await Promise.all([requestTree(git, head), firstParentLog(git, head, horizon)]);
  const lastChange = new Map<string, LogCommit>();
  for (const commit of log) for (const c of commit.changes) if (!lastChange.has(c.path)) lastChange.set(c.path, commit);
  const records: RequestRecord[] = [];
  const present = new Set(tree.map((e) => e.path));
  const candidates = tree.filter((e) => {
    const group = splitRequestPath(e.path)?.group;
    return !isRequestsHousekeeping(e.path) && group !== undefined && config.policy.groups.has(group);
  });
  // Reads are pipelined through the one cat-file process, a few thousand at a time.
  for (const chunk of chunks(candidates, 2000)) {
    records.push(...(await Promise.all(chunk.map((entry) => readRecord(git, reader, config, log, lastChange, head, entry, now)))));
  }
  // Deleted within the horizon: a request deleted earlier had ended before the horizon began.
  const deleted: { path: string; group: string; commit: LogCommit }[] = [];
  const seen = new Set<string>();
  for (const commit of log) {
    for (const c of commit.changes) {
      if (c.status !== 'D' || present.has(c.path) || seen.has(c.path)) continue;
      seen.add(c.path);
      const group = splitRequestPath(c.path)?.group;
      if (group && config.policy.groups.has(group) && !isRequestsHousekeeping(c.path)) deleted.push({ path: c.path, group, commit });
    }
  }
  for (const chunk of chunks(deleted, 2000)) {
    records.push(
      ...(await Promise.all(
        chunk.map(async (d): Promise<RequestRecord> => ({
          file: d.path,
          group: d.group,
          state: 'deleted',
          landing: d.commit,
          ...(await lastRequester(git, reader, log, `${d.commit.sha}^1`, d.path)),
        })),
      )),
    );
  }
  return { head, horizon, records, log };
}

async function readRecord(
  git: Git,
  reader: CatFile,
  config: AccessConfig,
  log: readonly LogCommit[],
  lastChange: Map<string, LogCommit>,
  head: string,
  entry: TreeEntry,
  now: number,
): Promise<RequestRecord> {
  const group = splitRequestPath(entry.path)!.group;
  const landing = lastChange.get(entry.path);
  const base = { file: entry.path, group, blob: entry.oid, ...(landing ? { landing } : {}) };
  // A symbolic link or a submodule is no request, whatever it points to (invariant 14).
  if (entry.type !== 'blob' || entry.mode === '120000') {
    return {
      ...base,
      state: 'unreadable',
      why: entry.type === 'commit' ? 'it is a submodule, not a file' : 'it is a symbolic link, not a file',
      ...(await lastRequester(git, reader, log, head, entry.path)),
    };
  }
  const object = await reader.read(entry.oid);
  const bytes = object?.bytes;
  // A duration counts from the merge: the commit that last changed the file. One older than the
  // history read landed before the horizon, so it ended before the horizon began (counted from there).
  const landedAt = landing?.time ?? horizonOf(config, now);
  const verdict = judgeRequest(entry.path, object ? { size: object.size, ...(bytes ? { bytes } : {}) } : undefined, config, now, 'at-rest', landedAt);
  const request = verdict.request;
  if (!request) {
    const why = verdict.diagnostics.find((d) => d.severity === 'error')?.message ?? 'it cannot be read';
    return { ...base, state: 'unreadable', why, ...(await lastRequester(git, reader, log, head, entry.path)) };
  }
  const record: RequestRecord = { ...base, requester: request.requester, request, ...(bytes ? { bytes } : {}), state: 'active' };
  if (request.expiresAt <= now) record.state = 'expired';
  else if (!verdict.valid) {
    record.state = 'invalid';
    record.why = verdict.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => d.message)
      .join(' ');
  }
  return record;
}

/** The requester of the newest readable version of `path` at or before `from`, searched in the history read. */
async function lastRequester(git: Git, reader: CatFile, log: readonly LogCommit[], from: string, path: string): Promise<{ requester?: string }> {
  const direct = requesterOf((await reader.read(`${from}:${path}`))?.bytes, path);
  if (direct) return { requester: direct };
  const versions = log.filter((c) => c.changes.some((ch) => ch.path === path && ch.status !== 'D')).map((c) => c.sha);
  // Beyond the horizon: the few newest commits of this one path, so an old request's holder is still found.
  if (versions.length === 0) {
    const out = await git.tryRun(['log', '--first-parent', '--format=%H', '-n', '20', from, '--', path]);
    versions.push(...(out?.toString('utf8').split('\n').filter(Boolean) ?? []));
  }
  for (const sha of versions) {
    for (const spec of [`${sha}:${path}`, `${sha}^1:${path}`]) {
      const requester = requesterOf((await reader.read(spec))?.bytes, path);
      if (requester) return { requester };
    }
  }
  return {};
}
