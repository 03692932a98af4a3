/**
 * A break-glass use, as a command: judged under the approved configuration (never the checkout's
 * files, which an unreviewed push may have changed: THREATS 58, invariant 17) with the earlier uses
 * and their reviews, then planned through the one reconciler (the grant, a PIM end for pim groups),
 * with its review issue and the notice that follows it. `planBreakGlass` writes nothing;
 * `applyBreakGlass` makes exactly that plan: the Entra change first, then the review issue (this
 * run's own on a re-run), then the notice. The door (action/break-glass.ts) checks the event, shows
 * the plan, and presents.
 */
import { usesSince, type BranchContext } from './context.ts';
import { teamKey, type TeamName } from '../codeowners/codeowners.ts';
import { gatherPeople } from '../identities/people.ts';
import { approvedConfigAt, type IgnoredConfigChange } from '../config/approved.ts';
import { BREAK_GLASS_LABEL } from '../breakglass/breakglass.ts';
import type { AccessConfig } from '../config/config.ts';
import { reviewedRuns, type BreakGlassUse, reviewersOf, reviewIssueOfRun, USE_LOOKBACK_MS } from '../breakglass/uses.ts';
import { decideBreakGlass, reviewIssue, type BreakGlassDecision } from './break-glass.ts';
import { formatTimestamp } from '../timestamp.ts';
import { GitHubFacts } from '../github/graphql.ts';
import { createAssignedIssue } from '../github/issues.ts';
import { headCommit } from '../git/git.ts';
import { reconcile, type ReconcileReport } from '../reconcile/reconcile.ts';
import { applyPlan } from '../execute/apply.ts';
import type { NotifyEvent } from '../notify/notify.ts';
import { noticeId, type Effect, type EffectOutcome } from '../plan/effects.ts';
import { runPlan, type RunOutcomes, type RunPlan } from '../plan/plan.ts';
import { executeEffects, type EffectPorts } from '../execute/executor.ts';

export interface BreakGlassContext extends BranchContext {
  dryRun: boolean;
  defaultBranch: string;
}

/** The dispatch: who started it, when the run was first created (a re-run keeps it), and its inputs. */
export interface BreakGlassDispatch {
  runId: number;
  actor: string;
  runCreatedAt: number;
  inputs: Record<string, unknown>;
  /** A re-run of the same use: its review issue is found, not opened twice. */
  rerun: boolean;
  runUrl: string;
}

export type PlannedBreakGlass =
  | { ok: false; reasons: string[]; configIgnored: IgnoredConfigChange[] }
  | {
      ok: true;
      decision: Extract<BreakGlassDecision, { ok: true }>;
      end: string;
      owners: ReturnType<typeof reviewersOf>;
      plan: RunPlan;
      reconciled: ReconcileReport;
      review: Extract<Effect, { kind: 'review-issue' }>;
      notice: Extract<Effect, { kind: 'notice' }>;
      configIgnored: IgnoredConfigChange[];
    };

export async function planBreakGlass(ctx: BreakGlassContext, run: BreakGlassDispatch): Promise<PlannedBreakGlass> {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  const head = await headCommit(ctx.git);
  // Whether the person breaking glass is in a listed team, asked for them alone (a team's size costs nothing).
  const teamMembers = async (team: TeamName) => (await githubFacts.teamMemberships([{ ...team, login: run.actor }])).get(teamKey(team)) ?? 'not found';
  const { config, previous, ignored } = await approvedJudgement(ctx, githubFacts, head);
  const decision = await decideBreakGlass(run.inputs, {
    actor: run.actor,
    run: run.runId,
    runCreatedAt: run.runCreatedAt,
    now: ctx.now,
    config,
    teamMembers,
    upnIds: (
      await gatherPeople(
        config.identities,
        previous.map((p) => [p.login, run.actor]),
        (refs) => ctx.directory.resolveUsers(refs),
      )
    ).upnIds,
    previous,
  });
  if (!decision.ok) return { ok: false, reasons: decision.reasons, configIgnored: ignored };
  // The grant goes through the one reconciler: the same plan and executor (and PIM end) as every change.
  const grant = { run: run.runId, group: decision.group, login: decision.login, start: run.runCreatedAt, end: decision.end };
  const reconciled = await reconcile({
    git: ctx.git,
    githubFacts,
    directory: ctx.directory,
    now: ctx.now,
    dryRun: ctx.dryRun,
    breakGlassNow: grant,
    breakGlassReviewed: reviewedRuns(ctx.gh, ctx.repo, githubFacts, ctx.git, ctx.directory, ctx.memory),
    root: ctx.root,
  });
  const end = formatTimestamp(decision.end);
  const owners = reviewersOf(config, decision.group);
  const { review, notice } = plannedEffects(decision, run, end, owners);
  return { ok: true, decision, end, owners, plan: runPlan(reconciled, [review, notice]), reconciled, review, notice, configIgnored: ignored };
}

/** What making a break-glass plan did: the grant's report, the review issue (if opened), and every outcome. */
export interface AppliedBreakGlass {
  report: ReconcileReport;
  /** Why the use covers nobody: the membership, or the review issue, was not made. */
  failed?: { what: 'grant' | 'review-issue'; why: string };
  issue?: { number: number; unassigned?: string[] };
  outcomes: RunOutcomes;
}

export async function applyBreakGlass(
  ctx: BreakGlassContext,
  planned: Extract<PlannedBreakGlass, { ok: true }>,
  run: BreakGlassDispatch,
  ports: Pick<EffectPorts, 'notify'>,
): Promise<AppliedBreakGlass> {
  const report = await applyPlan(ctx.directory, planned.reconciled);
  const entra = { changes: [...report.outcomes.values()], checks: [...report.checkOutcomes.values()] };
  const { decision, review, notice } = planned;
  const mine = report.groups.find((g) => g.group === decision.group)?.dispositions.find((d) => d.files.includes(`break-glass run ${run.runId}`));
  if (!mine || mine.outcome === 'failed')
    return {
      report,
      failed: { what: 'grant', why: `the break-glass membership was not made: ${mine?.detail ?? `${decision.group} could not be read in Entra`}` },
      outcomes: { ...entra, effects: [] },
    };
  // Then the review issue (this run's own on a re-run). Should it fail, the run fails, its record covers
  // nobody, and the next sweep removes the access.
  let issue: { number: number; unassigned?: string[] } | undefined;
  const noComments = { listComments: async () => [], postComment: async () => undefined };
  const [made] = await executeEffects([review], {
    ...noComments,
    reviewIssue: async (e) => {
      const existing = run.rerun ? await reviewIssueOfRun(ctx.gh, ctx.repo, { id: e.run, createdAt: e.runCreatedAt }) : undefined;
      issue = existing !== undefined ? { number: existing } : await createAssignedIssue(ctx.gh, ctx.repo, e.title, e.body, e.labels, e.assignees);
      return `#${issue.number} ${existing !== undefined ? 'kept (a re-run of the same use)' : 'opened'}`;
    },
  });
  const reviewed: EffectOutcome[] = made ? [made] : [];
  if (!issue || made?.status !== 'done')
    return {
      report,
      failed: {
        what: 'review-issue',
        why: `${decision.login} was added to ${decision.group}, but the review issue was not opened (${made?.detail ?? 'no outcome'}), so this run's record covers nobody: the next sweep removes the access. Re-run the workflow to try again.`,
      },
      outcomes: { ...entra, effects: reviewed },
    };
  // The notice names the review issue, now that it has a number (the same effect, worded with it).
  const told = await executeEffects(
    [{ ...notice, event: { ...notice.event, issue: issue.number } as NotifyEvent }],
    { ...noComments, ...ports },
    {
      changes: new Map([[review.id, { id: review.id, result: 'made' as const }]]),
    },
  );
  return { report, issue, outcomes: { ...entra, effects: [...reviewed, ...told] } };
}

/** The use's GitHub and chat effects, planned with it: the review issue, and the notice that follows it. */
function plannedEffects(decision: Extract<BreakGlassDecision, { ok: true }>, run: BreakGlassDispatch, end: string, owners: ReturnType<typeof reviewersOf>) {
  const text = reviewIssue(decision, run.runId, run.runUrl, owners);
  const review: Extract<Effect, { kind: 'review-issue' }> = {
    id: `review-issue:${run.runId}`,
    kind: 'review-issue',
    run: run.runId,
    runCreatedAt: run.runCreatedAt,
    title: text.title,
    body: text.body,
    labels: [BREAK_GLASS_LABEL],
    assignees: owners.flatMap((o) => (o.kind === 'user' ? [o.login] : [])).slice(0, 10),
    reason: `break-glass run ${run.runId} is reviewed by a code owner`,
  };
  // The review issue's number is filled in once it is opened.
  const announce: NotifyEvent = { kind: 'break-glass', group: decision.group, who: decision.login, until: end, issue: 0, reason: decision.reason };
  const notice = { id: noticeId(announce), kind: 'notice' as const, event: announce, reason: `break-glass run ${run.runId}`, after: review.id };
  return { review, notice };
}

/**
 * Who may break glass, for how long, and who reviews it: the approved configuration, never the
 * checkout's files; and the earlier uses with their reviews (remembered verdicts where the memory key
 * allows), judged under it, users compared as people.
 */
async function approvedJudgement(
  ctx: BreakGlassContext,
  githubFacts: GitHubFacts,
  head: string,
): Promise<{ config: AccessConfig; previous: BreakGlassUse[]; ignored: IgnoredConfigChange[] }> {
  const reader = ctx.git.catFile();
  try {
    const { config, ignored } = await approvedConfigAt(ctx.git, reader, githubFacts, head, ctx.defaultBranch, ctx.root);
    const previous = await usesSince(ctx, githubFacts, reader, { head, branch: ctx.defaultBranch, config }, ctx.now - USE_LOOKBACK_MS);
    return { config, previous, ignored };
  } finally {
    reader.close();
  }
}
