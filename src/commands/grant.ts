/**
 * `grant`, on a push to the default branch: every request the push added or changed is re-validated
 * with the configuration from before the push and granted only with verified approvals; every request
 * it deleted, or that is now expired, ends its membership unless another approved, active request
 * covers the same user and group (DESIGN.md invariants 1-5, 7-10).
 */
import { loadConfig, type AccessConfig } from '../config/config.ts';
import { ConfigError } from '../diagnostics.ts';
import type { Directory, MembershipChange } from '../entra/directory.ts';
import { changedFiles, requireCommits, type Git } from '../git/git.ts';
import type { GitHub, RepoRef } from '../github/client.ts';
import type { GrantDecision } from '../grant/evaluate.ts';
import { decideRequest } from '../grant/verify.ts';
import { PullFinder } from '../grant/gather.ts';
import { atCommit, type RepoFiles } from '../repo/files.ts';
import { isRequestsHousekeeping, isUnderRequests, REQUESTS_DIR, splitRequestPath } from '../request/path.ts';
import { judgeRequest } from '../request/verdict.ts';
import { UserResolver } from '../grant/resolve.ts';
import { requesterAt } from '../request/requester.ts';

export type GrantOutcome = 'granted' | 'already-member' | 'refused' | 'removed' | 'not-a-member' | 'kept' | 'failed';

export interface GrantItem {
  file: string;
  change: 'added' | 'modified' | 'deleted';
  pull?: number;
  requester?: string;
  group?: string;
  expires?: string;
  outcome: GrantOutcome;
  detail: string;
  approvers?: string[];
}

export interface GrantContext {
  git: Git;
  gh: GitHub;
  repo: RepoRef;
  directory: Directory;
  before: string;
  after: string;
  now: number;
}

export interface GrantReport {
  items: GrantItem[];
  /** True when an approved change could not be applied: the run must fail so a re-run retries it. */
  failed: boolean;
}

interface Planned {
  item: GrantItem;
  change?: MembershipChange;
}

export async function grant(ctx: GrantContext): Promise<GrantReport> {
  await requirePushCommits(ctx);
  const base = atCommit(ctx.git, ctx.before);
  const merged = atCommit(ctx.git, ctx.after);
  const config = await loadConfig(base);
  const pulls = new PullFinder(ctx.gh, ctx.repo, ctx.git);
  const users = new UserResolver(config, ctx.directory);
  const planned: Planned[] = [];

  const changes = (await changedFiles(ctx.git, ctx.before, ctx.after)).filter((c) => isUnderRequests(c.path) && !isRequestsHousekeeping(c.path));
  for (const change of changes) {
    if (change.status === 'deleted') {
      planned.push(await planRemoval(ctx, config, base, merged, pulls, users, change.path, 'deleted', 'the request was deleted (early revoke)'));
      continue;
    }
    if (change.status === 'modified' && (await expiredAt(merged, config, change.path, ctx.now))) {
      planned.push(await planRemoval(ctx, config, base, merged, pulls, users, change.path, 'modified', 'the request was changed to end now'));
      continue;
    }
    const decision = await decideRequest(ctx, config, base, merged, pulls, change.path, change.status);
    if (!decision.approved) {
      planned.push({ item: itemOf(decision, change.status, 'refused', decision.reasons.join(' ')) });
      continue;
    }
    planned.push(await planAdd(config, users, decision, change.status));
  }

  const outcomes = await ctx.directory.apply(planned.flatMap((p) => (p.change ? [p.change] : [])));
  let next = 0;
  let failed = false;
  for (const p of planned) {
    if (!p.change) continue;
    const outcome = outcomes[next++]!;
    if (!outcome.done) {
      p.item.outcome = 'failed';
      p.item.detail = `${p.item.detail} Microsoft Graph did not apply it: ${outcome.detail}. Re-run the workflow to retry.`;
      failed = true;
    } else if (p.change.op === 'add') {
      p.item.outcome = outcome.detail === 'already a member' ? 'already-member' : 'granted';
    } else {
      p.item.outcome = outcome.detail === 'already not a member' ? 'not-a-member' : 'removed';
    }
  }
  await noteReadLag(ctx.directory, planned);
  return { items: planned.map((p) => p.item), failed };
}

/**
 * Graph confirms a change before every replica shows it (THREATS.md 17). Poll reads a few times, and
 * if a new membership is still not visible, say so; never write it again because of a read.
 */
async function noteReadLag(directory: Directory, planned: Planned[]): Promise<void> {
  const added = planned.filter((p) => p.change?.op === 'add' && p.item.outcome === 'granted');
  if (added.length === 0) return;
  const { pending } = await directory.confirm(added.map((p) => p.change!), { attempts: 3, delayMs: 2_000 });
  for (const p of added) {
    if (pending.some((c) => c.groupId === p.change!.groupId && c.memberId === p.change!.memberId)) {
      p.item.detail += ' Microsoft Graph confirmed the change, but its reads do not show it yet (replication lag); it usually appears within minutes, and nothing needs to be done.';
    }
  }
}

async function requirePushCommits(ctx: GrantContext): Promise<void> {
  if (/^0+$/.test(ctx.before)) throw new ConfigError('this push created the branch, so there is no "before" commit to read the configuration from; nothing is granted. Later pushes are handled normally.');
  await requireCommits(ctx.git, "the push's", { before: ctx.before, after: ctx.after });
}


async function planAdd(config: AccessConfig, users: UserResolver, decision: GrantDecision, change: 'added' | 'modified'): Promise<Planned> {
  const request = decision.request!;
  const group = config.policy.groups.get(request.group)!;
  const approvers = decision.approval?.approvers ?? [];
  const target = await users.groupAndUser(request.group, request.requester);
  if (typeof target === 'string') return { item: { ...itemOf(decision, change, 'refused', target), approvers } };
  return {
    item: { ...itemOf(decision, change, 'granted', `${request.requester} is a member of ${request.group} until ${request.expires}, approved by ${approvers.map((a) => `@${a}`).join(', ')}.`), approvers },
    change: { op: 'add', groupId: group.id, memberId: target.userId },
  };
}

/** Ends a membership unless another approved, active request still covers it (THREATS.md 10). */
async function planRemoval(ctx: GrantContext, config: AccessConfig, base: RepoFiles, merged: RepoFiles, pulls: PullFinder, users: UserResolver, path: string, change: 'deleted' | 'modified', why: string): Promise<Planned> {
  const requester = await requesterAt(base, path);
  const group = splitRequestPath(path)?.group;
  const pull = await pulls.forFile(ctx.after, path);
  const item: GrantItem = { file: path, change, ...(pull ? { pull: pull.number } : {}), ...(requester ? { requester } : {}), ...(group ? { group } : {}), outcome: 'kept', detail: '' };
  if (!requester || !group || !config.policy.groups.has(group)) {
    return { item: { ...item, outcome: 'not-a-member', detail: `${why}; its previous version names no requester or no group of the policy, so no membership came from it.` } };
  }
  const target = await users.groupAndUser(group, requester);
  if (typeof target === 'string') return { item: { ...item, outcome: 'failed', detail: `${why}, but ${target}` } };
  const covering = await coveringRequests(ctx, config, base, merged, pulls, users, group, target.userId, path);
  if (covering.length > 0) {
    return { item: { ...item, outcome: 'kept', detail: `${why}; ${requester} stays a member of ${group} because ${covering.join(', ')} still covers it.` } };
  }
  return { item: { ...item, outcome: 'removed', detail: `${why}; ${requester} is no longer a member of ${group}.` }, change: { op: 'remove', groupId: target.groupId, memberId: target.userId } };
}

async function coveringRequests(ctx: GrantContext, config: AccessConfig, base: RepoFiles, merged: RepoFiles, pulls: PullFinder, users: UserResolver, group: string, userId: string, except: string): Promise<string[]> {
  const covering: string[] = [];
  for (const path of await merged.list(`${REQUESTS_DIR}/${group}`)) {
    if (path === except) continue;
    const verdict = judgeRequest(path, await merged.read(path), config, ctx.now, 'at-rest');
    const request = verdict.request;
    if (!verdict.valid || !request || request.expiresAt <= ctx.now) continue;
    const target = await users.groupAndUser(group, request.requester);
    if (typeof target === 'string' || target.userId !== userId) continue;
    const inBase = (await base.read(path)) !== undefined;
    const decision = await decideRequest(ctx, config, base, merged, pulls, path, inBase ? 'modified' : 'added');
    if (decision.approved) covering.push(path);
  }
  return covering;
}

async function expiredAt(files: RepoFiles, config: AccessConfig, path: string, now: number): Promise<boolean> {
  const request = judgeRequest(path, await files.read(path), config, now, 'at-rest').request;
  return request !== undefined && request.expiresAt <= now;
}

function itemOf(decision: GrantDecision, change: 'added' | 'modified', outcome: GrantOutcome, detail: string): GrantItem {
  const r = decision.request;
  return { file: decision.file, change, ...(decision.pull !== undefined ? { pull: decision.pull } : {}), ...(r ? { requester: r.requester, group: r.group, expires: r.expires } : {}), outcome, detail };
}


