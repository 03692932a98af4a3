/**
 * Makes a reconciler's plan (reconcile/reconcile.ts) exactly as planned: its Entra changes through the
 * backend table (entra.ts: removals first), then the checks planned with them (a removal's other
 * paths, an add's visibility), each only after the change it follows was made. Outcomes are recorded
 * beside the plan by id, and joined to each member's planned disposition for presenting; the plan
 * itself (changes, checks, dispositions' actions) is never changed. A dry run makes nothing.
 */
import type { Directory } from '../entra/directory.ts';
import { BACKENDS } from '../backends/index.ts';
import type { ChangeOutcome, CheckOutcome, EntraChange, EntraCheck } from '../backends/backend.ts';
import type { GroupResult, PlannedDisposition } from '../reconcile/decide.ts';
import type { ReconcileReport } from '../reconcile/reconcile.ts';
import { executeChanges } from './entra.ts';

export async function applyPlan(directory: Directory, report: ReconcileReport): Promise<ReconcileReport> {
  if (report.dryRun || (report.changes.length === 0 && report.checks.length === 0)) return report;
  const outcomes = report.changes.length > 0 ? await executeChanges(directory, report.changes) : new Map<string, ChangeOutcome>();
  const checkOutcomes = await executeChecks(directory, report.checks, outcomes);
  return {
    ...report,
    groups: joinOutcomes(report.groups, report.changes, outcomes, checkOutcomes, report.checks),
    outcomes,
    checkOutcomes,
    failed: report.failed || [...outcomes.values()].some((o) => o.result === 'failed'),
  };
}

/** The planned checks, each made by its entry's backend when the change it follows was made (a removal PIM deferred is not verified yet). */
export async function executeChecks(
  directory: Directory,
  checks: readonly EntraCheck[],
  changes: ReadonlyMap<string, ChangeOutcome>,
): Promise<Map<string, CheckOutcome>> {
  const out = new Map<string, CheckOutcome>();
  const due = checks.filter((c) => changes.get(c.after)?.result === 'made');
  for (const c of checks) if (!due.includes(c)) out.set(c.id, { id: c.id, result: 'skipped' });
  for (const backend of Object.values(BACKENDS)) {
    const mine = due.filter((c) => c.backend === backend.name);
    if (mine.length > 0) for (const o of await backend.check(directory, mine)) out.set(o.id, o);
  }
  return out;
}

/** What making one member's change did, in the words presenters use (beside the plan, which stays as planned). */
type Applied = Pick<PlannedDisposition, 'outcome' | 'detail' | 'end' | 'sessions' | 'stillHeld' | 'unverified'>;

function appliedOf(d: PlannedDisposition, o: ChangeOutcome): Applied {
  if (o.result === 'failed') return { outcome: 'failed', detail: o.detail ?? 'not made' };
  // A removal PIM would not make yet: it ends the assignment at endsAt instead; said, not hidden.
  if (o.result === 'deferred') return { outcome: 'updated', ...(o.detail ? { detail: o.detail } : {}), ...(o.endsAt ? { end: o.endsAt } : {}) };
  if (d.action === 'add') return { outcome: o.result === 'already' ? 'already-member' : 'added' };
  if (d.action === 'update') return { outcome: 'updated' };
  return { outcome: o.result === 'already' ? 'already-gone' : 'removed' };
}

/** Each planned disposition with what its change, its sessions' revocation and its check did. */
function joinOutcomes(
  groups: readonly GroupResult[],
  changes: readonly EntraChange[],
  outcomes: ReadonlyMap<string, ChangeOutcome>,
  checkOutcomes: ReadonlyMap<string, CheckOutcome>,
  checks: readonly EntraCheck[],
): GroupResult[] {
  const of = (group: string, member: string, sessions: boolean) =>
    changes.find((c) => c.group === group && c.member === member && (c.kind === 'revoke-sessions') === sessions);
  return groups.map((g) => ({
    ...g,
    dispositions: g.dispositions.map((d) => {
      const change = of(g.group, d.id, false);
      const o = change && outcomes.get(change.id);
      if (!o) return d;
      const s = of(g.group, d.id, true);
      const so = s && outcomes.get(s.id);
      const check = checks.find((c) => c.after === change!.id);
      const co = check && checkOutcomes.get(check.id);
      return {
        ...d,
        ...appliedOf(d, o),
        ...(so && so.result !== 'skipped' ? { sessions: so.result === 'made' ? 'revoked' : (so.detail ?? 'not revoked') } : {}),
        ...(co?.stillHeld ? { stillHeld: co.stillHeld } : {}),
        ...(co?.unverified ? { unverified: co.unverified } : {}),
        ...(co?.lagging ? { detail: co.lagging } : {}),
      };
    }),
  }));
}
