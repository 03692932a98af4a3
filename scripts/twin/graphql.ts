/**
 * The twin's GitHub GraphQL endpoint (POST /graphql), executed against GitHub's own published schema
 * (@octokit/graphql-schema), so a query GitHub would refuse is refused here too. It serves the part of
 * the schema access-as-code reads: the default branch, commits and their associated pull requests,
 * pull requests with commits, reviews and files, blobs by expression, and team members. Costs follow
 * GitHub's documented formula ("Rate limits and query limits for the GraphQL API": each connection
 * costs one request per parent node asked for; the sum over 100, rounded, at least 1).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import {
  buildSchema,
  defaultFieldResolver,
  execute,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Faults } from './faults.ts';
import type { GitHubPull, GitHubRepo, TwinState } from './state.ts';
import { buildTree, commitTree, moveRef, refHead, validPath } from './git-data.ts';
import { requireField, type Level, type TokenGrant } from './permissions.ts';

/** Per request (keyed by its view of the state): the token's check for each field it resolves. */
const checks = new WeakMap<TwinState, (scope: string, level: Level) => void>();
const need = (state: TwinState, scope: string, level: Level) => checks.get(state)?.(scope, level);

let schema: GraphQLSchema | undefined;
/** Each query text parsed and validated once per process: the product sends the same few queries again and again. */
const queries = new Map<string, { document: DocumentNode; errors: readonly GraphQLError[] }>();
function checked(query: string): { document: DocumentNode; errors: readonly GraphQLError[] } {
  let known = queries.get(query);
  if (!known) {
    const document = parse(query);
    known = { document, errors: validate(githubSchema(), document) };
    queries.set(query, known);
  }
  return known;
}
/**
 * GitHub's schema, parsed once per process (about 300 ms; source locations, which nothing reads, would
 * add a sixth). Its SDL repeats a few fields, hence assumeValidSDL.
 */
export function githubSchema(): GraphQLSchema {
  if (!schema) {
    // The package exports only its ESM entry, so its schema file is found beside that entry.
    const entry = fileURLToPath(import.meta.resolve('@octokit/graphql-schema'));
    schema = buildSchema(readFileSync(join(dirname(entry), 'schema.graphql'), 'utf8'), { assumeValidSDL: true, noLocation: true });
  }
  return schema;
}

type Vars = Record<string, unknown>;

function argNumber(value: ValueNode | undefined, vars: Vars): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = vars[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/** GitHub's cost: every connection (a field with first/last) costs one request per node of its parents. */
export function queryCost(source: string, vars: Vars): number {
  const doc = parse(source);
  let requests = 0;
  const walk = (set: SelectionSetNode | undefined, multiplier: number) => {
    if (!set) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, multiplier);
      if (sel.kind !== Kind.FIELD) continue;
      const size = argNumber(sel.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last')?.value, vars);
      if (size !== undefined) {
        requests += multiplier;
        walk(sel.selectionSet, multiplier * size);
      } else walk(sel.selectionSet, multiplier);
    }
  };
  for (const def of doc.definitions) if (def.kind === Kind.OPERATION_DEFINITION) walk(def.selectionSet, 1);
  return Math.max(1, Math.round(requests / 100));
}

/** A page of a list, with GitHub's opaque cursors (here: base64 of the offset). */
function connection<T>(items: T[], args: { first?: number; after?: string | null }) {
  const start = args.after ? Number(Buffer.from(args.after, 'base64').toString('utf8')) : 0;
  const size = Math.min(100, args.first ?? 100);
  const slice = items.slice(start, start + size);
  const end = start + slice.length;
  return {
    totalCount: items.length,
    nodes: slice,
    pageInfo: {
      hasNextPage: end < items.length,
      endCursor: slice.length > 0 ? Buffer.from(String(end)).toString('base64') : null,
      hasPreviousPage: start > 0,
      startCursor: null,
    },
  };
}

/** Issue comments of an issue or pull request, with `last` (the newest N) as GitHub pages them. */
function commentsOf(repo: GitHubRepo, number: number) {
  return (args: { first?: number; last?: number; after?: string }) => {
    const all = repo.comments
      .filter((c) => c.issue === number)
      .map((c) => ({ __typename: 'IssueComment', body: c.body, author: actor(c.user), createdAt: c.created_at }));
    if (args.last !== undefined) {
      const size = Math.min(100, args.last);
      const nodes = all.slice(Math.max(0, all.length - size));
      return {
        totalCount: all.length,
        nodes,
        pageInfo: { hasPreviousPage: all.length > nodes.length, hasNextPage: false, startCursor: null, endCursor: null },
      };
    }
    return connection(all, args);
  };
}

/**
 * An Actor as GitHub's GraphQL gives it. The twin's state names accounts as REST does; a GitHub App's
 * bot is `slug[bot]` there (REST `user.login`, with `user.type: "Bot"`), but GraphQL's `Actor.login`
 * is the slug alone (`github-actions`) and only `__typename: Bot` tells it from a person with that
 * login (public reports: zxkane/autonomous-dev-team#395, anthropics/claude-code-action#1516,
 * apache/devlake#9085; the schema's `type Bot implements Actor`, @octokit/graphql-schema).
 */
const actor = (login: string | null) => {
  if (login === null) return null;
  const bot = /^(.+)\[bot\]$/.exec(login);
  return bot ? { __typename: 'Bot', login: bot[1] } : { __typename: 'User', login };
};
/** A field typed `User` (a commit's author or committer user, a signer): a bot is no User, so none. */
const userOf = (login: string | null) => {
  const a = actor(login);
  return a?.__typename === 'User' ? a : null;
};

function pullNode(state: TwinState, repo: GitHubRepo, pr: GitHubPull) {
  return {
    __typename: 'PullRequest',
    id: Buffer.from(`PullRequest:${repo.owner}/${repo.name}#${pr.number}`).toString('base64'),
    number: pr.number,
    title: pr.title,
    state: pr.merged ? 'MERGED' : pr.state === 'open' ? 'OPEN' : 'CLOSED',
    merged: pr.merged,
    mergedAt: pr.merged_at,
    createdAt: pr.created_at,
    baseRefName: pr.base.ref,
    headRefName: pr.head.ref,
    headRefOid: pr.head.sha,
    mergeCommit: pr.merge_commit_sha ? { __typename: 'Commit', oid: pr.merge_commit_sha } : null,
    author: actor(pr.user),
    changedFiles: pr.files.length,
    comments: commentsOf(repo, pr.number),
    // GitHub lists at most 250 commits of a pull request; totalCount still tells the real number.
    commits: (args: { first?: number; after?: string }) => {
      const page = connection(pr.commits.slice(0, 250), args);
      return {
        ...page,
        totalCount: pr.commits.length,
        nodes: page.nodes.map((c) => ({
          __typename: 'PullRequestCommit',
          commit: {
            __typename: 'Commit',
            oid: c.sha,
            author: { user: userOf(c.author) },
            committer: { user: userOf(c.committer) },
            signature: c.signer
              ? {
                  __typename: 'GpgSignature',
                  isValid: true,
                  wasSignedByGitHub: c.signer === 'github',
                  signer: c.signer === 'github' ? userOf('web-flow') : userOf(c.signer),
                  state: 'VALID',
                  email: '',
                  payload: '',
                  signature: '',
                }
              : null,
          },
        })),
      };
    },
    reviews: (args: { first?: number; after?: string }) => {
      const page = connection(pr.reviews, args);
      return { ...page, nodes: page.nodes.map((r) => reviewNode(state, repo, pr, r)) };
    },
    // GraphQL's changed files carry the new path only; a rename says RENAMED and nothing of the old path.
    files: (args: { first?: number; after?: string }) => {
      const page = connection(pr.files.slice(0, 3000), args);
      return {
        ...page,
        nodes: page.nodes.map((f) => ({
          __typename: 'PullRequestChangedFile',
          path: f.filename,
          changeType:
            f.status === 'removed'
              ? 'DELETED'
              : f.status === 'added'
                ? 'ADDED'
                : f.status === 'renamed'
                  ? 'RENAMED'
                  : f.status === 'copied'
                    ? 'COPIED'
                    : 'MODIFIED',
        })),
      };
    },
    _state: state,
  };
}

function reviewNode(state: TwinState, repo: GitHubRepo, pr: GitHubPull, r: GitHubPull['reviews'][number]) {
  return {
    __typename: 'PullRequestReview',
    id: reviewId(repo, pr, r.id),
    author: actor(r.user),
    state: r.state,
    submittedAt: r.submitted_at,
    commit: { __typename: 'Commit', oid: r.commit_id },
    // Teams the token cannot read are left out, as GitHub leaves out what a token may not see.
    onBehalfOf: (args: { first?: number; after?: string }) =>
      connection(
        (r.on_behalf_of ?? []).filter(() => state.teamsReadable).map((t) => ({ __typename: 'Team', combinedSlug: t, slug: t.split('/')[1] })),
        args,
      ),
  };
}

const reviewId = (repo: GitHubRepo, pr: GitHubPull, id: number) =>
  Buffer.from(`PullRequestReview:${repo.owner}/${repo.name}#${pr.number}/${id}`).toString('base64');

/**
 * Objects by full commit id (and path): what such a name points to never changes, so each is asked of
 * git once per repository (a spawned git costs milliseconds, and a query names hundreds). A name git
 * does not know yet is asked again, since a later commit can bring it.
 */
const knownObjects = new Map<string, { type: string; oid: string }>();

function gitObject(repo: GitHubRepo, spec: string): { type: string; oid: string } | undefined {
  if (!repo.gitDir || !/^[0-9a-f]{40}(?::[0-9A-Za-z._/@+-]+)?$/.test(spec)) return undefined;
  const key = `${repo.gitDir}\0${spec}`;
  const known = knownObjects.get(key);
  if (known) return known;
  try {
    const [oid, type] = execFileSync('git', ['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      cwd: repo.gitDir,
      encoding: 'utf8',
      input: `${spec}\n`,
      stdio: ['pipe', 'pipe', 'ignore'],
    })
      .trim()
      .split(' ');
    if (!oid || !type || type === 'missing' || !/^[0-9a-f]{40}$/.test(oid)) return undefined;
    knownObjects.set(key, { type, oid });
    return { type, oid };
  } catch {
    return undefined;
  }
}

function repositoryNode(state: TwinState, repo: GitHubRepo) {
  return {
    __typename: 'Repository',
    name: repo.name,
    // Fields by the scope their REST counterparts need (scripts/twin/permissions.ts): refs and objects
    // contents, pull requests pull-requests, issues issues; a field refused answers null with FORBIDDEN.
    defaultBranchRef: () => {
      need(state, 'contents', 'read');
      const main = repo.gitDir ? refHead(repo.gitDir, 'main') : undefined;
      const head = main ? gitObject(repo, main) : undefined;
      return head ? { name: 'main', target: { __typename: 'Commit', oid: head.oid } } : null;
    },
    object: (args: { oid?: string; expression?: string }) => {
      need(state, 'contents', 'read');
      if (args.oid) {
        const numbers = repo.commitPulls.get(args.oid);
        // A commit with pull requests is answered without asking git (a process each: most of a
        // landing query's time, 100 commits a query, at 10,000 active requests).
        if (!numbers && !gitObject(repo, args.oid)) return null;
        return {
          __typename: 'Commit',
          oid: args.oid,
          associatedPullRequests: (a: { first?: number; after?: string; states?: string[] }) => {
            need(state, 'pull-requests', 'read');
            const pulls = (numbers ?? [])
              .map((n) => repo.pulls.get(n)!)
              .filter((p) => !a.states || a.states.includes(p.merged ? 'MERGED' : p.state === 'open' ? 'OPEN' : 'CLOSED'));
            const page = connection(pulls, a);
            return { ...page, nodes: page.nodes.map((p) => pullNode(state, repo, p)) };
          },
        };
      }
      const found = args.expression ? gitObject(repo, args.expression) : undefined;
      if (!found) return null;
      return { __typename: found.type === 'blob' ? 'Blob' : found.type === 'tree' ? 'Tree' : 'Commit', oid: found.oid };
    },
    pullRequests: (args: { states?: string[]; baseRefName?: string; first?: number; after?: string; orderBy?: { field: string; direction: string } }) => {
      need(state, 'pull-requests', 'read');
      const pulls = [...repo.pulls.values()]
        .filter(
          (p) =>
            (!args.states || args.states.includes(p.merged ? 'MERGED' : p.state === 'open' ? 'OPEN' : 'CLOSED')) &&
            (!args.baseRefName || p.base.ref === args.baseRefName),
        )
        .sort((a, b) => (args.orderBy?.direction === 'DESC' ? b.number - a.number : a.number - b.number));
      const page = connection(pulls, args);
      return { ...page, nodes: page.nodes.map((p) => pullNode(state, repo, p)) };
    },
    // Issue.editor and lastEditedAt: who last edited the body and when, as GitHub records it.
    issue: (args: { number: number }) => {
      need(state, 'issues', 'read');
      const issue = repo.issues.get(args.number);
      return issue
        ? {
            __typename: 'Issue',
            id: Buffer.from(`Issue:${issue.number}`).toString('base64'),
            isPinned: issue.pinned,
            number: issue.number,
            createdAt: issue.created_at,
            lastEditedAt: issue.last_edited_at ?? null,
            editor: issue.editor ? actor(issue.editor) : null,
            author: actor(issue.user),
          }
        : null;
    },
    pullRequest: (args: { number: number }) => {
      need(state, 'pull-requests', 'read');
      const pr = repo.pulls.get(args.number);
      return pr ? pullNode(state, repo, pr) : null;
    },
    issueOrPullRequest: (args: { number: number }) => {
      const pr = repo.pulls.get(args.number);
      need(state, pr ? 'pull-requests' : 'issues', 'read');
      if (pr) return pullNode(state, repo, pr);
      const issue = repo.issues.get(args.number);
      return issue ? { __typename: 'Issue', number: issue.number, comments: commentsOf(repo, issue.number) } : null;
    },
  };
}

/** GitHub's message for a field that failed while the rest of the query was answered. */
const FIELD_FAILED = 'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug.';

/**
 * Fields the tests make fail (faults of kind partial): the field's resolver throws, so graphql-js
 * answers as the specification says a server must, the field null and an error with its path.
 */
function partialFaults(faults: Faults | undefined): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    if (faults && faults.rules.length > 0) {
      const path: (string | number)[] = [];
      for (let p: typeof info.path | undefined = info.path; p; p = p.prev) path.unshift(p.key);
      const rule = faults.partial(path.join('.'));
      if (rule) throw new Error(rule.message ?? FIELD_FAILED);
    }
    return defaultFieldResolver(source, args, context, info);
  };
}

export interface GraphqlAnswer {
  status: number;
  body: unknown;
  cost: number;
}

/** Runs one GraphQL request the way GitHub answers it: 200 with data and/or errors. */
export async function runGraphql(shared: TwinState, body: Buffer, remaining: number, token = '', grant?: TokenGrant, faults?: Faults): Promise<GraphqlAnswer> {
  // What this token may see: organisation teams only with a token that can read them (the job token
  // cannot; a GitHub App token with Members: read can). Nothing below sets a field of the state itself.
  const state: TwinState = {
    ...shared,
    teamsReadable: grant ? grant.permissions.members !== undefined : shared.teamsReadable || shared.teamReaders.has(token),
  };
  checks.set(state, (scope, level) => requireField(grant, scope, level));
  let request: { query?: unknown; variables?: unknown };
  try {
    request = JSON.parse(body.toString('utf8') || '{}') as typeof request;
  } catch {
    return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' }, cost: 0 };
  }
  if (typeof request.query !== 'string') return { status: 400, body: { message: 'A query attribute must be specified and must be a string.' }, cost: 0 };
  const vars = (request.variables ?? {}) as Vars;
  let cost: number;
  try {
    const errors = checked(request.query).errors;
    if (errors.length > 0) return { status: 200, body: { errors: errors.map((e) => ({ message: e.message, locations: e.locations })) }, cost: 0 };
    cost = queryCost(request.query, vars);
  } catch (error) {
    return { status: 200, body: { errors: [{ message: (error as Error).message }] }, cost: 0 };
  }
  if (cost > remaining) {
    return { status: 200, body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit already exceeded for installation.' }] }, cost: 0 };
  }
  const rootValue = {
    rateLimit: () => ({
      cost,
      remaining: remaining - cost,
      limit: state.graphqlLimit,
      used: state.graphqlLimit - remaining + cost,
      resetAt: new Date(Date.now() + 3_600_000).toISOString(),
      nodeCount: 0,
    }),
    repository: (args: { owner: string; name: string }) => {
      const repo = state.repos.get(`${args.owner}/${args.name}`.toLowerCase());
      // As GitHub answers a repository it has not (or the token cannot see): null, and a NOT_FOUND error.
      if (!repo)
        throw Object.assign(new Error(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`), { extensions: { type: 'NOT_FOUND' } });
      return repositoryNode(state, repo);
    },
    // Mutation.pinIssue: GitHub pins at most three issues per repository.
    pinIssue: (args: { input: { issueId: string } }) => {
      need(state, 'issues', 'write');
      for (const repo of state.repos.values()) {
        for (const issue of repo.issues.values()) {
          if (Buffer.from(`Issue:${issue.number}`).toString('base64') !== args.input.issueId) continue;
          if (!issue.pinned && [...repo.issues.values()].filter((i) => i.pinned).length >= 3)
            throw Object.assign(new Error('Repository already has 3 pinned issues'), { extensions: { type: 'UNPROCESSABLE' } });
          issue.pinned = true;
          return { __typename: 'PinIssuePayload', issue: { __typename: 'Issue', number: issue.number } };
        }
      }
      throw Object.assign(new Error(`Could not resolve to a node with the global id of '${args.input.issueId}'.`), { extensions: { type: 'NOT_FOUND' } });
    },
    // Mutation.createCommitOnBranch: a commit of added and deleted files on an existing branch, made
    // only while the branch is at expectedHeadOid; needs contents: write.
    createCommitOnBranch: (args: {
      input: {
        branch: { repositoryNameWithOwner?: string; branchName?: string };
        expectedHeadOid: string;
        message: { headline: string; body?: string };
        fileChanges?: { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] };
      };
    }) => {
      const { branch, expectedHeadOid, message, fileChanges } = args.input;
      const repo = state.repos.get((branch.repositoryNameWithOwner ?? '').toLowerCase());
      if (!repo?.gitDir || !branch.branchName)
        throw Object.assign(new Error('Could not resolve to a Repository or branch.'), { extensions: { type: 'NOT_FOUND' } });
      if (!state.contentsWritable) throw Object.assign(new Error('Resource not accessible by integration'), { extensions: { type: 'FORBIDDEN' } });
      need(state, 'contents', 'write');
      const current = refHead(repo.gitDir, branch.branchName);
      if (!current) throw Object.assign(new Error(`A ref named "refs/heads/${branch.branchName}" does not exist.`), { extensions: { type: 'NOT_FOUND' } });
      if (current !== expectedHeadOid)
        throw Object.assign(new Error(`Expected branch to point to "${expectedHeadOid}" but it did not. Pull and try again.`), {
          extensions: { type: 'STALE_DATA' },
        });
      const additions = (fileChanges?.additions ?? []).map((a) => ({ path: a.path, content: Buffer.from(a.contents, 'base64') }));
      const deletions = (fileChanges?.deletions ?? []).map((d) => d.path);
      if (![...additions.map((a) => a.path), ...deletions].every(validPath))
        throw Object.assign(new Error('A path is not valid.'), { extensions: { type: 'UNPROCESSABLE' } });
      const tree = buildTree(repo.gitDir, current, additions, deletions);
      const oid = commitTree(repo.gitDir, tree, [current], message.body ? `${message.headline}\n\n${message.body}` : message.headline);
      if (!moveRef(repo.gitDir, branch.branchName, oid, current))
        throw Object.assign(new Error(`Expected branch to point to "${expectedHeadOid}" but it did not. Pull and try again.`), {
          extensions: { type: 'STALE_DATA' },
        });
      return { __typename: 'CreateCommitOnBranchPayload', commit: { __typename: 'Commit', oid } };
    },
    // Query.nodes: the reviews among the ids (the kind of node access-as-code looks up by id).
    nodes: (args: { ids: string[] }) =>
      args.ids.map((id) => {
        // Each node the token may not read is null with its own FORBIDDEN error (an Error as a list
        // item is that item's error in graphql-js), the others are answered.
        try {
          need(state, 'pull-requests', 'read');
        } catch (error) {
          return error as Error;
        }
        // The id names its review (reviewId): found directly, not by encoding every review of every
        // pull request (at 100,000 pull requests that scan was most of a run's time).
        const m = /^PullRequestReview:([^/]+)\/([^#]+)#(\d+)\/(\d+)$/.exec(Buffer.from(id, 'base64').toString('utf8'));
        const repo = m ? state.repos.get(`${m[1]}/${m[2]}`.toLowerCase()) : undefined;
        const pr = m && repo ? repo.pulls.get(Number(m[3])) : undefined;
        const r = pr?.reviews.find((x) => x.id === Number(m![4]));
        return repo && pr && r && reviewId(repo, pr, r.id) === id ? reviewNode(state, repo, pr, r) : null;
      }),
    organization: (args: { login: string }) => ({
      __typename: 'Organization',
      login: args.login,
      // Without read access to the organisation's teams (the job token has none), GitHub answers
      // null with a FORBIDDEN error for the field, as it does for a team that does not exist.
      team: (a: { slug: string }) => {
        const members = state.teams.get(`${args.login}/${a.slug}`.toLowerCase());
        need(state, 'members', 'read');
        if (!state.teamsReadable || !members) throw Object.assign(new Error(`Resource not accessible by integration`), { extensions: { type: 'FORBIDDEN' } });
        return {
          __typename: 'Team',
          slug: a.slug,
          // `query` searches logins (and names, which the twin's users lack) for a substring, as GitHub's
          // member search does: a caller must compare each match with the login it wants.
          members: (c: { first?: number; after?: string; query?: string }) =>
            connection(
              [...members]
                .filter((login) => c.query === undefined || login.toLowerCase().includes(c.query.toLowerCase()))
                .sort()
                .map((login) => ({ __typename: 'User', login })),
              c,
            ),
        };
      },
    }),
  };
  // Parsed and validated once above (execute, as graphql() does after its own parse and validate).
  const result = await execute({
    schema: githubSchema(),
    document: checked(request.query).document,
    variableValues: vars,
    rootValue,
    fieldResolver: partialFaults(faults),
  });
  const errors = result.errors?.map((e) => ({
    type: (e.originalError as { extensions?: { type?: string } } | undefined)?.extensions?.type ?? 'INTERNAL',
    path: e.path,
    message: e.message,
  }));
  return { status: 200, body: { data: result.data ?? null, ...(errors ? { errors } : {}) }, cost };
}
