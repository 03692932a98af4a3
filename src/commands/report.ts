/**
 * `report`: the report's facts, the reconciler's view without changing anything, git history and
 * GitHub runs, gathered as a command like the others; report/ figures and renders them.
 */
import { ROLE_WRITERS } from '../entra/azure-built-in-roles.ts';
import { usesSince } from './context.ts';
import { BACKENDS } from '../backends/index.ts';
import { useRow } from '../breakglass/uses.ts';
import type { BranchContext } from './context.ts';
import type { AccessConfig } from '../config/config.ts';
import type { PushGuarantee } from '../approval/pushers.ts';
import { reconcileRuns } from '../breakglass/records.ts';
import { endings, removalLateness, type RequestVersion } from '../report/lateness.ts';
import { GitHubFacts, GitHubUnavailableError } from '../github/graphql.ts';
import { firstParentLog, type LogCommit } from '../reconcile/history.ts';
import { requestVersions } from '../report/request-versions.ts';
import { reconcile, verifyAll } from '../reconcile/reconcile.ts';
import type { RequestResult } from '../reconcile/decide.ts';
import { exemptionsDue as exemptionsDueOf, type Policy } from '../policy/policy.ts';
import type { ActiveGrant, GroupFigures, History, Overdue, ReportData } from '../report/render.ts';
import { blastRadius, standingByWeek, weeklyTrend, type BlastRadius } from '../report/blast-radius.ts';
import { standingMembers } from '../memory/history.ts';

export interface ReportContext extends BranchContext {
  days?: number;
  /** The sweep's workflow file, for "last successful sweep". */
  revokeWorkflow?: string;
  /** The grant workflow's file: its runs remove ended access too. */
  grantWorkflow?: string;
}

const REVOKE_INTERVAL_MS = 15 * 60_000;

export async function collectReport(ctx: ReportContext): Promise<ReportData> {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  const state = await reconcile({ git: ctx.git, githubFacts, directory: ctx.directory, now: ctx.now, dryRun: true, ...(ctx.root ? { root: ctx.root } : {}) });
  const grants: ActiveGrant[] = [];
  for (const r of state.requests) {
    if (r.state === 'active' && r.verification?.approved && r.request)
      grants.push({ group: r.group, requester: r.request.requester, file: r.file, since: r.verification.mergedAt ?? '', expires: r.request.expires });
  }
  const { groups, overdue } = groupFigures(state, ctx.now);
  // Without GitHub the report still shows Entra's side; what only GitHub knows is left out, not guessed.
  const lastRevokeRun = state.degraded ? undefined : await lastSweep(ctx, state).catch(() => undefined);
  // Break-glass uses of the window, from the review issues (none to read without GitHub).
  const since = ctx.now - (ctx.days ?? 30) * 86_400_000;
  const uses = state.degraded ? undefined : await readUses(ctx, githubFacts, state, since);
  const breakGlass = Array.isArray(uses) ? uses : undefined;
  const exemptionsDue = exemptionsDueOf(state.config.policy, ctx.now).map(({ group, entry }) => ({
    group,
    id: entry.id,
    reason: entry.reason,
    review: entry.review,
  }));
  const blast = await blastOf(ctx, state, groups);
  return {
    generatedAt: ctx.now,
    ...(blast ? { blast } : {}),
    ...(state.degraded ? { degraded: state.degraded } : {}),
    ...(breakGlass ? { breakGlass } : {}),
    ...(typeof uses === 'string' ? { breakGlassUnknown: uses } : {}),
    exemptionsDue,
    lastRevokeRun,
    revokeIntervalMs: REVOKE_INTERVAL_MS,
    grants,
    groups,
    overdue,
    history: await history(
      ctx,
      githubFacts,
      state.head,
      state.branch,
      state.config.policy,
      state.degraded === undefined ? state.configAt : undefined,
      state.pushGuarantee,
    ),
  };
}

/**
 * The blast radius: standing members weighted by what each group leads to (the effective-access
 * catalogue, read from Graph), against the hours elevated through requests (the evidence of 90 days;
 * none counted when GitHub cannot say). Undefined when the catalogue cannot be read at all.
 */
async function blastOf(ctx: ReportContext, state: Awaited<ReturnType<typeof reconcile>>, groups: GroupFigures[]): Promise<BlastRadius | undefined> {
  const { catalogueOfPolicy, heaviest } = await import('../entra/catalogue.ts');
  const catalogue = await catalogueOfPolicy(ctx.directory, state.config.policy, ctx.now).catch(() => undefined);
  if (!catalogue) return undefined;
  const weights = new Map(catalogue.groups.map((g) => [g.group, heaviest(g)]));
  let rows: { group: string; grantedAt: string; endedAt: string; plannedEnd: string }[] = [];
  if (!state.degraded) {
    const { collectEvidence } = await import('./evidence.ts');
    rows = await collectEvidence({ ...ctx, from: ctx.now - 90 * 86_400_000, to: ctx.now }).catch(() => []);
  }
  // The automation itself, where it may write Azure role assignments: a standing app that can grant (docs/threat-model.md 80).
  const automation = await automationReach(ctx, state.config.policy);
  if (automation) weights.set(automation.group, automation.weight);
  // Without GitHub the hours elevated are not known (the requests and break-glass runs were not read): said, not zero.
  const blast = blastRadius(
    [
      ...groups.filter((g) => !g.error).map((g) => ({ group: g.group, standingUsers: g.standingUsers ?? 0, standingApps: g.standingApps ?? 0 })),
      ...(automation ? [{ group: automation.group, standingUsers: 0, standingApps: 1 }] : []),
    ],
    weights,
    rows,
    ctx.now,
    new Set(catalogue.groups.filter((g) => g.unknown.length > 0).map((g) => g.group)),
  );
  const privileged = new Set([...weights].filter(([, w]) => w >= 10).map(([g]) => g));
  const history = await standingHistory(ctx, privileged);
  if (state.degraded) blast.elevatedUnknown = true;
  blast.trend = weeklyTrend(TREND_WEEKS, ctx.now, await exemptionsByWeek(ctx, state, privileged), rows, history.standingAt);
  blast.history = history.note;
  return blast;
}

/**
 * The app's own standing power over Azure role assignments at the policy's Azure entries' scopes: a
 * row of the blast radius, weighted as privileged (it can grant the policy's roles to any user), and
 * as control of everything there when its role has no condition. Undefined when the policy grants no
 * Azure role or the assignments cannot be read.
 */
async function automationReach(ctx: ReportContext, policy: Policy): Promise<{ group: string; weight: number } | undefined> {
  const scopes = [...policy.groups.values()].flatMap((g) => (g.azureRole ? [g.azureRole.scope] : []));
  if (scopes.length === 0 || !ctx.directory.signedInPrincipal) return undefined;
  const me = await ctx.directory.signedInPrincipal().catch(() => undefined);
  if (!me) return undefined;
  const { assignmentsAt } = await import('../backends/azure-target.ts');
  const listed = await assignmentsAt(ctx.directory, scopes);
  const writers = [...listed.values()].flatMap((l) => (Array.isArray(l) ? l : [])).filter((a) => a.principalId === me && ROLE_WRITERS.has(a.roleId));
  if (writers.length === 0) return undefined;
  const unconditioned = writers.some((w) => w.condition === undefined);
  return { group: `automation: writes Azure role assignments${unconditioned ? ' (no condition)' : ''}`, weight: unconditioned ? 100 : 10 };
}

/** Standing members of the privileged groups week by week, from the points the sweep recorded on the memory branch. */
async function standingHistory(ctx: ReportContext, privileged: ReadonlySet<string>): Promise<{ standingAt: (number | undefined)[]; note: string }> {
  if (!ctx.memory)
    return {
      standingAt: [],
      note: 'Standing members are recorded each day by the sweep on the memory branch; this report was made without the memory key, so they are not shown week by week.',
    };
  const { readHistory } = await import('../memory/history.ts');
  const reader = ctx.git.catFile();
  try {
    const history = await readHistory(ctx.git, reader, ctx.memory);
    const rejected = history.rejected.length
      ? ` ${history.rejected.length} day${history.rejected.length === 1 ? '' : 's'} on the memory branch did not count (${history.rejected[0]!.day}: ${history.rejected[0]!.why}): someone other than the sweep wrote there, or the key changed.`
      : '';
    return {
      standingAt: standingByWeek(TREND_WEEKS, ctx.now, history.points, privileged),
      note: `Standing members as the sweep recorded them: ${history.points.length} day${history.points.length === 1 ? '' : 's'} recorded${history.points[0] ? ` since ${history.points[0].day}` : ''}.${rejected}`,
    };
  } finally {
    reader.close();
  }
}

const TREND_WEEKS = 13;

/** Standing exemptions of the given groups in the approved policy at the end of each of the last weeks (index 0: now). */
async function exemptionsByWeek(
  ctx: ReportContext,
  state: Awaited<ReturnType<typeof reconcile>>,
  groups: ReadonlySet<string>,
): Promise<(number | undefined)[]> {
  const out: (number | undefined)[] = [];
  for (let w = 0; w < TREND_WEEKS; w++) {
    const at = ctx.now - w * 7 * 86_400_000;
    const commit = (await ctx.git.run(['rev-list', '-1', '--first-parent', `--before=${Math.floor(at / 1000)}`, state.head])).toString('utf8').trim();
    const config = commit && state.configAt ? await state.configAt(commit).catch(() => undefined) : undefined;
    out.push(
      config && typeof config !== 'string'
        ? [...config.policy.groups.values()].filter((g) => groups.has(g.name)).reduce((n, g) => n + g.standing.length, 0)
        : commit === ''
          ? 0
          : undefined,
    );
  }
  return out;
}

/** Per group: members, covered, standing, drift; and expiries more than one sweep interval overdue. */
function groupFigures(state: Awaited<ReturnType<typeof reconcile>>, now: number): { groups: GroupFigures[]; overdue: Overdue[] } {
  const groups: GroupFigures[] = [];
  const overdue: Overdue[] = [];
  for (const g of state.groups) {
    if (g.error) {
      groups.push({ group: g.group, mode: g.mode, members: 0, covered: 0, standingExempt: 0, drift: [], error: g.error });
      continue;
    }
    const present = g.dispositions.filter((d) => d.action !== 'add');
    const standing = standingMembers(g.dispositions);
    groups.push({
      group: g.group,
      mode: g.mode,
      members: present.length,
      covered: present.filter((d) => d.reason === 'active' || d.reason === 'unverified').length,
      standingExempt: present.filter((d) => d.reason === 'standing').length,
      drift: present.filter((d) => d.reason === 'ended' || d.reason === 'drift').map((d) => d.id),
      standingUsers: standing.users,
      standingApps: standing.apps,
    });
    // Expired more than one sweep interval ago, and the member is still there.
    for (const d of present.filter((x) => x.reason === 'ended')) {
      for (const file of d.files) {
        const r = state.requests.find((x) => x.file === file);
        if (r?.state === 'expired' && r.request && r.request.expiresAt < now - REVOKE_INTERVAL_MS)
          overdue.push({ group: g.group, requester: r.request.requester, file, expires: r.request.expires });
      }
    }
  }
  return { groups, overdue };
}

/** When the last sweep that is a record (not a same-named workflow on a branch: THREATS 62) finished. */
async function lastSweep(ctx: ReportContext, at: { head: string; branch: string }): Promise<string | undefined> {
  // The newest page of successful runs (100), however old: an overdue sweep is shown with its age.
  const { runs } = await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.revokeWorkflow ?? 'access-revoke.yml', 0, true);
  // As of the report's moment: a run that finished after it (a report made --at a past time) is not yet the last.
  const last = Math.max(...runs.map((r) => r.completedAt).filter((t) => t <= ctx.now));
  return Number.isFinite(last) ? new Date(last).toISOString() : undefined;
}

/**
 * Break-glass uses of the window with the one review rule's verdict, or why they are not known (a
 * refused permission included): the section says so instead of disappearing.
 */
async function readUses(ctx: ReportContext, githubFacts: GitHubFacts, state: { head: string; branch: string; config: AccessConfig }, since: number) {
  const reader = ctx.git.catFile();
  try {
    return (await usesSince(ctx, githubFacts, reader, state, since)).map(useRow);
  } catch (error) {
    if (error instanceof GitHubUnavailableError || (error as { status?: number }).status !== undefined) return (error as Error).message;
    throw error;
  } finally {
    reader.close();
  }
}

/**
 * Requests added to the default branch in the last `days` days, each judged as the reconciler judged
 * it when it merged (the same bulk verification), so only what was really granted counts as elevation.
 */
async function history(
  ctx: ReportContext,
  githubFacts: GitHubFacts,
  head: string,
  branch: string,
  policy: Policy,
  configAt: ((commit: string) => Promise<AccessConfig | string>) | undefined,
  pushGuarantee: PushGuarantee,
): Promise<History> {
  const days = ctx.days ?? 30;
  const since = ctx.now - days * 86_400_000;
  const result: History = { days, requestsPerGroup: {}, grantedPerGroup: {}, elevations: [], approvalLatencies: [] };
  // Requests that ended in the window may have landed up to the longest maxDuration before it.
  const reach = Math.max(0, ...[...policy.groups.values()].map((g) => g.maxDurationMs));
  const log = await firstParentLog(ctx.git, head, since - reach);
  const reader = ctx.git.catFile();
  try {
    const { versions, added, deletions } = await requestVersions(reader, log, new Set(policy.groups.keys()), since, result);
    let verified = configAt !== undefined;
    try {
      if (configAt)
        await verifyAll(ctx.git, githubFacts, reader, versions, branch, ctx.now, configAt, pushGuarantee, undefined, (refs) =>
          ctx.directory.resolveUsers(refs),
        );
    } catch (error) {
      if (!(error instanceof GitHubUnavailableError)) throw error;
      verified = false;
    }
    // Unknown rather than wrong: without GitHub's approvals and run times there is nothing to measure.
    if (verified) {
      const measured = await removals(ctx, { head, branch }, versions, deletions, since, policy).catch((error: unknown) => {
        if (typeof (error as { status?: unknown }).status === 'number') return undefined;
        throw error;
      });
      result.removals = measured?.lateness;
      if (measured?.cut) result.runsCut = true;
    }
    grantFigures(
      result,
      versions.filter((v) => added.has(v)),
      log,
      ctx.now,
    );
  } finally {
    reader.close();
  }
  return result;
}

/** Granted requests per group, how long each elevation lasted, and how long approval took. */
function grantFigures(result: History, added: readonly RequestResult[], log: readonly LogCommit[], now: number): void {
  const seenPulls = new Set<number>();
  for (const v of added) {
    const verdict = v.verification;
    if (!verdict?.approved || !v.request) continue;
    result.grantedPerGroup[v.group] = (result.grantedPerGroup[v.group] ?? 0) + 1;
    const mergedAt = Date.parse(verdict.mergedAt ?? '') || v.landing!.time;
    const deleted = log.filter((c) => c.time >= v.landing!.time && c.changes.some((ch) => ch.path === v.file && ch.status === 'D')).map((c) => c.time);
    const end = Math.min(v.request.expiresAt, now, ...deleted);
    if (end > mergedAt) result.elevations.push({ file: v.file, ms: end - mergedAt });
    if (verdict.pull !== undefined && !seenPulls.has(verdict.pull) && verdict.createdAt) {
      seenPulls.add(verdict.pull);
      result.approvalLatencies.push({ pull: verdict.pull, ms: mergedAt - Date.parse(verdict.createdAt) });
    }
  }
}

/** Endings in the window and how late the runs GitHub recorded removed them. */
async function removals(
  ctx: ReportContext,
  at: { head: string; branch: string },
  versions: readonly RequestResult[],
  deletions: ReadonlyMap<string, number[]>,
  since: number,
  policy: Policy,
) {
  const judged: RequestVersion[] = versions
    .filter((v) => v.request && v.landing && v.verification)
    .map((v) => ({
      file: v.file,
      group: v.group,
      requester: v.request!.requester,
      landed: v.landing!.time,
      expiresAt: v.request!.expiresAt,
      approved: v.verification!.approved,
    }));
  const ended = endings(judged, deletions, since, ctx.now);
  if (ended.length === 0) return { lateness: [], cut: false };
  // Runs from the day of the first ending on: one request per 100 runs of each workflow.
  const from = ended[0]!.at;
  const listings = [
    await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.revokeWorkflow ?? 'access-revoke.yml', from),
    await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.grantWorkflow ?? 'access-grant.yml', from),
  ];
  const runs = listings.flatMap((l) => l.runs);
  return {
    lateness: removalLateness(ended, runs, new Map([...policy.groups.values()].map((g) => [g.name, BACKENDS[g.backend].endsItself !== undefined]))),
    cut: listings.some((l) => l.cut),
  };
}
