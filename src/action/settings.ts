/** The action's inputs and environment, read in one place into one typed object. */
import { parseWebhooks, type Webhook } from '../notify/notify.ts';
import * as core from './runner.ts';
import { ConfigError } from '../diagnostics.ts';
import { workflowFileOf } from '../github/permissions.ts';
import type { EntraSettings } from '../entra/connect.ts';
import { MEMORY_KEY_MIN_LENGTH, type MemoryKey } from '../memory/memory.ts';
import { ROOT_COMMIT } from '../config/approved.ts';
import { COMMANDS, type Command } from '../action-commands.ts';

export interface Settings {
  command: Command;
  workspace: string;
  eventName: string;
  eventPath: string | undefined;
  /** Present for commands that talk to Entra. */
  entra?: EntraSettings;
  /** Present for commands that read pull requests and reviews. */
  github?: {
    token: string;
    apiUrl: string;
    repository: string;
    ref: string;
    /** A token that can read organisation teams (teams-token), masked. */ teamsToken?: string;
    /** This run's workflow file (from GITHUB_WORKFLOW_REF), named in the fix for a refused permission. */
    workflow?: string;
  };
  dryRun: boolean;
  /** revoke: keep the access dashboard issue. */
  dashboard: boolean;
  /** Chat webhooks for notifications (grant, revoke); their URLs are masked in the log. */
  webhooks: Webhook[];
  /** grant, revoke, report, break-glass: the memory key (masked), when set and long enough. */
  memory?: MemoryKey;
  /** The pinned root of trust (input root-commit, from the repository variable ACCESS_ROOT_COMMIT): invariant 23. */
  root?: string;
  /** Set when an automatic run (a push's grant, the schedule's sweep or report) finds no Entra set-up at all: what to set. */
  notSetUp?: string;
}

const NEEDS_ENTRA: readonly Command[] = ['grant', 'revoke', 'report', 'doctor', 'break-glass', 'discover'];
const NEEDS_GITHUB: readonly Command[] = ['grant', 'revoke', 'report', 'issue', 'break-glass'];
/** doctor reads the branch's rules when it has a token, and skips that check without one. */
const MAY_USE_GITHUB: readonly Command[] = ['doctor', 'validate'];

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const command = core.getInput('command').trim();
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new ConfigError(`the input "command" is "${command}"; this version of the action supports: ${COMMANDS.join(', ')}.`);
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (!workspace) throw new ConfigError('GITHUB_WORKSPACE is not set; run the action after actions/checkout in a GitHub Actions job.');
  const settings: Settings = {
    command: command as Command,
    workspace,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH,
    dryRun: booleanInput('dry-run'),
    dashboard: booleanInput('dashboard'),
    webhooks: [],
  };
  const hooks = core.getInput('webhooks');
  if (hooks.trim() !== '') {
    settings.webhooks = parseWebhooks(hooks);
    for (const h of settings.webhooks) core.setSecret(h.url);
  }
  if (NEEDS_ENTRA.includes(settings.command)) {
    const entra = entraSettings(settings.command);
    // Not set up at all: nothing else is read (the run does nothing and says what to set).
    if (typeof entra === 'string') return { ...settings, notSetUp: entra };
    settings.entra = entra;
  }
  const github = githubSettings(settings.command, env);
  if (github) settings.github = github;
  const memory = memorySettings(settings);
  if (memory) settings.memory = memory;
  const root = rootSetting();
  if (root) settings.root = root;
  return settings;
}

/**
 * The runs that start by themselves (a push's grant, the schedule's sweep and report): in a repository
 * made from the template before its set-up is done, they end green with one notice saying what to
 * set, instead of failing every 15 minutes. Half a set-up (one id of two) is still an error.
 */
const AUTOMATIC: readonly Command[] = ['grant', 'revoke', 'report'];

function entraSettings(command: Command): EntraSettings | string {
  const tenantId = core.getInput('tenant-id').trim();
  const clientId = core.getInput('client-id').trim();
  const what = `set the repository variables AZURE_TENANT_ID and AZURE_CLIENT_ID, which the template's workflows pass as the inputs tenant-id and client-id (the app registration's directory and application ids; not secrets; docs/setup.md, steps 2 and 3)`;
  if (!tenantId && !clientId && AUTOMATIC.includes(command)) return `access-as-code is not set up yet, so this ${command} run did nothing: ${what}.`;
  if (!tenantId || !clientId) {
    throw new ConfigError(
      `command "${command}" signs in to Entra, but ${!tenantId && !clientId ? 'tenant-id and client-id are' : !tenantId ? 'tenant-id is' : 'client-id is'} not set: ${what}.`,
    );
  }
  const optional = (name: string) => core.getInput(name).trim() || undefined;
  const settings: EntraSettings = { tenantId, clientId };
  const named = {
    cloud: optional('cloud'),
    authorityHost: optional('authority-host'),
    graphEndpoint: optional('graph-endpoint'),
    armEndpoint: optional('arm-endpoint'),
    audience: optional('audience'),
  };
  for (const [key, value] of Object.entries(named)) if (value) Object.assign(settings, { [key]: value });
  return settings;
}

/** GitHub for the commands that need it (doctor: only with a token, to read the rules on main). */
function githubSettings(command: Command, env: NodeJS.ProcessEnv): Settings['github'] {
  const token = core.getInput('github-token').trim();
  const repository = env.GITHUB_REPOSITORY ?? '';
  const valid = /^[^/\s]+\/[^/\s]+$/.test(repository);
  const teamsToken = core.getInput('teams-token').trim();
  if (teamsToken) core.setSecret(teamsToken);
  const github = {
    token,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    repository,
    ref: env.GITHUB_REF ?? '',
    ...(teamsToken ? { teamsToken } : {}),
    ...(workflowFileOf(env.GITHUB_WORKFLOW_REF) ? { workflow: workflowFileOf(env.GITHUB_WORKFLOW_REF)! } : {}),
  };
  if (MAY_USE_GITHUB.includes(command)) return token !== '' && valid ? github : undefined;
  if (!NEEDS_GITHUB.includes(command)) return undefined;
  if (!token)
    throw new ConfigError(
      `command "${command}" reads pull requests and reviews: set the input github-token (the default, \${{ github.token }}, works when the job has "pull-requests: write").`,
    );
  if (!valid) throw new ConfigError('GITHUB_REPOSITORY is not set to owner/name; run the action inside a GitHub Actions job.');
  return github;
}

/** grant and revoke (and report and break-glass, which read the history and the review verdicts): the memory key, masked; a short one is refused with a warning. */
function memorySettings(settings: Settings): MemoryKey | undefined {
  const memoryKey = core.getInput('memory-key').trim();
  if (!memoryKey || !['grant', 'revoke', 'report', 'break-glass'].includes(settings.command) || !settings.github) return undefined;
  core.setSecret(memoryKey);
  // A short key could be guessed, and then anyone who can push could forge remembered facts: the run
  // goes on without remembering, and says so.
  if (memoryKey.length >= MEMORY_KEY_MIN_LENGTH) return { key: memoryKey, repository: settings.github.repository };
  core.warning(
    `the input memory-key is shorter than ${MEMORY_KEY_MIN_LENGTH} characters, so nothing is remembered and every run asks GitHub about every active request. Make a long random secret, for example with "openssl rand -hex 32", and store it as the grant environment's secret ACCESS_MEMORY_KEY.`,
    { title: 'access-as-code' },
  );
  return undefined;
}

/** The pinned root of trust: a full commit id, or empty (unpinned: the first configuration is the root). */
function rootSetting(): string | undefined {
  const value = core.getInput('root-commit').trim();
  if (value === '') return undefined;
  if (!ROOT_COMMIT.test(value))
    throw new ConfigError(
      `the input root-commit is ${JSON.stringify(value.slice(0, 80))}; it must be a full 40-character commit id in lower case (the commit whose configuration is the root of trust, usually the default branch's first commit: git rev-list --first-parent --max-parents=0 origin/main).`,
    );
  return value;
}

/** A boolean input; empty means false (the runner passes action.yml's default when it is unset). */
function booleanInput(name: string): boolean {
  const value = core.getInput(name).trim();
  if (value === '' || /^(false|False|FALSE)$/.test(value)) return false;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  throw new ConfigError(`the input "${name}" is "${value}"; use true or false.`);
}
