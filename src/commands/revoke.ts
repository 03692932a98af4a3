/**
 * `revoke`, the scheduled sweep: the reconciler run on a schedule. It decides exactly as grant does
 * (so a grant run that was dropped or failed is made good here), and reports per group, with
 * reminders before access ends. Idempotent: a second sweep, or one after a killed sweep, changes
 * what is left and nothing else.
 */
import { ownersOf, type Owner } from '../codeowners/codeowners.ts';
import type { AccessConfig } from '../config/config.ts';
import type { IgnoredConfigChange } from '../config/approved.ts';
import { statusOf, type StatusReport } from '../report/status.ts';
import { exemptionsDue } from '../policy/policy.ts';
import { formatDuration } from '../duration.ts';
import { inlineCode } from '../markdown.ts';
import { reconcileContext, type BranchContext } from './context.ts';
import { memoryHead, type MemoryChange, type MemoryKey } from '../memory/memory.ts';
import { historyChange, pointOf, readHistory } from '../memory/history.ts';
import { GitHubFacts, GitHubUnavailableError, type GraphqlSpend } from '../github/graphql.ts';
import { breakGlassUses, DASHBOARD_LOOKBACK_MS, verdictFiles } from '../breakglass/uses.ts';
import type { ChangeOutcome, EntraChange } from '../execute/backends/backend.ts';
import { reconcile, type GroupResult, type ReconcileReport } from '../reconcile/reconcile.ts';

export interface RevokeContext extends BranchContext {
  dryRun: boolean;
  /** The CLI: stop when the clone lacks the default branch's head instead of degrading to removals. */
  requireCurrentHead?: boolean;
}

export interface Reminder {
  file: string;
  pull: number;
  requester: string;
  group: string;
  expires: string;
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
}

/** The scheduled run of the reconciler: the same decisions as grant, reported per group, with reminders. */
export async function revoke(ctx: RevokeContext): Promise<RevokeReport> {
  const report = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun }));
  const status = statusOf(report, ctx.now);
  const memoryChange =
    ctx.memory && !report.degraded ? await withVerdicts(ctx, ctx.memory, report, await withHistory(ctx, ctx.memory, report)) : report.memoryChange;
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
    status,
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
  };
}

/**
 * The sweep's memory change with the day's standing-privilege point added (the first sweep of the day
 * records it) and points past the history's length deleted (memory/history.ts).
 */
async function withHistory(ctx: RevokeContext, k: MemoryKey, report: ReconcileReport): Promise<MemoryChange | undefined> {
  const change = report.memoryChange;
  const head = change ? change.expectedHead : await memoryHead(ctx.git);
  // The days recorded are those with a valid MAC: a forged file for today must not stop today's point.
  const reader = ctx.git.catFile();
  const recorded = await readHistory(ctx.git, reader, k).finally(() => reader.close());
  const history = historyChange(k, recorded, pointOf(ctx.now, report.groups), ctx.now);
  if (history.files.length === 0 && history.deletions.length === 0) return change;
  return {
    expectedHead: head,
    files: [...(change?.files ?? []), ...history.files],
    deletions: [...(change?.deletions ?? []), ...history.deletions],
  };
}

/**
 * The sweep's memory change with the verdicts of break-glass review closes it is the first to judge
 * (memory/verdicts.ts, invariant 22): who was a code owner is read at the sweep after the close, and
 * kept, so a later team join does not turn a non-owner's close into a review. Uses of the dashboard's
 * window are looked at (a close of an older use is judged when first read). GitHub out of reach: the
 * next sweep judges them.
 */
async function withVerdicts(ctx: RevokeContext, k: MemoryKey, report: ReconcileReport, change: MemoryChange | undefined): Promise<MemoryChange | undefined> {
  if (![...report.config.policy.groups.values()].some((g) => g.breakGlass)) return change;
  const reader = ctx.git.catFile();
  let files;
  try {
    const uses = await breakGlassUses({
      gh: ctx.gh,
      repo: ctx.repo,
      githubFacts: new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh),
      git: ctx.git,
      reader,
      head: report.head,
      branch: report.branch,
      config: report.config,
      since: ctx.now - DASHBOARD_LOOKBACK_MS,
      resolveUsers: (refs) => ctx.directory.resolveUsers(refs),
      memory: k,
    });
    files = verdictFiles(k, uses);
  } catch (error) {
    if (error instanceof GitHubUnavailableError || (error as { status?: number }).status !== undefined) return change;
    throw error;
  } finally {
    reader.close();
  }
  if (files.length === 0) return change;
  return {
    expectedHead: change ? change.expectedHead : await memoryHead(ctx.git),
    files: [...(change?.files ?? []), ...files],
    deletions: change?.deletions ?? [],
  };
}

/**
 * Verified active requests that end within their group's reminder window, the soonest-ending first
 * (a run posts a limited number: execute/executor.ts, NEW_REMINDERS_PER_RUN).
 */
function dueReminders(report: ReconcileReport, now: number): Reminder[] {
  const due: (Reminder & { at: number })[] = [];
  for (const r of report.requests) {
    const window = report.config.policy.groups.get(r.group)?.reminderBeforeMs ?? 0;
    const pull = r.verification?.pull;
    if (r.state !== 'active' || !r.verification?.approved || !r.request || pull === undefined) continue;
    if (r.request.expiresAt - now <= window)
      due.push({ file: r.file, pull, requester: r.request.requester, group: r.group, expires: r.request.expires, at: r.request.expiresAt });
  }
  return due.sort((a, b) => a.at - b.at || a.file.localeCompare(b.file)).map(({ at: _at, ...r }) => r);
}

/** The reminder's marker names the file and its expiry: one reminder per request version, no state store. */
export function reminderMarker(r: Reminder): string {
  return `<!-- access-as-code:reminder:${r.file}:${r.expires} -->`;
}

export function reminderBody(r: Reminder, now: number): string {
  const left = formatDuration(Math.max(0, Date.parse(r.expires) - now));
  return [
    reminderMarker(r),
    `@${r.requester}, your membership of **${r.group}** ends at ${r.expires} (in about ${left}).`,
    '',
    `Still need it? Open a pull request that changes \`expires\` in ${inlineCode(r.file)}; it is reviewed like a new request. Otherwise nothing to do: the access is removed automatically.`,
  ].join('\n');
}
