/**
 * `grant`, on a push to the default branch: the reconciler, then a report of what happened to each
 * request the push changed, for the pull requests that changed them. The push event says only which
 * files to report on; what is granted or removed is decided from the default branch as GitHub has it
 * when the run starts, so a re-run of an old run cannot restore ended access (invariant 11).
 */
import type { IgnoredConfigChange } from '../config/approved.ts';
import { describeEnd } from '../request/request.ts';
import { hasCommit, changedFiles } from '../git/git.ts';
import type { GraphqlSpend } from '../github/graphql.ts';
import { reconcile, type GroupResult, type PlannedDisposition, type ReconcileReport, type RequestResult } from '../reconcile/reconcile.ts';
import { isRequestsHousekeeping, isUnderRequests, splitRequestPath } from '../request/path.ts';
import { reconcileContext, type BranchContext } from './context.ts';
import type { MemoryChange } from '../memory/memory.ts';
import type { ChangeOutcome, EntraChange } from '../backends/backend.ts';

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

export interface GrantContext extends BranchContext {
  /** The push's before commit: only to choose which files to report on. */
  before: string;
  requireCurrentHead?: boolean;
  /** Plan only: nothing is changed in Entra. */
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
  /** Every group's changes, as planned and applied. */
  groups: GroupResult[];
  /** The run's Entra changes as planned, and what making them did (by id). */
  changes: EntraChange[];
  changeOutcomes: Map<string, ChangeOutcome>;
  dryRun: boolean;
}

export async function grant(ctx: GrantContext): Promise<GrantReport> {
  const report = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun ?? false }));
  const items: GrantItem[] = [];
  // Without the before commit (a force push, a shallow checkout) there is nothing to report on, but the reconciliation happened.
  const pushed = (/^0+$/.test(ctx.before) || !(await hasCommit(ctx.git, ctx.before)) ? [] : await changedFiles(ctx.git, ctx.before, report.head)).filter(
    (c) => isUnderRequests(c.path) && !isRequestsHousekeeping(c.path),
  );
  const deletedBy = await report.deletionPulls(pushed.filter((c) => c.status === 'deleted').map((c) => c.path));
  for (const change of pushed) {
    const record = report.requests.find((r) => r.file === change.path);
    items.push(itemFor(report, change.path, change.status, record, deletedBy));
  }
  return {
    head: report.head,
    items,
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
  return { ...base, ...withChange, ...endedOutcome(r, disposition) };
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
  const granted = `${r.requester} ${report.dryRun && planned === 'granted' ? 'would be' : 'is'} a member of ${r.group} ${describeEnd(r.request!)}, approved by ${approvers.map((a) => `@${a}`).join(', ')}.`;
  if (disposition?.outcome === 'failed')
    return { approvers, planned, outcome: 'failed', detail: `${granted} ${disposition.detail ?? ''} Re-run the workflow to retry.` };
  if (planned === 'already-member' || disposition?.outcome === 'already-member') return { approvers, planned, outcome: 'already-member', detail: granted };
  const pim = disposition?.end ? ` Entra (PIM) ends the assignment at ${disposition.end} by itself.` : '';
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
function endedOutcome(r: RequestResult, disposition: PlannedDisposition | undefined): Outcome {
  const why = endedWhy(r);
  if (!r.requester || !r.userId)
    return { ...same('not-a-member'), detail: `${why}; no Entra user could be found for its requester, so no membership came from it.` };
  if (disposition?.action === 'keep')
    return { ...same('kept'), detail: `${why}; ${r.requester} stays a member of ${r.group} because ${disposition.files.join(', ')} still covers it.` };
  if (disposition?.action !== 'remove') return { ...same('not-a-member'), detail: `${why}; ${r.requester} is not a member of ${r.group}.` };
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
  const gone = disposition.outcome === undefined ? `will no longer be a member of ${r.group}` : `is no longer a member of ${r.group}`;
  return { planned, outcome: 'removed', detail: `${why}; ${r.requester} ${gone}.${sessions}${still}` };
}
