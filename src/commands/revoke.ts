/**
 * `revoke`, the scheduled sweep: the reconciler run on a schedule. It decides exactly as grant does
 * (so a grant run that was dropped or failed is made good here), and reports per group, with
 * reminders before access ends. Idempotent: a second sweep, or one after a killed sweep, changes
 * what is left and nothing else.
 *
 * Two steps, so that a door shows the plan before anything is made (invariant 18): `planRevoke`
 * gathers and decides every effect and writes nothing; `applyRevoke` makes exactly that plan. What
 * the effects say (who holds access now, today's standing point, the dashboard's table) is worded
 * again from what was made, without reading anything again; the effects themselves (ids) are the
 * planned ones.
 */
import { usesSince } from './context.ts';
import { ownersOf, type Owner } from '../codeowners/codeowners.ts';
import type { AccessConfig } from '../config/config.ts';
import type { IgnoredConfigChange } from '../config/approved.ts';
import { statusOf, type StatusReport } from '../report/status.ts';
import { exemptionsDue } from '../policy/policy.ts';
import { reconcileContext, type BranchContext } from './context.ts';
import { memoryHead, type MemoryChange, type MemoryKey } from '../memory/memory.ts';
import { historyChange, pointOf, readHistory, type History } from '../memory/history.ts';
import { GitHubFacts, GitHubUnavailableError, type GraphqlSpend } from '../github/graphql.ts';
import { DASHBOARD_LOOKBACK_MS, verdictFiles } from '../breakglass/uses.ts';
import type { ChangeOutcome, EntraChange } from '../backends/backend.ts';
import { reconcile, type ReconcileReport } from '../reconcile/reconcile.ts';
import type { GroupResult } from '../reconcile/decide.ts';
import { dueReminders, type Reminder } from '../notices/reminders.ts';
import { revokeEffects } from '../notices/revoke.ts';
import { rememberEffects, type Effect } from '../plan/effects.ts';
import { runPlan, sameEffects, type RunOutcomes, type RunPlan } from '../plan/plan.ts';
import { applyPlan } from '../execute/apply.ts';
import { executeEffects, type EffectPorts } from '../execute/executor.ts';

export type { Reminder } from '../notices/reminders.ts';

export interface RevokeContext extends BranchContext {
  dryRun: boolean;
  /** The CLI: stop when the clone lacks the default branch's head instead of degrading to removals. */
  requireCurrentHead?: boolean;
}

export interface RevokeReport {
  head: string;
  branch: string;
  groups: GroupResult[];
  /** The run's Entra changes as planned, and what making them did (by id). */
  changes: EntraChange[];
  changeOutcomes: Map<string, ChangeOutcome>;
  reminders: Reminder[];
  dryRun: boolean;
  failed: boolean;
  degraded?: string;
  spend: GraphqlSpend;
  /** How verification was paid for, and what to remember for the next run. */
  verified?: ReconcileReport['verified'];
  memoryChange?: MemoryChange;
  /** Who holds access after this run, per group (for the dashboard). */
  status: StatusReport;
  /** Standing exemptions past their review date. */
  exemptionsDue: { group: string; id: string; reason: string; review: string }[];
  /** The policy's approvals per group, for what pending pull requests still need. */
  approvals: Map<string, number>;
  /** Code owners of a path under the default branch's CODEOWNERS. */
  ownersOf: (path: string) => Owner[];
  /** The configuration the run used. */
  config: AccessConfig;
  /** Configuration changes on the default branch that are not in force (not approved). */
  configIgnored: IgnoredConfigChange[];
  /** Break-glass runs that cover nobody, and why (not a record, or not reviewed in time). */
  breakGlassIgnored: { run: number; why: string }[];
  /** Ended access whose sign-in sessions may still be open, and why that is not known (the run fails). */
  sessionsUnknown: ReconcileReport['sessionsUnknown'];
}

/** Effects a door adds to the sweep's plan (the dashboard): read once when planning, worded from a report. */
export type ExtraEffects = (planned: RevokeReport) => Promise<(report: RevokeReport) => Effect[]>;

/** A sweep planned: the whole plan, and what it needs to be made and worded again. */
export interface PlannedRevoke {
  plan: RunPlan;
  report: RevokeReport;
  reconciled: ReconcileReport;
  memory: { history?: History; verdicts: MemoryChange['files'] };
  extra: (report: RevokeReport) => Effect[];
  now: number;
  /** The memory branch's head when planned (a write builds on it). */
  memoryBase: string | undefined;
}

export async function planRevoke(ctx: RevokeContext, extra?: ExtraEffects): Promise<PlannedRevoke> {
  const reconciled = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun }));
  const remembering = ctx.memory && !reconciled.degraded;
  const memory = {
    ...(remembering ? { history: await recordedHistory(ctx, ctx.memory!) } : {}),
    verdicts: remembering ? await verdictsToRecord(ctx, ctx.memory!, reconciled) : [],
  };
  const base = await memoryHead(ctx.git);
  const report = revokeReport(ctx, reconciled, memory, base);
  const wording = extra ? await extra(report) : () => [];
  return { plan: runPlan(reconciled, effectsOf(report, ctx.now, wording)), report, reconciled, memory, extra: wording, now: ctx.now, memoryBase: base };
}

/** Makes the plan: the Entra changes and their checks, then the reminders, notices, memory write and the door's effects. */
export async function applyRevoke(planned: PlannedRevoke, ctx: RevokeContext, ports: EffectPorts): Promise<{ report: RevokeReport; outcomes: RunOutcomes }> {
  if (planned.report.dryRun) return { report: planned.report, outcomes: { changes: [], effects: [], checks: [] } };
  const applied = await applyPlan(ctx.directory, planned.reconciled);
  const report = revokeReport(ctx, applied, planned.memory, planned.memoryBase);
  const effects = sameEffects(planned.plan.effects, effectsOf(report, planned.now, planned.extra));
  const made = await executeEffects(effects, ports, { changes: applied.outcomes });
  return { report, outcomes: { changes: [...applied.outcomes.values()], effects: made, checks: [...applied.checkOutcomes.values()] } };
}

function effectsOf(report: RevokeReport, now: number, extra: (report: RevokeReport) => Effect[]): Effect[] {
  const names = new Map(report.status.groups.flatMap((g) => g.members.map((m) => [`${g.group}:${m.id}`, m.who] as const)));
  // Reminders go out once per request version (the comment is the record), and their notices with them.
  return [...rememberEffects(report.memoryChange), ...revokeEffects({ ...report, names }, now), ...extra(report)];
}

/** The sweep's report from the reconciler's (planned, or with outcomes joined); pure but for the memory head. */
function revokeReport(ctx: RevokeContext, report: ReconcileReport, memory: PlannedRevoke['memory'], memoryBase: string | undefined): RevokeReport {
  const memoryChange = ctx.memory && !report.degraded ? withMemory(ctx.memory, report, memory, ctx.now, memoryBase) : report.memoryChange;
  return {
    head: report.head,
    branch: report.branch,
    groups: report.groups,
    changes: report.changes,
    changeOutcomes: report.outcomes,
    reminders: dueReminders(report, ctx.now),
    dryRun: report.dryRun,
    failed: report.failed || report.degraded !== undefined,
    ...(report.degraded ? { degraded: report.degraded } : {}),
    spend: report.spend,
    ...(report.verified ? { verified: report.verified } : {}),
    ...(memoryChange ? { memoryChange } : {}),
    status: statusOf(report, ctx.now),
    exemptionsDue: exemptionsDue(report.config.policy, ctx.now).map(({ group, entry }) => ({
      group,
      id: entry.id,
      reason: entry.reason,
      review: entry.review,
    })),
    approvals: new Map([...report.config.policy.groups.values()].map((g) => [g.name, g.approvals])),
    ownersOf: (path) => ownersOf(report.config.codeowners, path),
    config: report.config,
    configIgnored: report.configIgnored,
    breakGlassIgnored: report.breakGlassIgnored,
    sessionsUnknown: report.sessionsUnknown,
  };
}

/**
 * The sweep's memory change: what verification learned, the day's standing-privilege point (the
 * first sweep of the day records it; points past the history's length deleted, memory/history.ts)
 * and the verdicts of break-glass review closes it is the first to judge. Pure.
 */
function withMemory(
  k: MemoryKey,
  report: ReconcileReport,
  memory: PlannedRevoke['memory'],
  now: number,
  memoryBase: string | undefined,
): MemoryChange | undefined {
  const change = report.memoryChange;
  const history = memory.history ? historyChange(k, memory.history, pointOf(now, report.groups), now) : { files: [], deletions: [] };
  const files = [...(change?.files ?? []), ...history.files, ...memory.verdicts];
  const deletions = [...(change?.deletions ?? []), ...history.deletions];
  if (!change && files.length === 0 && deletions.length === 0) return undefined;
  return { expectedHead: change ? change.expectedHead : memoryBase, files, deletions };
}

/** The days recorded, those with a valid MAC: a forged file for today must not stop today's point. */
async function recordedHistory(ctx: RevokeContext, k: MemoryKey): Promise<History> {
  const reader = ctx.git.catFile();
  return readHistory(ctx.git, reader, k).finally(() => reader.close());
}

/**
 * The sweep's memory change with the verdicts of break-glass review closes it is the first to judge
 * (memory/verdicts.ts, invariant 22): who was a code owner is read at the sweep after the close, and
 * kept, so a later team join does not turn a non-owner's close into a review. Uses of the dashboard's
 * window are looked at (a close of an older use is judged when first read). GitHub out of reach: the
 * next sweep judges them.
 */
async function verdictsToRecord(ctx: RevokeContext, k: MemoryKey, report: ReconcileReport): Promise<MemoryChange['files']> {
  if (![...report.config.policy.groups.values()].some((g) => g.breakGlass)) return [];
  const reader = ctx.git.catFile();
  try {
    const uses = await usesSince({ ...ctx, memory: k }, new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh), reader, report, ctx.now - DASHBOARD_LOOKBACK_MS);
    return verdictFiles(k, uses);
  } catch (error) {
    if (error instanceof GitHubUnavailableError || (error as { status?: number }).status !== undefined) return [];
    throw error;
  } finally {
    reader.close();
  }
}
