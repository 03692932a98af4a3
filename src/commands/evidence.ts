/**
 * `evidence`, for auditors: one row per grant in a period (requests and break-glass), with who asked,
 * who approved and when, when it was granted, when it was planned to end, when it ended and what
 * removed it, from git and GitHub's records alone (the same verification the grant job makes). Columns
 * are documented in docs/evidence.md.
 */
import { usesSince } from './context.ts';
import { BACKENDS } from '../backends/index.ts';
import type { BackendName } from '../backends/backend.ts';
import type { BranchContext } from './context.ts';
import { reconcileRuns } from '../breakglass/records.ts';
import { GitHubFacts, GitHubUnavailableError } from '../github/graphql.ts';
import { firstParentLog } from '../reconcile/history.ts';
import { reconcile, verifyAll } from '../reconcile/reconcile.ts';
import type { RequestResult } from '../reconcile/decide.ts';
import { formatTimestamp } from '../timestamp.ts';
import { requestVersions } from '../report/request-versions.ts';

export interface EvidenceRow {
  kind: 'request' | 'break-glass';
  group: string;
  requester: string;
  /** The Entra user the login maps to in the identities (id or user principal name). */
  entraUser: string;
  justification: string;
  ticket: string;
  /** The request file, or the break-glass run. */
  source: string;
  pullRequest: string;
  /** "login at time" for each approval counted (break-glass: the review, once given). */
  approvals: string;
  grantedAt: string;
  plannedEnd: string;
  endedAt: string;
  /** expired, deleted (early revoke), replaced by a later version, or still active at the period's end. */
  endedHow: string;
  /** When the access was gone: Entra itself (pim), or the finish of the first successful run after the end. */
  removedAt: string;
  removedBy: string;
  /** Minutes from the end to its removal (empty when unknown or still active). */
  lateMinutes: string;
}

export const EVIDENCE_COLUMNS: (keyof EvidenceRow)[] = [
  'kind',
  'group',
  'requester',
  'entraUser',
  'justification',
  'ticket',
  'source',
  'pullRequest',
  'approvals',
  'grantedAt',
  'plannedEnd',
  'endedAt',
  'endedHow',
  'removedAt',
  'removedBy',
  'lateMinutes',
];

export interface EvidenceContext extends BranchContext {
  from: number;
  to: number;
  revokeWorkflow?: string;
  grantWorkflow?: string;
}

export async function collectEvidence(ctx: EvidenceContext): Promise<EvidenceRow[]> {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  const state = await reconcile({ git: ctx.git, githubFacts, directory: ctx.directory, now: ctx.now, dryRun: true, ...(ctx.root ? { root: ctx.root } : {}) });
  if (state.degraded || !state.configAt)
    throw new GitHubUnavailableError(
      state.degraded
        ? `GitHub could not be read, so who approved each grant cannot be shown: ${state.degraded}`
        : 'the default branch has no approved configuration in its history yet, so there is no grant to show.',
    );
  const policy = state.config.policy;
  const reach = Math.max(0, ...[...policy.groups.values()].map((g) => g.maxDurationMs));
  const log = await firstParentLog(ctx.git, state.head, ctx.from - reach);
  const reader = ctx.git.catFile();
  try {
    const { versions, deletions } = await requestVersions(reader, log, new Set(policy.groups.keys()), ctx.from);
    await verifyAll(ctx.git, githubFacts, reader, versions, state.branch, ctx.now, state.configAt, state.pushGuarantee, undefined, (refs) =>
      ctx.directory.resolveUsers(refs),
    );
    // Only runs that are records count as removals (THREATS 62): a same-named workflow on a branch proves nothing.
    const at = { head: state.head, branch: state.branch };
    const listings = [
      await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.revokeWorkflow ?? 'access-revoke.yml', ctx.from),
      await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.grantWorkflow ?? 'access-grant.yml', ctx.from),
    ];
    // Evidence names the run that removed each membership; from a cut history it could name the wrong one.
    if (listings.some((l) => l.cut))
      throw new Error(
        'GitHub listed fewer workflow runs than it holds (1,000 or more created in one second), so the evidence would be incomplete and is not made.',
      );
    const runs = listings.flatMap((l) => l.runs).sort((a, b) => a.startedAt - b.startedAt);
    const identity = (login: string) => {
      const ref = state.config.identities.users.get(login.toLowerCase());
      return ref ? ('id' in ref ? ref.id : ref.upn) : '';
    };
    const rows = requestRows(versions, deletions, ctx, runs, identity, (g) => endsItself(policy.groups.get(g)?.backend));
    const uses = await usesSince(ctx, githubFacts, reader, state, ctx.from - reach);
    for (const u of uses.filter((x) => x.start < ctx.to && x.end > ctx.from)) {
      rows.push({
        kind: 'break-glass',
        group: u.group,
        requester: u.login,
        entraUser: identity(u.login),
        // The reason and ticket are in the use's review issue (the run's inputs are not kept by GitHub).
        justification: u.issue !== undefined ? `in review issue #${u.issue}` : '',
        ticket: '',
        source: `run ${u.run}`,
        pullRequest: '',
        approvals: u.review.reviewed ? `reviewed${u.issue !== undefined ? ` in #${u.issue}` : ''}` : `not reviewed: ${u.review.why}`,
        grantedAt: formatTimestamp(u.start),
        plannedEnd: formatTimestamp(u.end),
        ...ending(u.end, 'expired', ctx, runs, endsItself(policy.groups.get(u.group)?.backend)),
      });
    }
    return rows.sort((a, b) => a.grantedAt.localeCompare(b.grantedAt) || a.group.localeCompare(b.group));
  } finally {
    reader.close();
  }
}

/** Each approved version whose access overlapped the period, with how and when it ended. */
function requestRows(
  versions: readonly RequestResult[],
  deletions: ReadonlyMap<string, number[]>,
  ctx: EvidenceContext,
  runs: readonly { startedAt: number; completedAt: number }[],
  identity: (login: string) => string,
  endedBy: (group: string) => string | undefined,
): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  const byFile = new Map<string, RequestResult[]>();
  for (const v of versions) byFile.set(v.file, [...(byFile.get(v.file) ?? []), v]);
  for (const list of byFile.values()) {
    list.sort((a, b) => a.landing!.time - b.landing!.time);
    list.forEach((v, i) => {
      const verdict = v.verification;
      if (!verdict?.approved || !v.request) return;
      const granted = Date.parse(verdict.mergedAt ?? '') || v.landing!.time;
      const next = list[i + 1]?.landing?.time;
      const deleted = (deletions.get(v.file) ?? []).filter((t) => t > v.landing!.time && (next === undefined || t <= next));
      const end = Math.min(v.request.expiresAt, ...deleted, next ?? Infinity);
      if (granted >= ctx.to || end <= ctx.from) return;
      const how = end === next ? 'replaced by a later version' : deleted.includes(end) ? 'deleted (early revoke)' : 'expired';
      const approvedAt = verdict.approval?.approvedAt ?? {};
      rows.push({
        kind: 'request',
        group: v.group,
        requester: v.request.requester,
        entraUser: identity(v.request.requester),
        justification: v.request.justification,
        ticket: v.request.ticket ?? '',
        source: v.file,
        pullRequest: verdict.pull !== undefined ? `#${verdict.pull}` : '',
        approvals: verdict.approvers.map((a) => `${a} at ${approvedAt[a] ?? 'unknown'}`).join('; '),
        grantedAt: formatTimestamp(granted),
        plannedEnd: v.request.expires,
        ...(how === 'replaced by a later version'
          ? { endedAt: formatTimestamp(end), endedHow: how, removedAt: '', removedBy: 'not removed: the next version continues it', lateMinutes: '' }
          : ending(end, how, ctx, runs, endedBy(v.group))),
      });
    });
  }
  return rows;
}

/** How an end was enforced: by Entra itself (the group's backend says who), or by the first successful run that started after it. */
function ending(
  end: number,
  how: string,
  ctx: EvidenceContext,
  runs: readonly { startedAt: number; completedAt: number }[],
  endedBy: string | undefined,
): Pick<EvidenceRow, 'endedAt' | 'endedHow' | 'removedAt' | 'removedBy' | 'lateMinutes'> {
  if (end > ctx.now) return { endedAt: '', endedHow: 'active', removedAt: '', removedBy: '', lateMinutes: '' };
  if (endedBy && how === 'expired')
    return {
      endedAt: formatTimestamp(end),
      endedHow: how,
      removedAt: formatTimestamp(end),
      removedBy: endedBy,
      lateMinutes: '0',
    };
  const run = runs.find((r) => r.startedAt >= end);
  if (!run)
    return { endedAt: formatTimestamp(end), endedHow: how, removedAt: '', removedBy: 'no successful grant or sweep run since: not confirmed', lateMinutes: '' };
  return {
    endedAt: formatTimestamp(end),
    endedHow: how,
    removedAt: formatTimestamp(run.completedAt),
    removedBy: 'the first successful grant or sweep run that started after the end',
    lateMinutes: String(Math.round(Math.max(0, run.completedAt - end) / 60_000)),
  };
}

/** CSV as spreadsheets read it: every field quoted, quotes doubled, a formula's leading sign defused. */
export function evidenceCsv(rows: readonly EvidenceRow[]): string {
  const field = (text: string) => `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  return [EVIDENCE_COLUMNS.join(','), ...rows.map((r) => EVIDENCE_COLUMNS.map((c) => field(r[c])).join(','))].join('\n') + '\n';
}

/**
 * The grants someone held at a time: begun by then, and not yet gone (not ended, or ended but not yet
 * removed by the run that removed it). Optionally one login's. Pure.
 */
export function heldAt(rows: readonly EvidenceRow[], at: number, login?: string): EvidenceRow[] {
  return rows.filter((r) => {
    if (Date.parse(r.grantedAt) > at) return false;
    if (login && r.requester.toLowerCase() !== login.toLowerCase()) return false;
    if (r.endedAt === '' || Date.parse(r.endedAt) > at) return true;
    return r.removedAt !== '' ? Date.parse(r.removedAt) > at : r.endedHow !== 'replaced by a later version';
  });
}

/** Who ends a group's access at its end when Entra does it itself (the backend table says), so no run removed it. */
const endsItself = (backend: BackendName | undefined): string | undefined => (backend ? BACKENDS[backend].endsItself : undefined);
