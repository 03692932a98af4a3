/**
 * The GitHub facts the reconciler needs, read in bulk through GraphQL so that a run's cost does not
 * grow request by request with the number of active requests: the default branch's head, the pull
 * requests of many commits at once, many pull requests with their commits, reviews and files at once,
 * blobs at approved heads, and team members. Every answer is untrusted data: shapes are checked, and
 * anything missing counts against a grant, never for it.
 *
 * Costs follow GitHub's documented formula (one request per connection per parent node, /100): a
 * query for 100 commits' pull requests costs 1 point; 100 pull requests with commits and reviews, 2.
 */
import { chunks } from '../chunks.ts';
import { branchRules, type GitHub, type RepoRef } from './client.ts';
import { listRunsSince, RUN_LISTING_CAP } from './runs.ts';
import type { BranchRule } from './rules.ts';
import { GitHubPermissionError, missingPermissionMessage, originOf } from './permissions.ts';

export class GitHubUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitHubUnavailableError';
  }
}

/** What one run spent, for the summary and the benchmark. */
export interface GraphqlSpend {
  queries: number;
  points: number;
}

/** A workflow run as the runs API lists it (the latest attempt's status and triggering actor). */
export interface DispatchRun {
  id: number;
  createdAt: number;
  updatedAt: number;
  title: string;
  actor: string;
  triggeringActor: string;
  headBranch: string;
  headSha: string;
  path: string;
  event: string;
  conclusion: string | null;
  attempt: number;
}

export interface PullRef {
  number: number;
  baseRefName: string;
  merged: boolean;
  headRefOid: string;
  mergeCommit: string | null;
}

/**
 * GitHub lists at most this many commits of a pull request, so with more, who pushed to it cannot be
 * known: a request's and a configuration change's approval both refuse such a pull request.
 */
export const GITHUB_COMMIT_LIST_LIMIT = 250;

export interface PullFacts extends PullRef {
  /** The author as REST names it (a GitHub App's bot as `slug[bot]`), told by type; null for a deleted account. */
  author: string | null;
  /** Whether the author is a bot (GraphQL `__typename: Bot`), never a person. */
  authorBot: boolean;
  mergedAt: string | null;
  createdAt: string;
  changedFiles: number;
  commitCount: number;
  /** Logins of each listed commit's author and committer; null where GitHub matched no account. */
  commits: {
    oid: string;
    author: string | null;
    committer: string | null;
    /** Whose key GitHub verified the signature with (null: unsigned or not valid). */ signer: string | null;
    /** Signed by GitHub itself (a commit made in its web interface). */ signedByGitHub: boolean;
  }[];
  reviews: {
    id: string;
    reviewer: string | null;
    /** Given by a bot (GraphQL `__typename: Bot`): never a person's approval. */
    bot: boolean;
    state: string;
    submittedAt: string | null;
    commit: string | null;
    /** For approvals of the head: the teams GitHub recorded the review as made on behalf of ("org/slug", lower-case), fixed when it was given (docs/threat-model.md 52). */ onBehalfOf?: string[];
    /** Why GitHub would not say on whose behalf the review was given (the token cannot read the organisation's teams): unknown, never "no team". */
    onBehalfOfUnread?: string;
  }[];
  /** Only when asked for: paths and change types as GitHub lists them (a rename names its new path only). */
  files?: { path: string; changeType: string }[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const login = (v: unknown): string | null => str(obj(v).login);

/** Who did something, as GitHub's GraphQL says: a person or a bot, told by type. */
export interface ActorFact {
  /** As REST names the account: a GitHub App's bot as `slug[bot]`. */
  login: string;
  bot: boolean;
}

/**
 * An `Actor` (asked with `__typename login`). GraphQL gives a GitHub App's bot its slug alone
 * (`github-actions`) where REST's `user.login` says `github-actions[bot]` with `user.type: "Bot"`
 * (public reports: zxkane/autonomous-dev-team#395, anthropics/claude-code-action#1516); an app may
 * take a slug equal to a person's login (`monalisa`). So a bot is told by `__typename: Bot` alone,
 * and named as REST names it, so that it never compares equal to the person of the same login.
 */
export function actorOf(v: unknown): ActorFact | null {
  const a = obj(v);
  const name = str(a.login);
  if (!name) return null;
  const bot = a.__typename === 'Bot';
  return { login: bot ? `${name}[bot]` : name, bot };
}

/** An error GitHub gave beside its data (or instead of it). */
export interface GraphqlError {
  path?: unknown[];
  type?: string;
  message: string;
}

/**
 * Why the part of an answer at `path` cannot be used, or undefined when it is whole. GitHub can answer
 * a query in part: HTTP 200 with both `data` and `errors`, where a field that failed is null (a failed
 * non-null field nulls its nearest nullable parent) and its error names the field's path (the GraphQL
 * specification, "Errors" and "Handling Field Errors"; for GitHub, cli/cli#6013). Partial data is
 * never a fact: an error touches a part when either path begins with the other (it failed inside the
 * part, or the part lies inside what failed), and an error that names no path touches every part.
 */
export function unavailablePart(errors: readonly GraphqlError[], path: readonly (string | number)[]): string | undefined {
  const touching = errors.filter((e) => {
    const at = Array.isArray(e.path) ? e.path : [];
    const n = Math.min(at.length, path.length);
    return at.slice(0, n).every((key, i) => key === path[i]);
  });
  if (touching.length === 0) return undefined;
  // GitHub's words are untrusted text: one line each, bounded.
  const line = (t: string) => t.replace(/\s+/g, ' ').trim().slice(0, 200);
  const said = [
    ...new Set(
      touching.map((e) =>
        line(`${e.type ? `${e.type}: ` : ''}${String(e.message)}${Array.isArray(e.path) && e.path.length > 0 ? ` (at ${e.path.join('.')})` : ''}`),
      ),
    ),
  ];
  return `GitHub answered only in part: ${said.slice(0, 3).join('; ')}${said.length > 3 ? `; and ${said.length - 3} more` : ''}`;
}

/** The teams GitHub recorded reviews as given on behalf of, by review id (t: nodes). */
function onBehalfOfQuery(ids: readonly string[]): string {
  // GitHub's nodes(ids:) takes at most 100 ids: a query asks in several aliases (t0, t1, ...).
  const parts: string[] = [];
  for (let a = 0; a * 100 < ids.length; a++)
    parts.push(
      `t${a}: nodes(ids: [${ids
        .slice(a * 100, a * 100 + 100)
        .map((id) => JSON.stringify(id))
        .join(', ')}]) { ... on PullRequestReview { id onBehalfOf(first: 25) { nodes { combinedSlug } } } }`,
    );
  return parts.join(' ');
}

/** Where the k-th review asked in a query sits in its answer: alias t<k/100>, index k%100. */
const onBehalfPath = (k: number) => [`t${Math.floor(k / 100)}`, k % 100] as const;

/** Reviews whose on-behalf-of teams one query asks: three aliases of 100 (two approvals a pull request ride along with the pull requests' own queries). */
const ON_BEHALF_PER_QUERY = 300;

function onBehalfOfAnswer(data: Record<string, unknown>): Map<string, string[]> {
  return new Map(
    Object.entries(data)
      .filter(([alias]) => /^t\d+$/.test(alias))
      .flatMap(([, nodes]) => arr(nodes))
      .map(
        (n) =>
          [
            str(obj(n).id) ?? '',
            arr(obj(obj(n).onBehalfOf).nodes)
              .map((t) => str(obj(t).combinedSlug)?.toLowerCase() ?? '')
              .filter(Boolean),
          ] as const,
      ),
  );
}

/** Members of teams, grouped by organisation (o<k>.t<j>), 100 a page. */
function teamQuery(orgList: readonly [string, string[]][]): string {
  return orgList
    .map(
      ([org, slugs], k) =>
        `o${k}: organization(login: ${JSON.stringify(org)}) { ${slugs.map((slug, j) => `t${j}: team(slug: ${JSON.stringify(slug)}) { members(first: 100, membership: ALL) { pageInfo { hasNextPage endCursor } nodes { login } } }`).join(' ')} }`,
    )
    .join(' ');
}

/**
 * Team membership look-ups per query: each is one connection of at most 100 nodes, so a query costs
 * about 3 points and stays at 25,000 nodes, far under GitHub's limit of 500,000 ("Rate limits and node
 * limits for the GraphQL API").
 */
const TEAM_PAIRS_PER_QUERY = 250;

/** Answers about more people of the same teams, into `into` (a team that could not be read stays so). */
function mergeMemberships(into: Map<string, Set<string> | string>, more: ReadonlyMap<string, Set<string> | string>): void {
  for (const [team, found] of more) {
    const had = into.get(team);
    if (typeof had === 'string') continue;
    into.set(team, typeof found === 'string' ? found : new Set([...(had ?? []), ...found]));
  }
}

/** Each (team, login) once. */
const uniquePairs = (pairs: readonly { org: string; slug: string; login: string }[]) => [
  ...new Map(pairs.map((p) => [`${p.org}/${p.slug}:${p.login}`.toLowerCase(), p])).values(),
];

/** Membership look-ups as query fields (m<k>): GitHub's member search for the login, 100 matches a page. */
function membershipFields(batch: readonly { org: string; slug: string; login: string }[]): string {
  return batch
    .map(
      (p, k) =>
        `m${k}: organization(login: ${quote(p.org)}) { team(slug: ${quote(p.slug)}) { members(first: 100, membership: ALL, query: ${quote(p.login)}) { pageInfo { hasNextPage endCursor } nodes { login } } } }`,
    )
    .join(' ');
}

/** GraphQL strings are JSON strings; a value is never spliced into a query unquoted. */
const quote = (s: string) => JSON.stringify(s);

export interface OpenPull {
  number: number;
  author: string;
  /** Its files under requests/ (of the first 20). */
  paths: string[];
  /** Its current head. */
  head: string;
  /** Its reviews in GitHub's order (of the first 50): the approval rule (approval/approval.ts) counts them. */
  reviews: { reviewer: string; state: string; commit: string | null }[];
}

export class GitHubFacts {
  readonly spend: GraphqlSpend = { queries: 0, points: 0 };
  private readonly gh: GitHub;
  private readonly repo: RepoRef;
  /**
   * A token that can read organisation teams (a GitHub App's with Members: read; the job token cannot),
   * used only for team members and the teams a review was given on behalf of.
   */
  private readonly teamsGh: GitHub | undefined;
  constructor(gh: GitHub, repo: RepoRef, teamsGh?: GitHub) {
    this.gh = gh;
    this.repo = repo;
    this.teamsGh = teamsGh;
  }

  /** Runs a query; partial data with field errors is returned, a refused or failed query throws. */
  private async query(
    body: string,
    variables: Record<string, unknown> = {},
    client: GitHub = this.gh,
  ): Promise<{ data: Record<string, unknown>; errors: GraphqlError[] }> {
    // GitHub refuses a query that declares a variable it does not use.
    const repoVars = body.includes('$owner');
    const declared = [...(repoVars ? ['$owner: String!', '$name: String!'] : []), ...(body.includes('$branch') ? ['$branch: String!'] : [])];
    const text = `query${declared.length > 0 ? `(${declared.join(', ')})` : ''} { rateLimit { cost remaining } ${body} }`;
    let data: unknown;
    let errors: GraphqlError[] = [];
    this.spend.queries++;
    try {
      data = await client.graphql(text, { ...(repoVars ? { owner: this.repo.owner, name: this.repo.repo } : {}), ...variables });
    } catch (error) {
      // @octokit/graphql throws GraphqlResponseError when the answer has errors, with any partial data.
      if ((error as { name?: string }).name === 'GraphqlResponseError') {
        const e = error as { errors?: typeof errors; data?: unknown };
        errors = e.errors ?? [];
        if (errors.some((e) => e.type === 'RATE_LIMITED'))
          throw new GitHubUnavailableError('GitHub refused the query: the token has used its GraphQL points for this hour (RATE_LIMITED).');
        data = e.data;
        if (!data) throw new GitHubUnavailableError(`GitHub refused the query: ${errors.map((e) => e.message).join('; ')}`);
      } else {
        const status = (error as { status?: number }).status;
        throw new GitHubUnavailableError(`GitHub did not answer${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}`);
      }
    }
    this.spend.points += num(obj(obj(data).rateLimit).cost);
    return { data: obj(data), errors };
  }

  /**
   * Open pull requests into `branch` that touch requests/ (at most 50, newest first; the dashboard
   * shows what waits for approval): author, head, the first 20 files and the reviews.
   */
  async openRequestPulls(branch: string): Promise<OpenPull[]> {
    const { data } = await this.query(
      'repository(owner: $owner, name: $name) { pullRequests(states: OPEN, baseRefName: $branch, first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { number author { __typename login } headRefOid files(first: 20) { nodes { path } } reviews(first: 50) { nodes { author { __typename login } state commit { oid } } } } } }',
      { branch },
    );
    const nodes = arr(obj(obj(obj(data.repository).pullRequests)).nodes);
    return nodes
      .map((n) => {
        const node = obj(n);
        const paths = arr(obj(node.files).nodes)
          .map((f) => str(obj(f).path) ?? '')
          .filter((p) => p.startsWith('requests/'));
        // A bot's review is never a person's approval (docs/threat-model.md 67), told by type: left out here.
        const reviews = arr(obj(node.reviews).nodes)
          .map(obj)
          .flatMap((r) => {
            const actor = actorOf(r.author);
            return actor && !actor.bot ? [{ reviewer: actor.login, state: str(r.state) ?? '', commit: str(obj(r.commit).oid) ?? null }] : [];
          });
        return { number: num(node.number), author: actorOf(node.author)?.login ?? '', paths, head: str(node.headRefOid) ?? '', reviews };
      })
      .filter((p) => p.paths.length > 0);
  }

  /** The rules in force on a branch (REST, one request), or why they could not be read. */
  async branchRules(branch: string): Promise<BranchRule[] | string> {
    try {
      return await branchRules(this.gh, this.repo, branch);
    } catch (error) {
      const status = (error as { status?: number }).status;
      return `HTTP ${status ?? 'error'}: ${(error as Error).message}`;
    }
  }

  /** Who last edited an issue's body and when (GitHub's record, not the body's own claims). */
  async issueEdits(
    number: number,
  ): Promise<{ createdAt: string; lastEditedAt: string | null; editor: ActorFact | null; isPinned: boolean; nodeId: string } | undefined> {
    const { data, errors } = await this.query(
      `repository(owner: $owner, name: $name) { issue(number: ${Math.trunc(number)}) { id createdAt lastEditedAt editor { __typename login } isPinned } }`,
    );
    // An answer in part says nothing about who edited last: as if unread.
    if (unavailablePart(errors, ['repository', 'issue'])) return undefined;
    const issue = obj(obj(data.repository).issue);
    const createdAt = str(issue.createdAt);
    return createdAt
      ? { createdAt, lastEditedAt: str(issue.lastEditedAt), editor: actorOf(issue.editor), isPinned: issue.isPinned === true, nodeId: str(issue.id) ?? '' }
      : undefined;
  }

  /**
   * Whether each login is a member of each team (child teams included, as GitHub counts them), asked
   * per pair rather than by listing the team: a run pays for the people it judges, never for the size
   * of a team (a team of 50,000 costs what a team of 10 does). GitHub's `members(query:)` searches
   * logins and names, so every match is compared with the login exactly, and a search with more
   * matches than a page is followed to its end. "org/slug" -> the logins asked that are members, or
   * why the team could not be read (never taken as "not a member"). 250 pairs a query.
   */
  async teamMemberships(pairs: readonly { org: string; slug: string; login: string }[]): Promise<Map<string, Set<string> | string>> {
    const out = new Map<string, Set<string> | string>();
    const unique = uniquePairs(pairs);
    const client = this.teamsGh ?? this.gh;
    for (let i = 0; i < unique.length; i += TEAM_PAIRS_PER_QUERY) {
      const batch = unique.slice(i, i + TEAM_PAIRS_PER_QUERY);
      const { data, errors } = await this.query(membershipFields(batch), {}, client);
      await this.readMemberships(batch, data, errors, client, out);
    }
    return out;
  }

  /** One query's answers about memberships (aliases m<k>), into `out`. */
  private async readMemberships(
    batch: readonly { org: string; slug: string; login: string }[],
    data: Record<string, unknown>,
    errors: { path?: unknown[]; message: string }[],
    client: GitHub,
    out: Map<string, Set<string> | string>,
  ): Promise<void> {
    for (const [k, p] of batch.entries()) {
      const team = `${p.org}/${p.slug}`.toLowerCase();
      if (typeof out.get(team) === 'string') continue;
      const found = await this.memberFound(p, obj(data[`m${k}`]).team, errors, [`m${k}`], client);
      if (typeof found === 'string') out.set(team, found);
      else {
        const members = (out.get(team) as Set<string> | undefined) ?? new Set<string>();
        if (found) members.add(p.login.toLowerCase());
        out.set(team, members);
      }
    }
  }

  /** Whether one login is among a team's members matching its search, following further pages; or why the team could not be read. */
  private async memberFound(
    p: { org: string; slug: string; login: string },
    team: unknown,
    errors: { path?: unknown[]; message: string }[],
    path: string[],
    client: GitHub,
  ): Promise<boolean | string> {
    if (team === null || team === undefined) {
      const why = errors.find((e) => Array.isArray(e.path) && path.every((x) => e.path!.includes(x)))?.message ?? 'no such team';
      return `could not read the team @${p.org}/${p.slug} (${why}); who is in it cannot be told, so its members' requests and approvals cannot be counted. Give the action a teams-token that can read the organisation's teams (a GitHub App token with Members: read; docs/setup.md, step 6).`;
    }
    const want = p.login.toLowerCase();
    let conn = obj(obj(team).members);
    for (;;) {
      if (arr(conn.nodes).some((n) => login(n)?.toLowerCase() === want)) return true;
      const page = obj(conn.pageInfo);
      if (page.hasNextPage !== true) return false;
      if (typeof page.endCursor !== 'string')
        return `GitHub answered a page of @${p.org}/${p.slug}'s members without a cursor, so its list could not be read to the end`;
      const next = await this.query(
        `organization(login: ${quote(p.org)}) { team(slug: ${quote(p.slug)}) { members(first: 100, membership: ALL, query: ${quote(p.login)}, after: ${quote(page.endCursor)}) { pageInfo { hasNextPage endCursor } nodes { login } } } }`,
        {},
        client,
      );
      const t = obj(next.data.organization).team;
      if (t === null || t === undefined)
        return `could not read the team @${p.org}/${p.slug} to the end (${next.errors.map((e) => e.message).join('; ') || 'no answer'})`;
      conn = obj(obj(t).members);
    }
  }

  /** Members of teams ("org/slug" -> logins, lower-cased, or why they could not be read), in one query. */
  async teamMembers(teams: readonly { org: string; slug: string }[]): Promise<Map<string, Set<string> | string>> {
    return teams.length === 0 ? new Map() : (await this.pullsOfCommits([], teams)).teams;
  }

  /**
   * Completed manual runs of a workflow created since `since` (REST: one request per 100 runs), as
   * GitHub records them: the latest attempt's conclusion and triggering actor, the first attempt's
   * actor and creation time. A missing workflow file has no runs.
   */
  async dispatchRuns(workflowFile: string, since: number): Promise<DispatchRun[]> {
    const out: DispatchRun[] = [];
    try {
      const listing = await listRunsSince(this.gh, this.repo, workflowFile, { event: 'workflow_dispatch', status: 'completed' }, since);
      // A second holding 1,000 runs or more: the rest cannot be listed, and a use left out is not a fact to decide on.
      if (listing.cut) throw new Error(`${RUN_LISTING_CAP} runs or more were created in one second, more than GitHub lists; the history is cut`);
      for (const r of listing.runs) {
        out.push({
          id: r.id,
          createdAt: Date.parse(r.created_at),
          updatedAt: Date.parse(r.updated_at),
          title: r.display_title,
          actor: r.actor?.login ?? '',
          triggeringActor: r.triggering_actor?.login ?? '',
          headBranch: r.head_branch ?? '',
          headSha: r.head_sha,
          path: r.path,
          event: r.event,
          conclusion: r.conclusion,
          attempt: r.run_attempt ?? 1,
        });
      }
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404) return out;
      throw new GitHubUnavailableError(`GitHub did not list the ${workflowFile} runs${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}`);
    }
    return out;
  }

  /** One earlier attempt of a run: its conclusion and who started it (a re-run's triggering actor). */
  async runAttempt(runId: number, attempt: number): Promise<{ conclusion: string | null; triggeringActor: string }> {
    try {
      const { data } = await this.gh.rest.actions.getWorkflowRunAttempt({ ...this.repo, run_id: runId, attempt_number: attempt });
      return { conclusion: data.conclusion, triggeringActor: data.triggering_actor?.login ?? '' };
    } catch (error) {
      const status = (error as { status?: number }).status;
      // An attempt GitHub does not know is not a successful one.
      if (status === 404) return { conclusion: null, triggeringActor: '' };
      throw new GitHubUnavailableError(
        `GitHub did not return attempt ${attempt} of run ${runId}${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}`,
      );
    }
  }

  /**
   * The last 50 comments on each pull request (body, and whether a bot wrote it), 50 pull requests a
   * query: the executor's duplicate check for comments and reminders, one query instead of one listing
   * per pull request. A pull request with more comments than that, or answered only in part, is left
   * out (undefined), to be listed in full.
   */
  async recentComments(numbers: readonly number[]): Promise<Map<number, { body: string; bot: boolean }[] | undefined>> {
    const out = new Map<number, { body: string; bot: boolean }[] | undefined>();
    const unique = [...new Set(numbers)].filter((n) => Number.isSafeInteger(n) && n > 0);
    for (const chunk of chunks(unique, 50)) {
      const nodes = 'nodes { body author { __typename login } }';
      const { data, errors } = await this.query(
        `repository(owner: $owner, name: $name) { ${chunk.map((n, j) => `p${j}: issueOrPullRequest(number: ${n}) { ... on PullRequest { comments(last: 50) { pageInfo { hasPreviousPage } ${nodes} } } ... on Issue { comments(last: 50) { pageInfo { hasPreviousPage } ${nodes} } } }`).join(' ')} }`,
      );
      const repo = obj(data.repository);
      chunk.forEach((n, j) => {
        const comments = obj(obj(repo[`p${j}`]).comments);
        const complete = Array.isArray(comments.nodes) && obj(comments.pageInfo).hasPreviousPage === false && !unavailablePart(errors, ['repository', `p${j}`]);
        out.set(n, complete ? arr(comments.nodes).map((c) => ({ body: str(obj(c).body) ?? '', bot: actorOf(obj(c).author)?.bot === true })) : undefined);
      });
    }
    return out;
  }

  /** The default branch and its head commit, as GitHub has them now. */
  async defaultBranch(): Promise<{ name: string; head: string }> {
    const { data, errors } = await this.query('repository(owner: $owner, name: $name) { defaultBranchRef { name target { oid } } }');
    const full = `${this.repo.owner}/${this.repo.repo}`;
    // GitHub answers a repository it has not, or that the token cannot see, with null and NOT_FOUND.
    if (data.repository === null || errors.some((e) => e.type === 'NOT_FOUND'))
      throw new GitHubUnavailableError(
        `GitHub has no repository ${full} that this token can read: check the repository named (--github-repo, GITHUB_REPOSITORY or the origin remote) and that the token has access to it.`,
      );
    const repository = obj(data.repository);
    if ('defaultBranchRef' in repository && repository.defaultBranchRef === null)
      throw new GitHubUnavailableError(`${full} has no commits yet: push the access configuration to its default branch first (docs/setup.md, step 1).`);
    const ref = obj(repository.defaultBranchRef);
    const name = str(ref.name);
    const head = str(obj(ref.target).oid);
    if (!name || !head) throw new GitHubUnavailableError('GitHub did not say which commit the default branch points to.');
    return { name, head };
  }

  /**
   * The pull requests each commit belongs to, 100 commits a query, and the members of teams (child
   * teams included, as GitHub counts code-owner teams) in the first of those queries: GitHub's client
   * spaces queries a second apart, so fewer queries is a faster run. A commit whose part of the answer
   * came with errors is left out of `pulls` and named in `unavailable`, with why.
   */
  async pullsOfCommits(
    commits: readonly string[],
    teams: readonly { org: string; slug: string }[] = [],
    members: readonly { org: string; slug: string; login: string }[] = [],
  ): Promise<{
    pulls: Map<string, PullRef[]>;
    teams: Map<string, Set<string> | string>;
    memberships: Map<string, Set<string> | string>;
    unavailable: Map<string, string>;
  }> {
    const result = new Map<string, PullRef[]>();
    const unavailable = new Map<string, string>();
    const teamResult = new Map<string, Set<string> | string>();
    const memberships = new Map<string, Set<string> | string>();
    // Membership look-ups ride along with the commits' queries when the job token asks them (one
    // request, not two); what does not fit is asked after.
    const pairs = this.teamsGh ? [] : uniquePairs(members);
    const riding = (i: number) => pairs.slice((i / 100) * TEAM_PAIRS_PER_QUERY, (i / 100 + 1) * TEAM_PAIRS_PER_QUERY);
    const rides = Math.max(1, Math.ceil(commits.length / 100)) * TEAM_PAIRS_PER_QUERY;
    const rest = this.teamsGh ? uniquePairs(members) : pairs.slice(rides);
    const orgs = new Map<string, string[]>();
    for (const t of teams) orgs.set(t.org, [...new Set([...(orgs.get(t.org) ?? []), t.slug])]);
    const orgList = [...orgs];
    for (let i = 0; i === 0 || i < commits.length; i += 100) {
      const chunk = commits.slice(i, i + 100);
      const fields = chunk
        .map((c, j) => `c${j}: object(oid: ${quote(c)}) { ... on Commit { associatedPullRequests(first: 25) { nodes { ${PULL_REF} } } } }`)
        .join(' ');
      const asked = riding(i);
      const teamFields = `${i === 0 && !this.teamsGh ? teamQuery(orgList) : ''} ${membershipFields(asked)}`.trim();
      if (chunk.length === 0 && teamFields === '') break;
      const { data, errors } = await this.query(`${chunk.length > 0 ? `repository(owner: $owner, name: $name) { ${fields} }` : ''} ${teamFields}`);
      const repo = obj(data.repository);
      chunk.forEach((c, j) => {
        const why = unavailablePart(errors, ['repository', `c${j}`]);
        if (why) unavailable.set(c, why);
        else
          result.set(
            c,
            arr(obj(obj(repo[`c${j}`]).associatedPullRequests).nodes)
              .map(pullRef)
              .filter((p): p is PullRef => p !== undefined),
          );
      });
      if (i === 0 && !this.teamsGh) await this.readTeams(orgList, data, errors, this.gh, teamResult);
      await this.readMemberships(asked, data, errors, this.gh, memberships);
    }
    if (this.teamsGh && orgList.length > 0) {
      const { data, errors } = await this.query(teamQuery(orgList), {}, this.teamsGh);
      await this.readTeams(orgList, data, errors, this.teamsGh, teamResult);
    }
    if (rest.length > 0) mergeMemberships(memberships, await this.teamMemberships(rest));
    return { pulls: result, teams: teamResult, memberships, unavailable };
  }

  private async readTeams(
    orgList: [string, string[]][],
    data: Record<string, unknown>,
    errors: { path?: unknown[]; message: string }[],
    client: GitHub,
    out: Map<string, Set<string> | string>,
  ): Promise<void> {
    for (const [k, [org, slugs]] of orgList.entries()) {
      for (const [j, slug] of slugs.entries())
        out.set(`${org}/${slug}`.toLowerCase(), await this.teamFrom(org, slug, obj(data[`o${k}`])[`t${j}`], errors, [`o${k}`, `t${j}`], client));
    }
  }

  /** One team's members from a query's answer, following further pages; or why it could not be read. */
  private async teamFrom(
    org: string,
    slug: string,
    team: unknown,
    errors: { path?: unknown[]; message: string }[],
    path: string[],
    client: GitHub,
  ): Promise<Set<string> | string> {
    if (team === null || team === undefined) {
      const why = errors.find((e) => Array.isArray(e.path) && path.every((p) => e.path!.includes(p)))?.message ?? 'no such team';
      return `could not read the team @${org}/${slug} (${why}); its members' approvals and requests cannot be counted. Give the action a teams-token that can read the organisation's teams (a GitHub App token with Members: read; docs/setup.md, step 6).`;
    }
    const members = new Set(
      arr(obj(obj(team).members).nodes)
        .map(login)
        .filter((l): l is string => l !== null)
        .map((l) => l.toLowerCase()),
    );
    let page = obj(obj(obj(team).members).pageInfo);
    for (let guard = 0; page.hasNextPage === true && typeof page.endCursor === 'string' && guard < 100; guard++) {
      const next = await this.query(
        `organization(login: ${quote(org)}) { team(slug: ${quote(slug)}) { members(first: 100, membership: ALL, after: ${quote(page.endCursor)}) { pageInfo { hasNextPage endCursor } nodes { login } } } }`,
        {},
        client,
      );
      const conn = obj(obj(obj(next.data.organization).team).members);
      for (const l of arr(conn.nodes).map(login)) if (l) members.add(l.toLowerCase());
      page = obj(conn.pageInfo);
    }
    // A list not read to its end is unknown, never a list of everyone (a requester past it would be "not a member").
    if (page.hasNextPage === true)
      return `could not read the team @${org}/${slug} to the end (more than ${members.size} members, or a page without a cursor); its members' approvals and requests cannot be counted from it.`;
    return members;
  }

  /**
   * Pull requests with their commits, reviews and (where asked) files, 100 a query; and blob ids at
   * `<commit>:<path>` expressions in the same queries. Lists longer than a page are followed. A pull
   * request or blob whose part of an answer came with errors (its own, a further page's, or the
   * on-behalf-of teams of one of its reviews) is left out and named in `unavailable`, with why.
   */
  async pulls(
    wanted: readonly { number: number; files: boolean }[],
    blobs: readonly string[],
  ): Promise<{
    pulls: Map<number, PullFacts>;
    blobs: Map<string, string | null>;
    unavailable: { pulls: Map<number, string>; blobs: Map<string, string> };
  }> {
    const pulls = new Map<number, PullFacts>();
    const blobIds = new Map<string, string | null>();
    const unavailable = { pulls: new Map<number, string>(), blobs: new Map<string, string>() };
    const size = 100;
    // The on-behalf-of teams of the approvals a query returned are asked in the next query (one more
    // at the end), so that reading them costs about one query, not one per 100 approvals.
    const asking: { id: string; pull: number; review: PullFacts['reviews'][number] }[] = [];
    const approvals = (facts: PullFacts) =>
      facts.reviews
        .filter((r) => r.state === 'APPROVED' && r.commit === facts.headRefOid && r.id !== '')
        .map((review) => ({ id: review.id, pull: facts.number, review }));
    const teamsOf = (teams: typeof asking, data: Record<string, unknown>, errors: GraphqlError[]) => {
      const found = onBehalfOfAnswer(data);
      // A team the token may not read (FORBIDDEN) is an answer, not a failure: left out, as before, and
      // explained where approvals are counted (a teams-token reads it). Any other error: unavailable.
      const failures = errors.filter((e) => e.type !== 'FORBIDDEN');
      const forbidden = errors.filter((e) => e.type === 'FORBIDDEN');
      teams.forEach((t, k) => {
        const why = unavailablePart(failures, [...onBehalfPath(k)]);
        if (why) unavailable.pulls.set(t.pull, why);
        t.review.onBehalfOf = found.get(t.id) ?? [];
        const [alias, index] = onBehalfPath(k);
        const refused = forbidden.find((e) => Array.isArray(e.path) && e.path[0] === alias && (e.path.length < 2 || e.path[1] === index));
        if (refused) t.review.onBehalfOfUnread = String(refused.message).replace(/\s+/g, ' ').trim().slice(0, 200);
      });
    };
    for (let i = 0; i < Math.max(wanted.length, blobs.length) || (asking.length > 0 && !this.teamsGh); i += size) {
      const ps = wanted.slice(i, i + size);
      const bs = blobs.slice(i, i + size);
      const teams = this.teamsGh ? [] : asking.splice(0, ON_BEHALF_PER_QUERY);
      const fields = [
        ...ps.map((p, j) => `p${j}: pullRequest(number: ${p.number}) { ${PULL_DETAILS} ${p.files ? FILES : ''} }`),
        ...bs.map((b, j) => `b${j}: object(expression: ${quote(b)}) { oid }`),
      ].join(' ');
      const { data, errors } = await this.query(
        `${fields ? `repository(owner: $owner, name: $name) { ${fields} }` : ''} ${teams.length > 0 ? onBehalfOfQuery(teams.map((t) => t.id)) : ''}`,
      );
      teamsOf(teams, data, errors);
      const repo = obj(data.repository);
      ps.forEach((p, j) => {
        const why = unavailablePart(errors, ['repository', `p${j}`]);
        const facts = why ? undefined : pullFacts(repo[`p${j}`]);
        if (why) unavailable.pulls.set(p.number, why);
        else if (facts) pulls.set(p.number, facts);
      });
      bs.forEach((b, j) => {
        const why = unavailablePart(errors, ['repository', `b${j}`]);
        if (why) unavailable.blobs.set(b, why);
        else blobIds.set(b, str(obj(repo[`b${j}`]).oid));
      });
      for (const [j, p] of ps.entries()) {
        const facts = pulls.get(p.number);
        if (!facts) continue;
        const why = await this.follow(p.number, obj(repo[`p${j}`]), facts, p.files);
        if (why) unavailable.pulls.set(p.number, why);
        else asking.push(...approvals(facts));
      }
    }
    // With a token that can read teams, the on-behalf-of teams are asked with it, 100 reviews a query.
    while (this.teamsGh && asking.length > 0) {
      const teams = asking.splice(0, ON_BEHALF_PER_QUERY);
      const { data, errors } = await this.query(onBehalfOfQuery(teams.map((t) => t.id)), {}, this.teamsGh);
      // A teams-token that cannot read the reviews (Members: read alone) answers FORBIDDEN for each:
      // no team approval could count, so the run stops and says what the token lacks.
      if (errors.some((e) => e.type === 'FORBIDDEN'))
        throw new GitHubPermissionError(
          missingPermissionMessage(originOf(this.teamsGh) ?? { kind: 'teams' }, 'the reviews of approved pull requests', 'pull_requests=read'),
        );
      teamsOf(teams, data, errors);
    }
    for (const number of unavailable.pulls.keys()) pulls.delete(number);
    return { pulls, blobs: blobIds, unavailable };
  }

  /**
   * Further pages of a pull request's commits, reviews and files (rare: over 100 of one kind); why
   * they could not be read whole, if so.
   */
  private async follow(number: number, node: Record<string, unknown>, facts: PullFacts, files: boolean): Promise<string | undefined> {
    const kinds = [
      { key: 'commits', fields: COMMIT_NODES, add: (n: unknown[]) => facts.commits.push(...n.map(commitFact)) },
      { key: 'reviews', fields: REVIEW_NODES, add: (n: unknown[]) => facts.reviews.push(...n.map(reviewFact)) },
      ...(files ? [{ key: 'files', fields: FILE_NODES, add: (n: unknown[]) => facts.files!.push(...n.map(fileFact)) }] : []),
    ];
    for (const kind of kinds) {
      let page = obj(obj(node[kind.key]).pageInfo);
      // GitHub lists at most 250 commits of a pull request; more are refused elsewhere, not read.
      for (let guard = 0; page.hasNextPage === true && typeof page.endCursor === 'string' && guard < 30; guard++) {
        const { data, errors } = await this.query(
          `repository(owner: $owner, name: $name) { pullRequest(number: ${number}) { ${kind.key}(first: 100, after: ${quote(page.endCursor)}) { pageInfo { hasNextPage endCursor } ${kind.fields} } } }`,
        );
        const why = unavailablePart(errors, ['repository', 'pullRequest']);
        if (why) return why;
        const conn = obj(obj(obj(data.repository).pullRequest)[kind.key]);
        kind.add(arr(conn.nodes));
        page = obj(conn.pageInfo);
      }
    }
    return undefined;
  }
}

const PULL_REF = 'number baseRefName merged headRefOid mergeCommit { oid }';
const COMMIT_NODES = 'nodes { commit { oid author { user { login } } committer { user { login } } signature { isValid wasSignedByGitHub signer { login } } } }';
const REVIEW_NODES = 'nodes { id author { __typename login } state submittedAt commit { oid } }';
const FILE_NODES = 'nodes { path changeType }';
const PULL_DETAILS = `${PULL_REF} author { __typename login } mergedAt createdAt changedFiles commits(first: 100) { totalCount pageInfo { hasNextPage endCursor } ${COMMIT_NODES} } reviews(first: 100) { pageInfo { hasNextPage endCursor } ${REVIEW_NODES} }`;
const FILES = `files(first: 100) { pageInfo { hasNextPage endCursor } ${FILE_NODES} }`;

function pullRef(v: unknown): PullRef | undefined {
  const p = obj(v);
  const number = num(p.number);
  const base = str(p.baseRefName);
  const head = str(p.headRefOid);
  if (!number || !base || !head) return undefined;
  return { number, baseRefName: base, merged: p.merged === true, headRefOid: head, mergeCommit: str(obj(p.mergeCommit).oid) };
}

const commitFact = (v: unknown) => {
  const c = obj(obj(v).commit);
  const sig = obj(c.signature);
  const valid = sig.isValid === true;
  return {
    oid: str(c.oid) ?? '',
    author: login(obj(c.author).user),
    committer: login(obj(c.committer).user),
    signer: valid ? login(sig.signer) : null,
    signedByGitHub: valid && sig.wasSignedByGitHub === true,
  };
};
const reviewFact = (v: unknown) => {
  const r = obj(v);
  const author = actorOf(r.author);
  return {
    id: str(r.id) ?? '',
    reviewer: author?.login ?? null,
    bot: author?.bot === true,
    state: str(r.state) ?? '',
    submittedAt: str(r.submittedAt),
    commit: str(obj(r.commit).oid),
  };
};
const fileFact = (v: unknown) => ({ path: str(obj(v).path) ?? '', changeType: str(obj(v).changeType) ?? '' });

function pullFacts(v: unknown): PullFacts | undefined {
  const ref = pullRef(v);
  if (!ref) return undefined;
  const p = obj(v);
  const commits = obj(p.commits);
  const author = actorOf(p.author);
  return {
    ...ref,
    author: author?.login ?? null,
    authorBot: author?.bot === true,
    mergedAt: str(p.mergedAt),
    createdAt: str(p.createdAt) ?? '',
    changedFiles: num(p.changedFiles),
    commitCount: num(commits.totalCount),
    commits: arr(commits.nodes).map(commitFact),
    reviews: arr(obj(p.reviews).nodes).map(reviewFact),
    ...(p.files !== undefined ? { files: arr(obj(p.files).nodes).map(fileFact) } : {}),
  };
}
