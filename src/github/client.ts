/**
 * GitHub REST and GraphQL through Octokit with the retry and throttling plugins (GitHub's recommended handling of
 * primary and secondary rate limits). The API URL comes from GITHUB_API_URL, as on GitHub Enterprise
 * Server. API functions take the client first, so tests and commands can pass any Octokit.
 */
import type { EnvironmentFacts } from './rules.ts';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { scaledMs } from '../wait.ts';
import { GITHUB_SENT } from './sent.ts';
import { namePermissions } from './permissions.ts';

/** Counts each attempt of each request (GITHUB_SENT, github/sent.ts): registered before the retry and throttling plugins, its hook is the innermost, because a hook registered later wraps the earlier ones. */
export function countRequests(octokit: {
  hook: { wrap: (name: 'request', fn: (request: (o: unknown) => Promise<unknown>, options: { url?: string }) => Promise<unknown>) => void };
}): void {
  octokit.hook.wrap('request', (request, options) => {
    if (/\/graphql$/.test(options.url ?? '')) GITHUB_SENT.graphql++;
    else GITHUB_SENT.rest++;
    return request(options);
  });
}

const GitHubClient = Octokit.plugin(countRequests as never, retry, throttling);
/** What the functions here use of an Octokit: the command line's (@octokit/rest) or the action's (@actions/github). */
export type GitHub = Pick<InstanceType<typeof GitHubClient>, 'rest' | 'paginate' | 'graphql' | 'request'>;

/** Retry and throttling rules, the same for both clients. */
export function octokitOptions(maxRetries = 3) {
  return {
    userAgent: 'access-as-code',
    // plugin-retry's own option, not `request.retries`: that one retries every status, 404 included
    // (octokit/plugin-retry.js#576), so each "not found" cost four requests of the hourly budget.
    retry: { retries: maxRetries, retryAfterBaseValue: scaledMs(1_000) },
    throttle: {
      // The plugin spaces GraphQL queries a second apart as if they were writes; GitHub asks that for
      // mutative requests only ("Best practices for using the REST API": serial requests, a second
      // between POST, PATCH, PUT and DELETE; GraphQL counts queries apart from mutations), so its
      // write queue is passed through and paceWrites spaces the writes. A sweep's reads no longer
      // wait a second each (about 20 s a run at 1,000 active requests).
      write: PASS_THROUGH as never,
      // Content that notifies (comments, issues) is held three seconds apart by the plugin; GitHub's
      // documented limit is 80 such requests a minute (and 500 an hour), which the second between
      // writes keeps: a sweep with 100 reminders due takes 100 s instead of 300 s.
      notifications: PASS_THROUGH as never,
      // Wait for a rate limit only when it lifts soon: a sweep must not sit for up to an hour while
      // removals wait; it fails instead, and the next run starts afresh.
      onRateLimit: (after: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < maxRetries && after <= 60,
      onSecondaryRateLimit: (after: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < maxRetries && after <= 60,
    },
  };
}

export function createGitHub(options: { token: string; baseUrl?: string; maxRetries?: number }): GitHub {
  return namePermissions(
    paceWrites(
      new GitHubClient({
        auth: options.token,
        baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
        ...octokitOptions(options.maxRetries),
        // Octokit logs each failed request ("POST /graphql - 500 with id UNKNOWN in 6ms"); the command
        // says what failed and what to do once, in its own words, so those lines are not printed.
        log: { debug: () => undefined, info: () => undefined, warn: (message: string) => console.warn(message), error: () => undefined },
      }),
    ),
    { kind: 'cli' },
  );
}

/** The throttling plugin's queue interface, letting every job through at once. */
const PASS_THROUGH = { key: () => ({ schedule: async <T>(_options: unknown, job: () => Promise<T> | T) => job() }) };

/** A second between one mutative request and the next (REST writes and GraphQL mutations), per client. */
export const WRITE_SPACING_MS = 1_000;

type Hookable = { hook: { before: (name: 'request', fn: (options: { method?: string; url?: string; query?: unknown }) => Promise<void>) => void } };

/** Spaces a client's mutative requests a second apart, as GitHub asks; reads are not held. */
export function paceWrites<T>(octokit: T): T {
  let next = 0;
  (octokit as unknown as Hookable).hook.before('request', async (options) => {
    const method = (options.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD') return;
    if (/\/graphql$/.test(options.url ?? '') && !/^\s*mutation\b/.test(typeof options.query === 'string' ? options.query : '')) return;
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + scaledMs(WRITE_SPACING_MS);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  });
  return octokit;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export async function commentOnPull(gh: GitHub, repo: RepoRef, number: number, body: string): Promise<number> {
  const { data } = await gh.rest.issues.createComment({ ...repo, issue_number: number, body });
  return data.id;
}

/** Every comment on an issue or pull request; `bot` when REST's `user.type` is "Bot" (told by type, never by login). */
export async function pullComments(gh: GitHub, repo: RepoRef, number: number): Promise<{ id: number; author: string; bot: boolean; body: string }[]> {
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 });
  return comments.map((c) => ({ id: c.id, author: c.user?.login ?? '', bot: c.user?.type === 'Bot', body: c.body ?? '' }));
}

/** The rules in force on a branch (GET /repos/{owner}/{repo}/rules/branches/{branch}), from every ruleset that applies. */
export async function branchRules(gh: GitHub, repo: RepoRef, branch: string): Promise<{ type: string; parameters: Record<string, unknown> }[]> {
  const rules = await gh.paginate(gh.rest.repos.getBranchRules, { ...repo, branch, per_page: 100 });
  return rules.map((r) => ({ type: r.type, parameters: ('parameters' in r && r.parameters ? r.parameters : {}) as Record<string, unknown> }));
}

/** The deployment branch policy of an environment, or undefined when it does not exist. */
export async function environmentFacts(gh: GitHub, repo: RepoRef, name: string): Promise<EnvironmentFacts | undefined> {
  try {
    const { data } = await gh.rest.repos.getEnvironment({ ...repo, environment_name: name });
    const policy = data.deployment_branch_policy
      ? { protectedBranches: data.deployment_branch_policy.protected_branches, customBranchPolicies: data.deployment_branch_policy.custom_branch_policies }
      : null;
    if (!policy?.customBranchPolicies) return { policy, patterns: [] };
    const list = await gh.paginate(gh.rest.repos.listDeploymentBranchPolicies, { ...repo, environment_name: name, per_page: 100 });
    return { policy, patterns: list.map((p) => ({ name: p.name ?? '', type: (p as { type?: string }).type === 'tag' ? 'tag' : 'branch' })) };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/** Which of `names` are not labels of the repository (an issue form applies only labels that exist). */
export async function missingLabels(gh: GitHub, repo: RepoRef, names: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const name of names) {
    try {
      await gh.rest.issues.getLabel({ ...repo, name });
    } catch (error) {
      if ((error as { status?: number }).status === 404) missing.push(name);
      else throw error;
    }
  }
  return missing;
}
