/**
 * `grant`, on a push to the default branch: the reconciler's plan, and what it means for each request
 * the push changed, told to the pull requests that changed them. The push event says only which files
 * to report on; what is granted or removed is decided from the default branch as GitHub has it when
 * the run starts, so a re-run of an old run cannot restore ended access (invariant 11).
 *
 * Two steps, so that a door shows the plan before anything is made (invariant 18): `planGrant`
 * gathers and decides every effect (Entra changes, checks, comments, notices, the memory write) and
 * writes nothing; `applyGrant` makes exactly that plan and records the outcomes beside it.
 */
import type { IgnoredConfigChange } from '../config/approved.ts';
import { hasCommit, changedFiles } from '../git/git.ts';
import type { GraphqlSpend } from '../github/graphql.ts';
import { reconcile, type ReconcileReport } from '../reconcile/reconcile.ts';
import type { GroupResult } from '../reconcile/decide.ts';
import { isRequestsHousekeeping, isUnderRequests } from '../request/path.ts';
import { reconcileContext, type BranchContext } from './context.ts';
import type { MemoryChange } from '../memory/memory.ts';
import type { ChangeOutcome, EntraChange } from '../backends/backend.ts';
import { grantItems, type GrantItem } from '../notices/grant-items.ts';
import { grantEffects } from '../notices/grant-comment.ts';
import { rememberEffects, type Effect } from '../plan/effects.ts';
import { runPlan, sameEffects, type RunOutcomes, type RunPlan } from '../plan/plan.ts';
import { applyPlan } from '../execute/apply.ts';
import { executeEffects, type EffectPorts } from '../execute/executor.ts';
import type { Directory } from '../entra/directory.ts';

export type { GrantItem, GrantOutcome } from '../notices/grant-items.ts';

export interface GrantContext extends BranchContext {
  /** The push's before commit: only to choose which files to report on. */
  before: string;
  requireCurrentHead?: boolean;
  /** Plan only: nothing is changed in Entra or on GitHub. */
  dryRun?: boolean;
}

export interface GrantReport {
  head: string;
  items: GrantItem[];
  /** True when an approved change could not be applied, or GitHub could not be read: the run fails. */
  failed: boolean;
  degraded?: string;
  spend: GraphqlSpend;
  /** How verification was paid for, and what to remember for the next run. */
  verified?: ReconcileReport['verified'];
  memoryChange?: MemoryChange;
  /** Configuration changes on the default branch that are not in force (not approved). */
  configIgnored: IgnoredConfigChange[];
  /** Every group's changes, as planned (and, once applied, with what Entra answered). */
  groups: GroupResult[];
  /** The run's Entra changes as planned, and what making them did (by id; empty until applied). */
  changes: EntraChange[];
  changeOutcomes: Map<string, ChangeOutcome>;
  dryRun: boolean;
}

/** A grant run planned: the whole plan, and what it needs to be made. */
export interface PlannedGrant {
  plan: RunPlan;
  report: GrantReport;
  reconciled: ReconcileReport;
  pushed: { path: string; status: GrantItem['change'] }[];
  deletedBy: ReadonlyMap<string, number>;
}

export async function planGrant(ctx: GrantContext): Promise<PlannedGrant> {
  const reconciled = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun ?? false }));
  // Without the before commit (a force push, a shallow checkout) there is nothing to report on, but the reconciliation happens.
  const pushed = (/^0+$/.test(ctx.before) || !(await hasCommit(ctx.git, ctx.before)) ? [] : await changedFiles(ctx.git, ctx.before, reconciled.head)).filter(
    (c) => isUnderRequests(c.path) && !isRequestsHousekeeping(c.path),
  );
  const deletedBy = await reconciled.deletionPulls(pushed.filter((c) => c.status === 'deleted').map((c) => c.path));
  const report = grantReport(reconciled, pushed, deletedBy);
  return { plan: runPlan(reconciled, effectsOf(report)), report, reconciled, pushed, deletedBy };
}

/**
 * Makes the plan: the Entra changes and their checks, then the comments (in words that say what
 * happened), notices (each only when the change it reports was made) and the memory write. The
 * effects made are the planned ones (the same ids); a dry run makes nothing.
 */
export async function applyGrant(
  planned: PlannedGrant,
  services: { directory: Directory; ports: EffectPorts },
): Promise<{ report: GrantReport; outcomes: RunOutcomes }> {
  if (planned.report.dryRun) return { report: planned.report, outcomes: { changes: [], effects: [], checks: [] } };
  const applied = await applyPlan(services.directory, planned.reconciled);
  const report = grantReport(applied, planned.pushed, planned.deletedBy);
  const effects = sameEffects(planned.plan.effects, effectsOf(report));
  const made = await executeEffects(effects, services.ports, { changes: applied.outcomes });
  return { report, outcomes: { changes: [...applied.outcomes.values()], effects: made, checks: [...applied.checkOutcomes.values()] } };
}

function effectsOf(report: GrantReport): Effect[] {
  return [...rememberEffects(report.memoryChange), ...grantEffects(report)];
}

function grantReport(
  report: ReconcileReport,
  pushed: readonly { path: string; status: GrantItem['change'] }[],
  deletedBy: ReadonlyMap<string, number>,
): GrantReport {
  return {
    head: report.head,
    items: grantItems(report, pushed, deletedBy),
    failed: report.failed || report.degraded !== undefined,
    ...(report.degraded ? { degraded: report.degraded } : {}),
    spend: report.spend,
    configIgnored: report.configIgnored,
    groups: report.groups,
    changes: report.changes,
    changeOutcomes: report.outcomes,
    dryRun: report.dryRun,
    ...(report.verified ? { verified: report.verified } : {}),
    ...(report.memoryChange ? { memoryChange: report.memoryChange } : {}),
  };
}
