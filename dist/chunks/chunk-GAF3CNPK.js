import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  branchRules
} from "./chunk-RTSR7ASI.js";
import {
  chunks
} from "./chunk-LIIKHXTA.js";
import {
  GitHubPermissionError,
  missingPermissionMessage,
  originOf
} from "./chunk-UYXB32ID.js";

// src/github/runs.ts
var RUN_LISTING_CAP = 1e3;
var SECOND = 1e3;
var stamp = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
function createdQualifier(w) {
  return w.to === void 0 ? `>=${stamp(w.from)}` : `${stamp(w.from)}..${stamp(w.to)}`;
}
function splitWindow(w, newest = w.to ?? w.from) {
  const upper = w.to ?? Math.max(w.from, Math.floor(newest / SECOND) * SECOND);
  if (upper - w.from < SECOND) return void 0;
  const mid = w.from + Math.floor((upper - w.from) / SECOND / 2) * SECOND;
  return [{ from: w.from, to: mid }, w.to === void 0 ? { from: mid + SECOND } : { from: mid + SECOND, to: w.to }];
}
async function listRunsSince(gh, repo, workflowFile, filters, since) {
  const runs = [];
  let cut = false;
  const pending = [{ from: Math.floor(since / SECOND) * SECOND }];
  while (pending.length > 0) {
    const window = pending.shift();
    const listed = [];
    let split;
    let first = true;
    for await (const { data } of gh.paginate.iterator(gh.rest.actions.listWorkflowRuns, {
      ...repo,
      workflow_id: workflowFile,
      ...filters,
      created: createdQualifier(window),
      per_page: 100
    })) {
      const total = data.total_count;
      if (first && typeof total === "number" && total >= RUN_LISTING_CAP) {
        split = splitWindow(window, Math.max(window.from, ...data.map((r) => Date.parse(r.created_at)).filter((t) => !Number.isNaN(t))));
        if (split) break;
        cut = true;
      }
      first = false;
      listed.push(...data);
    }
    if (split) pending.unshift(...split);
    else runs.push(...listed);
  }
  return { runs, cut };
}
async function successfulRuns(gh, repo, workflowFile, since, newestPage = false) {
  const out = [];
  let listing;
  try {
    listing = newestPage ? {
      runs: (await gh.rest.actions.listWorkflowRuns({ ...repo, workflow_id: workflowFile, status: "success", exclude_pull_requests: true, per_page: 100 })).data.workflow_runs,
      cut: false
    } : await listRunsSince(gh, repo, workflowFile, { status: "success", exclude_pull_requests: true }, since);
  } catch (error) {
    if (error.status === 404) return { runs: out, cut: false };
    throw error;
  }
  for (const run of listing.runs) {
    if (run.event !== "schedule" && run.event !== "push") continue;
    const startedAt = Date.parse(run.run_started_at ?? run.created_at);
    const completedAt = Date.parse(run.updated_at);
    if (!Number.isNaN(startedAt) && !Number.isNaN(completedAt))
      out.push({ startedAt, completedAt, event: run.event, path: run.path, headBranch: run.head_branch ?? "", headSha: run.head_sha });
  }
  return { runs: out, cut: listing.cut };
}

// src/github/graphql.ts
var GitHubUnavailableError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "GitHubUnavailableError";
  }
};
var GITHUB_COMMIT_LIST_LIMIT = 250;
var str = (v) => typeof v === "string" ? v : null;
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : 0;
var obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
var arr = (v) => Array.isArray(v) ? v : [];
var login = (v) => str(obj(v).login);
function actorOf(v) {
  const a = obj(v);
  const name = str(a.login);
  if (!name) return null;
  const bot = a.__typename === "Bot";
  return { login: bot ? `${name}[bot]` : name, bot };
}
function unavailablePart(errors, path) {
  const touching = errors.filter((e) => {
    const at = Array.isArray(e.path) ? e.path : [];
    const n = Math.min(at.length, path.length);
    return at.slice(0, n).every((key, i) => key === path[i]);
  });
  if (touching.length === 0) return void 0;
  const line = (t) => t.replace(/\s+/g, " ").trim().slice(0, 200);
  const said = [
    ...new Set(
      touching.map(
        (e) => line(`${e.type ? `${e.type}: ` : ""}${String(e.message)}${Array.isArray(e.path) && e.path.length > 0 ? ` (at ${e.path.join(".")})` : ""}`)
      )
    )
  ];
  return `GitHub answered only in part: ${said.slice(0, 3).join("; ")}${said.length > 3 ? `; and ${said.length - 3} more` : ""}`;
}
function onBehalfOfQuery(ids) {
  const parts = [];
  for (let a = 0; a * 100 < ids.length; a++)
    parts.push(
      `t${a}: nodes(ids: [${ids.slice(a * 100, a * 100 + 100).map((id) => JSON.stringify(id)).join(", ")}]) { ... on PullRequestReview { id onBehalfOf(first: 25) { nodes { combinedSlug } } } }`
    );
  return parts.join(" ");
}
var onBehalfPath = (k) => [`t${Math.floor(k / 100)}`, k % 100];
var ON_BEHALF_PER_QUERY = 300;
function onBehalfOfAnswer(data) {
  return new Map(
    Object.entries(data).filter(([alias]) => /^t\d+$/.test(alias)).flatMap(([, nodes]) => arr(nodes)).map(
      (n) => [
        str(obj(n).id) ?? "",
        arr(obj(obj(n).onBehalfOf).nodes).map((t) => str(obj(t).combinedSlug)?.toLowerCase() ?? "").filter(Boolean)
      ]
    )
  );
}
function teamQuery(orgList) {
  return orgList.map(
    ([org, slugs], k) => `o${k}: organization(login: ${JSON.stringify(org)}) { ${slugs.map((slug, j) => `t${j}: team(slug: ${JSON.stringify(slug)}) { members(first: 100, membership: ALL) { pageInfo { hasNextPage endCursor } nodes { login } } }`).join(" ")} }`
  ).join(" ");
}
var TEAM_PAIRS_PER_QUERY = 250;
function mergeMemberships(into, more) {
  for (const [team, found] of more) {
    const had = into.get(team);
    if (typeof had === "string") continue;
    into.set(team, typeof found === "string" ? found : /* @__PURE__ */ new Set([...had ?? [], ...found]));
  }
}
var uniquePairs = (pairs) => [
  ...new Map(pairs.map((p) => [`${p.org}/${p.slug}:${p.login}`.toLowerCase(), p])).values()
];
function membershipFields(batch) {
  return batch.map(
    (p, k) => `m${k}: organization(login: ${quote(p.org)}) { team(slug: ${quote(p.slug)}) { members(first: 100, membership: ALL, query: ${quote(p.login)}) { pageInfo { hasNextPage endCursor } nodes { login } } } }`
  ).join(" ");
}
var quote = (s) => JSON.stringify(s);
var GitHubFacts = class {
  spend = { queries: 0, points: 0 };
  gh;
  repo;
  /**
   * A token that can read organisation teams (a GitHub App's with Members: read; the job token cannot),
   * used only for team members and the teams a review was given on behalf of.
   */
  teamsGh;
  constructor(gh, repo, teamsGh) {
    this.gh = gh;
    this.repo = repo;
    this.teamsGh = teamsGh;
  }
  /** Runs a query; partial data with field errors is returned, a refused or failed query throws. */
  async query(body, variables = {}, client = this.gh) {
    const repoVars = body.includes("$owner");
    const declared = [...repoVars ? ["$owner: String!", "$name: String!"] : [], ...body.includes("$branch") ? ["$branch: String!"] : []];
    const text = `query${declared.length > 0 ? `(${declared.join(", ")})` : ""} { rateLimit { cost remaining } ${body} }`;
    let data;
    let errors = [];
    this.spend.queries++;
    try {
      data = await client.graphql(text, { ...repoVars ? { owner: this.repo.owner, name: this.repo.repo } : {}, ...variables });
    } catch (error) {
      if (error.name === "GraphqlResponseError") {
        const e = error;
        errors = e.errors ?? [];
        if (errors.some((e2) => e2.type === "RATE_LIMITED"))
          throw new GitHubUnavailableError("GitHub refused the query: the token has used its GraphQL points for this hour (RATE_LIMITED).");
        data = e.data;
        if (!data) throw new GitHubUnavailableError(`GitHub refused the query: ${errors.map((e2) => e2.message).join("; ")}`);
      } else {
        const status = error.status;
        throw new GitHubUnavailableError(`GitHub did not answer${status ? ` (HTTP ${status})` : ""}: ${error.message}`);
      }
    }
    this.spend.points += num(obj(obj(data).rateLimit).cost);
    return { data: obj(data), errors };
  }
  /**
   * Open pull requests into `branch` that touch requests/ (at most 50, newest first; the dashboard
   * shows what waits for approval): author, head, the first 20 files and the reviews.
   */
  async openRequestPulls(branch) {
    const { data } = await this.query(
      "repository(owner: $owner, name: $name) { pullRequests(states: OPEN, baseRefName: $branch, first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { number author { __typename login } headRefOid files(first: 20) { nodes { path } } reviews(first: 50) { nodes { author { __typename login } state commit { oid } } } } } }",
      { branch }
    );
    const nodes = arr(obj(obj(obj(data.repository).pullRequests)).nodes);
    return nodes.map((n) => {
      const node = obj(n);
      const paths = arr(obj(node.files).nodes).map((f) => str(obj(f).path) ?? "").filter((p) => p.startsWith("requests/"));
      const reviews = arr(obj(node.reviews).nodes).map(obj).flatMap((r) => {
        const actor = actorOf(r.author);
        return actor && !actor.bot ? [{ reviewer: actor.login, state: str(r.state) ?? "", commit: str(obj(r.commit).oid) ?? null }] : [];
      });
      return { number: num(node.number), author: actorOf(node.author)?.login ?? "", paths, head: str(node.headRefOid) ?? "", reviews };
    }).filter((p) => p.paths.length > 0);
  }
  /** The rules in force on a branch (REST, one request), or why they could not be read. */
  async branchRules(branch) {
    try {
      return await branchRules(this.gh, this.repo, branch);
    } catch (error) {
      const status = error.status;
      return `HTTP ${status ?? "error"}: ${error.message}`;
    }
  }
  /** Who last edited an issue's body and when (GitHub's record, not the body's own claims). */
  async issueEdits(number) {
    const { data, errors } = await this.query(
      `repository(owner: $owner, name: $name) { issue(number: ${Math.trunc(number)}) { id createdAt lastEditedAt editor { __typename login } isPinned } }`
    );
    if (unavailablePart(errors, ["repository", "issue"])) return void 0;
    const issue = obj(obj(data.repository).issue);
    const createdAt = str(issue.createdAt);
    return createdAt ? { createdAt, lastEditedAt: str(issue.lastEditedAt), editor: actorOf(issue.editor), isPinned: issue.isPinned === true, nodeId: str(issue.id) ?? "" } : void 0;
  }
  /**
   * Whether each login is a member of each team (child teams included, as GitHub counts them), asked
   * per pair rather than by listing the team: a run pays for the people it judges, never for the size
   * of a team (a team of 50,000 costs what a team of 10 does). GitHub's `members(query:)` searches
   * logins and names, so every match is compared with the login exactly, and a search with more
   * matches than a page is followed to its end. "org/slug" -> the logins asked that are members, or
   * why the team could not be read (never taken as "not a member"). 250 pairs a query.
   */
  async teamMemberships(pairs) {
    const out = /* @__PURE__ */ new Map();
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
  async readMemberships(batch, data, errors, client, out) {
    for (const [k, p] of batch.entries()) {
      const team = `${p.org}/${p.slug}`.toLowerCase();
      if (typeof out.get(team) === "string") continue;
      const found = await this.memberFound(p, obj(data[`m${k}`]).team, errors, [`m${k}`], client);
      if (typeof found === "string") out.set(team, found);
      else {
        const members = out.get(team) ?? /* @__PURE__ */ new Set();
        if (found) members.add(p.login.toLowerCase());
        out.set(team, members);
      }
    }
  }
  /** Whether one login is among a team's members matching its search, following further pages; or why the team could not be read. */
  async memberFound(p, team, errors, path, client) {
    if (team === null || team === void 0) {
      const why = errors.find((e) => Array.isArray(e.path) && path.every((x) => e.path.includes(x)))?.message ?? "no such team";
      return `could not read the team @${p.org}/${p.slug} (${why}); who is in it cannot be told, so its members' requests and approvals cannot be counted. Give the action a teams-token that can read the organisation's teams (a GitHub App token with Members: read; docs/setup.md, step 6).`;
    }
    const want = p.login.toLowerCase();
    let conn = obj(obj(team).members);
    for (; ; ) {
      if (arr(conn.nodes).some((n) => login(n)?.toLowerCase() === want)) return true;
      const page = obj(conn.pageInfo);
      if (page.hasNextPage !== true) return false;
      if (typeof page.endCursor !== "string")
        return `GitHub answered a page of @${p.org}/${p.slug}'s members without a cursor, so its list could not be read to the end`;
      const next = await this.query(
        `organization(login: ${quote(p.org)}) { team(slug: ${quote(p.slug)}) { members(first: 100, membership: ALL, query: ${quote(p.login)}, after: ${quote(page.endCursor)}) { pageInfo { hasNextPage endCursor } nodes { login } } } }`,
        {},
        client
      );
      const t = obj(next.data.organization).team;
      if (t === null || t === void 0)
        return `could not read the team @${p.org}/${p.slug} to the end (${next.errors.map((e) => e.message).join("; ") || "no answer"})`;
      conn = obj(obj(t).members);
    }
  }
  /** Members of teams ("org/slug" -> logins, lower-cased, or why they could not be read), in one query. */
  async teamMembers(teams) {
    return teams.length === 0 ? /* @__PURE__ */ new Map() : (await this.pullsOfCommits([], teams)).teams;
  }
  /**
   * Completed manual runs of a workflow created since `since` (REST: one request per 100 runs), as
   * GitHub records them: the latest attempt's conclusion and triggering actor, the first attempt's
   * actor and creation time. A missing workflow file has no runs.
   */
  async dispatchRuns(workflowFile, since) {
    const out = [];
    try {
      const listing = await listRunsSince(this.gh, this.repo, workflowFile, { event: "workflow_dispatch", status: "completed" }, since);
      if (listing.cut) throw new Error(`${RUN_LISTING_CAP} runs or more were created in one second, more than GitHub lists; the history is cut`);
      for (const r of listing.runs) {
        out.push({
          id: r.id,
          createdAt: Date.parse(r.created_at),
          updatedAt: Date.parse(r.updated_at),
          title: r.display_title,
          actor: r.actor?.login ?? "",
          triggeringActor: r.triggering_actor?.login ?? "",
          headBranch: r.head_branch ?? "",
          headSha: r.head_sha,
          path: r.path,
          event: r.event,
          conclusion: r.conclusion,
          attempt: r.run_attempt ?? 1
        });
      }
    } catch (error) {
      const status = error.status;
      if (status === 404) return out;
      throw new GitHubUnavailableError(`GitHub did not list the ${workflowFile} runs${status ? ` (HTTP ${status})` : ""}: ${error.message}`);
    }
    return out;
  }
  /** One earlier attempt of a run: its conclusion and who started it (a re-run's triggering actor). */
  async runAttempt(runId, attempt) {
    try {
      const { data } = await this.gh.rest.actions.getWorkflowRunAttempt({ ...this.repo, run_id: runId, attempt_number: attempt });
      return { conclusion: data.conclusion, triggeringActor: data.triggering_actor?.login ?? "" };
    } catch (error) {
      const status = error.status;
      if (status === 404) return { conclusion: null, triggeringActor: "" };
      throw new GitHubUnavailableError(
        `GitHub did not return attempt ${attempt} of run ${runId}${status ? ` (HTTP ${status})` : ""}: ${error.message}`
      );
    }
  }
  /**
   * The last 50 comments on each pull request (body, and whether a bot wrote it), 50 pull requests a
   * query: the executor's duplicate check for comments and reminders, one query instead of one listing
   * per pull request. A pull request with more comments than that, or answered only in part, is left
   * out (undefined), to be listed in full.
   */
  async recentComments(numbers) {
    const out = /* @__PURE__ */ new Map();
    const unique = [...new Set(numbers)].filter((n) => Number.isSafeInteger(n) && n > 0);
    for (const chunk of chunks(unique, 50)) {
      const nodes = "nodes { body author { __typename login } }";
      const { data, errors } = await this.query(
        `repository(owner: $owner, name: $name) { ${chunk.map((n, j) => `p${j}: issueOrPullRequest(number: ${n}) { ... on PullRequest { comments(last: 50) { pageInfo { hasPreviousPage } ${nodes} } } ... on Issue { comments(last: 50) { pageInfo { hasPreviousPage } ${nodes} } } }`).join(" ")} }`
      );
      const repo = obj(data.repository);
      chunk.forEach((n, j) => {
        const comments = obj(obj(repo[`p${j}`]).comments);
        const complete = Array.isArray(comments.nodes) && obj(comments.pageInfo).hasPreviousPage === false && !unavailablePart(errors, ["repository", `p${j}`]);
        out.set(n, complete ? arr(comments.nodes).map((c) => ({ body: str(obj(c).body) ?? "", bot: actorOf(obj(c).author)?.bot === true })) : void 0);
      });
    }
    return out;
  }
  /** The default branch and its head commit, as GitHub has them now. */
  async defaultBranch() {
    const { data, errors } = await this.query("repository(owner: $owner, name: $name) { defaultBranchRef { name target { oid } } }");
    const full = `${this.repo.owner}/${this.repo.repo}`;
    if (data.repository === null || errors.some((e) => e.type === "NOT_FOUND"))
      throw new GitHubUnavailableError(
        `GitHub has no repository ${full} that this token can read: check the repository named (--github-repo, GITHUB_REPOSITORY or the origin remote) and that the token has access to it.`
      );
    const repository = obj(data.repository);
    if ("defaultBranchRef" in repository && repository.defaultBranchRef === null)
      throw new GitHubUnavailableError(`${full} has no commits yet: push the access configuration to its default branch first (docs/setup.md, step 1).`);
    const ref = obj(repository.defaultBranchRef);
    const name = str(ref.name);
    const head = str(obj(ref.target).oid);
    if (!name || !head) throw new GitHubUnavailableError("GitHub did not say which commit the default branch points to.");
    return { name, head };
  }
  /**
   * The pull requests each commit belongs to, 100 commits a query, and the members of teams (child
   * teams included, as GitHub counts code-owner teams) in the first of those queries: GitHub's client
   * spaces queries a second apart, so fewer queries is a faster run. A commit whose part of the answer
   * came with errors is left out of `pulls` and named in `unavailable`, with why.
   */
  async pullsOfCommits(commits, teams = [], members = []) {
    const result = /* @__PURE__ */ new Map();
    const unavailable = /* @__PURE__ */ new Map();
    const teamResult = /* @__PURE__ */ new Map();
    const memberships = /* @__PURE__ */ new Map();
    const pairs = this.teamsGh ? [] : uniquePairs(members);
    const riding = (i) => pairs.slice(i / 100 * TEAM_PAIRS_PER_QUERY, (i / 100 + 1) * TEAM_PAIRS_PER_QUERY);
    const rides = Math.max(1, Math.ceil(commits.length / 100)) * TEAM_PAIRS_PER_QUERY;
    const rest = this.teamsGh ? uniquePairs(members) : pairs.slice(rides);
    const orgs = /* @__PURE__ */ new Map();
    for (const t of teams) orgs.set(t.org, [.../* @__PURE__ */ new Set([...orgs.get(t.org) ?? [], t.slug])]);
    const orgList = [...orgs];
    for (let i = 0; i === 0 || i < commits.length; i += 100) {
      const chunk = commits.slice(i, i + 100);
      const fields = chunk.map((c, j) => `c${j}: object(oid: ${quote(c)}) { ... on Commit { associatedPullRequests(first: 25) { nodes { ${PULL_REF} } } } }`).join(" ");
      const asked = riding(i);
      const teamFields = `${i === 0 && !this.teamsGh ? teamQuery(orgList) : ""} ${membershipFields(asked)}`.trim();
      if (chunk.length === 0 && teamFields === "") break;
      const { data, errors } = await this.query(`${chunk.length > 0 ? `repository(owner: $owner, name: $name) { ${fields} }` : ""} ${teamFields}`);
      const repo = obj(data.repository);
      chunk.forEach((c, j) => {
        const why = unavailablePart(errors, ["repository", `c${j}`]);
        if (why) unavailable.set(c, why);
        else
          result.set(
            c,
            arr(obj(obj(repo[`c${j}`]).associatedPullRequests).nodes).map(pullRef).filter((p) => p !== void 0)
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
  async readTeams(orgList, data, errors, client, out) {
    for (const [k, [org, slugs]] of orgList.entries()) {
      for (const [j, slug] of slugs.entries())
        out.set(`${org}/${slug}`.toLowerCase(), await this.teamFrom(org, slug, obj(data[`o${k}`])[`t${j}`], errors, [`o${k}`, `t${j}`], client));
    }
  }
  /** One team's members from a query's answer, following further pages; or why it could not be read. */
  async teamFrom(org, slug, team, errors, path, client) {
    if (team === null || team === void 0) {
      const why = errors.find((e) => Array.isArray(e.path) && path.every((p) => e.path.includes(p)))?.message ?? "no such team";
      return `could not read the team @${org}/${slug} (${why}); its members' approvals and requests cannot be counted. Give the action a teams-token that can read the organisation's teams (a GitHub App token with Members: read; docs/setup.md, step 6).`;
    }
    const members = new Set(
      arr(obj(obj(team).members).nodes).map(login).filter((l) => l !== null).map((l) => l.toLowerCase())
    );
    let page = obj(obj(obj(team).members).pageInfo);
    for (let guard = 0; page.hasNextPage === true && typeof page.endCursor === "string" && guard < 100; guard++) {
      const next = await this.query(
        `organization(login: ${quote(org)}) { team(slug: ${quote(slug)}) { members(first: 100, membership: ALL, after: ${quote(page.endCursor)}) { pageInfo { hasNextPage endCursor } nodes { login } } } }`,
        {},
        client
      );
      const conn = obj(obj(obj(next.data.organization).team).members);
      for (const l of arr(conn.nodes).map(login)) if (l) members.add(l.toLowerCase());
      page = obj(conn.pageInfo);
    }
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
  async pulls(wanted, blobs) {
    const pulls = /* @__PURE__ */ new Map();
    const blobIds = /* @__PURE__ */ new Map();
    const unavailable = { pulls: /* @__PURE__ */ new Map(), blobs: /* @__PURE__ */ new Map() };
    const size = 100;
    const asking = [];
    const approvals = (facts) => facts.reviews.filter((r) => r.state === "APPROVED" && r.commit === facts.headRefOid && r.id !== "").map((review) => ({ id: review.id, pull: facts.number, review }));
    const teamsOf = (teams, data, errors) => {
      const found = onBehalfOfAnswer(data);
      const failures = errors.filter((e) => e.type !== "FORBIDDEN");
      const forbidden = errors.filter((e) => e.type === "FORBIDDEN");
      teams.forEach((t, k) => {
        const why = unavailablePart(failures, [...onBehalfPath(k)]);
        if (why) unavailable.pulls.set(t.pull, why);
        t.review.onBehalfOf = found.get(t.id) ?? [];
        const [alias, index] = onBehalfPath(k);
        const refused = forbidden.find((e) => Array.isArray(e.path) && e.path[0] === alias && (e.path.length < 2 || e.path[1] === index));
        if (refused) t.review.onBehalfOfUnread = String(refused.message).replace(/\s+/g, " ").trim().slice(0, 200);
      });
    };
    for (let i = 0; i < Math.max(wanted.length, blobs.length) || asking.length > 0 && !this.teamsGh; i += size) {
      const ps = wanted.slice(i, i + size);
      const bs = blobs.slice(i, i + size);
      const teams = this.teamsGh ? [] : asking.splice(0, ON_BEHALF_PER_QUERY);
      const fields = [
        ...ps.map((p, j) => `p${j}: pullRequest(number: ${p.number}) { ${PULL_DETAILS} ${p.files ? FILES : ""} }`),
        ...bs.map((b, j) => `b${j}: object(expression: ${quote(b)}) { oid }`)
      ].join(" ");
      const { data, errors } = await this.query(
        `${fields ? `repository(owner: $owner, name: $name) { ${fields} }` : ""} ${teams.length > 0 ? onBehalfOfQuery(teams.map((t) => t.id)) : ""}`
      );
      teamsOf(teams, data, errors);
      const repo = obj(data.repository);
      ps.forEach((p, j) => {
        const why = unavailablePart(errors, ["repository", `p${j}`]);
        const facts = why ? void 0 : pullFacts(repo[`p${j}`]);
        if (why) unavailable.pulls.set(p.number, why);
        else if (facts) pulls.set(p.number, facts);
      });
      bs.forEach((b, j) => {
        const why = unavailablePart(errors, ["repository", `b${j}`]);
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
    while (this.teamsGh && asking.length > 0) {
      const teams = asking.splice(0, ON_BEHALF_PER_QUERY);
      const { data, errors } = await this.query(onBehalfOfQuery(teams.map((t) => t.id)), {}, this.teamsGh);
      if (errors.some((e) => e.type === "FORBIDDEN"))
        throw new GitHubPermissionError(
          missingPermissionMessage(originOf(this.teamsGh) ?? { kind: "teams" }, "the reviews of approved pull requests", "pull_requests=read")
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
  async follow(number, node, facts, files) {
    const kinds = [
      { key: "commits", fields: COMMIT_NODES, add: (n) => facts.commits.push(...n.map(commitFact)) },
      { key: "reviews", fields: REVIEW_NODES, add: (n) => facts.reviews.push(...n.map(reviewFact)) },
      ...files ? [{ key: "files", fields: FILE_NODES, add: (n) => facts.files.push(...n.map(fileFact)) }] : []
    ];
    for (const kind of kinds) {
      let page = obj(obj(node[kind.key]).pageInfo);
      for (let guard = 0; page.hasNextPage === true && typeof page.endCursor === "string" && guard < 30; guard++) {
        const { data, errors } = await this.query(
          `repository(owner: $owner, name: $name) { pullRequest(number: ${number}) { ${kind.key}(first: 100, after: ${quote(page.endCursor)}) { pageInfo { hasNextPage endCursor } ${kind.fields} } } }`
        );
        const why = unavailablePart(errors, ["repository", "pullRequest"]);
        if (why) return why;
        const conn = obj(obj(obj(data.repository).pullRequest)[kind.key]);
        kind.add(arr(conn.nodes));
        page = obj(conn.pageInfo);
      }
    }
    return void 0;
  }
};
var PULL_REF = "number baseRefName merged headRefOid mergeCommit { oid }";
var COMMIT_NODES = "nodes { commit { oid author { user { login } } committer { user { login } } signature { isValid wasSignedByGitHub signer { login } } } }";
var REVIEW_NODES = "nodes { id author { __typename login } state submittedAt commit { oid } }";
var FILE_NODES = "nodes { path changeType }";
var PULL_DETAILS = `${PULL_REF} author { __typename login } mergedAt createdAt changedFiles commits(first: 100) { totalCount pageInfo { hasNextPage endCursor } ${COMMIT_NODES} } reviews(first: 100) { pageInfo { hasNextPage endCursor } ${REVIEW_NODES} }`;
var FILES = `files(first: 100) { pageInfo { hasNextPage endCursor } ${FILE_NODES} }`;
function pullRef(v) {
  const p = obj(v);
  const number = num(p.number);
  const base = str(p.baseRefName);
  const head = str(p.headRefOid);
  if (!number || !base || !head) return void 0;
  return { number, baseRefName: base, merged: p.merged === true, headRefOid: head, mergeCommit: str(obj(p.mergeCommit).oid) };
}
var commitFact = (v) => {
  const c = obj(obj(v).commit);
  const sig = obj(c.signature);
  const valid = sig.isValid === true;
  return {
    oid: str(c.oid) ?? "",
    author: login(obj(c.author).user),
    committer: login(obj(c.committer).user),
    signer: valid ? login(sig.signer) : null,
    signedByGitHub: valid && sig.wasSignedByGitHub === true
  };
};
var reviewFact = (v) => {
  const r = obj(v);
  const author = actorOf(r.author);
  return {
    id: str(r.id) ?? "",
    reviewer: author?.login ?? null,
    bot: author?.bot === true,
    state: str(r.state) ?? "",
    submittedAt: str(r.submittedAt),
    commit: str(obj(r.commit).oid)
  };
};
var fileFact = (v) => ({ path: str(obj(v).path) ?? "", changeType: str(obj(v).changeType) ?? "" });
function pullFacts(v) {
  const ref = pullRef(v);
  if (!ref) return void 0;
  const p = obj(v);
  const commits = obj(p.commits);
  const author = actorOf(p.author);
  return {
    ...ref,
    author: author?.login ?? null,
    authorBot: author?.bot === true,
    mergedAt: str(p.mergedAt),
    createdAt: str(p.createdAt) ?? "",
    changedFiles: num(p.changedFiles),
    commitCount: num(commits.totalCount),
    commits: arr(commits.nodes).map(commitFact),
    reviews: arr(obj(p.reviews).nodes).map(reviewFact),
    ...p.files !== void 0 ? { files: arr(obj(p.files).nodes).map(fileFact) } : {}
  };
}

export {
  successfulRuns,
  GitHubUnavailableError,
  GITHUB_COMMIT_LIST_LIMIT,
  actorOf,
  unavailablePart,
  GitHubFacts
};
