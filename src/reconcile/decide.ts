/**
 * The decision, pure: from the facts a run gathered (the configuration in force, each group's members
 * and what its backend holds, every request with its verification, break-glass grants), who should hold
 * each group and the Entra changes that make it so, each with a stable id, its reason and the backend
 * that makes it (backends). Nothing here reads or writes anything.
 */
import { breakGlassSource, type BreakGlassGrant } from '../breakglass/breakglass.ts';
import type { AccessConfig } from '../config/config.ts';
import type { Member } from '../entra/directory.ts';
import { BACKENDS } from '../backends/index.ts';
import { isAddition, isRemoval, type EndOf, type EntraChange, type EntraCheck } from '../backends/backend.ts';
export type { CheckOutcome, EntraCheck } from '../backends/backend.ts';
import { revokeSessionsChange } from '../backends/sessions.ts';
import type { RequestRecord } from './inventory.ts';
import { planGroup } from './group-plan.ts';
import type { Disposition } from './group-plan.ts';
import type { RequestVerification } from './verify.ts';
import type { BackendName } from '../backends/backend.ts';

/** What became of one member's change once it was made. */
export type Outcome = 'added' | 'already-member' | 'removed' | 'already-gone' | 'updated' | 'failed';

/**
 * One member's decision, as planned and as applied. In a pim group, `end` is when Entra ends the
 * assignment (adds, and `update` when an approved request moved the end), and `justification` names
 * the request files, pull request and ticket.
 */
export type PlannedDisposition = Omit<Disposition, 'action'> & {
  action: Disposition['action'] | 'update';
  outcome?: Outcome;
  detail?: string;
  end?: string;
  justification?: string;
  /** Groups with revokeSessions: the ended member's sign-in sessions, 'revoked' or why not. */
  sessions?: string;
  /** A removal checked afterwards: how the user still holds the group (a nested group), when they do. */
  stillHeld?: string;
  /** A removal whose check Graph did not answer: why it could not be verified (never taken as verified). */
  unverified?: string;
};

/** One group's decision: every member's disposition, the request files that count for nothing and why. */
export interface GroupResult {
  group: string;
  mode: 'enforce' | 'audit';
  backend: BackendName;
  dispositions: PlannedDisposition[];
  ignored: { file: string; why: string }[];
  error?: string;
}

/** A request as gathered: its record, its requester's Entra user, and its verification. */
export interface RequestResult extends RequestRecord {
  userId?: string;
  verification?: RequestVerification;
  /** Judge as of this time instead of now (the report judges past versions as of their merge). */
  judgeAt?: number;
}

/** One group as read: its members, and what its backend reads besides (pim: each assignment's end). */
export interface GroupState {
  name: string;
  id: string;
  members: Member[];
  state?: Map<string, string | null>;
  error?: string;
}

export interface Facts {
  config: AccessConfig;
  groups: readonly GroupState[];
  requests: readonly RequestResult[];
  breakGlass: readonly (BreakGlassGrant & { userId: string })[];
  /** Break-glass uses that have ended, so that a removal names the use that ended rather than some other file. */
  breakGlassEnded?: readonly (BreakGlassGrant & { userId: string })[];
  /**
   * 'unverified': before GitHub is asked (every active request only protects its member: the plan
   * holds the removals nothing can cover); 'verified': only verified requests count, and are added.
   */
  phase: 'unverified' | 'verified';
  /**
   * Groups with revokeSessions: access that ended by itself (Entra ended a PIM assignment, or a
   * member was removed and its sessions were not revoked then) since the user's sessions were last
   * revoked: each gets its revocation once (reconcile.ts, endedSessions).
   */
  sessionsDue?: readonly EndedAccess[];
}

/** A user's access to a group that ended at `end`, with the request files behind it. */
export interface EndedAccess {
  group: string;
  member: string;
  end: number;
  sources: string[];
}

export interface Decision {
  groups: GroupResult[];
  /** Every Entra change, removals first. */
  changes: EntraChange[];
}

export function decide(facts: Facts): Decision {
  const groups = facts.groups.map((g) => decideGroup(facts, g));
  const ended = (facts.sessionsDue ?? []).map((e) =>
    revokeSessionsChange(
      { name: e.group, id: facts.config.policy.groups.get(e.group)!.id },
      e.member,
      `access ended at ${new Date(e.end).toISOString()} (by Entra, or by an earlier removal), after the sign-in sessions were last revoked`,
      e.sources,
    ),
  );
  const changes = changesOf(facts.config, groups);
  // Removals first, then these (they follow access already gone), then the rest.
  const removals = changes.filter(isRemoval);
  return { groups, changes: [...removals, ...ended, ...changes.filter((c) => !isRemoval(c))] };
}

function decideGroup(facts: Facts, g: GroupState): GroupResult {
  const { config, requests, phase } = facts;
  const policy = config.policy.groups.get(g.name)!;
  const result: GroupResult = { group: g.name, mode: policy.mode, backend: policy.backend, dispositions: [], ignored: [] };
  if (g.error) return { ...result, error: g.error };
  const active = new Map<string, string[]>();
  const unverified = new Map<string, string[]>();
  const ended = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, id: string, file: string) => map.set(id, [...(map.get(id) ?? []), file]);
  // Requests that were never approved end nothing they gave: a removal names them only when no use
  // that did hold the access (a request, a break-glass run) ended.
  const refused = new Map<string, string[]>();
  const into = { active, unverified, ended };
  for (const b of (facts.breakGlassEnded ?? []).filter((x) => x.group === g.name)) add(ended, b.userId, breakGlassSource(b.run));
  for (const r of requests.filter((x) => x.group === g.name)) {
    if (r.why && r.state !== 'active') result.ignored.push({ file: r.file, why: r.why });
    if (!r.userId) {
      if (r.state === 'active' && r.why) result.ignored.push({ file: r.file, why: r.why });
      continue;
    }
    const { kind, why } = standingOf(r, phase);
    add(kind === 'ended' && refusedRequest(r) ? refused : into[kind], r.userId, r.file);
    if (why) result.ignored.push({ file: r.file, why });
  }
  for (const [id, files] of refused) if (!ended.has(id)) ended.set(id, files);
  const glass = facts.breakGlass.filter((b) => b.group === g.name);
  for (const b of glass) add(active, b.userId, breakGlassSource(b.run));
  const planned = planGroup({ group: policy, members: g.members, active, unverified, ended });
  const backend = BACKENDS[policy.backend];
  result.dispositions = backend.shape ? backend.shape(planned, g.state, endOf(planned, requests, glass), phase === 'verified') : planned;
  return result;
}

/**
 * A request in force (not expired, deleted or unreadable) whose verification was given and refused it:
 * it never held the access, so it ends nothing (and is named as not approved, not as ended).
 */
export function refusedRequest(r: RequestResult): boolean {
  return r.state === 'active' && r.verification !== undefined && !r.verification.approved && !r.verification.unavailable;
}

/**
 * What a request with a user does for its member: protects it until verified (or while what would
 * verify it is unavailable: a partial GitHub answer is no fact, docs/threat-model.md 68), grants it
 * once approved, or ends it.
 */
function standingOf(r: RequestResult, phase: Facts['phase']): { kind: 'active' | 'unverified' | 'ended'; why?: string } {
  if (r.state !== 'active') return { kind: 'ended' };
  if (phase === 'unverified' || !r.verification) return { kind: 'unverified' };
  if (r.verification.approved) return { kind: 'active' };
  if (r.verification.unavailable) return { kind: 'unverified', why: r.verification.unavailable };
  return { kind: 'ended', why: r.verification.reasons.join(' ') };
}

/**
 * When each active member's access ends: the last of their requests and break-glass grants (a request
 * only moves a break-glass end later, never earlier), with the words that name them for Entra's audit
 * log. Every access has an end (PIM allows no permanent assignment by default).
 */
function endOf(
  planned: readonly { id: string; files: string[] }[],
  requests: readonly RequestRecord[],
  glass: readonly (BreakGlassGrant & { userId: string })[],
): EndOf {
  return (member) => {
    const d = planned.find((p) => p.id === member);
    if (!d) return undefined;
    const covering = requests.filter((r) => d.files.includes(r.file) && r.request) as RequestResult[];
    const grants = glass.filter((b) => b.userId === member);
    const end = Math.max(...covering.map((r) => r.request!.expiresAt), ...grants.map((b) => b.end));
    if (!Number.isFinite(end)) return undefined;
    const justification = `access-as-code: ${[...covering.map((r) => `${r.file}${r.verification?.pull !== undefined ? ` (#${r.verification.pull})` : ''}${r.request!.ticket ? `, ticket ${r.request!.ticket}` : ''}`), ...grants.map((b) => `break-glass by ${b.login}, run ${b.run}`)].join('; ')}`;
    return { end, justification };
  };
}

/**
 * The Entra changes of the dispositions, each made by its group's backend, removals first; in groups
 * with revokeSessions, a user's removal is followed by the revocation of their sign-in sessions.
 */
export function changesOf(config: AccessConfig, groups: readonly GroupResult[]): EntraChange[] {
  const out: EntraChange[] = [];
  for (const g of groups) {
    const policy = config.policy.groups.get(g.group)!;
    const backend = BACKENDS[policy.backend];
    for (const d of g.dispositions) {
      const change = backend.change({ name: g.group, id: policy.id }, d);
      if (!change) continue;
      out.push(change);
      if (policy.revokeSessions && isRemoval(change) && d.type === 'user')
        out.push(revokeSessionsChange({ name: g.group, id: policy.id }, d.id, `${d.id}'s access to ${g.group} ended (${d.reason})`, [...d.files], change.id));
    }
  }
  const order = (c: EntraChange) => (isRemoval(c) ? 0 : c.kind === 'revoke-sessions' ? 1 : 2);
  return out.sort((a, b) => order(a) - order(b));
}

/** The checks the changes call for: each user's removal is verified, each add confirmed. Pure. */
export function checksOf(config: AccessConfig, groups: readonly GroupResult[], changes: readonly EntraChange[]): EntraCheck[] {
  const nesting = new Set(groups.filter((g) => g.dispositions.some((d) => d.type === 'other')).map((g) => g.group));
  const out: EntraCheck[] = [];
  for (const c of changes) {
    if (!isRemoval(c) && !isAddition(c)) continue;
    const d = groups.find((g) => g.group === c.group)?.dispositions.find((x) => x.id === c.member);
    if (d?.type !== 'user') continue;
    const policy = config.policy.groups.get(c.group)!;
    const base = { backend: policy.backend, group: c.group, groupId: policy.id, member: c.member, after: c.id, nested: nesting.has(c.group) };
    if (isRemoval(c))
      out.push({ ...base, id: `verify-removal:${c.group}:${c.member}`, kind: 'verify-removal', reason: 'no other path keeps the access (invariant 20)' });
    else out.push({ ...base, id: `confirm-add:${c.group}:${c.member}`, kind: 'confirm-add', reason: "Graph's reads show the new member" });
  }
  return out;
}
