/**
 * One run's plan as a value (Terraform's `plans.Plan`): every change to Entra (membership and PIM
 * assignments, from the reconciler's dispositions) and every effect on GitHub and in chat, each with a
 * stable id, a kind and its reason, plus what the run could not judge. Printed by `--dry-run --format
 * json` and in the job summary; applying it records outcomes beside it. Pure.
 */
import type { GroupResult } from '../reconcile/reconcile.ts';
import type { Effect } from './effects.ts';

export interface PlannedChange {
  id: string;
  kind: 'add-member' | 'remove-member' | 'report-member' | 'pim-assign' | 'pim-update' | 'pim-remove';
  group: string;
  member: string;
  /** Why: the rule (active request, ended, drift, standing) and the request files or break-glass runs behind it. */
  reason: string;
  sources: string[];
  /** For PIM: when Entra ends the assignment. */
  end?: string;
}

export interface RunPlan {
  /** The default branch's commit the plan was made from. */
  head: string;
  changes: PlannedChange[];
  effects: Effect[];
  /** Set when GitHub could not be read: only removals are planned. */
  degraded?: string;
  /** Configuration changes not in force, with why. */
  configIgnored: { sha: string; files: string[]; why: string }[];
}

/** The Entra changes of a reconciliation, in removals-first order, as plan entries. */
export function plannedChanges(groups: readonly GroupResult[]): PlannedChange[] {
  const out: PlannedChange[] = [];
  for (const g of groups) {
    for (const d of g.dispositions) {
      if (d.action === 'keep') continue;
      const kind: PlannedChange['kind'] =
        g.backend === 'pim' && d.action !== 'report'
          ? d.action === 'add'
            ? 'pim-assign'
            : d.action === 'update'
              ? 'pim-update'
              : 'pim-remove'
          : d.action === 'add'
            ? 'add-member'
            : d.action === 'remove'
              ? 'remove-member'
              : d.action === 'report'
                ? 'report-member'
                : 'pim-update';
      out.push({
        id: `${kind}:${g.group}:${d.id}`,
        kind,
        group: g.group,
        member: d.id,
        reason: d.reason,
        sources: [...d.files],
        ...(d.end ? { end: d.end } : {}),
      });
    }
  }
  const removalsFirst = (c: PlannedChange) => (c.kind === 'remove-member' || c.kind === 'pim-remove' ? 0 : 1);
  return out.sort((a, b) => removalsFirst(a) - removalsFirst(b));
}
