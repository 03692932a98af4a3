/**
 * Token permissions: what each workflow's job token and the teams App token need, and the message for
 * a call GitHub refuses for want of one. A job's GITHUB_TOKEN has exactly the scopes its workflow's
 * `permissions:` block lists, every other one `none`; in a private repository a call needing more
 * answers 403 "Resource not accessible by integration", with the header `x-accepted-github-permissions`
 * naming what the endpoint accepts ("Controlling permissions for GITHUB_TOKEN"; GitHub changelog
 * 2023-08-10; "Troubleshooting the REST API": insufficient permission errors).
 */
import type { Command } from '../action-commands.ts';

export type Level = 'read' | 'write';

/**
 * What each command reads and writes on GitHub with the job token, by the REST reference pages'
 * "Fine-grained access tokens" sections: workflow runs (break-glass records, the sweep's history) need
 * `actions`; issues and their events (review issues, the dashboard, labels) `issues`; pull requests,
 * their reviews and comments on them `pull-requests`; files and the memory branch `contents`;
 * environments `actions`; the Entra sign-in `id-token: write`.
 */
export const COMMAND_PERMISSIONS: Readonly<Record<Command, Readonly<Record<string, Level>>>> = {
  validate: { contents: 'read', issues: 'read' },
  grant: { contents: 'read', 'pull-requests': 'write', issues: 'read', actions: 'read', 'id-token': 'write' },
  revoke: { contents: 'read', 'pull-requests': 'write', issues: 'write', actions: 'read', 'id-token': 'write' },
  report: { contents: 'read', 'pull-requests': 'read', issues: 'read', actions: 'read', 'id-token': 'write' },
  doctor: { contents: 'read', issues: 'read', actions: 'read', 'id-token': 'write' },
  'break-glass': { contents: 'read', 'pull-requests': 'read', issues: 'write', actions: 'read', 'id-token': 'write' },
  issue: { contents: 'read', issues: 'write' },
  discover: { contents: 'read', 'id-token': 'write' },
};

/**
 * The teams App token (actions/create-github-app-token): team members need the organisation's
 * Members (read); the teams a review was given on behalf of are read through the review, which needs
 * Pull requests (read) in the repository.
 */
export const TEAMS_TOKEN_PERMISSIONS: Readonly<Record<string, Level>> = { members: 'read', 'pull-requests': 'read' };

/** Which token made a call, for the fix a refusal names. */
export interface TokenOrigin {
  /** `job`: the workflow's GITHUB_TOKEN; `teams`: the teams-token; `cli`: GITHUB_TOKEN of the command line. */
  kind: 'job' | 'teams' | 'cli';
  /** The workflow file of the run (from GITHUB_WORKFLOW_REF), e.g. .github/workflows/access-grant.yml. */
  workflow?: string;
}

export class GitHubPermissionError extends Error {
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = 'GitHubPermissionError';
  }
}

/** `repo/name/.github/workflows/x.yml@refs/heads/main` (GITHUB_WORKFLOW_REF) -> `.github/workflows/x.yml`. */
export function workflowFileOf(workflowRef: string | undefined): string | undefined {
  const m = /^[^/\s]+\/[^/\s]+\/(\.github\/workflows\/[^@\s]+\.ya?ml)@/.exec(workflowRef ?? '');
  return m?.[1];
}

/** `actions=read; issues=read,pull_requests=read` -> the acceptable sets, scopes as workflows write them. */
export function acceptedPermissions(header: string | undefined): { scope: string; level: string }[][] {
  return (header ?? '')
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((pair) => pair.trim().split('='))
        .filter((p): p is [string, string] => p.length === 2 && /^[a-z_]+$/.test(p[0]!) && /^(read|write|admin)$/.test(p[1]!))
        .map(([scope, level]) => ({ scope: scope.replace(/_/g, '-'), level })),
    )
    .filter((set) => set.length > 0);
}

/** The refusal said with its fix: which permission to add, and where. */
export function missingPermissionMessage(origin: TokenOrigin, call: string, header: string | undefined): string {
  const sets = acceptedPermissions(header);
  const where = origin.workflow ?? 'the workflow that runs this job';
  const asJob = (set: { scope: string; level: string }[]) => set.map((p) => `\`${p.scope}: ${p.level}\``).join(' and ');
  const asApp = (set: { scope: string; level: string }[]) => set.map((p) => `\`permission-${p.scope}: ${p.level}\``).join(' and ');
  const first = sets[0];
  const others = sets.slice(1);
  const alternatives = (f: typeof asJob) => (others.length > 0 ? ` (or ${others.map(f).join(', or ')})` : '');
  if (origin.kind === 'teams')
    return `GitHub refused ${call} to the teams-token (Resource not accessible by integration). ${
      first
        ? `Add ${asApp(first)}${alternatives(asApp)} to the "A token that can read teams" step (actions/create-github-app-token) of ${where}, and give the GitHub App that permission.`
        : `The GitHub App's token lacks a permission this call needs; see docs/setup.md, step 6.`
    }`;
  if (origin.kind === 'cli')
    return `GitHub refused ${call} (Resource not accessible by integration): the token in GITHUB_TOKEN lacks ${first ? `${asJob(first)}${alternatives(asJob)}` : 'a permission this call needs'}.`;
  return `GitHub refused ${call} (Resource not accessible by integration): the job token lacks ${
    first
      ? `${asJob(first)}${alternatives(asJob)}. Add ${asJob(first)} to the permissions of ${where}`
      : `a permission this call needs. Compare the permissions of ${where} with README.md's table`
  }.`;
}

const origins = new WeakMap<object, TokenOrigin>();
/** Which token a client holds (as namePermissions was told), for refusals read from GraphQL answers. */
export const originOf = (octokit: object): TokenOrigin | undefined => origins.get(octokit);

type ErrorHook = {
  hook: {
    error: (
      name: 'request',
      fn: (
        error: Error & { status?: number; request?: { url?: string }; response?: { headers?: Record<string, string | undefined> } },
        options: { method?: string; url?: string },
      ) => unknown,
    ) => void;
  };
};

/**
 * Turns GitHub's 403 "Resource not accessible by integration" into a GitHubPermissionError that names
 * the permission and the workflow to add it to, for every call of this client; other errors pass.
 */
export function namePermissions<T extends object>(octokit: T, origin: TokenOrigin): T {
  origins.set(octokit, origin);
  (octokit as unknown as ErrorHook).hook.error('request', (error, options) => {
    if (error.status === 403 && /Resource not accessible by integration/i.test(error.message)) {
      const path = (error.request?.url ?? options.url ?? '').replace(/^https?:\/\/[^/]+/, '').split('?')[0];
      throw new GitHubPermissionError(
        missingPermissionMessage(origin, `${(options.method ?? 'GET').toUpperCase()} ${path}`, error.response?.headers?.['x-accepted-github-permissions']),
      );
    }
    throw error;
  });
  return octokit;
}

type Step = { uses?: unknown; with?: Record<string, unknown> };
type Job = { permissions?: unknown; steps?: Step[] };

const ACTION = /^(?:access-as-code\/access-as-code@|\.\/?$)/;
const APP_TOKEN = /^actions\/create-github-app-token@/;

/** A job's token scopes: its own block, else the workflow's (GitHub: the job's replaces the workflow's). */
function tokenScopes(block: unknown): Record<string, string> | undefined {
  if (block === 'write-all') return Object.fromEntries(['actions', 'contents', 'issues', 'pull-requests', 'id-token'].map((s) => [s, 'write']));
  if (block === 'read-all') return Object.fromEntries(['actions', 'contents', 'issues', 'pull-requests'].map((s) => [s, 'read']));
  if (block && typeof block === 'object') return Object.fromEntries(Object.entries(block as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  return undefined;
}

const enough = (has: string | undefined, level: Level) => has === 'write' || (has === 'read' && level === 'read');

/**
 * What a workflow file's jobs lack for the access-as-code commands they run, and what their teams
 * App token step lacks, each said as the line to add (doctor; the file as the repository has it).
 */
export function workflowPermissionProblems(path: string, workflow: unknown): string[] {
  const w = (workflow ?? {}) as { permissions?: unknown; jobs?: Record<string, Job> };
  const out: string[] = [];
  for (const [id, job] of Object.entries(w.jobs ?? {})) {
    const steps = Array.isArray(job?.steps) ? job.steps : [];
    for (const step of steps) {
      const command = typeof step.uses === 'string' && ACTION.test(step.uses) ? step.with?.command : undefined;
      if (typeof command !== 'string' || !(command in COMMAND_PERMISSIONS)) continue;
      const scopes = tokenScopes(job.permissions ?? w.permissions);
      if (!scopes) {
        out.push(
          `${path}: job "${id}" has no permissions block, so its token has the repository's default permissions; give it the block README.md lists for "${command}".`,
        );
        continue;
      }
      const missing = Object.entries(COMMAND_PERMISSIONS[command as Command]).filter(([scope, level]) => !enough(scopes[scope], level));
      if (missing.length > 0)
        out.push(
          `${path}: command "${command}" needs ${missing.map(([s, l]) => `\`${s}: ${l}\``).join(', ')}: add ${missing.length === 1 ? 'it' : 'them'} to the permissions of ${path} (job "${id}").`,
        );
      const app = steps.find((s) => typeof s.uses === 'string' && APP_TOKEN.test(s.uses));
      const asked = Object.entries(app?.with ?? {}).filter(([k]) => k.startsWith('permission-'));
      // No permission-* input: the token has every permission of the app (the action's README).
      const appMissing =
        asked.length === 0 ? [] : Object.entries(TEAMS_TOKEN_PERMISSIONS).filter(([s, l]) => !enough(String(app!.with![`permission-${s}`] ?? ''), l));
      if (appMissing.length > 0)
        out.push(
          `${path}: the teams App token step asks for too little: add ${appMissing.map(([s, l]) => `\`permission-${s}: ${l}\``).join(' and ')} to it (and give the GitHub App the permission; docs/setup.md, step 6).`,
        );
    }
  }
  return out;
}
