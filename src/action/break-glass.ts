/**
 * The break-glass front door: only from workflow_dispatch on the default branch (never a pull request
 * job), for github.actor. Decides (commands/break-glass.ts), grants at once (a PIM assignment with the
 * end for pim groups), opens the review issue assigned to the group's code owners, and announces it
 * loudly: the job summary, a warning annotation and the chat webhooks. A refusal fails the run, so
 * its record never covers anyone.
 */
import { GITHUB_LOGIN } from '../identities/identities.ts';
import { context } from '@actions/github';
import * as core from './runner.ts';
import { ConfigError } from '../diagnostics.ts';
import { loadConfig } from '../config/config.ts';
import { workingTree } from '../repo/files.ts';
import { BREAK_GLASS_LABEL } from '../breakglass/breakglass.ts';
import { decideBreakGlass, isReviewed, markedIssues, reviewerNames, reviewersOf, reviewIssue } from '../commands/break-glass.ts';
import { teamMemberships } from '../approval/approval.ts';
import { formatTimestamp } from '../timestamp.ts';
import { GitHubGraph } from '../github/graphql.ts';
import { createAssignedIssue, issuesWithLabelAll } from '../github/issues.ts';
import { UserResolver } from '../grant/resolve.ts';
import type { Settings } from './settings.ts';
import type { NotifyEvent } from '../notify/notify.ts';
import type { services as Services } from './main.ts';

export async function runBreakGlass(settings: Settings, services: typeof Services, notify: (s: Settings, e: NotifyEvent[]) => Promise<void>): Promise<void> {
  const defaultBranch = (context.payload as { repository?: { default_branch?: unknown } }).repository?.default_branch;
  if (settings.eventName !== 'workflow_dispatch' || typeof defaultBranch !== 'string' || settings.github!.ref !== `refs/heads/${defaultBranch}`) {
    throw new ConfigError(`break-glass runs only from workflow_dispatch on the default branch, not "${settings.eventName}" on ${settings.github!.ref}.`);
  }
  const runId = Number(process.env.GITHUB_RUN_ID);
  const actor = process.env.GITHUB_ACTOR ?? '';
  if (!Number.isInteger(runId) || runId <= 0 || !GITHUB_LOGIN.test(actor)) throw new ConfigError('GITHUB_RUN_ID and GITHUB_ACTOR must be set by the runner.');
  const inputs = ((context.payload as { inputs?: unknown }).inputs ?? {}) as Record<string, unknown>;
  const { gh, repo, directory } = await services(settings);
  const config = await loadConfig(workingTree(settings.workspace));
  // When this run was first created: a re-run keeps it, so it cannot extend the access.
  const { data: run } = await gh.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
  const graph = new GitHubGraph(gh, repo);
  const teams = new Map<string, Set<string> | string>();
  const readTeams = async (wanted: readonly { org: string; slug: string }[]) => {
    const missing = wanted.filter((t) => !teams.has(`${t.org}/${t.slug}`.toLowerCase()));
    for (const [key, members] of await graph.teamMembers(missing)) teams.set(key, members);
  };
  const teamMembers = async (team: string) => {
    const key = team.replace(/^@/, '').toLowerCase();
    const [org, slug] = key.split('/') as [string, string];
    await readTeams([{ org, slug }]);
    return teams.get(key) ?? 'not found';
  };
  // Earlier uses and whether a code owner (teams read once) other than the requester reviewed them.
  const marked = markedIssues(await issuesWithLabelAll(gh, repo, BREAK_GLASS_LABEL));
  await readTeams(marked.flatMap(({ marker }) => reviewersOf(config, marker.group).flatMap((o) => (o.kind === 'team' ? [{ org: o.org, slug: o.slug }] : []))));
  const memberships = teamMemberships(teams);
  const previous = marked.map(({ issue, marker }) => ({ number: issue.number, run: marker.run, group: marker.group, login: marker.login, reviewed: isReviewed(issue, marker.login, reviewersOf(config, marker.group), memberships) }));
  const decision = await decideBreakGlass(inputs, { actor, run: runId, runCreatedAt: Date.parse(run.created_at), now: Date.now(), config, teamMembers, previous });
  if (!decision.ok) {
    for (const r of decision.reasons) core.error(`break-glass refused: ${r}`, { title: 'access-as-code break-glass' });
    core.setOutput('break-glass', JSON.stringify({ granted: false, reasons: decision.reasons }));
    core.setFailed(`access-as-code: break-glass refused; nothing was granted.`);
    return;
  }
  const group = config.policy.groups.get(decision.group)!;
  const target = await new UserResolver(config, directory).groupAndUser(decision.group, decision.login);
  if (typeof target === 'string') throw new ConfigError(target);
  const end = formatTimestamp(decision.end);
  const owners = reviewersOf(config, decision.group);
  const runUrl = `${(process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${repo.owner}/${repo.repo}/actions/runs/${runId}`;
  if (group.backend === 'pim') {
    const [outcome] = await directory.applyPim([{ action: 'adminAssign', groupId: target.groupId, principalId: target.userId, end, justification: `access-as-code break-glass by ${decision.login}, run ${runId}, run ${runUrl}` }]);
    if (!outcome?.done && !/already/.test(outcome?.detail ?? '')) throw new ConfigError(`the PIM assignment was not made: ${outcome?.detail ?? 'no answer'}`);
  } else {
    const [outcome] = await directory.apply([{ op: 'add', groupId: target.groupId, memberId: target.userId }]);
    if (!outcome?.done) throw new ConfigError(`the membership was not added: ${outcome?.detail ?? 'no answer'}`);
  }
  // Then the review issue (this run's own on a re-run). Should it fail, the run fails, its record covers
  // nobody, and the next sweep removes the access.
  const existing = previous.find((p) => p.run === runId);
  const issue = existing ? { number: existing.number } : await (async () => {
    const text = reviewIssue(decision, runId, runUrl, owners);
    return createAssignedIssue(gh, repo, text.title, text.body, [BREAK_GLASS_LABEL], owners.flatMap((o) => (o.kind === 'user' ? [o.login] : [])).slice(0, 10));
  })();
  const loud = `BREAK-GLASS: ${decision.login} is a member of ${decision.group} until ${end}, without review. Code owners review it in #${issue.number}.`;
  core.warning(loud, { title: 'access-as-code break-glass' });
  await core.summary.addHeading('🚨 Break-glass access granted', 2).addRaw(`<p><b>${decision.login}</b> is a member of <b>${decision.group}</b> until ${end} UTC (${decision.duration}), granted without review. Review: #${issue.number}, assigned to ${reviewerNames(owners).join(', ') || 'the code owners'}.</p>`, true).write();
  core.setOutput('break-glass', JSON.stringify({ granted: true, group: decision.group, login: decision.login, end, issue: issue.number }));
  await notify(settings, [{ kind: 'break-glass', group: decision.group, who: decision.login, until: end, issue: issue.number, reason: decision.reason }]);
}
