/**
 * The break-glass front door: only from workflow_dispatch on the default branch (never a pull request
 * job), for github.actor, started by that person (a re-run by someone else grants nothing). The use is
 * judged and planned by the command (commands/break-glass-run.ts: the approved configuration, earlier
 * uses, the one reconciler), the plan shown, then made: the grant (a PIM assignment with the end for
 * pim groups), the review issue assigned to the group's code owners, and the loud announcement (the
 * job summary, a warning annotation, the chat webhooks). A refusal fails the run, so its record
 * never covers anyone.
 */
import { GITHUB_LOGIN } from '../identities/identities.ts';
import { context } from '@actions/github';
import * as core from './runner.ts';
import { ConfigError } from '../diagnostics.ts';
import { reviewerNames } from '../commands/break-glass.ts';
import { applyBreakGlass, planBreakGlass, type BreakGlassDispatch } from '../commands/break-glass-run.ts';
import { gitIn, type Git } from '../git/git.ts';
import type { Settings } from './settings.ts';
import type { RunResult } from './result.ts';
import { branchContext, effectPorts, presentEffects, services } from './services.ts';
import { writeOutcomes, writePlan } from './plan-summary.ts';
import { holding } from '../policy/policy.ts';
import { escapeHtml } from './report.ts';

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

/** The dispatch as GitHub recorded it: the run's first creation time (a re-run keeps it, so it cannot extend the access). */
function dispatchOf(
  runId: number,
  actor: string,
  run: { created_at: string; run_attempt?: number },
  repo: { owner: string; repo: string },
): BreakGlassDispatch {
  return {
    runId,
    actor,
    runCreatedAt: Date.parse(run.created_at),
    inputs: ((context.payload as { inputs?: unknown }).inputs ?? {}) as Record<string, unknown>,
    rerun: Number(process.env.GITHUB_RUN_ATTEMPT ?? '1') > 1 || run.run_attempt !== 1,
    runUrl: `${(process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${repo.owner}/${repo.repo}/actions/runs/${runId}`,
  };
}

export async function runBreakGlass(settings: Settings): Promise<RunResult> {
  const { runId, actor, defaultBranch, git } = await breakGlassRun(settings);
  const svc = await services(settings);
  const { gh, repo } = svc;
  const { data: run } = await gh.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
  const ctx = { ...branchContext(settings, svc, git), dryRun: settings.dryRun, defaultBranch };
  const dispatch = dispatchOf(runId, actor, run, repo);
  const planned = await planBreakGlass(ctx, dispatch);
  for (const c of planned.configIgnored)
    core.warning(`${c.files.join(', ')} changed in ${c.sha.slice(0, 7)} without approval, so break-glass is judged without it: ${c.why}`, {
      title: 'access-as-code break-glass',
    });
  if (!planned.ok) {
    for (const r of planned.reasons) core.error(`break-glass refused: ${r}`, { title: 'access-as-code break-glass' });
    core.setOutput('break-glass', JSON.stringify({ granted: false, reasons: planned.reasons }));
    return { status: 'refused', message: 'break-glass refused; nothing was granted.' };
  }
  const { decision, end, owners, plan } = planned;
  // The plan is shown before anything is made, and what is made is that plan.
  await writePlan(plan, settings.dryRun);
  if (settings.dryRun) return dryRun(`${decision.login} would be granted ${decision.group} until ${end}`);
  const applied = await applyBreakGlass(
    ctx,
    planned,
    dispatch,
    await effectPorts(settings, { listComments: async () => [], postComment: async () => undefined }),
  );
  await presentEffects(plan.effects, applied.outcomes.effects);
  await writeOutcomes(plan, applied.outcomes);
  if (applied.failed?.what === 'grant') throw new ConfigError(applied.failed.why);
  if (applied.failed || !applied.issue) return { status: 'failed', message: applied.failed?.why ?? 'the review issue was not opened' };
  const issue = applied.issue;
  if (issue.unassigned && issue.unassigned.length > 0)
    core.warning(
      `the review issue #${issue.number} could not be assigned to ${issue.unassigned.join(', ')} (GitHub assigns only people with access to the repository); they are mentioned in it instead.`,
      { title: 'access-as-code break-glass' },
    );
  const held = holding(planned.reconciled.config.policy, decision.group);
  const loud = `BREAK-GLASS: ${decision.login} is ${held} until ${end}, without review. Code owners review it in #${issue.number}.`;
  core.warning(loud, { title: 'access-as-code break-glass' });
  await core.summary
    .addHeading('🚨 Break-glass access granted', 2)
    .addRaw(
      `<p><b>${decision.login}</b> is <b>${escapeHtml(held)}</b> until ${end} UTC (${decision.duration}), granted without review. Review: #${issue.number}, assigned to ${reviewerNames(owners).join(', ') || 'the code owners'}.</p>`,
      true,
    )
    .write();
  core.setOutput('break-glass', JSON.stringify({ granted: true, group: decision.group, login: decision.login, end, issue: issue.number }));
  return { status: 'ok' };
}
