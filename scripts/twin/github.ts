/**
 * The GitHub REST subset the grant path reads: the pull requests of a commit, a pull request, its
 * files, reviews and commits, team membership, file contents at a ref (from a real git repository),
 * and issue comments. Objects start from GitHub's own webhook examples (@octokit/webhooks-examples)
 * and are checked in tests against GitHub's OpenAPI description (@octokit/openapi).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import examples from '@octokit/webhooks-examples' with { type: 'json' };
import { runGraphql } from './graphql.ts';
import type { Faults } from './faults.ts';
import { buildTree, commitTree, isObject, moveRef, refHead, validPath } from './git-data.ts';
import { json, type TwinRequest, type TwinResponse } from './http.ts';
import { checkRest } from './permissions.ts';
import type { GitHubIssue, GitHubPull, GitHubRepo, TwinState } from './state.ts';

type Json = Record<string, unknown>;
type Example = { name: string; examples: Json[] };
const all = examples as unknown as Example[];
const prExample = all.find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === 'opened')! as Json;
const TEMPLATE_PULL = prExample.pull_request as Json;
const TEMPLATE_USER = TEMPLATE_PULL.user as Json;
const TEMPLATE_REPO = (TEMPLATE_PULL.head as Json).repo as Json;
const TEMPLATE_ISSUE = (all.find((e) => e.name === 'issues')!.examples[0]! as Json).issue as Json;
const TEMPLATE_RUN = (all.find((e) => e.name === 'workflow_run')!.examples[0]! as Json).workflow_run as Json;

const numericId = (text: string) => parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16);
const nodeId = (kind: string, id: number) => Buffer.from(`${kind}:${id}`).toString('base64');

export function githubFault(rule: { kind: string; retryAfterSeconds?: number }): TwinResponse {
  const headers: Record<string, string> = rule.retryAfterSeconds !== undefined ? { 'retry-after': String(rule.retryAfterSeconds) } : {};
  return rule.kind === 'throttle'
    ? json(
        429,
        {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '429',
        },
        headers,
      )
    : json(503, { message: 'Service Unavailable', status: '503' }, headers);
}

const RUN_FILTERS = ['actor', 'branch', 'check_suite_id', 'created', 'event', 'head_sha', 'status'];
const RUN_CAP = 1_000;

/**
 * GitHub's date search syntax for `created` ("Understanding the search syntax", query for dates):
 * `>=D`, `>D`, `<=D`, `<D`, `A..B` (either end `*`), or `D` alone; a date without a time covers its
 * whole day (UTC). Undefined for anything else, which the twin refuses rather than guesses.
 */
export function createdRange(text: string | null): ((t: number) => boolean) | undefined {
  if (text === null || text === '') return () => true;
  const bound = (d: string, end: boolean): number | undefined => {
    if (d === '*') return end ? Infinity : -Infinity;
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return Date.parse(`${d}T00:00:00Z`) + (end ? 86_400_000 - 1 : 0);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(d)) return Date.parse(d);
    return undefined;
  };
  const range = /^([^.]+)\.\.([^.]+)$/.exec(text);
  const op = /^(>=|<=|>|<)?(.+)$/.exec(text)!;
  const [lo, hi] = range
    ? [bound(range[1]!, false), bound(range[2]!, true)]
    : op[1] === '>='
      ? [bound(op[2]!, false), Infinity]
      : op[1] === '>'
        ? [(bound(op[2]!, true) ?? NaN) + 1, Infinity]
        : op[1] === '<='
          ? [-Infinity, bound(op[2]!, true)]
          : op[1] === '<'
            ? [-Infinity, (bound(op[2]!, false) ?? NaN) - 1]
            : [bound(op[2]!, false), bound(op[2]!, true)];
  if (lo === undefined || hi === undefined || Number.isNaN(lo) || Number.isNaN(hi)) return undefined;
  return (t) => t >= lo && t <= hi;
}

/** Whether an issue path (or an issue comment) inside /repos/{owner}/{repo} is about a pull request. */
function isPullNumber(state: TwinState, path: string, inRepo: string): boolean {
  const repo = state.repos.get((/^\/repos\/([^/]+\/[^/]+)\//.exec(path)?.[1] ?? '').toLowerCase());
  if (!repo) return false;
  const comment = /^\/issues\/comments\/(\d+)$/.exec(inRepo);
  const number = comment ? repo.comments.find((c) => c.id === Number(comment[1]))?.issue : Number(/^\/issues\/(\d+)/.exec(inRepo)?.[1]);
  return number !== undefined && repo.pulls.has(number);
}

export function githubHandler(state: TwinState, faults?: Faults) {
  return async (req: TwinRequest): Promise<TwinResponse> => {
    const api = req.base;
    const web = req.base.replace('https://', 'https://web.');
    const user = (login: string): Json => {
      const id = numericId(login);
      const u: Json = structuredClone(TEMPLATE_USER);
      for (const [k, v] of Object.entries(u))
        if (typeof v === 'string') u[k] = v.replaceAll('https://api.github.com', api).replaceAll('https://github.com', web).replaceAll('Codertocat', login);
      return { ...u, login, id, node_id: nodeId('User', id), type: login.endsWith('[bot]') ? 'Bot' : 'User' };
    };
    const repoObject = (repo: GitHubRepo): Json => {
      const r: Json = JSON.parse(
        JSON.stringify(TEMPLATE_REPO)
          .replaceAll('https://api.github.com', api)
          .replaceAll('https://github.com', web)
          .replaceAll('Codertocat/Hello-World', `${repo.owner}/${repo.name}`)
          .replaceAll('Hello-World', repo.name)
          .replaceAll('Codertocat', repo.owner),
      ) as Json;
      return { ...r, owner: user(repo.owner), name: repo.name, full_name: `${repo.owner}/${repo.name}` };
    };
    const pullObject = (repo: GitHubRepo, pr: GitHubPull, full: boolean): Json => {
      const p: Json = JSON.parse(
        JSON.stringify(TEMPLATE_PULL)
          .replaceAll('https://api.github.com', api)
          .replaceAll('https://github.com', web)
          .replaceAll('Codertocat/Hello-World', `${repo.owner}/${repo.name}`)
          .replaceAll('/pulls/2', `/pulls/${pr.number}`)
          .replaceAll('/issues/2', `/issues/${pr.number}`)
          .replaceAll('/pull/2', `/pull/${pr.number}`),
      ) as Json;
      const id = numericId(`${repo.owner}/${repo.name}#${pr.number}`);
      const side = (s: { sha: string; ref: string }) => ({
        label: `${repo.owner}:${s.ref}`,
        ref: s.ref,
        sha: s.sha,
        user: user(repo.owner),
        repo: repoObject(repo),
      });
      const out: Json = {
        ...p,
        id,
        node_id: nodeId('PullRequest', id),
        number: pr.number,
        state: pr.state,
        title: pr.title,
        body: pr.body,
        user: user(pr.user),
        created_at: pr.created_at,
        updated_at: pr.merged_at ?? pr.created_at,
        closed_at: pr.state === 'closed' ? (pr.merged_at ?? pr.created_at) : null,
        merged_at: pr.merged_at,
        merge_commit_sha: pr.merge_commit_sha,
        head: side(pr.head),
        base: side(pr.base),
        draft: false,
        auto_merge: null,
        active_lock_reason: null,
      };
      if (full) {
        Object.assign(out, {
          merged: pr.merged,
          merged_by: pr.merged ? user(state.githubActor) : null,
          commits: pr.commits.length,
          changed_files: pr.files.length,
          comments: state.repos.size,
          review_comments: 0,
          additions: 1,
          deletions: 0,
          mergeable: pr.merged ? null : true,
          rebaseable: pr.merged ? null : true,
          mergeable_state: pr.merged ? 'unknown' : 'clean',
          maintainer_can_modify: false,
        });
      } else {
        for (const k of [
          'merged',
          'merged_by',
          'commits',
          'changed_files',
          'comments',
          'review_comments',
          'additions',
          'deletions',
          'mergeable',
          'rebaseable',
          'mergeable_state',
          'maintainer_can_modify',
        ])
          delete out[k];
      }
      return out;
    };
    const page = <T>(items: T[]): { items: T[]; headers: Record<string, string> } => {
      // per_page: default 30, at most 100 ("Using pagination in the REST API"); lower when a test says so.
      const perPage = Math.min(state.restPageMax, 100, Math.max(1, Number(req.query.get('per_page') ?? 30)));
      const number = Math.max(1, Number(req.query.get('page') ?? 1));
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const headers: Record<string, string> = {};
      if (number < last) {
        const link = (n: number) => {
          const q = new URLSearchParams(req.query);
          q.set('page', String(n));
          q.set('per_page', String(perPage));
          return `<${api}${req.path}?${q.toString()}>`;
        };
        headers.link = `${link(number + 1)}; rel="next", ${link(last)}; rel="last"`;
      }
      return { items: items.slice((number - 1) * perPage, number * perPage), headers };
    };
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (state.githubTokens.size > 0 && (!token || !state.githubTokens.has(token)))
      return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    // Primary rate limits per token, as GitHub counts them: REST requests and GraphQL points an hour,
    // reported in x-ratelimit-* headers; REST answers 403 once none are left ("Rate limits for the REST API").
    const used = state.rateUsed.get(token) ?? { core: 0, graphql: 0 };
    state.rateUsed.set(token, used);
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    if (req.path === '/graphql' && req.method === 'POST') {
      const answer = await runGraphql(state, req.body, state.graphqlLimit - used.graphql, token, state.tokenGrants.get(token), faults);
      used.graphql += answer.cost;
      return json(answer.status, answer.body, {
        'x-ratelimit-limit': String(state.graphqlLimit),
        'x-ratelimit-remaining': String(state.graphqlLimit - used.graphql),
        'x-ratelimit-used': String(used.graphql),
        'x-ratelimit-reset': reset,
        'x-ratelimit-resource': 'graphql',
      });
    }
    const rateHeaders = () => ({
      'x-ratelimit-limit': String(state.restLimit),
      'x-ratelimit-remaining': String(Math.max(0, state.restLimit - used.core)),
      'x-ratelimit-used': String(used.core),
      'x-ratelimit-reset': reset,
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
    });
    if (used.core >= state.restLimit) {
      return json(
        403,
        {
          message: 'API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '403',
        },
        rateHeaders(),
      );
    }
    used.core++;
    const rate = rateHeaders();
    const ok = (status: number, body: unknown, headers: Record<string, string> = {}) => json(status, body, { ...rate, ...headers });
    const notFound = () => json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }, rate);
    // The token's permission set, checked before any answer (scripts/twin/permissions.ts).
    const refused = checkRest(state.tokenGrants.get(token), req.method, req.path, (inRepo) => isPullNumber(state, req.path, inRepo));
    if (refused) return { ...refused, headers: { ...rate, ...refused.headers } };

    let m: RegExpExecArray | null;
    if ((m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(req.path)) && req.method === 'GET') {
      const members = state.teams.get(`${m[1]}/${m[2]}`.toLowerCase());
      if (!members || !members.has(m[3]!.toLowerCase())) return notFound();
      return ok(200, { url: `${api}${req.path}`, role: 'member', state: 'active' });
    }
    if (!(m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(req.path))) return notFound();
    const repo = state.repos.get(`${m[1]}/${m[2]}`.toLowerCase());
    if (!repo) return notFound();
    const rest = m[3]!;
    const pullOf = (n: string) => repo.pulls.get(Number(n));

    const pullsOfCommit = (): TwinResponse | undefined => {
      if ((m = /^\/commits\/([0-9a-f]{7,64})\/pulls$/.exec(rest)) && req.method === 'GET') {
        const numbers = repo.commitPulls.get(m[1]!) ?? [];
        const { items, headers } = page(numbers.map((n) => pullObject(repo, repo.pulls.get(n)!, false)));
        return ok(200, items, headers);
      }
      return undefined;
    };
    const getPull = (): TwinResponse | undefined => {
      if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && req.method === 'GET') {
        const pr = pullOf(m[1]!);
        return pr ? ok(200, pullObject(repo, pr, true)) : notFound();
      }
      return undefined;
    };
    const listPullFiles = (): TwinResponse | undefined => {
      if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && req.method === 'GET') {
        const pr = pullOf(m[1]!);
        if (!pr) return notFound();
        const files = pr.files.map((f) => {
          const sha = createHash('sha1').update(`${pr.head.sha}:${f.filename}`).digest('hex');
          return {
            sha,
            filename: f.filename,
            status: f.status,
            ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
            additions: f.status === 'removed' ? 0 : 1,
            deletions: f.status === 'added' ? 0 : 1,
            changes: 1,
            blob_url: `${web}/${repo.owner}/${repo.name}/blob/${pr.head.sha}/${f.filename}`,
            raw_url: `${web}/${repo.owner}/${repo.name}/raw/${pr.head.sha}/${f.filename}`,
            contents_url: `${api}/repos/${repo.owner}/${repo.name}/contents/${f.filename}?ref=${pr.head.sha}`,
          };
        });
        const { items, headers } = page(files);
        return ok(200, items, headers);
      }
      return undefined;
    };
    const listPullReviews = (): TwinResponse | undefined => {
      if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest)) && req.method === 'GET') {
        const pr = pullOf(m[1]!);
        if (!pr) return notFound();
        const reviews = pr.reviews.map((r) => ({
          id: r.id,
          node_id: nodeId('PullRequestReview', r.id),
          user: user(r.user),
          body: r.body ?? '',
          state: r.state,
          html_url: `${web}/${repo.owner}/${repo.name}/pull/${pr.number}#pullrequestreview-${r.id}`,
          pull_request_url: `${api}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}`,
          _links: {
            html: { href: `${web}/${repo.owner}/${repo.name}/pull/${pr.number}#pullrequestreview-${r.id}` },
            pull_request: { href: `${api}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}` },
          },
          submitted_at: r.submitted_at,
          commit_id: r.commit_id,
          author_association: 'MEMBER',
        }));
        const { items, headers } = page(reviews);
        return ok(200, items, headers);
      }
      return undefined;
    };
    const listPullCommits = (): TwinResponse | undefined => {
      if ((m = /^\/pulls\/(\d+)\/commits$/.exec(rest)) && req.method === 'GET') {
        const pr = pullOf(m[1]!);
        if (!pr) return notFound();
        // GitHub lists at most 250 commits of a pull request ("List commits on a pull request").
        const commits = pr.commits.slice(0, 250).map((c) => ({
          sha: c.sha,
          node_id: nodeId('Commit', numericId(c.sha)),
          url: `${api}/repos/${repo.owner}/${repo.name}/commits/${c.sha}`,
          html_url: `${web}/${repo.owner}/${repo.name}/commit/${c.sha}`,
          comments_url: `${api}/repos/${repo.owner}/${repo.name}/commits/${c.sha}/comments`,
          commit: {
            url: `${api}/repos/${repo.owner}/${repo.name}/git/commits/${c.sha}`,
            author: { name: c.author ?? 'Someone', email: c.author ? `${c.author}@users.noreply.github.com` : 'someone@example.com', date: pr.created_at },
            committer: {
              name: c.committer ?? 'Someone',
              email: c.committer ? `${c.committer}@users.noreply.github.com` : 'someone@example.com',
              date: pr.created_at,
            },
            message: 'Request access',
            comment_count: 0,
            tree: { sha: c.sha, url: `${api}/repos/${repo.owner}/${repo.name}/git/trees/${c.sha}` },
          },
          author: c.author ? user(c.author) : null,
          committer: c.committer ? user(c.committer) : null,
          parents: [],
        }));
        const { items, headers } = page(commits);
        return ok(200, items, headers);
      }
      return undefined;
    };
    const getLabel = (): TwinResponse | undefined => {
      // issues/get-label.
      if ((m = /^\/labels\/([^/]+)$/.exec(rest)) && req.method === 'GET') {
        const name = decodeURIComponent(m[1]!);
        if (!repo.labels?.has(name))
          return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/labels#get-a-label', status: '404' });
        return ok(200, {
          id: 1,
          node_id: nodeId('Label', 1),
          url: `${api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(name)}`,
          name,
          color: 'ededed',
          default: false,
          description: null,
        });
      }
      return undefined;
    };
    const getEnvironment = (): TwinResponse | undefined => {
      // repos/get-environment and repos/list-deployment-branch-policies.
      if ((m = /^\/environments\/([^/]+)(\/deployment-branch-policies)?$/.exec(rest)) && req.method === 'GET') {
        const name = decodeURIComponent(m[1]!);
        const env = repo.environments.get(name);
        if (!env)
          return json(404, {
            message: 'Not Found',
            documentation_url: 'https://docs.github.com/rest/deployments/environments#get-an-environment',
            status: '404',
          });
        if (m[2]) {
          const { items, headers } = page(env.patterns.map((p, i) => ({ id: i + 1, node_id: nodeId('GateBranchPolicy', i + 1), name: p.name, type: p.type })));
          return ok(200, { total_count: env.patterns.length, branch_policies: items }, headers);
        }
        return ok(200, {
          id: 1,
          node_id: nodeId('Environment', 1),
          name,
          url: `${api}/repos/${repo.owner}/${repo.name}/environments/${name}`,
          html_url: `${web}/${repo.owner}/${repo.name}/deployments/activity_log?environments_filter=${name}`,
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
          protection_rules: [],
          deployment_branch_policy: env.policy,
        });
      }
      return undefined;
    };
    const getBranchRules = (): TwinResponse | undefined => {
      if ((m = /^\/rules\/branches\/([^/]+)$/.exec(rest)) && req.method === 'GET') {
        const { items, headers } = page(
          repo.rules.map((r) => ({ ...r, ruleset_source_type: 'Repository', ruleset_source: `${repo.owner}/${repo.name}`, ruleset_id: 1 })),
        );
        return ok(200, items, headers);
      }
      return undefined;
    };
    const getContents = (): TwinResponse | undefined => {
      if ((m = /^\/contents\/(.+)$/.exec(rest)) && req.method === 'GET') {
        if (!repo.gitDir) return notFound();
        const ref = req.query.get('ref') ?? 'HEAD';
        const path = m[1]!;
        if (!/^[0-9A-Za-z._/-]+$/.test(ref) || path.includes('..')) return notFound();
        let content: Buffer;
        try {
          content = execFileSync('git', ['cat-file', 'blob', `${ref}:${path}`], {
            cwd: repo.gitDir,
            stdio: ['ignore', 'pipe', 'ignore'],
            maxBuffer: 64 * 1024 * 1024,
          });
        } catch {
          return notFound();
        }
        const sha = execFileSync('git', ['rev-parse', `${ref}:${path}`], { cwd: repo.gitDir, encoding: 'utf8' }).trim();
        const name = path.split('/').pop()!;
        return ok(200, {
          type: 'file',
          encoding: 'base64',
          size: content.length,
          name,
          path,
          content: content.toString('base64').replace(/(.{60})/g, '$1\n'),
          sha,
          url: `${api}/repos/${repo.owner}/${repo.name}/contents/${path}?ref=${ref}`,
          git_url: `${api}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`,
          html_url: `${web}/${repo.owner}/${repo.name}/blob/${ref}/${path}`,
          download_url: `${web}/raw/${repo.owner}/${repo.name}/${ref}/${path}`,
          _links: {
            self: `${api}/repos/${repo.owner}/${repo.name}/contents/${path}?ref=${ref}`,
            git: `${api}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`,
            html: `${web}/${repo.owner}/${repo.name}/blob/${ref}/${path}`,
          },
        });
      }
      return undefined;
    };
    // Read once per request: a page of 100 runs would otherwise start git 100 times.
    let head: string | undefined;
    const mainHead = () => (head ??= repo.gitDir ? (refHead(repo.gitDir, 'main') ?? '0'.repeat(40)) : '0'.repeat(40));
    let shapedRepo: Json | undefined;
    // The example run with this twin's URLs, made once per request and shared by every run of a page:
    // each shaped run is serialised at once and never changed, and a listing of thousands of runs
    // would otherwise copy the example thousands of times.
    let template: Json | undefined;
    const runShape = (r: GitHubRepo['workflowRuns'][number]) => {
      const t: Json = (template ??= JSON.parse(
        JSON.stringify(TEMPLATE_RUN).replaceAll('https://api.github.com', api).replaceAll('https://github.com', web),
      ) as Json);
      const actor = r.actor ?? state.githubActor;
      return {
        ...t,
        id: r.id,
        node_id: nodeId('WorkflowRun', r.id),
        name: r.workflow.replace(/\.ya?ml$/, ''),
        path: `.github/workflows/${r.workflow}`,
        display_title: r.title ?? r.workflow,
        status: r.status,
        conclusion: r.conclusion,
        created_at: r.created_at,
        updated_at: r.updated_at,
        run_started_at: r.created_at,
        run_attempt: r.run_attempt ?? 1,
        event: r.event ?? 'schedule',
        head_branch: r.head_branch ?? 'main',
        head_sha: r.head_sha ?? mainHead(),
        actor: user(actor),
        triggering_actor: user(r.triggering_actor ?? actor),
        repository: (shapedRepo ??= repoObject(repo)),
        head_repository: shapedRepo,
      };
    };
    const getRun = (): TwinResponse | undefined => {
      if ((m = /^\/actions\/runs\/(\d+)$/.exec(rest)) && req.method === 'GET') {
        const run = repo.workflowRuns.find((r) => r.id === Number(m![1]));
        return run ? ok(200, runShape(run)) : notFound();
      }
      return undefined;
    };
    const getRunAttempt = (): TwinResponse | undefined => {
      // actions/get-workflow-run-attempt: an earlier attempt as it ended (its own conclusion and
      // triggering actor; the first attempt's actor), the latest attempt as the run itself.
      if ((m = /^\/actions\/runs\/(\d+)\/attempts\/(\d+)$/.exec(rest)) && req.method === 'GET') {
        const run = repo.workflowRuns.find((r) => r.id === Number(m![1]));
        const n = Number(m[2]);
        const latest = run?.run_attempt ?? 1;
        if (!run || n < 1 || n > latest) return notFound();
        if (n === latest) return ok(200, runShape(run));
        const earlier = run.attempts?.[n - 1];
        if (!earlier) return notFound();
        return ok(200, {
          ...runShape(run),
          run_attempt: n,
          status: 'completed',
          conclusion: earlier.conclusion,
          triggering_actor: user(earlier.triggering_actor ?? run.actor ?? state.githubActor),
          run_started_at: earlier.created_at ?? run.created_at,
        });
      }
      return undefined;
    };
    const listWorkflowRuns = (): TwinResponse | undefined => {
      if ((m = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(rest)) && req.method === 'GET') {
        const status = req.query.get('status');
        const event = req.query.get('event');
        const created = createdRange(req.query.get('created'));
        if (!created) return json(422, { message: `twin: created "${req.query.get('created')}" is not a date search the twin serves`, status: '422' });
        const runs = repo.workflowRuns
          .filter(
            (r) =>
              r.workflow === m![1] &&
              (!status || r.conclusion === status || r.status === status) &&
              (!event || (r.event ?? 'schedule') === event) &&
              created(Date.parse(r.created_at)),
          )
          .sort((a, b) => b.created_at.localeCompare(a.created_at));
        // "This API will return up to 1,000 results for each search when using the following parameters:
        // actor, branch, check_suite_id, created, event, head_sha, status" (REST reference, List workflow
        // runs for a workflow): total_count still counts them all, the pages stop at 1,000.
        const capped = RUN_FILTERS.some((f) => req.query.has(f)) ? runs.slice(0, RUN_CAP) : runs;
        const { items, headers } = page(capped);
        return ok(200, { total_count: runs.length, workflow_runs: items.map(runShape) }, headers);
      }
      return undefined;
    };
    // Issues (issues/create, issues/update, issues/get, issues/list-for-repo) and comment edits.
    const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const issueShape = (i: GitHubIssue) => {
      const t: Json = JSON.parse(JSON.stringify(TEMPLATE_ISSUE).replaceAll('https://api.github.com', api).replaceAll('https://github.com', web));
      return {
        ...t,
        url: `${api}/repos/${repo.owner}/${repo.name}/issues/${i.number}`,
        html_url: `${web}/${repo.owner}/${repo.name}/issues/${i.number}`,
        id: i.number + 1_000_000,
        node_id: nodeId('Issue', i.number),
        number: i.number,
        title: i.title,
        body: i.body,
        user: user(i.user),
        assignees: (i.assignees ?? []).map((a) => user(a)),
        closed_by: i.closed_by ? user(i.closed_by) : null,
        state_reason: i.state_reason ?? null,
        labels: i.labels.map((name, k) => ({
          id: k + 1,
          node_id: nodeId('Label', k + 1),
          url: `${api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(name)}`,
          name,
          color: 'ededed',
          default: false,
          description: null,
        })),
        state: i.state,
        locked: false,
        assignee: null,
        milestone: null,
        comments: repo.comments.filter((c) => c.issue === i.number).length,
        created_at: i.created_at,
        updated_at: i.updated_at,
        closed_at: i.state === 'closed' ? i.updated_at : null,
        author_association: 'NONE',
      };
    };
    type GitBody = { tree?: unknown; base_tree?: unknown; message?: unknown; parents?: unknown; ref?: unknown; sha?: unknown };
    type Invalid = (field: string) => TwinResponse;
    // git/create-tree: files given inline, on top of a base tree or none.
    const gitTree = (b: GitBody, invalid: Invalid): TwinResponse => {
      const entries = Array.isArray(b.tree) ? (b.tree as { path?: unknown; mode?: unknown; type?: unknown; content?: unknown }[]) : undefined;
      if (
        !entries ||
        !entries.every((e) => typeof e.path === 'string' && validPath(e.path) && e.mode === '100644' && e.type === 'blob' && typeof e.content === 'string')
      )
        return invalid('tree');
      if (b.base_tree !== undefined && !(typeof b.base_tree === 'string' && isObject(repo.gitDir!, b.base_tree, 'tree'))) return invalid('base_tree');
      const sha = buildTree(
        repo.gitDir!,
        b.base_tree as string | undefined,
        entries.map((e) => ({ path: e.path as string, content: Buffer.from(e.content as string, 'utf8') })),
      );
      return ok(201, { sha, url: `${api}/repos/${repo.owner}/${repo.name}/git/trees/${sha}`, truncated: false, tree: [] });
    };
    // git/create-commit: a commit of a tree with its parents (none for a root commit).
    const gitCommit = (b: GitBody, invalid: Invalid): TwinResponse => {
      const parents = Array.isArray(b.parents) ? b.parents.map(String) : [];
      if (
        typeof b.message !== 'string' ||
        typeof b.tree !== 'string' ||
        !isObject(repo.gitDir!, b.tree, 'tree') ||
        !parents.every((p) => isObject(repo.gitDir!, p, 'commit'))
      )
        return invalid('tree');
      const sha = commitTree(repo.gitDir!, b.tree, parents, b.message);
      return ok(201, {
        sha,
        node_id: nodeId('Commit', numericId(sha)),
        url: `${api}/repos/${repo.owner}/${repo.name}/git/commits/${sha}`,
        html_url: `${web}/${repo.owner}/${repo.name}/commit/${sha}`,
        message: b.message,
        tree: { sha: b.tree, url: `${api}/repos/${repo.owner}/${repo.name}/git/trees/${b.tree}` },
        parents: parents.map((p) => ({
          sha: p,
          url: `${api}/repos/${repo.owner}/${repo.name}/git/commits/${p}`,
          html_url: `${web}/${repo.owner}/${repo.name}/commit/${p}`,
        })),
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      });
    };
    // git/create-ref: a new branch; 422 when it exists.
    const gitRef = (b: GitBody, invalid: Invalid): TwinResponse => {
      const ref = typeof b.ref === 'string' ? /^refs\/heads\/(.+)$/.exec(b.ref)?.[1] : undefined;
      if (!ref || !validPath(ref) || typeof b.sha !== 'string' || !isObject(repo.gitDir!, b.sha, 'commit')) return invalid('ref');
      if (!moveRef(repo.gitDir!, ref, b.sha, undefined))
        return json(
          422,
          { message: 'Reference already exists', documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference', status: '422' },
          rate,
        );
      return ok(201, {
        ref: b.ref,
        node_id: nodeId('Ref', numericId(b.ref as string)),
        url: `${api}/repos/${repo.owner}/${repo.name}/git/refs/heads/${ref}`,
        object: { type: 'commit', sha: b.sha, url: `${api}/repos/${repo.owner}/${repo.name}/git/commits/${b.sha}` },
      });
    };
    const createGitObject = (): TwinResponse | undefined => {
      // The Git database API (git/trees, git/commits, git/refs), writing into the real repository; it
      // needs contents: write. Only what creating a branch from a new root commit uses.
      if ((m = /^\/git\/(trees|commits|refs)$/.exec(rest)) && req.method === 'POST') {
        if (!repo.gitDir) return notFound();
        if (!state.contentsWritable)
          return json(
            403,
            { message: 'Resource not accessible by integration', documentation_url: `https://docs.github.com/rest/git/${m[1]}`, status: '403' },
            rate,
          );
        const b = JSON.parse(req.body.toString('utf8') || '{}') as GitBody;
        const invalid = (field: string) =>
          json(
            422,
            { message: 'Invalid request.', errors: [`"${field}" is not valid`], documentation_url: `https://docs.github.com/rest/git/${m![1]}`, status: '422' },
            rate,
          );
        if (m[1] === 'trees') return gitTree(b, invalid);
        if (m[1] === 'commits') return gitCommit(b, invalid);
        return gitRef(b, invalid);
      }
      return undefined;
    };
    const readBody = () =>
      JSON.parse(req.body.toString('utf8') || '{}') as {
        title?: unknown;
        body?: unknown;
        labels?: unknown;
        state?: unknown;
        assignees?: unknown;
        state_reason?: unknown;
      };
    // issues/update: body (at most 65,536 characters), title, state with its reason, as GitHub records them.
    const updateIssue = (issue: GitHubIssue): TwinResponse | undefined => {
      const b = readBody();
      if (typeof b.body === 'string') {
        if (b.body.length > 65_536)
          return json(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Issue', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
            documentation_url: 'https://docs.github.com/rest/issues/issues#update-an-issue',
            status: '422',
          });
        issue.body = b.body;
        issue.editor = state.githubActor;
        issue.last_edited_at = now();
      }
      if (typeof b.title === 'string') issue.title = b.title;
      const closing = b.state === 'closed';
      const reason = b.state_reason === 'not_planned' ? ('not_planned' as const) : ('completed' as const);
      if ((b.state === 'open' || closing) && b.state !== issue.state) {
        issue.events = [
          ...(issue.events ?? []),
          {
            id: state.nextId++,
            event: closing ? 'closed' : 'reopened',
            actor: state.githubActor,
            created_at: now(),
            ...(closing ? { state_reason: reason } : {}),
          },
        ];
      }
      if (b.state === 'open' || closing) {
        issue.state = closing ? 'closed' : 'open';
        issue.closed_by = closing ? state.githubActor : undefined;
        issue.state_reason = closing ? reason : null;
      }
      issue.updated_at = now();
      return undefined;
    };
    const createIssue = (): TwinResponse | undefined => {
      if (rest === '/issues' && req.method === 'POST') {
        const b = readBody();
        if (typeof b.title !== 'string' || b.title === '')
          return json(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
            documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
            status: '422',
          });
        if (typeof b.body === 'string' && b.body.length > 65_536)
          return json(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Issue', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
            documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
            status: '422',
          });
        // issues/create: an assignee who cannot be assigned fails the whole request with 422.
        const unassignable = Array.isArray(b.assignees) && repo.assignable ? b.assignees.map(String).filter((a) => !repo.assignable!.has(a.toLowerCase())) : [];
        if (unassignable.length > 0)
          return json(422, {
            message: 'Validation Failed',
            errors: unassignable.map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' })),
            documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
            status: '422',
          });
        const number = Math.max(repo.lastNumber ?? 0, ...repo.pulls.keys(), ...repo.issues.keys()) + 1;
        repo.lastNumber = number;
        const issue: GitHubIssue = {
          number,
          title: b.title,
          body: typeof b.body === 'string' ? b.body : '',
          user: state.githubActor,
          state: 'open',
          labels: Array.isArray(b.labels) ? b.labels.map(String) : [],
          pinned: false,
          assignees: Array.isArray(b.assignees) ? b.assignees.map(String) : [],
          created_at: now(),
          updated_at: now(),
        };
        repo.issues.set(number, issue);
        return ok(201, issueShape(issue), { location: `${api}/repos/${repo.owner}/${repo.name}/issues/${number}` });
      }
      return undefined;
    };
    const listIssues = (): TwinResponse | undefined => {
      if (rest === '/issues' && req.method === 'GET') {
        const labels = (req.query.get('labels') ?? '').split(',').filter(Boolean);
        const wanted = req.query.get('state') ?? 'open';
        const creator = req.query.get('creator');
        const list = [...repo.issues.values()]
          .filter(
            (i) =>
              (wanted === 'all' || i.state === wanted) &&
              labels.every((l) => i.labels.includes(l)) &&
              (!creator || i.user.toLowerCase() === creator.toLowerCase()),
          )
          .sort((a, b) => b.number - a.number)
          .map(issueShape);
        const { items, headers } = page(list);
        return ok(200, items, headers);
      }
      return undefined;
    };
    const getOrUpdateIssue = (): TwinResponse | undefined => {
      if ((m = /^\/issues\/(\d+)$/.exec(rest)) && (req.method === 'GET' || req.method === 'PATCH')) {
        const issue = repo.issues.get(Number(m[1]));
        if (!issue) return notFound();
        if (req.method === 'PATCH') {
          const refused = updateIssue(issue);
          if (refused) return refused;
        }
        return ok(200, issueShape(issue));
      }
      return undefined;
    };
    const listIssueEvents = (): TwinResponse | undefined => {
      // issues/list-events: who closed or reopened the issue, when, and as what (state_reason).
      if ((m = /^\/issues\/(\d+)\/events$/.exec(rest)) && req.method === 'GET') {
        const issue = repo.issues.get(Number(m[1]));
        if (!issue) return notFound();
        const shaped = (issue.events ?? []).map((e) => ({
          id: e.id,
          node_id: nodeId('ClosedEvent', e.id),
          url: `${api}/repos/${repo.owner}/${repo.name}/issues/events/${e.id}`,
          actor: user(e.actor),
          event: e.event,
          commit_id: null,
          commit_url: null,
          created_at: e.created_at,
          performed_via_github_app: null,
          ...(e.event === 'closed' ? { state_reason: e.state_reason ?? null } : {}),
        }));
        const { items, headers } = page(shaped);
        return ok(200, items, headers);
      }
      return undefined;
    };
    const updateComment = (): TwinResponse | undefined => {
      if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && req.method === 'PATCH') {
        const comment = repo.comments.find((c) => c.id === Number(m![1]));
        if (!comment) return notFound();
        const body = readBody().body;
        if (typeof body !== 'string' || body === '')
          return json(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }],
            documentation_url: 'https://docs.github.com/rest',
            status: '422',
          });
        comment.body = body;
        comment.updated_at = now();
        return ok(200, {
          id: comment.id,
          node_id: nodeId('IssueComment', comment.id),
          url: `${api}/repos/${repo.owner}/${repo.name}/issues/comments/${comment.id}`,
          html_url: `${web}/${repo.owner}/${repo.name}/issues/${comment.issue}#issuecomment-${comment.id}`,
          issue_url: `${api}/repos/${repo.owner}/${repo.name}/issues/${comment.issue}`,
          body,
          user: user(comment.user),
          created_at: comment.created_at,
          updated_at: comment.updated_at,
          author_association: 'NONE',
        });
      }
      return undefined;
    };
    const issueComments = (): TwinResponse | undefined => {
      if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
        const issue = Number(m[1]);
        const shape = (c: { id: number; user: string; body: string; created_at: string; updated_at?: string }) => ({
          id: c.id,
          node_id: nodeId('IssueComment', c.id),
          url: `${api}/repos/${repo.owner}/${repo.name}/issues/comments/${c.id}`,
          html_url: `${web}/${repo.owner}/${repo.name}/pull/${issue}#issuecomment-${c.id}`,
          issue_url: `${api}/repos/${repo.owner}/${repo.name}/issues/${issue}`,
          body: c.body,
          user: user(c.user),
          created_at: c.created_at,
          updated_at: c.updated_at ?? c.created_at,
          author_association: 'NONE',
        });
        if (req.method === 'POST') {
          if (!repo.pulls.has(issue) && !repo.issues.has(issue)) return notFound();
          const body = (JSON.parse(req.body.toString('utf8') || '{}') as { body?: unknown }).body;
          // "body is too long (maximum is 65536 characters)", as GitHub refuses longer comments.
          if (typeof body === 'string' && body.length > 65_536)
            return json(422, {
              message: 'Validation Failed',
              errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
              documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
              status: '422',
            });
          if (typeof body !== 'string' || body === '')
            return json(422, {
              message: 'Validation Failed',
              errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }],
              documentation_url: 'https://docs.github.com/rest',
              status: '422',
            });
          const comment = { id: state.nextId++, issue, user: state.githubActor, body, created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
          repo.comments.push(comment);
          return ok(201, shape(comment), { location: `${api}/repos/${repo.owner}/${repo.name}/issues/comments/${comment.id}` });
        }
        if (req.method === 'GET') {
          const { items, headers } = page(repo.comments.filter((c) => c.issue === issue).map(shape));
          return ok(200, items, headers);
        }
      }
      return undefined;
    };
    for (const route of [
      pullsOfCommit,
      getPull,
      listPullFiles,
      listPullReviews,
      listPullCommits,
      getLabel,
      getEnvironment,
      getBranchRules,
      getContents,
      getRun,
      getRunAttempt,
      listWorkflowRuns,
      createGitObject,
      createIssue,
      listIssues,
      getOrUpdateIssue,
      listIssueEvents,
      updateComment,
      issueComments,
    ]) {
      const answer = route();
      if (answer) return answer;
    }
    return notFound();
  };
}
