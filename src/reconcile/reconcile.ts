/**
 * The one reconciler behind grant (on push), the sweep (on schedule) and break-glass: level-triggered,
 * told only where to look, never what changed (invariants 11-16). It gathers and decides; it writes
 * nothing (execute/apply.ts makes its plan).
 *
 *   1. The default branch's head as GitHub has it now (not the commit an event or a re-run names).
 *   2. Every request from git alone; the groups' members (and what their backends hold) from Graph;
 *      the configuration in force and break-glass grants (a few GitHub reads, none per request).
 *   3. The remaining requests verified in bulk (GraphQL, or remembered facts), content-bound to their
 *      approved heads.
 *   4. One pure decision (decide.ts) over all of it: every Entra change (removals first), each with its
 *      backend, and the checks that follow them. When GitHub cannot be read (or answers only in part),
 *      the decision is made without its word: what nothing can cover is removed, nothing is added, so
 *      an outage or a spent budget never keeps an ended member in (GitHub's waits are bounded:
 *      github/client.ts).
 */
import { breakGlassGrantProblem, breakGlassTeams, breakGlassWindow, judgeBreakGlassRun, type BreakGlassGrant } from '../breakglass/breakglass.ts';
import { breakGlassRuns } from '../breakglass/records.ts';
import { approvalLogins, teamMemberships } from '../approval/approval.ts';
import { upnIdsOf } from '../identities/people.ts';
import { loadConfig, type AccessConfig } from '../config/config.ts';
import { approvedConfigurations, RootMovedError, type ConfigVersions, type IgnoredConfigChange } from '../config/approved.ts';
import { ConfigError } from '../diagnostics.ts';
import type { Directory, Member } from '../entra/directory.ts';
import { localBlobs, type CatFile } from '../git/cat-file.ts';
import { hasCommit, headCommit, type Git } from '../git/git.ts';
import { GitHubUnavailableError, type GitHubFacts, type GraphqlSpend, type PullFacts, type PullRef } from '../github/graphql.ts';
import { memoryChange, recall, type MemoryChange, type MemoryKey, type Recall, type Remembered } from '../memory/memory.ts';
import { UserResolver } from '../grant/resolve.ts';
import { teamKey } from '../codeowners/codeowners.ts';
import { landedChanges } from './history.ts';
import { requesterOf } from '../request/requester.ts';
import { filesAtCommit, takeInventory, type Inventory } from './inventory.ts';
import { checksOf, decide, type CheckOutcome, type EndedAccess, type EntraCheck, type GroupResult, type GroupState, type RequestResult } from './decide.ts';
import type { ChangeOutcome, EntraChange } from '../backends/backend.ts';
import { BACKENDS } from '../backends/index.ts';
import { unavailableFor, verifyRequest } from './verify.ts';
import { choosePull } from '../approval/approval.ts';
import { type PushGuarantee } from '../approval/pushers.ts';
import { listedByLogin, requesterTeamNames } from '../policy/requesters.ts';
import { lastPushGuarantee } from '../github/rules.ts';

export interface ReconcileContext {
  git: Git;
  githubFacts: GitHubFacts;
  directory: Directory;
  now: number;
  dryRun: boolean;
  /**
   * When GitHub's head of the default branch is not in the checkout: the action degrades to removals
   * from what it has (the next run grants); the CLI stops and asks for a fetch, since a laptop's clone
   * is often behind and removals from it would take away access granted since.
   */
  requireCurrentHead?: boolean;
  /**
   * A break-glass grant the running break-glass job has just decided (its own run is still in
   * progress, so GitHub does not list it as a record yet): counted like a recorded one, so the member
   * is added, and its PIM end set, by the same plan and apply as every other change.
   */
  breakGlassNow?: BreakGlassGrant;
  /**
   * Which break-glass runs since a time were reviewed (the one review rule, breakglass/review.ts), for
   * groups with breakGlass.reviewWithin; without it, an overdue use counts as unreviewed and ends.
   */
  breakGlassReviewed?: (since: number, at: { head: string; branch: string; config: AccessConfig; reader: CatFile }) => Promise<ReadonlyMap<number, boolean>>;
  /** The memory key: GitHub facts that cannot change are remembered between runs (memory/memory.ts). */
  memory?: MemoryKey;
  /** The pinned root of trust (invariant 23): the commit whose configuration every approved version descends from. */
  root?: string | undefined;
}

export interface ReconcileReport {
  head: string;
  branch: string;
  /** Set when GitHub could not be read: only removals were made. */
  degraded?: string;
  groups: GroupResult[];
  /** The run's Entra changes as decided (the removals made before GitHub was read, then the rest), each with its backend. */
  changes: EntraChange[];
  /** The reads after the writes that verify them (a removal's other paths, an add's visibility). */
  checks: EntraCheck[];
  /** What making each change did, by change id (empty until the plan is applied, and in a dry run). */
  outcomes: Map<string, ChangeOutcome>;
  /** What each check found, by check id (empty until the plan is applied). */
  checkOutcomes: Map<string, CheckOutcome>;
  requests: RequestResult[];
  /** Ended access whose sign-in sessions may still be open: whether they were revoked since could not be read (never revoked blindly). */
  sessionsUnknown: { group: string; file: string; why: string }[];
  /** Break-glass grants in force, from the break-glass workflow's runs. */
  breakGlass: (BreakGlassGrant & { userId: string })[];
  /** Changes to the configuration on the default branch that are not in force (not approved), and why. */
  configIgnored: IgnoredConfigChange[];
  /** The approved configuration at a commit of the default branch (absent when GitHub could not be read). */
  configAt?: (commit: string) => Promise<AccessConfig | string>;
  /** Whether the default branch's rulesets guarantee nobody approved their own push, as read at this run. */
  pushGuarantee: PushGuarantee;
  /** Runs of the break-glass workflow that are no record of a grant, and why. */
  breakGlassIgnored: { run: number; why: string }[];
  /** The pull requests that deleted these files (asked of GitHub only when a report needs them). */
  deletionPulls: (files: readonly string[]) => Promise<Map<string, number>>;
  config: AccessConfig;
  failed: boolean;
  dryRun: boolean;
  spend: GraphqlSpend;
  /** How verification was paid for: landings remembered and asked, entries that did not count. */
  verified?: Omit<VerifySpend, 'learned'>;
  /** What to write to the memory branch for the next run (absent without a memory key, or when nothing changes). */
  memoryChange?: MemoryChange;
}

export async function reconcile(ctx: ReconcileContext): Promise<ReconcileReport> {
  ctx.directory.warmUp?.();
  const { head, branch, degraded: headProblem } = await currentHead(ctx);
  const reader = ctx.git.catFile();
  try {
    const { config, configIgnored, versions, pushGuarantee, degraded: configProblem } = await readConfiguration(ctx, reader, head, branch, headProblem);
    const inventory = await takeInventory(ctx.git, reader, config, head, ctx.now);
    const users = new UserResolver(config, ctx.directory);
    const groups = await readGroups(config, users, ctx.directory);
    users.knownToExist(groups.flatMap((g) => g.members.map((m) => m.id)));
    const requests = await resolveUsers(inventory, users);
    const glass = await readBreakGlass(ctx, reader, config, users, head, branch, configProblem);
    let degraded = glass.degraded;
    const sessions = await endedSessions(ctx, config, groups, requests);
    const verification = degraded ? undefined : await verifyRequests(ctx, reader, requests, branch, versions!, pushGuarantee);
    if (verification?.degraded) degraded = verification.degraded;
    // The one decision, before any write: without GitHub's word only what nothing can cover is removed, and nothing is added.
    const decision = decide({
      config,
      groups,
      requests,
      breakGlass: glass.grants,
      breakGlassEnded: glass.ended,
      phase: degraded ? 'unverified' : 'verified',
      sessionsDue: sessions.due,
    });
    const planned = decision.groups;
    const { verified, change } = verification ?? {};
    return {
      head,
      branch,
      ...(degraded ? { degraded } : {}),
      groups: planned,
      changes: decision.changes,
      checks: checksOf(config, decision.groups, decision.changes),
      outcomes: new Map(),
      checkOutcomes: new Map(),
      requests,
      breakGlass: glass.grants,
      breakGlassIgnored: glass.ignored,
      sessionsUnknown: sessions.unknown,
      configIgnored,
      ...(versions ? { configAt: versions.at } : {}),
      pushGuarantee,
      deletionPulls: (files) => deletionPulls(ctx.githubFacts, requests, branch, files),
      config,
      // A group Graph would not list, or sessions whose state cannot be read, fail the run whatever is made.
      failed: planned.some((g) => g.error !== undefined) || sessions.unknown.length > 0,
      dryRun: ctx.dryRun,
      spend: ctx.githubFacts.spend,
      ...(verified ? { verified: { remembered: verified.remembered, asked: verified.asked, rejected: verified.rejected } } : {}),
      // Planned in a dry run too (it is shown, never written there), so that a dry run's plan is the real run's.
      ...(change ? { memoryChange: change } : {}),
    };
  } finally {
    reader.close();
  }
}

/**
 * The configuration in force: only approved versions count (invariant 17), with the rulesets read at
 * every run (they can change at any time). Without GitHub approved versions cannot be told apart, and
 * the checkout's configuration is used for removals only.
 */
async function readConfiguration(ctx: ReconcileContext, reader: CatFile, head: string, branch: string, headProblem: string | undefined) {
  let degraded = headProblem;
  let moved = false;
  let versions: ConfigVersions | undefined;
  let pushGuarantee: PushGuarantee = { ok: false, why: 'GitHub could not be read' };
  if (!degraded) {
    try {
      pushGuarantee = lastPushGuarantee(await ctx.githubFacts.branchRules(branch), branch);
      versions = await approvedConfigurations(ctx.git, reader, ctx.githubFacts, head, branch, pushGuarantee, ctx.root);
    } catch (error) {
      if (!(error instanceof GitHubUnavailableError) && !(error instanceof RootMovedError)) throw error;
      moved = error instanceof RootMovedError;
      degraded = `${error.message} ${onlyRemovals(ctx.dryRun)}`;
    }
  }
  // Unproven, removals only. After the root moved, the head's configuration is whatever rewrote the
  // history: the pinned root's is used where the checkout still has it.
  const unproven = moved && ctx.root && (await hasCommit(ctx.git, ctx.root)) ? ctx.root : head;
  const config = versions ? await versions.at(head) : await loadConfig(filesAtCommit(ctx.git, reader, unproven));
  if (typeof config === 'string') throw new ConfigError(config);
  const configIgnored = versions ? await versions.ignoredAt(head) : [];
  return { config, configIgnored, versions, pushGuarantee, degraded };
}

/**
 * Break-glass grants in force, from GitHub's own list of the break-glass workflow's runs: read before
 * any removal, so the sweep does not take away what was just granted. Without GitHub they cannot be
 * confirmed and are not covered (pim-backed groups keep them: Entra holds their end).
 */
async function readBreakGlass(
  ctx: ReconcileContext,
  reader: CatFile,
  config: AccessConfig,
  users: UserResolver,
  head: string,
  branch: string,
  degraded: string | undefined,
): Promise<{
  grants: (BreakGlassGrant & { userId: string })[];
  /** Uses of the window that have ended: named when their member is removed. */
  ended: (BreakGlassGrant & { userId: string })[];
  ignored: { run: number; why: string }[];
  degraded: string | undefined;
}> {
  let grants: (BreakGlassGrant & { userId: string })[] = [];
  const ended: (BreakGlassGrant & { userId: string })[] = [];
  const ignored: { run: number; why: string }[] = [];
  // A grant made now is judged under the approved configuration only: without it, nothing is added.
  const unproven = degraded;
  const window = breakGlassWindow(config.policy);
  if (!degraded && window > 0) {
    try {
      const runs = await breakGlassRuns(ctx.githubFacts, ctx.git, reader, head, ctx.now - window - 60_000);
      // Who may break glass is judged now: each run's actor in the break-glass teams, asked of GitHub now (not taken from the run).
      const pairs = runs.flatMap((run) => breakGlassTeams(config.policy).map((t) => ({ ...t, login: run.actor })));
      const memberships = pairs.length > 0 ? teamMemberships(await ctx.githubFacts.teamMemberships(pairs)) : new Set<string>();
      for (const run of runs) {
        const judged = judgeBreakGlassRun(run, config.policy, branch, memberships);
        if (!('grant' in judged)) ignored.push(judged);
        else {
          const target = await users.groupAndUser(judged.grant.group, judged.grant.login);
          if (typeof target === 'string') {
            if (judged.grant.end > ctx.now) ignored.push({ run: run.id, why: target });
          } else (judged.grant.end > ctx.now ? grants : ended).push({ ...judged.grant, userId: target.userId });
        }
      }
    } catch (error) {
      if (!(error instanceof GitHubUnavailableError)) throw error;
      degraded = error.message;
      grants = [];
      ended.length = 0;
    }
  }
  const kept = await ratifiedOrEnded(ctx, { head, branch, config, reader }, grants, ignored);
  // Ended early for want of a review: named as ended too.
  ended.push(...grants.filter((g) => !kept.includes(g)));
  grants = kept;
  if (ctx.breakGlassNow && !grants.some((b) => b.run === ctx.breakGlassNow!.run)) {
    const problem = unproven ?? breakGlassGrantProblem(ctx.breakGlassNow, config.policy);
    if (problem) throw new ConfigError(problem);
    const target = await users.groupAndUser(ctx.breakGlassNow.group, ctx.breakGlassNow.login);
    if (typeof target === 'string') throw new ConfigError(target);
    grants.push({ ...ctx.breakGlassNow, userId: target.userId });
  }
  return { grants, ended, ignored, degraded };
}

/**
 * Ratified or ended: in a group with breakGlass.reviewWithin, a use whose review issue no code owner
 * closed as completed within that time after it began covers nobody any more, and is said with why.
 */
async function ratifiedOrEnded(
  ctx: ReconcileContext,
  at: { head: string; branch: string; config: AccessConfig; reader: CatFile },
  grants: (BreakGlassGrant & { userId: string })[],
  ignored: { run: number; why: string }[],
): Promise<(BreakGlassGrant & { userId: string })[]> {
  const config = at.config;
  const limit = (b: BreakGlassGrant) => config.policy.groups.get(b.group)?.breakGlass?.reviewWithinMs;
  const overdue = grants.filter((b) => limit(b) !== undefined && ctx.now > b.start + limit(b)!);
  if (overdue.length === 0) return grants;
  // Reviews that cannot be read count as not given: an overdue use ends (fail closed), and says why.
  const reviewed = ctx.breakGlassReviewed
    ? await ctx.breakGlassReviewed(Math.min(...overdue.map((b) => b.start)) - 60_000, at).catch(() => new Map<number, boolean>())
    : new Map<number, boolean>();
  const ended = new Set(overdue.filter((b) => reviewed.get(b.run) !== true).map((b) => b.run));
  for (const b of grants.filter((g) => ended.has(g.run))) {
    ignored.push({
      run: b.run,
      why: `${b.login}'s break-glass use of ${b.group} (run ${b.run}) was not reviewed within ${config.policy.groups.get(b.group)!.breakGlass!.reviewWithinText}, so it ends now; a code owner can still close its review issue as completed, for the record.`,
    });
  }
  return grants.filter((b) => !ended.has(b.run));
}

/** Every active request verified (remembered facts where the memory key allows), and what to remember. */
async function verifyRequests(
  ctx: ReconcileContext,
  reader: CatFile,
  requests: RequestResult[],
  branch: string,
  versions: ConfigVersions,
  pushGuarantee: PushGuarantee,
): Promise<{ verified?: VerifySpend; change?: MemoryChange; degraded?: string }> {
  try {
    const needed = new Set(requests.filter((r) => (r.state === 'active' || r.state === 'invalid') && r.landing).map((r) => r.landing!.sha));
    const recalled = ctx.memory ? await recall(ctx.git, reader, ctx.memory, [...needed]) : undefined;
    const verified = await verifyAll(ctx.git, ctx.githubFacts, reader, requests, branch, ctx.now, versions.at, pushGuarantee, recalled, (refs) =>
      ctx.directory.resolveUsers(refs),
    );
    const change = ctx.memory && recalled ? memoryChange(ctx.memory, recalled, verified.learned, needed) : undefined;
    return { verified, ...(change ? { change } : {}) };
  } catch (error) {
    if (!(error instanceof GitHubUnavailableError)) throw error;
    return { degraded: error.message };
  }
}

/**
 * The default branch's head as GitHub reports it now. A re-run of an old run checks out its old
 * commit; working from GitHub's answer instead means replaying a run cannot restore ended access.
 * Without GitHub, the checkout's own head is used for removals only.
 */
/**
 * What a run does without GitHub's word, said as done; or, where nothing is applied (a dry run,
 * status), as what a run would do, so a read-only command never claims a change.
 */
function onlyRemovals(dryRun: boolean, from?: string): string {
  const where = from ? `, from ${from}` : '';
  return dryRun ? `A run now would only remove${where}, and grant nothing.` : `Only removals were made${where}; nothing was granted.`;
}

async function currentHead(ctx: ReconcileContext): Promise<{ head: string; branch: string; degraded?: string }> {
  const local = await headCommit(ctx.git);
  let branch: { name: string; head: string };
  try {
    branch = await ctx.githubFacts.defaultBranch();
  } catch (error) {
    if (!(error instanceof GitHubUnavailableError)) throw error;
    if (ctx.requireCurrentHead)
      throw new ConfigError(
        `${error.message} Without GitHub the default branch's current head is unknown, so nothing is changed from this clone; try again later.`,
      );
    return {
      head: local,
      branch: 'main',
      degraded: `${error.message} ${onlyRemovals(ctx.dryRun, `the checked-out commit ${local.slice(0, 7)}`)}`,
    };
  }
  if (await hasCommit(ctx.git, branch.head)) return { head: branch.head, branch: branch.name };
  if (ctx.requireCurrentHead)
    throw new ConfigError(
      `${branch.name} is at ${branch.head.slice(0, 7)} on GitHub, and this clone does not have that commit. Run "git fetch origin ${branch.name}" and try again.`,
    );
  const remote = (await ctx.git.catFile().read(`refs/remotes/origin/${branch.name}^{commit}`))?.oid;
  const fallback = remote || local;
  return {
    head: fallback,
    branch: branch.name,
    degraded: `${branch.name} is at ${branch.head.slice(0, 7)} on GitHub, but the checkout does not have that commit (it moved after the checkout, or the workflow checked out another commit). ${onlyRemovals(ctx.dryRun, fallback.slice(0, 7))} The run for the newer commit grants. Check out "${branch.name}" with fetch-depth: 0.`,
  };
}

async function resolveUsers(inventory: Inventory, users: UserResolver): Promise<RequestResult[]> {
  await users.prefetchUsers(inventory.records.flatMap((r) => (r.requester ? [r.requester] : [])));
  const out: RequestResult[] = [];
  for (const record of inventory.records) {
    const result: RequestResult = { ...record };
    if (record.requester) {
      const target = await users.groupAndUser(record.group, record.requester);
      if (typeof target === 'string') result.why = record.state === 'active' ? target : `${record.why ?? ''} ${target}`.trim();
      else result.userId = target.userId;
    }
    out.push(result);
  }
  return out;
}

async function readGroups(config: AccessConfig, users: UserResolver, directory: Directory): Promise<GroupState[]> {
  await users.prefetchGroups([...config.policy.groups.keys()]);
  const groups: GroupState[] = [];
  for (const g of config.policy.groups.values()) {
    const entra = await users.group(g.name);
    groups.push({ name: g.name, id: g.id, members: [], ...(typeof entra === 'string' ? { error: entra } : {}) });
  }
  // Each backend reads who holds its entries (a group's members; an entry it cannot read is left alone
  // and named, the others go on) and what it holds besides (pim: each assignment's end).
  for (const backend of Object.values(BACKENDS)) {
    const mine = groups.filter((g) => !g.error && config.policy.groups.get(g.name)!.backend === backend.name);
    if (mine.length === 0) continue;
    const holders = await backend.readHolders(
      directory,
      mine.map((g) => ({ name: g.name, id: g.id })),
    );
    for (const g of mine) {
      const listed = holders.get(g.id.toLowerCase());
      if (listed instanceof Error) g.error = `${listed.message} Nothing was changed in ${g.name}; the next run tries again.`;
      else g.members = listed ?? [];
    }
    const readable = mine.filter((g) => !g.error);
    if (readable.length === 0 || !backend.readState) continue;
    const state = await backend.readState(
      directory,
      readable.map((g) => g.id),
    );
    for (const g of readable) g.state = state.get(g.id.toLowerCase()) ?? new Map();
  }
  return groups;
}

/** How far back an access that ended by itself is looked for, to revoke its sessions (docs/threat-model.md, sessions). */
export const SESSIONS_LOOKBACK_MS = 7 * 86_400_000;

/**
 * Groups with revokeSessions: access that ended without this run's removal (Entra ended a PIM
 * assignment at its end, a removal PIM deferred, a revocation that failed before) is found from git:
 * a request of the group that expired (at its expiry) or was deleted (at the deleting commit) within
 * SESSIONS_LOOKBACK_MS, whose user is no longer a member. Its sessions are revoked when they were last
 * revoked before that end (signInSessionsValidFromDateTime, which revokeSignInSessions resets to now),
 * so each end is answered once, by whichever run sees it first. A user whose time cannot be read is
 * named and fails the run (nothing is revoked blindly: revoking signs the user out everywhere).
 */
async function endedSessions(
  ctx: ReconcileContext,
  config: AccessConfig,
  groups: readonly GroupState[],
  requests: readonly RequestResult[],
): Promise<{ due: EndedAccess[]; unknown: { group: string; file: string; why: string }[] }> {
  const candidates = endedCandidates(config, groups, requests, ctx.now);
  if (candidates.length === 0 || !ctx.directory.sessionsValidFrom) return { due: [], unknown: [] };
  const since = await ctx.directory.sessionsValidFrom([...new Set(candidates.map((c) => c.member))]);
  const due: EndedAccess[] = [];
  const unknown: { group: string; file: string; why: string }[] = [];
  for (const c of candidates) {
    const at = since.get(c.member);
    if (typeof at === 'number') {
      if (at < c.end) due.push({ group: c.group, member: c.member, end: c.end, sources: c.sources });
    } else
      unknown.push({
        group: c.group,
        file: c.file,
        why: `its access ended, but whether ${c.member}'s sign-in sessions were revoked since cannot be read: ${at ?? 'no answer'}`,
      });
  }
  return { due, unknown };
}

/** Each user's latest end of access to a revokeSessions group within the look-back, who is no longer a member. Pure. */
function endedCandidates(
  config: AccessConfig,
  groups: readonly GroupState[],
  requests: readonly RequestResult[],
  now: number,
): (EndedAccess & { file: string })[] {
  const candidates: (EndedAccess & { file: string })[] = [];
  for (const g of groups) {
    if (g.error || !config.policy.groups.get(g.name)!.revokeSessions) continue;
    const present = new Set(g.members.map((m) => m.id.toLowerCase()));
    for (const r of requests) {
      if (r.group !== g.name || !r.userId || present.has(r.userId)) continue;
      const end = r.state === 'expired' ? r.request?.expiresAt : r.state === 'deleted' ? r.landing?.time : undefined;
      if (end === undefined || end > now || end < now - SESSIONS_LOOKBACK_MS) continue;
      const same = candidates.find((c) => c.group === g.name && c.member === r.userId);
      if (!same) candidates.push({ group: g.name, member: r.userId, end, sources: [r.file], file: r.file });
      else if (end > same.end) Object.assign(same, { end, sources: [r.file, ...same.sources], file: r.file });
    }
  }
  return candidates;
}

/** The pull requests whose merges deleted `files`, for telling them what happened; empty without GitHub. */
async function deletionPulls(
  githubFacts: GitHubFacts,
  requests: readonly RequestResult[],
  branch: string,
  files: readonly string[],
): Promise<Map<string, number>> {
  const deleted = requests.filter((r) => r.state === 'deleted' && r.landing && files.includes(r.file));
  const out = new Map<string, number>();
  if (deleted.length === 0) return out;
  try {
    const { pulls } = await githubFacts.pullsOfCommits([...new Set(deleted.map((r) => r.landing!.sha))]);
    for (const r of deleted) {
      const pull = choosePull(r.landing!.sha, pulls.get(r.landing!.sha) ?? [], branch);
      if (pull) out.set(r.file, pull.number);
    }
  } catch (error) {
    if (!(error instanceof GitHubUnavailableError)) throw error;
  }
  return out;
}

/** What GitHub was asked and what was remembered while verifying (for the summary and the memory branch). */
export interface VerifySpend {
  /** Landing commits judged from remembered facts, and from facts read from GitHub now. */
  remembered: number;
  asked: number;
  /** Entries on the memory branch that did not count, and why (each was read from GitHub again). */
  rejected: { landing: string; why: string }[];
  /** Facts read now that the next run need not ask for. */
  learned: Remembered[];
}

/**
 * Verifies every active request in bulk: sets each one's `verification`. Landing commits remembered
 * on the memory branch (memory/memory.ts) are judged from those facts; the rest from GitHub, in bulk.
 * Either way every rule is judged again, with team membership and the push guarantee read now.
 */
export async function verifyAll(
  git: Git,
  githubFacts: GitHubFacts,
  reader: CatFile,
  requests: RequestResult[],
  branch: string,
  now: number,
  configAt: (commit: string) => Promise<AccessConfig | string>,
  pushGuarantee: PushGuarantee,
  memory?: Recall,
  resolveUsers?: Directory['resolveUsers'],
): Promise<VerifySpend> {
  // Invalid requests are verified too, only so their pull requests hear every reason; they never count.
  const active = requests.filter((r) => (r.state === 'active' || r.state === 'invalid') && r.userId && r.landing && r.bytes);
  verifyUnlanded(requests, branch, now);
  const configs = await baseConfigs(active, configAt);
  const landings = new Set(active.map((r) => r.landing!.sha));
  const remembered = new Map([...(memory?.found ?? [])].filter(([sha, e]) => landings.has(sha) && e.chosen.baseRefName === branch));
  const ask = [...landings].filter((sha) => !remembered.has(sha));
  const membership = requesterMemberships(active, configs, remembered);
  const [{ pulls: fresh, unavailable: commitsUnread, memberships }, landed] = await Promise.all([
    githubFacts.pullsOfCommits(ask, [], membership.pairs),
    landedChanges(git, [...new Map(active.map((r) => [r.landing!.sha, r.landing!])).values()]),
  ]);
  const { teams, askedTeams } = membership.answer(memberships);
  const associated = new Map<string, PullRef[]>([...fresh, ...[...remembered].map(([sha, e]) => [sha, [e.chosen]] as [string, PullRef[]])]);
  const { pulls, blobs, chosen, unavailable } = await pullFacts(githubFacts, reader, active, branch, associated, remembered);
  const whyUnavailable = (r: RequestResult, number: number | undefined) =>
    unavailableFor(
      r.landing!.sha,
      associated.get(r.landing!.sha)?.find((p) => p.number === number),
      r.file,
      { commits: commitsUnread, ...unavailable },
    );
  const upnIds = await peopleOf(active, configs, pulls, chosen, resolveUsers);

  for (const r of active) {
    const landing = r.landing!;
    const parent = landing.parents[0];
    const number = chosen.get(r);
    const pull: PullFacts | undefined = number !== undefined ? pulls.get(number) : undefined;
    const before = parent ? await reader.read(`${parent}:${r.file}`) : undefined;
    r.verification = verifyRequest({
      file: r.file,
      blob: r.blob!,
      content: { size: r.bytes!.length, bytes: r.bytes! },
      landing: { sha: landing.sha, parents: landing.parents, landed: landed.get(landing.sha) ?? [], time: landing.time },
      baseConfig: parent ? configs.get(parent)! : `commit ${landing.sha.slice(0, 7)} has no parent, so there is no configuration it was merged under.`,
      baseRequester: before === undefined ? undefined : requesterOf(before.bytes, r.file) || null,
      defaultBranch: branch,
      candidates: associated.get(landing.sha) ?? [],
      pull,
      headBlob: pull ? blobs.get(`${pull.headRefOid}:${r.file}`) : undefined,
      teams: teams.get(r) ?? new Map(),
      pushGuarantee,
      upnIds,
      now: r.judgeAt ?? now,
      unavailable: whyUnavailable(r, number),
    });
  }
  await explainUnseenTeams(githubFacts, active);
  // Landings asked now, and remembered ones whose team verdicts were asked now (older entries): remembered anew.
  const asking = new Set([...ask, ...askedTeams]);
  return {
    remembered: remembered.size,
    asked: ask.length,
    rejected: memory?.rejected ?? [],
    learned: learnedFacts(
      active.filter((r) => asking.has(r.landing!.sha)),
      chosen,
      associated,
      pulls,
      blobs,
      teams,
    ),
  };
}

/**
 * Which pull request each request is judged by, its facts, and the blob at its approved head:
 * remembered, from the checkout where the head commit is there (merge commits), else from GitHub.
 */
async function pullFacts(
  githubFacts: GitHubFacts,
  reader: CatFile,
  active: readonly RequestResult[],
  branch: string,
  associated: ReadonlyMap<string, PullRef[]>,
  remembered: ReadonlyMap<string, Remembered>,
) {
  const known = new Map<number, PullFacts>();
  const knownBlobs = new Map<string, string | null>();
  for (const e of remembered.values()) {
    known.set(e.pull.number, e.pull);
    for (const [spec, blob] of Object.entries(e.blobs)) knownBlobs.set(spec, blob);
  }
  const chosen = new Map<RequestResult, number>();
  const wanted = new Map<number, boolean>();
  const specs: string[] = [];
  for (const r of active) {
    const pull = choosePull(r.landing!.sha, associated.get(r.landing!.sha) ?? [], branch);
    if (!pull) continue;
    chosen.set(r, pull.number);
    // GitHub's file list is needed where git cannot see the whole pull request (no merge commit).
    const needFiles = r.landing!.parents.length < 2;
    const have = known.get(pull.number);
    if (!have || (needFiles && !have.files)) wanted.set(pull.number, (wanted.get(pull.number) ?? false) || needFiles);
    const spec = `${pull.headRefOid}:${r.file}`;
    if (!knownBlobs.has(spec)) specs.push(spec);
  }
  const { local, remote } = await localBlobs(reader, specs);
  const asked = await githubFacts.pulls(
    [...wanted].map(([number, files]) => ({ number, files })),
    remote,
  );
  return { pulls: new Map([...known, ...asked.pulls]), blobs: new Map([...knownBlobs, ...local, ...asked.blobs]), chosen, unavailable: asked.unavailable };
}

/**
 * The facts read now that cannot change any more, per landing commit: its merged pull request into the
 * default branch (as chosen), that pull request's facts, and the blobs at its head of every request
 * file the commit landed. A landing with anything missing is not remembered (it is asked again).
 */
function learnedFacts(
  requests: readonly RequestResult[],
  chosen: ReadonlyMap<RequestResult, number>,
  associated: ReadonlyMap<string, PullRef[]>,
  pulls: ReadonlyMap<number, PullFacts>,
  blobs: ReadonlyMap<string, string | null>,
  teams: ReadonlyMap<RequestResult, ReadonlyMap<string, ReadonlySet<string> | string>>,
): Remembered[] {
  const byLanding = new Map<string, RequestResult[]>();
  for (const r of requests) byLanding.set(r.landing!.sha, [...(byLanding.get(r.landing!.sha) ?? []), r]);
  const out: Remembered[] = [];
  for (const [landing, rs] of byLanding) {
    const numbers = new Set(rs.map((r) => chosen.get(r)));
    const number = [...numbers][0];
    const pull = number === undefined ? undefined : pulls.get(number);
    const ref = (associated.get(landing) ?? []).find((p) => p.number === number);
    // A review whose teams GitHub would not show is no fact to keep: asked again once a token can read them.
    if (numbers.size !== 1 || !pull || !ref || !pull.merged || !pull.mergedAt || pull.reviews.some((r) => r.onBehalfOfUnread)) continue;
    const specs = rs.map((r) => `${pull.headRefOid}:${r.file}`);
    if (!specs.every((s) => blobs.has(s))) continue;
    // Team verdicts as judged now; a team that could not be read leaves the landing to be asked again.
    const verdicts = rs.flatMap((r) => [...(teams.get(r) ?? new Map())].map(([team, members]) => [team, members, r.requester!.toLowerCase()] as const));
    if (verdicts.some(([, members]) => typeof members === 'string')) continue;
    const judged = Object.fromEntries(verdicts.map(([team, members, login]) => [`${team}:${login}`, (members as ReadonlySet<string>).has(login)]));
    out.push({
      landing,
      chosen: ref,
      pull,
      blobs: Object.fromEntries(specs.map((s) => [s, blobs.get(s)!])),
      ...(verdicts.length > 0 ? { teams: judged } : {}),
    });
  }
  return out;
}

/**
 * The approved configuration before each landing commit (invariants 1 and 17): the rules the pull
 * request could not change, in versions that were themselves approved.
 */
async function baseConfigs(
  requests: readonly RequestResult[],
  configAt: (commit: string) => Promise<AccessConfig | string>,
): Promise<Map<string, AccessConfig | string>> {
  const configs = new Map<string, AccessConfig | string>();
  for (const r of requests) {
    const parent = r.landing!.parents[0];
    if (!parent || configs.has(parent)) continue;
    const config = await configAt(parent);
    configs.set(parent, typeof config === 'string' ? `${config} Nothing merged on top of it can be verified.` : config);
  }
  return configs;
}

/**
 * Each request's requester teams ("org/slug" -> the requester when a member, or why the team could not
 * be read): for a group whose `requesters` name teams and not the requester by login. Remembered where
 * the landing's entry holds the verdict (fixed when first verified); the rest asked of GitHub per
 * requester and team, in bulk (in the same query as the landing commits' pull requests), never by
 * listing a team (its size costs nothing).
 */
function requesterMemberships(
  requests: readonly RequestResult[],
  configs: ReadonlyMap<string, AccessConfig | string>,
  remembered: ReadonlyMap<string, Remembered>,
) {
  const teams = new Map<RequestResult, Map<string, Set<string> | string>>();
  const asked: { r: RequestResult; team: string; pair: { org: string; slug: string; login: string } }[] = [];
  for (const r of requests) {
    const config = configs.get(r.landing!.parents[0] ?? '');
    const requesters = config && typeof config !== 'string' ? config.policy.groups.get(r.group)?.requesters : undefined;
    if (!requesters || !r.requester || listedByLogin(r.requester, requesters)) continue;
    const login = r.requester.toLowerCase();
    const mine = new Map<string, Set<string> | string>();
    teams.set(r, mine);
    for (const t of requesterTeamNames(requesters)) {
      const team = teamKey(t);
      const known = remembered.get(r.landing!.sha)?.teams?.[`${team}:${login}`];
      if (known !== undefined) mine.set(team, new Set(known ? [login] : []));
      else asked.push({ r, team, pair: { org: t.org, slug: t.slug, login } });
    }
  }
  return {
    /** The (team, login) pairs to ask GitHub. */
    pairs: asked.map((a) => a.pair),
    /** Each request's verdicts once GitHub answered the pairs, and the landings whose verdicts were asked now. */
    answer(read: ReadonlyMap<string, Set<string> | string>) {
      for (const { r, team, pair } of asked) {
        const members = read.get(team);
        teams.get(r)!.set(team, typeof members === 'string' ? members : new Set(members?.has(pair.login) ? [pair.login] : []));
      }
      return { teams, askedTeams: new Set(asked.map((x) => x.r.landing!.sha)) };
    },
  };
}

/**
 * A review that counted for none of the file's owner teams may be one GitHub did not show (a token
 * that cannot read the organisation's teams sees no team a review was given on behalf of): each such
 * reviewer is asked about those teams, and a team that cannot be read is named with the token to use.
 * One query, and only when such a review was not counted.
 */
async function explainUnseenTeams(githubFacts: GitHubFacts, requests: readonly RequestResult[]): Promise<void> {
  const unseen = requests.flatMap((r) =>
    (r.verification?.approval?.ignored ?? []).flatMap((i) =>
      (i.ownerTeams ?? []).flatMap((t) => (t.kind === 'team' ? [{ r, pair: { org: t.org, slug: t.slug, login: i.reviewer } }] : [])),
    ),
  );
  if (unseen.length === 0) return;
  // Only words: without an answer the refusal stands as it is.
  const read = await githubFacts.teamMemberships(unseen.map((u) => u.pair)).catch((error: unknown) => {
    if (error instanceof GitHubUnavailableError) return new Map<string, Set<string> | string>();
    throw error;
  });
  for (const { r, pair } of unseen) {
    const why = read.get(`${pair.org}/${pair.slug}`.toLowerCase());
    if (typeof why === 'string' && !r.verification!.reasons.includes(why)) r.verification!.reasons.push(why);
  }
}

/** The UPNs' object ids that tell people apart where approvers are compared with the requester, author and pushers (identities/people.ts). */
function peopleOf(
  active: readonly RequestResult[],
  configs: ReadonlyMap<string, AccessConfig | string>,
  pulls: ReadonlyMap<number, PullFacts>,
  chosen: ReadonlyMap<RequestResult, number>,
  resolveUsers: Directory['resolveUsers'] | undefined,
) {
  return upnIdsOf(
    active.flatMap((r) => {
      const config = configs.get(r.landing!.parents[0] ?? '');
      const pull = pulls.get(chosen.get(r) ?? -1);
      return config && typeof config !== 'string' && pull ? [{ identities: config.identities, logins: approvalLogins(r.requester, pull) }] : [];
    }),
    resolveUsers,
  );
}

/** Active requests no commit within the horizon landed: refused (no approval of them can still be in force). */
function verifyUnlanded(requests: RequestResult[], branch: string, now: number): void {
  for (const r of requests) if (r.state === 'active' && r.userId && !r.landing) r.verification = verifyRequest(evidenceWithout(r, branch, r.judgeAt ?? now));
}

function evidenceWithout(r: RequestResult, branch: string, now: number) {
  return {
    file: r.file,
    blob: r.blob ?? '',
    content: { size: 0 },
    landing: undefined,
    baseConfig: '',
    baseRequester: undefined,
    defaultBranch: branch,
    candidates: [],
    pull: undefined,
    headBlob: undefined,
    teams: new Map(),
    pushGuarantee: { ok: false as const, why: '' },
    now,
  };
}

export type { Member };
