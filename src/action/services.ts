/** The services a command of the action talks to, and the one way its GitHub and chat effects are made. */
import * as core from './runner.ts';
import type { Settings } from './settings.ts';
import type { Effect, EffectOutcome } from '../plan/effects.ts';
import type { EffectPorts } from '../execute/executor.ts';
import type { ChangeOutcome } from '../backends/backend.ts';

/** The executor's ports for the action: GitHub's (given) and chat notices through the `webhooks` secret. */
export async function effectPorts(settings: Settings, github: Omit<EffectPorts, 'notify'>): Promise<EffectPorts> {
  const { notify } = await import('../notify/notify.ts');
  return { ...github, ...(settings.webhooks.length > 0 ? { notify: (events) => notify(settings.webhooks, events) } : {}) };
}

/**
 * The run's GitHub and chat effects, through the one executor (for commands that plan nothing else);
 * outcomes are printed (presentEffects).
 */
export async function applyEffects(
  settings: Settings,
  effects: readonly Effect[],
  github: Omit<EffectPorts, 'notify'>,
  changes?: ReadonlyMap<string, ChangeOutcome>,
): Promise<EffectOutcome[]> {
  const { executeEffects } = await import('../execute/executor.ts');
  const outcomes = await executeEffects(effects, await effectPorts(settings, github), changes ? { changes } : {});
  await presentEffects(effects, outcomes);
  return outcomes;
}

/** What making the effects did, in the run's log: what failed is a warning (the access changes are made regardless). */
export async function presentEffects(effects: readonly Effect[], outcomes: readonly EffectOutcome[]): Promise<void> {
  const { NO_WEBHOOKS, DEFERRED } = await import('../execute/executor.ts');
  // Notices with no webhook to send them are said once, not once per change (a sweep may make thousands).
  const isUnsent = (o: EffectOutcome) => o.status === 'skipped' && o.detail === NO_WEBHOOKS;
  const unsent = outcomes.filter(isUnsent).length;
  const byId = new Map(effects.map((e) => [e.id, e]));
  for (const o of outcomes) if (!isUnsent(o)) core.info(`${o.id}: ${o.status}: ${o.detail}`);
  if (unsent > 0) core.info(`${unsent} notice${unsent === 1 ? '' : 's'} not sent: ${NO_WEBHOOKS} (docs/notifications.md).`);
  const deferred = outcomes.filter((o) => o.detail === DEFERRED).length;
  if (deferred > 0)
    core.notice(`${deferred} reminder${deferred === 1 ? '' : 's'} due ${deferred === 1 ? 'was' : 'were'} ${DEFERRED}; the soonest-ending went first.`, {
      title: 'access-as-code',
    });
  const messages = outcomes.flatMap((o) => (o.messages ? [o.messages] : []));
  if (messages.length > 0)
    core.info(`Notifications: ${messages.reduce((n, m) => n + m.delivered, 0)} of ${messages.reduce((n, m) => n + m.sent, 0)} delivered.`);
  for (const o of outcomes) {
    const e = byId.get(o.id);
    if (!e || o.status !== 'failed') continue;
    for (const line of o.failures ?? [failureLine(e, o.detail)])
      core.warning(e.kind === 'review-issue' || e.kind === 'answer' ? `${line}.` : `${line}; the run's changes are made regardless.`, {
        title: 'access-as-code',
      });
  }
}

/** An effect that failed, in words for the run's log. */
function failureLine(e: Effect, detail: string): string {
  switch (e.kind) {
    case 'remember':
      return `the memory branch was not written: ${detail}`;
    case 'dashboard':
      return `the access dashboard was not updated (${detail}); the workflow needs "issues: write" for it`;
    case 'review-issue':
      return `the review issue of break-glass run ${e.run} was ${detail}`;
    case 'answer':
      return `the answer on #${e.issue} was ${detail}`;
    case 'notice':
      return `the notice was ${detail}`;
    default:
      return `the ${e.kind} on #${e.pull} was ${detail}`;
  }
}

/** GitHub alone, for the commands that need no Entra (issue). */
export async function githubOnly(settings: Settings) {
  const workflow = settings.github!.workflow;
  return {
    gh: (await import('./octokit.ts')).actionOctokit(settings.github!.token, settings.github!.apiUrl, { kind: 'job', ...(workflow ? { workflow } : {}) }),
  };
}

/**
 * GitHub and Entra for the commands that need both, loaded on demand so that validate never loads
 * them: the repository is the job's own unless given.
 */
export async function services(settings: Settings, repo?: { owner: string; repo: string }) {
  const { directoryFromActions } = await import('../entra/connect.ts');
  const github = await import('../github/client.ts');
  const [owner, name] = settings.github!.repository.split('/') as [string, string];
  const { actionOctokit } = await import('./octokit.ts');
  const teamsToken = settings.github!.teamsToken;
  const workflow = settings.github!.workflow ? { workflow: settings.github!.workflow } : {};
  return {
    github,
    gh: actionOctokit(settings.github!.token, settings.github!.apiUrl, { kind: 'job', ...workflow }),
    ...(teamsToken ? { teamsGh: actionOctokit(teamsToken, settings.github!.apiUrl, { kind: 'teams', ...workflow }) } : {}),
    repo: repo ?? { owner, repo: name },
    directory: directoryFromActions(settings.entra!, (audience) => core.getIDToken(audience)),
  };
}

/** The GitHub side of the executor's ports: comments on pull requests, and the memory branch when there is a key. */
export async function githubPorts(
  settings: Settings,
  gh: import('../github/client.ts').GitHub,
  repo: { owner: string; repo: string },
): Promise<Pick<EffectPorts, 'listComments' | 'recentComments' | 'postComment' | 'remember'>> {
  const { githubEffectPorts } = await import('../execute/github-ports.ts');
  return githubEffectPorts(gh, repo, { memory: settings.memory !== undefined });
}

/** The context every command on the default branch works on, from the settings and the services: one place for what the action passes. */
export function branchContext(
  settings: Settings,
  services: {
    gh: import('../github/client.ts').GitHub;
    teamsGh?: import('../github/client.ts').GitHub;
    repo: { owner: string; repo: string };
    directory: import('../entra/directory.ts').Directory;
  },
  git: import('../git/git.ts').Git,
  now = Date.now(),
): import('../commands/context.ts').BranchContext {
  return {
    git,
    gh: services.gh,
    ...(services.teamsGh ? { teamsGh: services.teamsGh } : {}),
    repo: services.repo,
    directory: services.directory,
    now,
    ...(settings.memory ? { memory: settings.memory } : {}),
    ...(settings.root ? { root: settings.root } : {}),
  };
}
