/**
 * Makes a reconciler's plan (reconcile/reconcile.ts) exactly as planned: its Entra changes through the
 * backend table (entra.ts: removals first), then the checks planned with them (a removal's other
 * paths, an add's visibility), each only after the change it follows was made. Outcomes are recorded
 * beside the plan by id, and joined to each member's planned disposition for presenting; the plan
 * itself (changes, checks, dispositions' actions) is never changed. A dry run makes nothing.
 */
import { DirectoryError, type Directory } from '../entra/directory.ts';
import type { ChangeOutcome, EntraChange } from '../backends/backend.ts';
import type { CheckOutcome, EntraCheck, GroupResult, PlannedDisposition } from '../reconcile/decide.ts';
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

/** The planned checks, each made when the change it follows was made (a removal PIM deferred is not verified yet). */
export async function executeChecks(
  directory: Directory,
  checks: readonly EntraCheck[],
  changes: ReadonlyMap<string, ChangeOutcome>,
): Promise<Map<string, CheckOutcome>> {
  const out = new Map<string, CheckOutcome>();
  const due = checks.filter((c) => changes.get(c.after)?.result === 'made');
  for (const c of checks) if (!due.includes(c)) out.set(c.id, { id: c.id, result: 'skipped' });
  for (const o of await verifyRemovals(
    directory,
    due.filter((c) => c.kind === 'verify-removal'),
  ))
    out.set(o.id, o);
  for (const o of await confirmAdds(
    directory,
    due.filter((c) => c.kind === 'confirm-add'),
  ))
    out.set(o.id, o);
  return out;
}

/**
 * Verified revocation (invariant 20): after a removal, a user who still holds the group (through a
 * nested group that is a standing exemption, or a group in audit mode) or can activate it again (a
 * PIM for Groups eligibility) is said on the removal, never taken as gone. Only groups whose listing
 * held another group are listed transitively (the plan says which: `nested`); a group nested after
 * the listing is seen, and removed or checked, by the next run's listing.
 */
async function verifyRemovals(directory: Directory, checks: readonly EntraCheck[]): Promise<CheckOutcome[]> {
  if (checks.length === 0 || !directory.transitiveUsers) return checks.map((c) => ({ id: c.id, result: 'skipped' }));
  const groupIds = [...new Set(checks.map((c) => c.groupId.toLowerCase()))];
  const nested = [...new Set(checks.filter((c) => c.nested).map((c) => c.groupId.toLowerCase()))];
  const holders = nested.length > 0 ? await directory.transitiveUsers(nested) : new Map<string, Set<string> | DirectoryError>();
  const eligible = directory.pimEligible ? await directory.pimEligible(groupIds) : new Map<string, Set<string> | DirectoryError>();
  return checks.map((c) => {
    const id = c.groupId.toLowerCase();
    const unverified = unansweredChecks(c.group, holders.get(id), eligible.get(id));
    const paths = [
      ...(setOf(holders.get(id)).has(c.member.toLowerCase())
        ? [
            `still holds ${c.group} through a nested group: its direct membership was removed, but a group that is a member of ${c.group} contains them. Remove them from that group, or end its exemption.`,
          ]
        : []),
      ...(setOf(eligible.get(id)).has(c.member.toLowerCase())
        ? [`can activate ${c.group} again through a PIM for Groups eligibility. End the eligibility in PIM if the access should be gone.`]
        : []),
    ];
    const stillHeld = paths.length > 0 ? paths.join(' It also ') : undefined;
    return {
      id: c.id,
      result: stillHeld ? 'found' : unverified ? 'unanswered' : 'passed',
      ...(stillHeld ? { stillHeld } : {}),
      ...(unverified ? { unverified } : {}),
    };
  });
}

const setOf = (read: Set<string> | DirectoryError | undefined): ReadonlySet<string> => (read instanceof Set ? read : new Set());

/**
 * Which checks of a removal Graph did not answer: a refused or failed transitive listing, or a PIM
 * eligibility read that failed for any reason but the optional permission not being granted (403,
 * docs/setup.md). A check not made is never a check passed (docs/threat-model.md 69).
 */
function unansweredChecks(
  group: string,
  holders: Set<string> | DirectoryError | undefined,
  eligible: Set<string> | DirectoryError | undefined,
): string | undefined {
  const why = [
    ...(holders instanceof DirectoryError ? [`whether they still hold ${group} through a nested group (${holders.message})`] : []),
    ...(eligible instanceof DirectoryError && eligible.status !== 403
      ? [`whether they can activate ${group} again through PIM for Groups (${eligible.message})`]
      : []),
  ];
  return why.length > 0
    ? `the removal could not be verified: Graph did not answer ${why.join(', nor ')}. Check by hand, or let the next run check again.`
    : undefined;
}

/**
 * Graph confirms a change before every replica shows it (docs/threat-model.md 17): reads are polled a
 * few times, and a new membership still not visible is said; never written again because of a read.
 */
async function confirmAdds(directory: Directory, checks: readonly EntraCheck[]): Promise<CheckOutcome[]> {
  if (checks.length === 0) return [];
  const { pending } = await directory.confirm(
    checks.map((c) => ({ op: 'add' as const, groupId: c.groupId, memberId: c.member })),
    { attempts: 3, delayMs: 2_000 },
  );
  return checks.map((c) =>
    pending.some((p) => p.groupId === c.groupId && p.memberId === c.member)
      ? {
          id: c.id,
          result: 'found',
          lagging:
            'Microsoft Graph confirmed the change, but its reads do not show it yet (replication lag); it usually appears within minutes, and nothing needs to be done.',
        }
      : { id: c.id, result: 'passed' },
  );
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
