/** The action's front door: read settings, run the command, report once. */
import { GITHUB_LOGIN } from '../identities/identities.ts';
import * as core from './runner.ts';
import { GITHUB_SENT } from '../github/sent.ts';
import { ConfigError, formatDiagnostic, sortDiagnostics } from '../diagnostics.ts';
import { reportHasErrors, validatePullRequest, validateTree } from '../commands/validate.ts';
import { gitIn, type Git } from '../git/git.ts';
import type { GitHub, RepoRef } from '../github/client.ts';
import type { RevokeReport } from '../commands/revoke.ts';
import type { Catalogue, GroupAccess } from '../entra/catalogue.ts';
import type { PendingRequest } from '../report/dashboard.ts';
import type { Directory } from '../entra/directory.ts';
import { workingTree } from '../repo/files.ts';
import { context } from '@actions/github';
import { readEvent, type PushEvent } from './event.ts';
import { requireDefaultBranchPush, writeGrantSummary } from './grant.ts';
import { OK, type RunResult } from './result.ts';
import { applyEffects, branchContext, effectPorts, githubOnly, githubPorts, presentEffects, services } from './services.ts';
import type { Effect } from '../plan/effects.ts';
import { writeOutcomes, writePlan } from './plan-summary.ts';
import { writeRevokeSummary } from './revoke.ts';
import { annotate, escapeHtml, verdictRows, writeValidationSummary } from './report.ts';
import { loadConfig, type AccessConfig } from '../config/config.ts';
import { teamKey, type TeamName } from '../codeowners/codeowners.ts';
import { requesterTeamNames } from '../policy/requesters.ts';
import { readSettings, type Settings } from './settings.ts';

export async function run(): Promise<void> {
  const result = await runCommand();
  // What this run sent to GitHub, every attempt counted where it is sent (github/client.ts).
  const sent = GITHUB_SENT.rest + GITHUB_SENT.graphql;
  if (sent > 0) {
    core.info(`GitHub requests this run: ${sent} (${GITHUB_SENT.rest} REST, ${GITHUB_SENT.graphql} GraphQL).`);
    core.setOutput('github-requests', String(sent));
  }
  if (result.status !== 'ok') core.setFailed(`access-as-code: ${result.message ?? result.status}`);
}

async function runCommand(): Promise<RunResult> {
  try {
    const settings = readSettings();
    if (settings.notSetUp) {
      core.notice(settings.notSetUp, { title: 'access-as-code' });
      return OK;
    }
    switch (settings.command) {
      case 'validate':
        return await runValidate(settings);
      case 'grant':
        return await runGrant(settings);
      case 'revoke':
        return await runRevoke(settings);
      case 'report':
        return await runReport(settings);
      case 'doctor':
        return await runDoctor(settings);
      case 'issue':
        return await runIssue(settings);
      case 'break-glass':
        return await (await import('./break-glass.ts')).runBreakGlass(settings);
      case 'discover':
        return await runDiscover(settings);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      annotate(error.diagnostics);
      for (const d of error.diagnostics) core.info(formatDiagnostic(d));
      return { status: 'refused', message: error.message };
    }
    if (
      error instanceof Error &&
      (error.name === 'SignInError' || error.name === 'DirectoryError' || error.name === 'GitHubUnavailableError' || error.name === 'GitHubPermissionError')
    )
      return { status: 'failed', message: error.message };
    return { status: 'failed', message: `unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
  }
}

async function runValidate(settings: Settings): Promise<RunResult> {
  const isPull = settings.eventName === 'pull_request' || settings.eventName === 'pull_request_target';
  const event = isPull ? readEvent(settings.eventName) : undefined;
  const now = Date.now();
  const report =
    event?.kind === 'pull_request'
      ? await validatePullRequest(gitIn(settings.workspace), event, now)
      : await validateTree(workingTree(settings.workspace), now);
  const all = sortDiagnostics([...report.diagnostics, ...report.verdicts.flatMap((v) => v.diagnostics)]);
  annotate(all);
  const rows = verdictRows(report);
  for (const row of rows) core.info(`${row.file}: ${row.verdict}`);
  for (const line of report.configPlan ?? []) core.info(`configuration change: ${line}`);
  core.setOutput('valid', String(!reportHasErrors(report)));
  core.setOutput('requests', JSON.stringify(rows));
  await writeValidationSummary(report, event?.kind === 'pull_request' ? `Access requests in #${event.number}` : 'Access requests');
  if (event?.kind === 'pull_request' && settings.github && report.config) await presentPublished(settings, report);
  if (!reportHasErrors(report)) return OK;
  const count = all.filter((d) => d.severity === 'error').length;
  return { status: 'refused', message: `${count} problem${count === 1 ? '' : 's'} found; see the annotations on the files.` };
}

/**
 * What the sweep published, on the pull-request check (this job has no Entra token): what approving
 * each requested group confers, with its age, and who a switch from audit to enforce would remove.
 * Information for the reviewer, and warnings where a group's policy asks too little for what it
 * confers; never a reason to fail the check.
 */
async function presentPublished(settings: Settings, report: Awaited<ReturnType<typeof validatePullRequest>>): Promise<void> {
  const requested = report.verdicts.flatMap((v) => (v.valid && v.request && v.change !== undefined ? [{ group: v.request.group, file: v.file }] : []));
  const switches = report.enforceSwitches ?? [];
  if (requested.length === 0 && !report.configAfter) return;
  const { readPublished } = await import('../commands/dashboard.ts');
  const { gh } = await githubOnly(settings);
  const [owner, repo] = settings.github!.repository.split('/') as [string, string];
  let published;
  try {
    published = await readPublished(gh, { owner, repo });
  } catch (error) {
    published = { why: `the access dashboard could not be read (${(error as Error).message.split('\n')[0]}); give this job "issues: read"` };
  }
  if ('why' in published) {
    core.info(`What the sweep published is not shown: ${published.why}.`);
    await core.summary
      .addHeading('What approving confers', 3)
      .addRaw(`Not shown: ${escapeHtml(published.why)}.`, true)
      .write();
    return;
  }
  const source = `As the sweep read it from Microsoft Graph and published it in the access dashboard #${published.issue}, last written ${escapeHtml(published.asOf)}.`;
  if (requested.length > 0) await presentConferred(report, requested, published.groups, source);
  if (report.configAfter) await presentFlips(report, published.pending, source);
  if (switches.length > 0) {
    const { switchLines } = await import('../commands/config-plan.ts');
    const lines = switchLines(switches, published.drift);
    for (const line of lines) core.info(`configuration change: switching to enforce: ${line}`);
    await core.summary.addHeading('Who the switch to enforce removes', 3).addList(lines.map(escapeHtml)).addRaw(source, true).write();
  }
}

/** Pending pull requests whose verdict the configuration change flips, from the ones the sweep published. */
async function presentFlips(report: Awaited<ReturnType<typeof validatePullRequest>>, pending: PendingRequest[], source: string): Promise<void> {
  const { flipLines, pendingFlips } = await import('../commands/config-plan.ts');
  const flips = pendingFlips(report.config!, report.configAfter!, pending);
  for (const line of flips) core.info(`configuration change: pending: ${line}`);
  const text = flipLines(flips, pending.length);
  await core.summary.addHeading('Pull requests waiting for approval that this change affects', 3).addList(text.map(escapeHtml)).addRaw(source, true).write();
}

async function presentConferred(
  report: Awaited<ReturnType<typeof validatePullRequest>>,
  requested: { group: string; file: string }[],
  published: GroupAccess[],
  source: string,
): Promise<void> {
  const { conferredViews } = await import('../report/conferred.ts');
  const summary = core.summary.addHeading('What approving confers', 3);
  for (const v of conferredViews(report.config!, requested, published)) {
    summary.addRaw(`<p><b>${escapeHtml(v.group)}</b>${v.privileged ? ' ⚠️ privileged' : ''}</p>`, true).addList(v.lines.map(escapeHtml));
    for (const line of v.lines) core.info(`${v.group} confers: ${line}`);
    for (const w of v.warnings) for (const file of v.files) core.warning(w, { title: 'access-as-code: privileged access', file });
  }
  await summary.addRaw(source, true).write();
}

/**
 * `issue`, on an issue made from the access request form (opened or edited): answers on the issue,
 * editing its one answer in place, with the problems or the request file and its one-click link.
 */
/** The issue an issues event names (only its number: everything else is read as it is now). */
function issueOfEvent(settings: Settings): number {
  const event = (context.payload as { issue?: { number?: unknown; pull_request?: unknown } }).issue;
  if (settings.eventName !== 'issues' || typeof event?.number !== 'number' || event.pull_request) {
    throw new ConfigError(`command "issue" answers issues events (types: opened, edited), not "${settings.eventName}".`);
  }
  return event.number;
}

async function runIssue(settings: Settings): Promise<RunResult> {
  const number = issueOfEvent(settings);
  const { gh } = await githubOnly(settings);
  const [owner, repo] = settings.github!.repository.split('/') as [string, string];
  // The event names the issue; its text is read as it is now. A re-run replays the event's old body
  // (docs/threat-model.md 54), so the payload's body, author and labels are never used.
  const { data: current } = await gh.rest.issues.get({ owner, repo, issue_number: number });
  const issue = {
    number: current.number,
    user: { login: current.user?.login },
    body: current.body ?? '',
    labels: current.labels.map((l) => ({ name: typeof l === 'string' ? l : l.name })),
    state: current.state,
  };
  if (issue.state !== 'open') {
    core.info(`Issue #${issue.number} is ${issue.state}: nothing to answer.`);
    return OK;
  }
  const { FORM_LABEL } = await import('../form/form.ts');
  if (!(issue.labels ?? []).some((l) => l.name === FORM_LABEL)) {
    core.info(`Issue #${issue.number} has no "${FORM_LABEL}" label: not an access request, nothing to do.`);
    return OK;
  }
  const author = issue.user?.login;
  if (typeof author !== 'string' || !GITHUB_LOGIN.test(author)) throw new ConfigError('the issue event names no valid author login.');
  const { answerIssue, answerBody, ANSWER_MARKER } = await import('../commands/issue-request.ts');
  const { requestSchemaRef } = await import('../commands/new.ts');
  const { VERSION } = await import('../version.ts');
  const { existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const config = await loadConfig(workingTree(settings.workspace));
  const defaultBranch = (context.payload as { repository?: { default_branch?: unknown } }).repository?.default_branch;
  const where = {
    serverUrl: (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    owner,
    repo,
    defaultBranch: typeof defaultBranch === 'string' ? defaultBranch : 'main',
  };
  const answer = answerIssue(
    { number: issue.number, author, body: typeof issue.body === 'string' ? issue.body : '' },
    config,
    Date.now(),
    (p) => existsSync(join(settings.workspace, p)),
    where,
    requestSchemaRef(settings.workspace, VERSION),
  );
  const body = answerBody(answer);
  // A dry run answers nothing; what it would answer is said without the issue's text.
  if (settings.dryRun) return dryAnswer(issue.number, answer);
  const github = await import('../github/client.ts');
  const { editComment } = await import('../github/issues.ts');
  const repoRef = { owner, repo };
  const [written] = await applyEffects(
    settings,
    [{ id: `answer:#${issue.number}`, kind: 'answer', issue: issue.number, marker: ANSWER_MARKER, body, reason: `the request form's issue #${issue.number}` }],
    {
      listComments: async () => [],
      postComment: async () => undefined,
      answer: async (e) => {
        // The one answer is the job's own comment that starts with the marker, edited in place: a bot's, by type.
        const mine = (await github.pullComments(gh, repoRef, e.issue)).find((c) => c.bot && c.body.startsWith(e.marker));
        if (!mine) await github.commentOnPull(gh, repoRef, e.issue, e.body);
        else if (mine.body !== e.body) await editComment(gh, repoRef, mine.id, e.body);
        return !mine ? 'posted' : mine.body !== e.body ? 'edited' : 'unchanged';
      },
    },
  );
  if (written?.status !== 'done') return { status: 'failed', message: `the answer on #${issue.number} was not written: ${written?.detail ?? 'no outcome'}` };
  core.info(
    answer.ok
      ? `#${issue.number}: valid; answered with ${answer.path} and its link.`
      : `#${issue.number}: ${answer.problems.length} problem(s); answered on the issue.`,
  );
  core.setOutput('answer', JSON.stringify(answer.ok ? { valid: true, file: answer.path, link: answer.link } : { valid: false, problems: answer.problems }));
  return OK;
}

function dryAnswer(number: number, answer: import('../commands/issue-request.ts').IssueAnswer): RunResult {
  core.info(`dry run: #${number} would be answered (${answer.ok ? 'valid' : `${answer.problems.length} problem(s)`}); nothing was written.`);
  core.setOutput('answer', JSON.stringify(answer.ok ? { valid: true, file: answer.path, link: answer.link } : { valid: false, problems: answer.problems }));
  return OK;
}

/** Every team the configuration names: code owners and the groups' requesters. */
function configTeams(config: AccessConfig): { org: string; slug: string }[] {
  const teams = new Map<string, TeamName>();
  const names = [
    ...config.codeowners.rules.flatMap((r) => r.owners.flatMap((o) => (o.kind === 'team' ? [{ org: o.org, slug: o.slug }] : []))),
    ...[...config.policy.groups.values()].flatMap((g) => requesterTeamNames([...(g.requesters ?? []), ...(g.breakGlass?.requesters ?? [])])),
  ];
  for (const team of names) teams.set(teamKey(team), team);
  return [...teams.values()];
}

/**
 * discover in a workflow: the privileged groups outside the policy and the proposal, in the job summary
 * and as the output `discovery` (JSON). Reads only. The proposal is not committed from here: a pull
 * request the job token opened would not run the pull-request check, so `access-as-code discover
 * --write` on a person's clone makes it.
 */
async function runDiscover(settings: Settings): Promise<RunResult> {
  const { directoryFromActions } = await import('../entra/connect.ts');
  const { discover, renderDiscovery } = await import('../commands/discover.ts');
  const config = await loadConfig(workingTree(settings.workspace));
  const directory = directoryFromActions(settings.entra!, (audience) => core.getIDToken(audience));
  const found = await discover(directory, config.policy, Date.now());
  const lines = renderDiscovery(found);
  for (const line of lines) core.info(line);
  const onboardable = found.groups.filter((g) => g.onboard.ok).length;
  await core.summary
    .addHeading('Privileged groups outside the policy', 2)
    .addRaw(
      `${found.groups.length} found, ${onboardable} that access-as-code can manage. To propose them (audit mode, standing exemptions with reasons), run <code>access-as-code discover --write</code> in a clone and open a pull request from the branch it makes.`,
      true,
    )
    .addRaw(`<pre>${escapeHtml(lines.join('\n'))}</pre>`, true)
    .write();
  core.setOutput('discovery', JSON.stringify(found));
  // No false green: "none found" while something could not be read is not an answer, and the run says which.
  if (found.groups.length === 0 && found.unknown.length > 0)
    return { status: 'degraded', message: `no privileged group was found, but not everything could be read: ${found.unknown.join('; ')}.` };
  return { status: 'ok' };
}

/** The token permissions the repository's workflow files lack for the commands they run (as checked out). */
async function workflowProblems(workspace: string): Promise<string[]> {
  const { workflowPermissionProblems } = await import('../github/permissions.ts');
  const { loadYaml, CONFIG_LIMITS } = await import('../yaml/safe-load.ts');
  const files = workingTree(workspace);
  const out: string[] = [];
  for (const path of await files.list('.github/workflows')) {
    if (!/\.ya?ml$/.test(path)) continue;
    const content = await files.read(path);
    const loaded = content?.bytes ? loadYaml(path, content.bytes, CONFIG_LIMITS) : undefined;
    if (loaded?.ok) out.push(...workflowPermissionProblems(path, loaded.yaml.value));
  }
  return out;
}

async function runDoctor(settings: Settings): Promise<RunResult> {
  const { directoryFromActions } = await import('../entra/connect.ts');
  const { doctor, GRANT_ENVIRONMENT } = await import('../commands/doctor.ts');
  const { FORM_LABEL } = await import('../form/form.ts');
  const { DASHBOARD_LABEL } = await import('../report/dashboard.ts');
  const { BREAK_GLASS_LABEL } = await import('../breakglass/breakglass.ts');
  const config = await loadConfig(workingTree(settings.workspace));
  const github = settings.github ? await services(settings) : undefined;
  const directory = github?.directory ?? directoryFromActions(settings.entra!, (audience) => core.getIDToken(audience));
  const rules = github
    ? {
        branch: 'main',
        rules: async () => github.github.branchRules(github.gh, github.repo, 'main'),
        environment: async () => github.github.environmentFacts(github.gh, github.repo, GRANT_ENVIRONMENT),
        teams: async () => new (await import('../github/graphql.ts')).GitHubFacts(github.gh, github.repo, github.teamsGh).teamMembers(configTeams(config)),
        missingLabels: async () => github.github.missingLabels(github.gh, github.repo, [FORM_LABEL, DASHBOARD_LABEL, BREAK_GLASS_LABEL]),
        workflowPermissions: async () => workflowProblems(settings.workspace),
      }
    : undefined;
  const report = await doctor(config, directory, rules);
  annotate(report.diagnostics);
  const summary = core.summary.addHeading('access-as-code set-up check', 2).addTable([
    [
      { data: 'Group', header: true },
      { data: 'Entra group', header: true },
      { data: 'Members now', header: true },
      { data: 'Status', header: true },
    ],
    ...report.groups.map((g) => [
      escapeHtml(g.name),
      escapeHtml(g.displayName ?? g.id),
      g.members === undefined ? '' : String(g.members),
      g.problem ? escapeHtml(g.problem) : 'ok',
    ]),
  ]);
  const unresolved = report.identities.filter((i) => !i.resolved).map((i) => i.login);
  summary.addRaw(
    `Signed in to Entra. ${report.identities.length - unresolved.length} of ${report.identities.length} identities resolve to users${unresolved.length > 0 ? `; not found: ${unresolved.map(escapeHtml).join(', ')}` : ''}.`,
    true,
  );
  if (report.identity) summary.addHeading('Automation identity', 3).addList(report.identity.lines.map(escapeHtml));
  const conferring = report.groups.filter((g) => g.confers);
  if (conferring.length > 0) {
    summary.addHeading('What each group confers', 3);
    for (const g of conferring)
      summary
        .addRaw(`<p><b>${escapeHtml(g.name)}</b></p>`, true)
        .addList((g.confers!.length > 0 ? g.confers! : ['nothing beyond membership itself']).map(escapeHtml));
  }
  await summary.write();
  for (const line of report.identity?.lines ?? []) core.info(line);
  for (const g of report.groups) core.info(`${g.name}: ${g.problem ?? `ok, ${g.members} members`}`);
  core.setOutput('groups', JSON.stringify(report.groups));
  if (report.identity) core.setOutput('reach', report.identity.scope);
  return report.diagnostics.some((d) => d.severity === 'error') ? { status: 'refused', message: 'the set-up check found problems; see the annotations.' } : OK;
}

async function runGrant(settings: Settings): Promise<RunResult> {
  const event = readEvent(settings.eventName);
  requireDefaultBranchPush(event, settings.eventName);
  const push = event as PushEvent;
  const { planGrant, applyGrant } = await import('../commands/grant.ts');
  const svc = await services(settings, { owner: push.owner, repo: push.repo });
  const { gh, repo, directory } = svc;
  const planned = await planGrant({
    ...branchContext(settings, svc, gitIn(settings.workspace)),
    before: push.before,
    dryRun: settings.dryRun,
  });
  // The plan is shown before anything is made, and what is made is that plan.
  await writePlan(planned.plan, planned.report.dryRun);
  const ports = await effectPorts(settings, await githubPorts(settings, gh, repo));
  const { report, outcomes } = await applyGrant(planned, { directory, ports });
  await presentEffects(planned.plan.effects, outcomes.effects);
  for (const item of report.items) core.info(`${item.file}: ${item.outcome}: ${item.detail}`);
  core.setOutput('changes', JSON.stringify(report.items));
  presentVerification(settings, report);
  await writeGrantSummary(report, report.head);
  await writeOutcomes(planned.plan, outcomes);
  const unapproved = await presentIgnoredConfig(report.configIgnored);
  // A request added or changed on main without a pull request bypassed review: grant nothing, and fail
  // the run so that it shows up red in the history, not just in a log.
  const unmerged = report.items.filter((i) => i.pull === undefined && i.outcome === 'refused');
  for (const item of unmerged) core.error(`${item.file} changed without a merged pull request: ${item.detail}`, { title: 'access-as-code', file: item.file });
  if (report.degraded) return { status: 'degraded', message: report.degraded };
  if (report.failed) return { status: 'failed', message: 'some approved changes were not applied in Entra; re-run this workflow to retry them.' };
  if (unapproved) return { status: 'refused', message: unapproved };
  if (unmerged.length > 0)
    return {
      status: 'refused',
      message: `${unmerged.length} request${unmerged.length === 1 ? ' was' : 's were'} pushed to main without a reviewed pull request; nothing was granted for ${unmerged.length === 1 ? 'it' : 'them'}.`,
    };
  return OK;
}

async function runRevoke(settings: Settings): Promise<RunResult> {
  const defaultBranch = (context.payload as { repository?: { default_branch?: unknown } }).repository?.default_branch;
  if (typeof defaultBranch === 'string' && settings.github!.ref !== `refs/heads/${defaultBranch}`) {
    throw new ConfigError(`revoke sweeps the default branch's requests; run it on refs/heads/${defaultBranch}, not ${settings.github!.ref}.`);
  }
  const { planRevoke, applyRevoke } = await import('../commands/revoke.ts');
  const svc = await services(settings);
  const { gh, teamsGh, repo, directory } = svc;
  const git = gitIn(settings.workspace);
  const now = Date.now();
  const ctx = { ...branchContext(settings, svc, git, now), dryRun: settings.dryRun };
  // The dashboard is a view of this sweep: read when planning, worded from what the sweep made.
  let dashboardPort: Pick<import('../execute/executor.ts').EffectPorts, 'dashboard'> = {};
  const planned = await planRevoke(ctx, async (plannedReport) => {
    const dashboard =
      settings.dashboard && !plannedReport.degraded ? await planDashboardEffects(settings, gh, teamsGh, repo, git, plannedReport, now, directory) : undefined;
    if (dashboard) dashboardPort = dashboard.port;
    return (report) => dashboard?.effects(report) ?? [];
  });
  // The plan is shown before anything is made, and what is made is that plan.
  await writePlan(planned.plan, planned.report.dryRun);
  const unapproved = await presentIgnoredConfig(planned.report.configIgnored);
  const ports = await effectPorts(settings, { ...(await githubPorts(settings, gh, repo)), ...dashboardPort });
  const { report, outcomes } = await applyRevoke(planned, ctx, ports);
  await presentEffects(planned.plan.effects, outcomes.effects);
  await writeRevokeSummary(report);
  core.setOutput('sweep', JSON.stringify(report.groups));
  presentVerification(settings, report);
  await writeOutcomes(planned.plan, outcomes);
  logDispositions(report.groups);
  for (const b of report.breakGlassIgnored) if (/was not reviewed within/.test(b.why)) core.warning(b.why, { title: 'access-as-code break-glass' });
  for (const u of report.sessionsUnknown) core.error(`${u.group}: ${u.file}: ${u.why}`, { title: 'access-as-code: sign-in sessions' });
  if (report.degraded) return { status: 'degraded', message: report.degraded };
  if (report.failed)
    return {
      status: 'failed',
      message: 'the sweep could not finish every removal and addition; see the summary. Every other change was made; the next run retries.',
    };
  if (unapproved) return { status: 'refused', message: unapproved };
  return OK;
}

/**
 * What each policy group confers, read for the dashboard, which publishes it for the pull-request
 * check (that job has no Entra token). Every read is optional: what Graph refuses is named, with the
 * read-only permission that would show it.
 */
async function readPolicyCatalogue(directory: Directory, report: RevokeReport, now: number): Promise<Catalogue | undefined> {
  const { catalogueOfPolicy } = await import('../entra/catalogue.ts');
  try {
    return await catalogueOfPolicy(directory, report.config.policy, now);
  } catch (error) {
    core.warning(`what each group confers was not read (${(error as Error).message}); the dashboard shows it again once a sweep reads it.`, {
      title: 'access-as-code',
    });
    return undefined;
  }
}

/** Each change of the run on one line, and what went wrong loudly (a group not read, sessions not ended). */
function logDispositions(groups: RevokeReport['groups']): void {
  for (const g of groups) {
    for (const d of g.dispositions)
      if (d.action !== 'keep')
        core.info(
          `${g.group}: ${d.id} ${d.action} (${d.reason})${d.outcome ? `: ${d.outcome}` : ''}${d.outcome === 'failed' && d.detail ? `: ${d.detail}` : ''}${d.sessions ? `; sign-in sessions ${d.sessions}` : ''}`,
        );
    for (const d of g.dispositions) {
      if (d.stillHeld) core.warning(`${g.group}: ${d.id} ${d.stillHeld}`, { title: 'access-as-code: removed access is not gone' });
      if (d.unverified) core.warning(`${g.group}: ${d.id} was removed, but ${d.unverified}`, { title: 'access-as-code: removal not verified' });
      if (d.sessions && d.sessions !== 'revoked')
        core.error(`${g.group}: ${d.id} was removed, but its sign-in sessions were ${d.sessions}`, { title: 'access-as-code' });
    }
    if (g.error) core.error(`${g.group}: ${g.error}`, { title: 'access-as-code' });
  }
}

/**
 * The dashboard is a view: what it should say is planned from this sweep's report (reads only, a dry
 * run too), and the executor writes it; failing to plan or write it never fails the sweep, which has
 * done its work. With it, what approving each waiting pull request confers, told on it once per content.
 */
async function planDashboardEffects(
  settings: Settings,
  gh: GitHub,
  teamsGh: GitHub | undefined,
  repo: RepoRef,
  git: Git,
  report: RevokeReport,
  now: number,
  directory: Directory,
): Promise<{ effects: (report: RevokeReport) => Effect[]; port: Pick<import('../execute/executor.ts').EffectPorts, 'dashboard'> } | undefined> {
  const { planDashboard, applyDashboard } = await import('../commands/dashboard.ts');
  const { slotLateness } = await import('../report/dashboard.ts');
  const catalogue = await readPolicyCatalogue(directory, report, now);
  let planned;
  try {
    planned = await planDashboard(
      gh,
      teamsGh,
      repo,
      git,
      report,
      now,
      settings.eventName === 'schedule' ? slotLateness(Math.round(performance.timeOrigin)) : undefined,
      catalogue,
      { directory, ...(settings.memory ? { memory: settings.memory } : {}) },
    );
  } catch (error) {
    core.warning(`the access dashboard was not updated (${(error as Error).message}); the sweep itself is done.`, { title: 'access-as-code' });
    return undefined;
  }
  const { confersEffects } = await import('../notices/confers-comment.ts');
  const confers = catalogue ? confersEffects(report.config, planned.pending, catalogue.groups) : [];
  return {
    effects: (swept) => [
      { id: 'dashboard', kind: 'dashboard', next: planned.render(swept.status), reason: 'the sweep keeps the access dashboard' },
      ...confers,
    ],
    port: {
      dashboard: async (text) => {
        const outcome = await applyDashboard(gh, repo, text, now);
        core.setOutput('dashboard', JSON.stringify(outcome));
        core.info(`Access dashboard #${outcome.issue}: ${outcome.action}.${outcome.pin ? ` Not pinned: ${outcome.pin}` : ''}`);
        return `#${outcome.issue} ${outcome.action}`;
      },
    },
  };
}

async function runReport(settings: Settings): Promise<RunResult> {
  const { collectReport } = await import('../commands/report.ts');
  const { renderReport } = await import('../report/render.ts');
  const svc = await services(settings);
  const { gh, teamsGh, repo, directory } = svc;
  const git = gitIn(settings.workspace);
  const data = await collectReport(branchContext(settings, svc, git));
  const markdown = renderReport(data);
  await core.summary.addRaw(markdown, true).write();
  core.setOutput('report', markdown);
  // The auditor's evidence of the last 30 days beside it, as a file the workflow keeps as an artifact.
  const { collectEvidence, evidenceCsv } = await import('../commands/evidence.ts');
  const now = Date.now();
  try {
    // Up to a few minutes past now: GitHub's clock and the runner's differ, and a merge can read as just after.
    const rows = await collectEvidence({
      git,
      gh,
      ...(teamsGh ? { teamsGh } : {}),
      repo,
      directory,
      now,
      from: now - 30 * 86_400_000,
      to: now + 5 * 60_000,
      ...(settings.root ? { root: settings.root } : {}),
    });
    const { writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const file = join(process.env.RUNNER_TEMP || settings.workspace, 'access-evidence.csv');
    await writeFile(file, evidenceCsv(rows));
    core.setOutput('evidence', file);
    core.info(`Evidence of the last 30 days: ${rows.length} grant${rows.length === 1 ? '' : 's'} in ${file}.`);
  } catch (error) {
    core.warning(`the evidence file was not written (${(error as Error).message}); the report above stands.`, { title: 'access-as-code' });
  }
  // No false green: a report made without GitHub's word says what it does not know, and the run says so too.
  if (data.degraded) return { status: 'degraded', message: `the report could not verify any request: ${data.degraded}` };
  return OK;
}

/** What verifying cost, and remembered entries that did not count (someone else wrote them, or the key changed). */
function presentVerification(
  settings: Settings,
  report: { verified?: { remembered: number; asked: number; rejected: { landing: string; why: string }[] }; spend: { queries: number; points: number } },
): void {
  const v = report.verified;
  if (!v) return;
  core.info(
    `Verified the requests of ${v.remembered + v.asked} landing commit${v.remembered + v.asked === 1 ? '' : 's'}: ${v.remembered} from remembered facts, ${v.asked} asked of GitHub (${report.spend.queries} GraphQL queries, ${report.spend.points} points this run).${settings.memory ? '' : ' Nothing is remembered between runs: give the action a memory-key (docs/setup.md, "Remembered facts") so that each run asks GitHub only about what changed.'}`,
  );
  if (v.rejected.length > 0) {
    core.warning(
      `${v.rejected.length} entr${v.rejected.length === 1 ? 'y' : 'ies'} on the access-as-code/memory branch did not count (${v.rejected[0]!.landing.slice(0, 7)}: ${v.rejected[0]!.why}); their facts were read from GitHub again (and are remembered anew where GitHub confirmed them). If the memory key was not changed, someone with push access wrote to that branch: check its history.`,
      { title: 'access-as-code' },
    );
  }
}

/**
 * Configuration changes that are not in force, said loudly: an error annotation on each file, a
 * section of the summary, and the run's failure message (returned) once its work is done.
 */
async function presentIgnoredConfig(ignored: readonly { sha: string; files: string[]; why: string }[]): Promise<string | undefined> {
  if (ignored.length === 0) return undefined;
  const lines = ignored.map(
    (c) =>
      `commit ${c.sha.slice(0, 7)} changed ${c.files.join(', ')} without approval, so the change is not used: ${c.why} The last approved version stays in force. To use the change, make it again in a pull request the code owners of those files approve.`,
  );
  for (const [i, c] of ignored.entries())
    for (const file of c.files) core.error(lines[i]!, { title: 'access-as-code: configuration change not in force', file });
  await core.summary.addHeading('Configuration changes not in force', 3).addList(lines.map(escapeHtml)).write();
  return `${ignored.length} change${ignored.length === 1 ? '' : 's'} to the access configuration ${ignored.length === 1 ? 'was' : 'were'} not approved and ${ignored.length === 1 ? 'is' : 'are'} not used (${ignored.map((c) => c.sha.slice(0, 7)).join(', ')}); the run used the last approved configuration.`;
}
