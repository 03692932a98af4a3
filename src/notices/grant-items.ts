/**
 * What each request file a push changed came to, in words for the pull request that made it: planned
 * from the reconciler's plan (granted, refused, removed, kept), and after the plan is made, what Entra
 * answered (failed, already a member, ending). The plan's outcome never changes with the answer.
 */
import { holding } from '../policy/policy.ts';
import { describeEnd } from '../request/request.ts';
import { splitRequestPath } from '../request/path.ts';
import type { ReconcileReport } from '../reconcile/reconcile.ts';
import type { PlannedDisposition, RequestResult } from '../reconcile/decide.ts';

export type GrantOutcome = 'granted' | 'already-member' | 'refused' | 'removed' | 'not-a-member' | 'kept' | 'ending' | 'failed';

export interface GrantItem {
  file: string;
  change: 'added' | 'modified' | 'deleted';
  pull?: number;
  requester?: string;
  group?: string;
  expires?: string;
  /** What the plan says becomes of it (the same in a dry run and the real run). */
  planned: GrantOutcome;
  /** What became of it: the planned outcome, or 'failed', 'already-member' or 'ending' as Entra answered. */
  outcome: GrantOutcome;
  detail: string;
  approvers?: string[];
  /** The Entra change of the plan that carries it out, if any (its id). */
  entraChange?: string;
}

/** Each changed request file's item, from the reconciler's report (planned, or with its outcomes joined). */
export function grantItems(
  report: ReconcileReport,
  pushed: readonly { path: string; status: GrantItem['change'] }[],
  deletedBy: ReadonlyMap<string, number>,
): GrantItem[] {
  return pushed.map((change) =>
    itemFor(
      report,
      change.path,
      change.status,
      report.requests.find((r) => r.file === change.path),
      deletedBy,
    ),
  );
}

/** What a request file's change came to, in words for the pull request that made it. */
function itemFor(
  report: ReconcileReport,
  file: string,
  change: GrantItem['change'],
  r: RequestResult | undefined,
  deletedBy: ReadonlyMap<string, number>,
): GrantItem {
  const group = r?.group ?? splitRequestPath(file)?.group;
  const base = baseItem(file, change, r, group, r?.verification?.pull ?? deletedBy.get(file));
  if (!r) return { ...base, ...same('not-a-member'), detail: 'this file is not a request of a group in the policy, so no membership came from it.' };
  const disposition = r.userId ? report.groups.find((g) => g.group === group)?.dispositions.find((d) => d.id === r.userId) : undefined;
  const entra = r.userId ? report.changes.find((c) => c.group === group && c.member === r.userId && c.kind !== 'revoke-sessions') : undefined;
  const withChange = entra ? { entraChange: entra.id } : {};
  if (r.state === 'active') return { ...base, ...withChange, ...activeOutcome(report, r, disposition) };
  if (r.state === 'invalid' && r.verification) return { ...base, ...same('refused'), detail: r.verification.reasons.join(' ') || (r.why ?? 'not valid.') };
  return { ...base, ...withChange, ...endedOutcome(report, r, disposition) };
}

type Outcome = Pick<GrantItem, 'planned' | 'outcome' | 'detail' | 'approvers'>;

/** An outcome that does not depend on any write: planned and final alike. */
const same = (o: GrantOutcome) => ({ planned: o, outcome: o });

function baseItem(file: string, change: GrantItem['change'], r: RequestResult | undefined, group: string | undefined, pull: number | undefined): GrantItem {
  const item: GrantItem = { file, change, planned: 'refused', outcome: 'refused', detail: '' };
  if (r?.requester) item.requester = r.requester;
  if (group) item.group = group;
  if (r?.request) item.expires = r.request.expires;
  if (pull !== undefined) item.pull = pull;
  return item;
}

/**
 * An active request: granted (the plan adds the member, or moves their end), already a member (the
 * plan keeps them), or refused and why. What Entra answered changes only the words and, for a
 * failure or a member Graph already had, the final outcome; never what was planned.
 */
function activeOutcome(report: ReconcileReport, r: RequestResult, disposition: PlannedDisposition | undefined): Outcome {
  if (report.degraded) return { ...same('failed'), detail: `not verified yet: ${report.degraded}` };
  const v = r.verification;
  if (!r.userId) return { ...same('refused'), detail: r.why ?? 'the requester has no Entra identity.' };
  if (v?.unavailable) return { ...same('failed'), detail: `not verified yet: ${v.unavailable}` };
  if (!v?.approved) return { ...same('refused'), detail: v?.reasons.join(' ') ?? 'not verified.' };
  return approvedOutcome(report, r, v.approvers, disposition);
}

/** An approved request: granted where the plan adds the member or moves their end, else already a member; failed as Entra answered. */
function approvedOutcome(report: ReconcileReport, r: RequestResult, approvers: string[], disposition: PlannedDisposition | undefined): Outcome {
  const planned: GrantOutcome = disposition?.action === 'add' || disposition?.action === 'update' ? 'granted' : 'already-member';
  const granted = `${r.requester} ${report.dryRun && planned === 'granted' ? 'would be' : 'is'} ${holding(report.config.policy, r.group)} ${describeEnd(r.request!)}, approved by ${approvers.map((a) => `@${a}`).join(', ')}.`;
  if (disposition?.outcome === 'failed')
    return { approvers, planned, outcome: 'failed', detail: `${granted} ${disposition.detail ?? ''} Re-run the workflow to retry.` };
  if (planned === 'already-member' || disposition?.outcome === 'already-member') return { approvers, planned, outcome: 'already-member', detail: granted };
  const pim = disposition?.end
    ? ` ${report.config.policy.groups.get(r.group)?.azureRole ? 'Azure' : 'Entra'} (PIM) ends the assignment at ${disposition.end} by itself.`
    : '';
  return { approvers, planned, outcome: 'granted', detail: `${granted}${pim}${disposition?.detail ? ` ${disposition.detail}` : ''}` };
}

/** Why a request that is not active ends, by its state. */
function endedWhy(r: RequestResult): string {
  const why: Record<string, string> = {
    deleted: 'the request was deleted (early revoke)',
    expired: 'the request was changed to end now',
    unreadable: `the request can no longer be read (${r.why ?? 'invalid'}), so it ends`,
  };
  return why[r.state] ?? `the request is not valid (${r.why ?? ''})`;
}

/** A request that ended (deleted, expired, unreadable, invalid): removed, kept by another, or none. */
function endedOutcome(report: ReconcileReport, r: RequestResult, disposition: PlannedDisposition | undefined): Outcome {
  const why = endedWhy(r);
  const held = holding(report.config.policy, r.group);
  if (!r.requester || !r.userId)
    return { ...same('not-a-member'), detail: `${why}; no Entra user could be found for its requester, so no membership came from it.` };
  if (disposition?.action === 'keep')
    return { ...same('kept'), detail: `${why}; ${r.requester} stays ${held} because ${disposition.files.join(', ')} still covers it.` };
  if (disposition?.action !== 'remove') return { ...same('not-a-member'), detail: `${why}; ${r.requester} is not ${held}.` };
  const planned: GrantOutcome = 'removed';
  if (disposition.outcome === 'failed')
    return { planned, outcome: 'failed', detail: `${why}, but ${disposition.detail ?? 'the removal failed'}. Re-run the workflow to retry.` };
  if (disposition.outcome === 'updated') return { planned, outcome: 'ending', detail: `${why}; ${disposition.detail ?? ''}` };
  const sessions =
    disposition.sessions === undefined
      ? ''
      : disposition.sessions === 'revoked'
        ? ' Their sign-in sessions were revoked.'
        : ` Their sign-in sessions were ${disposition.sessions}.`;
  const still = `${disposition.stillHeld ? ` But ${r.requester} ${disposition.stillHeld}` : ''}${disposition.unverified ? ` But ${disposition.unverified}` : ''}`;
  const gone = disposition.outcome === undefined ? `will no longer be ${held}` : `is no longer ${held}`;
  return { planned, outcome: 'removed', detail: `${why}; ${r.requester} ${gone}.${sessions}${still}` };
}
