/**
 * Token permissions, as GitHub enforces them on a job's GITHUB_TOKEN and on a GitHub App installation
 * token: one table of what each REST endpoint the twin serves needs, and the check GraphQL fields make.
 *
 * - A job token has exactly the scopes its workflow's `permissions:` block lists (a job's block replaces
 *   the workflow's), every other scope `none`; `metadata: read` always ("Controlling permissions for
 *   GITHUB_TOKEN"; "Automatic token authentication": permissions for the GITHUB_TOKEN). It never has
 *   organisation permissions such as `members`.
 * - An installation token made by actions/create-github-app-token has the `permission-<name>` inputs
 *   its step lists, or every permission of the app when it lists none (the action's README,
 *   "permission-*" inputs; REST "Create an installation access token for an app": `permissions`).
 * - The twin's repositories are private: a call needing a scope the token lacks answers 403 "Resource
 *   not accessible by integration" with `x-accepted-github-permissions`, the header GitHub sends to
 *   fine-grained actors naming what the endpoint accepts (GitHub changelog 2023-08-10, "Troubleshooting
 *   the REST API": insufficient permission errors).
 * Each row names the scope of the endpoint's "Fine-grained access tokens for ..." section on its REST
 * reference page; where a page lists alternatives ("at least one of"), so does the row. An endpoint with
 * no row is refused: where the reference is unclear, the twin is the stricter.
 */
import { json, type TwinResponse } from './http.ts';

export type Level = 'read' | 'write';
/** A token's permission set: scope -> level (absent: none). */
export type Permissions = Readonly<Record<string, Level>>;

export interface TokenGrant {
  /** `job`: a workflow job's GITHUB_TOKEN; `app`: a GitHub App installation token. */
  kind: 'job' | 'app';
  permissions: Permissions;
  /** For a job token: the workflow file whose block it carries (for the twin's log and messages). */
  workflow?: string;
}

/** One acceptable set: every scope at (at least) its level. */
export type Need = readonly (readonly [scope: string, level: Level])[];

interface Rule {
  method: string;
  path: RegExp;
  /** Alternatives: any one set is enough. `pr` stands for a pull request's own scope (see below). */
  accepts: readonly Need[];
  /** The reference page whose fine-grained section the row follows. */
  doc: string;
}

const r = (scope: string, level: Level): Need => [[scope, level]];
const REST = 'https://docs.github.com/rest';

/**
 * What each REST endpoint served needs, by path inside /repos/{owner}/{repo} (and /orgs for teams).
 * Issue endpoints also take `pull-requests` when the number is a pull request ("Every pull request is an
 * issue": the issues pages list "Issues" or "Pull requests"); `issueOf` below decides which applies.
 */
const RULES: readonly Rule[] = [
  // pulls/list-pull-requests-associated-with-commit: contents and pull requests (read) - both asked, the stricter reading.
  {
    method: 'GET',
    path: /^\/commits\/[^/]+\/pulls$/,
    accepts: [
      [
        ['contents', 'read'],
        ['pull-requests', 'read'],
      ],
    ],
    doc: `${REST}/commits/commits`,
  },
  { method: 'GET', path: /^\/pulls\/\d+(?:\/(?:files|reviews|commits))?$/, accepts: [r('pull-requests', 'read')], doc: `${REST}/pulls/pulls` },
  { method: 'GET', path: /^\/labels\/[^/]+$/, accepts: [r('issues', 'read'), r('pull-requests', 'read')], doc: `${REST}/issues/labels#get-a-label` },
  // repos/get-environment and list-deployment-branch-policies: "Actions" repository permissions (read).
  { method: 'GET', path: /^\/environments\/[^/]+(?:\/deployment-branch-policies)?$/, accepts: [r('actions', 'read')], doc: `${REST}/deployments/environments` },
  { method: 'GET', path: /^\/rules\/branches\/[^/]+$/, accepts: [r('metadata', 'read')], doc: `${REST}/repos/rules#get-rules-for-a-branch` },
  { method: 'GET', path: /^\/contents\/.+$/, accepts: [r('contents', 'read')], doc: `${REST}/repos/contents` },
  {
    method: 'GET',
    path: /^\/actions\/(?:runs\/\d+(?:\/attempts\/\d+)?|workflows\/[^/]+\/runs)$/,
    accepts: [r('actions', 'read')],
    doc: `${REST}/actions/workflow-runs`,
  },
  { method: 'POST', path: /^\/git\/(?:trees|commits|refs)$/, accepts: [r('contents', 'write')], doc: `${REST}/git` },
  { method: 'POST', path: /^\/issues$/, accepts: [r('issues', 'write')], doc: `${REST}/issues/issues#create-an-issue` },
  { method: 'GET', path: /^\/issues$/, accepts: [r('issues', 'read')], doc: `${REST}/issues/issues#list-repository-issues` },
  { method: 'GET', path: /^\/issues\/\d+(?:\/(?:events|comments))?$/, accepts: [r('issues', 'read'), r('pr', 'read')], doc: `${REST}/issues` },
  { method: 'PATCH', path: /^\/issues\/\d+$/, accepts: [r('issues', 'write'), r('pr', 'write')], doc: `${REST}/issues/issues#update-an-issue` },
  { method: 'POST', path: /^\/issues\/\d+\/comments$/, accepts: [r('issues', 'write'), r('pr', 'write')], doc: `${REST}/issues/comments` },
  { method: 'PATCH', path: /^\/issues\/comments\/\d+$/, accepts: [r('issues', 'write'), r('pr', 'write')], doc: `${REST}/issues/comments` },
];

/** teams/get-membership-for-user-in-org: the organisation permission "Members" (read). */
const TEAM_MEMBERSHIP: Rule = {
  method: 'GET',
  path: /^\/orgs\/[^/]+\/teams\/[^/]+\/memberships\/[^/]+$/,
  accepts: [r('members', 'read')],
  doc: `${REST}/teams/members`,
};

/** A level satisfies a need: write includes read. Metadata is always readable. */
export function holds(permissions: Permissions, scope: string, level: Level): boolean {
  if (scope === 'metadata' && level === 'read') return true;
  const has = permissions[scope];
  return has === 'write' || (has === 'read' && level === 'read');
}

/** The header GitHub sends: each acceptable set as `scope=level` pairs joined by `,`, sets by `; `. */
function acceptedHeader(accepts: readonly Need[], pr: string): string {
  const sets = accepts.map((set) => set.map(([s, l]) => `${(s === 'pr' ? pr : s).replace(/-/g, '_')}=${l}`).join(','));
  return [...new Set(sets)].join('; ');
}

/**
 * The refusal for a call the token may not make, or undefined when it may. `path` is the full REST
 * path; `isPull` says whether an issue number (or a comment's issue) is a pull request.
 */
export function checkRest(grant: TokenGrant | undefined, method: string, path: string, isPull: (rest: string) => boolean): TwinResponse | undefined {
  if (!grant) return undefined;
  let rule: Rule | undefined;
  let rest = path;
  if (TEAM_MEMBERSHIP.path.test(path) && method === TEAM_MEMBERSHIP.method) rule = TEAM_MEMBERSHIP;
  else {
    rest = /^\/repos\/[^/]+\/[^/]+(\/.*)$/.exec(path)?.[1] ?? '';
    rule = RULES.find((x) => x.method === method && x.path.test(rest));
  }
  if (!rule) return refuse([], `${REST}`);
  // An issue endpoint on a pull request also takes the pull-requests scope; on an issue it does not.
  const pr = isPull(rest) ? 'pull-requests' : 'issues';
  const ok = rule.accepts.some((set) => set.every(([scope, level]) => holds(grant.permissions, scope === 'pr' ? pr : scope, level)));
  return ok ? undefined : refuse(rule.accepts, rule.doc, pr);
}

function refuse(accepts: readonly Need[], doc: string, pr = 'issues'): TwinResponse {
  return json(
    403,
    { message: 'Resource not accessible by integration', documentation_url: doc, status: '403' },
    accepts.length > 0 ? { 'x-accepted-github-permissions': acceptedHeader(accepts, pr) } : {},
  );
}

/**
 * GraphQL: a field the token may not read answers null with a FORBIDDEN error "Resource not accessible
 * by integration" beside the rest of the data (GitHub's partial answers; cli/cli#4844 shows it for
 * teams). Thrown from a resolver, graphql-js makes exactly that.
 */
export function requireField(grant: TokenGrant | undefined, scope: string, level: Level): void {
  if (!grant || holds(grant.permissions, scope, level)) return;
  throw Object.assign(new Error('Resource not accessible by integration'), { extensions: { type: 'FORBIDDEN' } });
}

/** The scopes a job token may carry (the `permissions:` keys of a workflow); anything else is no scope of it. */
export const JOB_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'security-events',
  'statuses',
] as const;

/** A job token's set from a workflow block's values (`read-all`, `write-all`, `{}` or a map). */
export function jobGrant(block: unknown, workflow?: string): TokenGrant {
  const permissions: Record<string, Level> = {};
  if (block === 'read-all' || block === 'write-all') {
    for (const s of JOB_SCOPES) if (s !== 'id-token') permissions[s] = block === 'read-all' ? 'read' : 'write';
  } else if (block && typeof block === 'object') {
    for (const [scope, level] of Object.entries(block as Record<string, unknown>)) {
      if (!(JOB_SCOPES as readonly string[]).includes(scope)) throw new Error(`twin: "${scope}" is not a GITHUB_TOKEN permission`);
      if (level === 'read' || level === 'write') permissions[scope] = level;
      else if (level !== 'none') throw new Error(`twin: ${scope}: ${String(level)} is not read, write or none`);
    }
  } else throw new Error('twin: a job token needs the permissions block of its workflow (a default token is not modelled)');
  return { kind: 'job', permissions, ...(workflow ? { workflow } : {}) };
}

/** A workflow file as the runner reads it: the block each job's token gets, and its App token steps. */
export interface WorkflowTokens {
  /** The job's `permissions:` if it has one, else the workflow's (GitHub: the job's replaces the workflow's). */
  block: unknown;
  /**
   * What the job's actions/create-github-app-token step asks for: its `permission-<name>` inputs,
   * `'all'` (none listed: every permission of the app), or undefined without such a step.
   */
  appToken: Permissions | 'all' | undefined;
}

/** The tokens a job of a parsed workflow gets (the only job when `job` is not given). */
export function workflowTokens(workflow: unknown, job?: string): WorkflowTokens {
  const w = (workflow ?? {}) as {
    permissions?: unknown;
    jobs?: Record<string, { permissions?: unknown; steps?: { uses?: unknown; with?: Record<string, unknown> }[] }>;
  };
  const jobs = Object.entries(w.jobs ?? {});
  const found = job ? jobs.find(([id]) => id === job) : jobs.length === 1 ? jobs[0] : undefined;
  if (!found) throw new Error(`twin: the workflow has no job ${job ?? '(it has several: name one)'}`);
  const [, j] = found;
  const step = (j.steps ?? []).find((s) => typeof s.uses === 'string' && s.uses.startsWith('actions/create-github-app-token@'));
  let appToken: WorkflowTokens['appToken'];
  if (step) {
    // Input names: permission-<name> with the API's underscores written as hyphens (the action's README).
    const asked = Object.entries(step.with ?? {}).flatMap(([k, v]) =>
      k.startsWith('permission-') ? [[k.slice('permission-'.length), String(v)] as const] : [],
    );
    for (const [, v] of asked) if (v !== 'read' && v !== 'write') throw new Error(`twin: create-github-app-token: ${v} is not read or write`);
    appToken = asked.length === 0 ? 'all' : (Object.fromEntries(asked) as Permissions);
  }
  return { block: j.permissions ?? w.permissions, appToken };
}
