/**
 * Every request on the default branch, sorted into active-and-approved and ended, per group and
 * Entra user. Requests deleted in the history count as ended, so deleting a file to dodge expiry
 * leaves nothing behind (THREATS.md 11).
 */
import type { AccessConfig } from '../config/config.ts';
import type { Git } from '../git/git.ts';
import type { GitHub, RepoRef } from '../github/client.ts';
import type { Directory } from '../entra/directory.ts';
import { PullFinder } from '../grant/gather.ts';
import { UserResolver } from '../grant/resolve.ts';
import { decideRequest } from '../grant/verify.ts';
import { atCommit, type RepoFiles } from '../repo/files.ts';
import { isRequestsHousekeeping, REQUESTS_DIR, splitRequestPath } from '../request/path.ts';
import type { AccessRequest } from '../request/request.ts';
import { requesterAt } from '../request/requester.ts';
import { judgeRequest } from '../request/verdict.ts';

export interface ActiveRequest {
  file: string;
  request: AccessRequest;
  userId: string;
  pull: number;
  /** When the pull request that granted it was merged. */
  mergedAt: string;
}

export interface GroupInventory {
  active: Map<string, ActiveRequest[]>;
  ended: Map<string, string[]>;
  /** Requests present but not counted, with why (invalid, unapproved, unknown user). */
  ignored: { file: string; why: string }[];
}

/** What the sweep and the report work on: the default branch's head, and the services behind it. */
export interface BranchContext {
  git: Git;
  gh: GitHub;
  repo: RepoRef;
  directory: Directory;
  head: string;
  now: number;
}

export interface InventoryContext {
  git: Git;
  gh: GitHub;
  pulls: PullFinder;
  users: UserResolver;
  config: AccessConfig;
  head: string;
  now: number;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

export async function inventory(ctx: InventoryContext): Promise<Map<string, GroupInventory>> {
  const result = new Map<string, GroupInventory>();
  for (const name of ctx.config.policy.groups.keys()) result.set(name, { active: new Map(), ended: new Map(), ignored: [] });
  const files = atCommit(ctx.git, ctx.head);
  const verdicts = [];
  for (const path of await files.list(REQUESTS_DIR)) {
    if (isRequestsHousekeeping(path)) continue;
    const group = splitRequestPath(path)?.group;
    if (!group || !result.has(group)) continue;
    verdicts.push({ path, group, verdict: judgeRequest(path, await files.read(path), ctx.config, ctx.now, 'at-rest') });
  }
  const deleted = await deletedRequests(ctx.git, ctx.head);
  await ctx.users.prefetchGroups([...result.keys()]);
  await ctx.users.prefetchUsers([...verdicts.flatMap((v) => (v.verdict.request ? [v.verdict.request.requester] : [])), ...deleted.flatMap((d) => (d.requester ? [d.requester] : []))]);
  for (const { path, group, verdict } of verdicts) {
    const slot = result.get(group)!;
    const request = verdict.request;
    if (!request) {
      slot.ignored.push({ file: path, why: 'not a readable request' });
      continue;
    }
    const target = await ctx.users.groupAndUser(group, request.requester);
    if (typeof target === 'string') {
      slot.ignored.push({ file: path, why: target });
      continue;
    }
    if (request.expiresAt <= ctx.now) {
      push(slot.ended, target.userId, path);
      continue;
    }
    const decision = await decideRequest({ gh: ctx.gh, after: ctx.head, now: ctx.now }, ctx.config, files, files, ctx.pulls, path, 'added');
    if (!verdict.valid || !decision.approved) {
      push(slot.ended, target.userId, path);
      slot.ignored.push({ file: path, why: decision.reasons.join(' ') || 'not valid' });
      continue;
    }
    const pull = (await ctx.pulls.forFile(ctx.head, path))!;
    push(slot.active, target.userId, { file: path, request, userId: target.userId, pull: pull.number, mergedAt: pull.mergedAt });
  }
  for (const { path, requester } of deleted) {
    const group = splitRequestPath(path)?.group;
    const slot = group ? result.get(group) : undefined;
    if (!slot || !requester) continue;
    const target = await ctx.users.groupAndUser(group!, requester);
    if (typeof target !== 'string') push(slot.ended, target.userId, path);
  }
  return result;
}

/** Request files deleted in the history of `head`, with the requester of their last version. */
async function deletedRequests(git: Git, head: string): Promise<{ path: string; requester?: string }[]> {
  // First-parent history with merges diffed against main: a file added and removed again inside a
  // pull request branch was never on main, and is not a request that ended.
  const out = (await git.run(['log', '--first-parent', '-m', '--diff-filter=D', '--no-renames', '--format=%x00%H', '--name-only', head, '--', `${REQUESTS_DIR}/`])).toString('utf8');
  const found: { path: string; requester?: string }[] = [];
  const seen = new Set<string>();
  for (const block of out.split('\0').filter((b) => b.trim() !== '')) {
    const [commit, ...paths] = block.split('\n').filter(Boolean);
    const parent: RepoFiles = atCommit(git, `${commit}^`);
    for (const path of paths) {
      if (seen.has(path)) continue;
      seen.add(path);
      const requester = await requesterAt(parent, path);
      found.push({ path, ...(requester ? { requester } : {}) });
    }
  }
  return found;
}
