/**
 * The break-glass front door: only from workflow_dispatch on the default branch (never a pull request
 * job), for github.actor, started by that person (a re-run by someone else grants nothing). Decides
 * (commands/break-glass.ts) with earlier uses read from the run records, then grants through the one
 * reconciler (a PIM assignment with the end for pim groups), opens the review issue assigned to the
 * group's code owners, and announces it loudly: the job summary, a warning annotation and the chat
 * webhooks. A refusal fails the run, so its record never covers anyone.
 */
import { teamKey, type TeamName } from '../codeowners/codeowners.ts';
import { GITHUB_LOGIN } from '../identities/identities.ts';
import { gatherPeople } from '../identities/people.ts';
import { context } from '@actions/github';
import * as core from './runner.ts';
import { ConfigError } from '../diagnostics.ts';
import type { Directory } from '../entra/directory.ts';
import { approvedConfigAt } from '../config/approved.ts';
import { BREAK_GLASS_LABEL } from '../breakglass/breakglass.ts';
import type { AccessConfig } from '../config/config.ts';
import type { GitHub, RepoRef } from '../github/client.ts';
import { breakGlassUses, reviewedRuns, type BreakGlassUse, reviewersOf, reviewIssueOfRun, USE_LOOKBACK_MS } from '../breakglass/uses.ts';
import { decideBreakGlass, reviewerNames, reviewIssue } from '../commands/break-glass.ts';
import { formatTimestamp } from '../timestamp.ts';
import { GitHubFacts } from '../github/graphql.ts';
import { createAssignedIssue } from '../github/issues.ts';
import { gitIn, type Git, headCommit } from '../git/git.ts';
import { reconcile } from '../reconcile/reconcile.ts';
import { applyPlan } from '../execute/apply.ts';
import type { Settings } from './settings.ts';
import type { NotifyEvent } from '../notify/notify.ts';
import type { RunResult } from './result.ts';
import { applyEffects, services } from './services.ts';
import { noticeId, type Effect } from '../plan/effects.ts';
import { runPlan } from '../plan/plan.ts';
import { writeOutcomes, writePlan } from './plan-summary.ts';

/** The run's own facts, refused unless this is a first-hand dispatch on the default branch with full history. */
async function breakGlassRun(settings: Settings): Promise<{ runId: number; actor: string; defaultBranch: string; git: Git }> {
  const defaultBranch = (context.payload as { repository?: { default_branch?: unknown } }).repository?.default_branch;
  if (settings.eventName !== 'workflow_dispatch' || typeof defaultBranch !== 'string' || settings.github!.ref !== `refs/heads/${defaultBranch}`) {
    throw new ConfigError(`break-glass runs only from workflow_dispatch on the default branch, not "${settings.eventName}" on ${settings.github!.ref}.`);
  }
  const runId = Number(process.env.GITHUB_RUN_ID);
  const actor = process.env.GITHUB_ACTOR ?? '';
  const triggering = process.env.GITHUB_TRIGGERING_ACTOR || actor;
  if (!Number.isInteger(runId) || runId <= 0 || !GITHUB_LOGIN.test(actor)) throw new ConfigError('GITHUB_RUN_ID and GITHUB_ACTOR must be set by the runner.');
  // A re-run keeps the first attempt's actor: someone else re-running it would break glass for them.
  if (triggering.toLowerCase() !== actor.toLowerCase())
    throw new ConfigError(
      `this run was started by ${actor} and re-run by ${triggering}; break-glass is granted only to the person who starts it. ${triggering}: start a new run of the workflow for yourself.`,
    );
  const git = gitIn(settings.workspace);
  // Earlier uses are found from run records on the default branch's history, which a shallow checkout lacks.
  if ((await git.run(['rev-parse', '--is-shallow-repository'])).toString('utf8').trim() === 'true') {
    throw new ConfigError(
      'the checkout is shallow, so earlier break-glass uses cannot be checked. Check out the default branch with fetch-depth: 0 (see .github/workflows/access-break-glass.yml).',
    );
  }
  return { runId, actor, defaultBranch, git };
}

/** A dry run: the plan is printed, nothing granted, and the run fails: a successful run is a record of a grant (breakglass/records.ts). */
function dryRun(what: string): RunResult {
  core.setOutput('break-glass', JSON.stringify({ granted: false, dryRun: true, reasons: ['dry run: the plan is printed and nothing is granted'] }));
  return { status: 'refused', message: `dry run: ${what}; nothing was changed, and this run fails so that its record covers nobody.` };
}

/** The use's GitHub and chat effects, planned with it: the review issue, and the notice that follows it. */
function plannedEffects(
  decision: Extract<Awaited<ReturnType<typeof decideBreakGlass>>, { ok: true }>,
  runId: number,
  start: number,
  end: string,
  owners: ReturnType<typeof reviewersOf>,
  repo: { owner: string; repo: string },
) {
  const text = reviewIssue(
    decision,
    runId,
    `${(process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${repo.owner}/${repo.repo}/actions/runs/${runId}`,
    owners,
  );
  const review: Extract<Effect, { kind: 'review-issue' }> = {
    id: `review-issue:${runId}`,
    kind: 'review-issue',
    run: runId,
    runCreatedAt: start,
    title: text.title,
    body: text.body,
    labels: [BREAK_GLASS_LABEL],
    assignees: owners.flatMap((o) => (o.kind === 'user' ? [o.login] : [])).slice(0, 10),
    reason: `break-glass run ${runId} is reviewed by a code owner`,
  };
  // The review issue's number is filled in once it is opened.
  const announce: NotifyEvent = { kind: 'break-glass', group: decision.group, who: decision.login, until: end, issue: 0, reason: decision.reason };
  const notice = { id: noticeId(announce), kind: 'notice' as const, event: announce, reason: `break-glass run ${runId}`, after: review.id };
  return { review, notice, announce };
}

/**
 * Who may break glass, for how long, and who reviews it: the approved configuration, never the
 * checkout's files, which an unreviewed push may have changed (THREATS 58, invariant 17); and the
 * earlier uses with their reviews, judged under it.
 */
async function approvedJudgement(
  settings: Settings,
  at: { gh: GitHub; repo: RepoRef; githubFacts: GitHubFacts; git: Git; directory: Directory; head: string; branch: string },
): Promise<{ config: AccessConfig; previous: BreakGlassUse[] }> {
  const reader = at.git.catFile();
  try {
    const { config, ignored } = await approvedConfigAt(at.git, reader, at.githubFacts, at.head, at.branch, settings.root);
    for (const c of ignored)
      core.warning(`${c.files.join(', ')} changed in ${c.sha.slice(0, 7)} without approval, so break-glass is judged without it: ${c.why}`, {
        title: 'access-as-code break-glass',
      });
    const { gh, repo, githubFacts, git, head, branch, directory } = at;
    // Earlier uses with their reviews (remembered verdicts where the memory key allows), users compared as people.
    const previous = await breakGlassUses({
      gh,
      repo,
      githubFacts,
      git,
      head,
      branch,
      reader,
      config,
      since: Date.now() - USE_LOOKBACK_MS,
      resolveUsers: (refs) => directory.resolveUsers(refs),
      ...(settings.memory ? { memory: settings.memory } : {}),
    });
    return { config, previous };
  } finally {
    reader.close();
  }
}

export async function runBreakGlass(settings: Settings): Promise<RunResult> {
  const { runId, actor, defaultBranch, git } = await breakGlassRun(settings);
  const inputs = ((context.payload as { inputs?: unknown }).inputs ?? {}) as Record<string, unknown>;
  const { gh, teamsGh, repo, directory } = await services(settings);
  // When this run was first created: a re-run keeps it, so it cannot extend the access.
  const { data: run } = await gh.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
  const githubFacts = new GitHubFacts(gh, repo, teamsGh);
  const head = await headCommit(git);
  const teamMembers = async (team: TeamName) => (await githubFacts.teamMembers([team])).get(teamKey(team)) ?? 'not found';
  const { config, previous } = await approvedJudgement(settings, { gh, repo, githubFacts, git, directory, head, branch: defaultBranch });
  const decision = await decideBreakGlass(inputs, {
    actor,
    run: runId,
    runCreatedAt: Date.parse(run.created_at),
    now: Date.now(),
    config,
    teamMembers,
    upnIds: (
      await gatherPeople(
        config.identities,
        previous.map((p) => [p.login, actor]),
        (refs) => directory.resolveUsers(refs),
      )
    ).upnIds,
    previous,
  });
  if (!decision.ok) {
    for (const r of decision.reasons) core.error(`break-glass refused: ${r}`, { title: 'access-as-code break-glass' });
    core.setOutput('break-glass', JSON.stringify({ granted: false, reasons: decision.reasons }));
    return { status: 'refused', message: 'break-glass refused; nothing was granted.' };
  }
  // The grant goes through the one reconciler: the same plan and apply (and PIM end) as every change.
  const grant = { run: runId, group: decision.group, login: decision.login, start: Date.parse(run.created_at), end: decision.end };
  const planned = await reconcile({
    git,
    githubFacts,
    directory,
    now: Date.now(),
    dryRun: settings.dryRun,
    breakGlassNow: grant,
    breakGlassReviewed: reviewedRuns(gh, repo, githubFacts, git, directory, settings.memory),
    root: settings.root,
  });
  const end = formatTimestamp(decision.end);
  const owners = reviewersOf(config, decision.group);
  const { review, notice, announce } = plannedEffects(decision, runId, grant.start, end, owners, repo);
  const plan = runPlan(planned, [review, notice]);
  await writePlan(plan, planned.dryRun);
  if (planned.dryRun) return dryRun(`${decision.login} would be granted ${decision.group} until ${end}`);
  // The plan as shown, made by the one executor; the review issue and the notice follow it.
  const report = await applyPlan(directory, planned);
  const entra = { changes: [...report.outcomes.values()], checks: [...report.checkOutcomes.values()] };
  const mine = report.groups.find((g) => g.group === decision.group)?.dispositions.find((d) => d.files.includes(`break-glass run ${runId}`));
  if (!mine || mine.outcome === 'failed')
    throw new ConfigError(`the break-glass membership was not made: ${mine?.detail ?? `${decision.group} could not be read in Entra`}`);
  // Then the review issue (this run's own on a re-run). Should it fail, the run fails, its record covers
  // nobody, and the next sweep removes the access.
  const rerun = Number(process.env.GITHUB_RUN_ATTEMPT ?? '1') > 1 || run.run_attempt !== 1;
  let issue: { number: number; unassigned?: string[] } | undefined;
  const [made] = await applyEffects(settings, [review], {
    listComments: async () => [],
    postComment: async () => undefined,
    reviewIssue: async (e) => {
      const existing = rerun ? await reviewIssueOfRun(gh, repo, { id: e.run, createdAt: e.runCreatedAt }) : undefined;
      issue = existing !== undefined ? { number: existing } : await createAssignedIssue(gh, repo, e.title, e.body, e.labels, e.assignees);
      return `#${issue.number} ${existing !== undefined ? 'kept (a re-run of the same use)' : 'opened'}`;
    },
  });
  if (!issue || made?.status !== 'done') {
    await writeOutcomes(plan, { ...entra, effects: [made].filter((o) => o !== undefined) });
    return {
      status: 'failed',
      message: `${decision.login} was added to ${decision.group}, but the review issue was not opened (${made?.detail ?? 'no outcome'}), so this run's record covers nobody: the next sweep removes the access. Re-run the workflow to try again.`,
    };
  }
  if (issue.unassigned && issue.unassigned.length > 0)
    core.warning(
      `the review issue #${issue.number} could not be assigned to ${issue.unassigned.join(', ')} (GitHub assigns only people with access to the repository); they are mentioned in it instead.`,
      { title: 'access-as-code break-glass' },
    );
  const loud = `BREAK-GLASS: ${decision.login} is a member of ${decision.group} until ${end}, without review. Code owners review it in #${issue.number}.`;
  core.warning(loud, { title: 'access-as-code break-glass' });
  await core.summary
    .addHeading('🚨 Break-glass access granted', 2)
    .addRaw(
      `<p><b>${decision.login}</b> is a member of <b>${decision.group}</b> until ${end} UTC (${decision.duration}), granted without review. Review: #${issue.number}, assigned to ${reviewerNames(owners).join(', ') || 'the code owners'}.</p>`,
      true,
    )
    .write();
  core.setOutput('break-glass', JSON.stringify({ granted: true, group: decision.group, login: decision.login, end, issue: issue.number }));
  const told = await applyEffects(
    settings,
    [{ ...notice, event: { ...announce, issue: issue.number } }],
    { listComments: async () => [], postComment: async () => undefined },
    new Map([[review.id, { id: review.id, result: 'made' as const }]]),
  );
  await writeOutcomes(plan, { ...entra, effects: [made, ...told] });
  return { status: 'ok' };
}
