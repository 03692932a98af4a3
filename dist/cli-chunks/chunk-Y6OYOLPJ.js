import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  mayRequest,
  requesterTeams
} from "./chunk-FRSZYKE2.js";
import {
  formatTimestamp
} from "./chunk-WB7IPXIR.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-WD4VLBT2.js";
import {
  formatOwner
} from "./chunk-7K7DDW7P.js";
import {
  chunks
} from "./chunk-HZLMQCJG.js";
import {
  branchRules
} from "./chunk-DHU6F2MR.js";

// src/approval/approval.ts
var WEB_FLOW = "web-flow";
function pushersOf(commits) {
  const pushers = /* @__PURE__ */ new Set();
  for (const c of commits) for (const l of [c.author, c.committer]) if (l && l.toLowerCase() !== WEB_FLOW) pushers.add(l.toLowerCase());
  return [...pushers];
}
function reviewsBeforeMerge(reviews, mergedAt) {
  return reviews.filter((r) => r.reviewer !== null && r.submittedAt !== null && Date.parse(r.submittedAt) <= mergedAt).map((r, i) => ({
    id: i,
    reviewer: r.reviewer,
    state: r.state,
    commitId: r.commit,
    submittedAt: r.submittedAt,
    ...r.onBehalfOf ? { onBehalfOf: r.onBehalfOf } : {}
  }));
}
function latestDecisiveReviews(reviews) {
  const latest = /* @__PURE__ */ new Map();
  const ordered = [...reviews].sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.id - b.id);
  for (const review of ordered) {
    if (!["APPROVED", "CHANGES_REQUESTED", "DISMISSED"].includes(review.state)) continue;
    latest.set(review.reviewer.toLowerCase(), review);
  }
  return [...latest.values()];
}
function teamMemberships(teams) {
  const out = /* @__PURE__ */ new Set();
  for (const [team, members] of teams) if (typeof members !== "string") for (const m of members) out.add(`${team}:${m}`);
  return out;
}
function isCodeOwner(login2, owners, teamMemberships2) {
  const l = login2.toLowerCase();
  return owners.some((o) => o.kind === "user" && o.login === l || o.kind === "team" && teamMemberships2.has(`${o.org}/${o.slug}:${l}`));
}
function reviewedAsOwner(review, owners) {
  const l = review.reviewer.toLowerCase();
  const teams = new Set((review.onBehalfOf ?? []).map((t) => t.toLowerCase()));
  return owners.some((o) => o.kind === "user" && o.login === l || o.kind === "team" && teams.has(`${o.org}/${o.slug}`));
}
function evaluateApprovals(input) {
  const excluded = /* @__PURE__ */ new Map();
  for (const p of input.pushers) excluded.set(p.toLowerCase(), "pushed commits to the pull request");
  excluded.set(input.author.toLowerCase(), "is the author of the pull request");
  excluded.set(input.requester.toLowerCase(), "is the requester");
  const approvers = [];
  const approvedAt = {};
  const ignored = [];
  for (const review of latestDecisiveReviews(input.reviews)) {
    const who = review.reviewer;
    if (review.state !== "APPROVED") {
      ignored.push({ reviewer: who, why: review.state === "DISMISSED" ? "their approval was dismissed" : "requested changes" });
      continue;
    }
    const why = excluded.get(who.toLowerCase());
    if (why) ignored.push({ reviewer: who, why });
    else if (review.commitId !== input.headSha)
      ignored.push({
        reviewer: who,
        why: `approved an earlier commit (${(review.commitId ?? "none").slice(0, 7)}), not the merged head ${input.headSha.slice(0, 7)}`
      });
    else if (!reviewedAsOwner(review, input.owners)) {
      const teams = input.owners.filter((o) => o.kind === "team");
      ignored.push({
        reviewer: who,
        why: `is not a code owner of this file (owners: ${input.owners.map(formatOwner).join(" ") || "none"})${teams.length > 0 ? `, and GitHub did not record the review as made on behalf of ${teams.map(formatOwner).join(" or ")}` : ""}`
      });
    } else {
      approvers.push(who);
      approvedAt[who] = review.submittedAt;
    }
  }
  return { ok: approvers.length >= input.required, required: input.required, approvers, approvedAt, ignored };
}

// src/github/graphql.ts
var GitHubUnavailableError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "GitHubUnavailableError";
  }
};
var str = (v) => typeof v === "string" ? v : null;
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : 0;
var obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
var arr = (v) => Array.isArray(v) ? v : [];
var login = (v) => str(obj(v).login);
function onBehalfOfQuery(ids) {
  return `t: nodes(ids: [${ids.map((id) => JSON.stringify(id)).join(", ")}]) { ... on PullRequestReview { id onBehalfOf(first: 25) { nodes { combinedSlug } } } }`;
}
function onBehalfOfAnswer(data) {
  return new Map(
    arr(data.t).map(
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
      "repository(owner: $owner, name: $name) { pullRequests(states: OPEN, baseRefName: $branch, first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { number author { login } headRefOid files(first: 20) { nodes { path } } reviews(first: 50) { nodes { author { login } state commit { oid } } } } } }",
      { branch }
    );
    const nodes = arr(obj(obj(obj(data.repository).pullRequests)).nodes);
    return nodes.map((n) => {
      const node = obj(n);
      const paths = arr(obj(node.files).nodes).map((f) => str(obj(f).path) ?? "").filter((p) => p.startsWith("requests/"));
      const head = str(node.headRefOid) ?? "";
      const approvers = new Set(
        arr(obj(node.reviews).nodes).map(obj).filter((r) => r.state === "APPROVED" && str(obj(r.commit).oid) === head).map((r) => str(obj(r.author).login) ?? "").filter(Boolean)
      );
      return { number: num(node.number), author: str(obj(node.author).login) ?? "", paths, approvers: [...approvers].sort() };
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
    const { data } = await this.query(
      `repository(owner: $owner, name: $name) { issue(number: ${Math.trunc(number)}) { id createdAt lastEditedAt editor { login } isPinned } }`
    );
    const issue = obj(obj(data.repository).issue);
    const createdAt = str(issue.createdAt);
    return createdAt ? { createdAt, lastEditedAt: str(issue.lastEditedAt), editor: login(issue.editor), isPinned: issue.isPinned === true, nodeId: str(issue.id) ?? "" } : void 0;
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
      const created = `>=${formatTimestamp(since)}`;
      for await (const { data } of this.gh.paginate.iterator(this.gh.rest.actions.listWorkflowRuns, {
        ...this.repo,
        workflow_id: workflowFile,
        event: "workflow_dispatch",
        status: "completed",
        created,
        per_page: 100
      })) {
        for (const r of data) {
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
   * The bodies of the last 50 comments on each pull request, 50 pull requests a query: the executor's
   * duplicate check for comments and reminders, one query instead of one listing per pull request.
   * A pull request with more comments than that is left out (undefined), to be listed in full.
   */
  async recentComments(numbers) {
    const out = /* @__PURE__ */ new Map();
    const unique = [...new Set(numbers)].filter((n) => Number.isSafeInteger(n) && n > 0);
    for (const chunk of chunks(unique, 50)) {
      const { data } = await this.query(
        `repository(owner: $owner, name: $name) { ${chunk.map((n, j) => `p${j}: issueOrPullRequest(number: ${n}) { ... on PullRequest { comments(last: 50) { pageInfo { hasPreviousPage } nodes { body } } } ... on Issue { comments(last: 50) { pageInfo { hasPreviousPage } nodes { body } } } }`).join(" ")} }`
      );
      const repo = obj(data.repository);
      chunk.forEach((n, j) => {
        const comments = obj(obj(repo[`p${j}`]).comments);
        const complete = Array.isArray(comments.nodes) && obj(comments.pageInfo).hasPreviousPage === false;
        out.set(n, complete ? arr(comments.nodes).map((c) => str(obj(c).body) ?? "") : void 0);
      });
    }
    return out;
  }
  /** The default branch and its head commit, as GitHub has them now. */
  async defaultBranch() {
    const { data } = await this.query("repository(owner: $owner, name: $name) { defaultBranchRef { name target { oid } } }");
    const ref = obj(obj(data.repository).defaultBranchRef);
    const name = str(ref.name);
    const head = str(obj(ref.target).oid);
    if (!name || !head) throw new GitHubUnavailableError("GitHub did not say which commit the default branch points to.");
    return { name, head };
  }
  /**
   * The pull requests each commit belongs to, 100 commits a query, and the members of teams (child
   * teams included, as GitHub counts code-owner teams) in the first of those queries: GitHub's client
   * spaces queries a second apart, so fewer queries is a faster run.
   */
  async pullsOfCommits(commits, teams = []) {
    const result = /* @__PURE__ */ new Map();
    const teamResult = /* @__PURE__ */ new Map();
    const orgs = /* @__PURE__ */ new Map();
    for (const t of teams) orgs.set(t.org, [.../* @__PURE__ */ new Set([...orgs.get(t.org) ?? [], t.slug])]);
    const orgList = [...orgs];
    for (let i = 0; i === 0 || i < commits.length; i += 100) {
      const chunk = commits.slice(i, i + 100);
      const fields = chunk.map((c, j) => `c${j}: object(oid: ${quote(c)}) { ... on Commit { associatedPullRequests(first: 25) { nodes { ${PULL_REF} } } } }`).join(" ");
      const teamFields = i === 0 && !this.teamsGh ? teamQuery(orgList) : "";
      if (chunk.length === 0 && teamFields === "") break;
      const { data, errors } = await this.query(`${chunk.length > 0 ? `repository(owner: $owner, name: $name) { ${fields} }` : ""} ${teamFields}`);
      const repo = obj(data.repository);
      chunk.forEach(
        (c, j) => result.set(
          c,
          arr(obj(obj(repo[`c${j}`]).associatedPullRequests).nodes).map(pullRef).filter((p) => p !== void 0)
        )
      );
      if (i === 0 && !this.teamsGh) await this.readTeams(orgList, data, errors, this.gh, teamResult);
    }
    if (this.teamsGh && orgList.length > 0) {
      const { data, errors } = await this.query(teamQuery(orgList), {}, this.teamsGh);
      await this.readTeams(orgList, data, errors, this.teamsGh, teamResult);
    }
    return { pulls: result, teams: teamResult };
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
    return members;
  }
  /**
   * Pull requests with their commits, reviews and (where asked) files, 100 a query; and blob ids at
   * `<commit>:<path>` expressions in the same queries. Lists longer than a page are followed.
   */
  async pulls(wanted, blobs) {
    const pulls = /* @__PURE__ */ new Map();
    const blobIds = /* @__PURE__ */ new Map();
    const size = 100;
    const asking = [];
    const approvals = (facts) => facts.reviews.filter((r) => r.state === "APPROVED" && r.commit === facts.headRefOid && r.id !== "").map((review) => ({ id: review.id, review }));
    for (let i = 0; i < Math.max(wanted.length, blobs.length) || asking.length > 0 && !this.teamsGh; i += size) {
      const ps = wanted.slice(i, i + size);
      const bs = blobs.slice(i, i + size);
      const teams = this.teamsGh ? [] : asking.splice(0, 100);
      const fields = [
        ...ps.map((p, j) => `p${j}: pullRequest(number: ${p.number}) { ${PULL_DETAILS} ${p.files ? FILES : ""} }`),
        ...bs.map((b, j) => `b${j}: object(expression: ${quote(b)}) { oid }`)
      ].join(" ");
      const { data } = await this.query(
        `${fields ? `repository(owner: $owner, name: $name) { ${fields} }` : ""} ${teams.length > 0 ? onBehalfOfQuery(teams.map((t) => t.id)) : ""}`
      );
      const found = onBehalfOfAnswer(data);
      for (const t of teams) t.review.onBehalfOf = found.get(t.id) ?? [];
      const repo = obj(data.repository);
      ps.forEach((p, j) => {
        const facts = pullFacts(repo[`p${j}`]);
        if (facts) pulls.set(p.number, facts);
      });
      bs.forEach((b, j) => blobIds.set(b, str(obj(repo[`b${j}`]).oid)));
      for (const p of ps) {
        const node = obj(repo[`p${ps.indexOf(p)}`]);
        const facts = pulls.get(p.number);
        if (facts) {
          await this.follow(p.number, node, facts, p.files);
          asking.push(...approvals(facts));
        }
      }
    }
    while (this.teamsGh && asking.length > 0) {
      const teams = asking.splice(0, 100);
      const { data } = await this.query(onBehalfOfQuery(teams.map((t) => t.id)), {}, this.teamsGh);
      const found = onBehalfOfAnswer(data);
      for (const t of teams) t.review.onBehalfOf = found.get(t.id) ?? [];
    }
    return { pulls, blobs: blobIds };
  }
  /** Further pages of a pull request's commits, reviews and files (rare: over 100 of one kind). */
  async follow(number, node, facts, files) {
    const kinds = [
      { key: "commits", fields: COMMIT_NODES, add: (n) => facts.commits.push(...n.map(commitFact)) },
      { key: "reviews", fields: REVIEW_NODES, add: (n) => facts.reviews.push(...n.map(reviewFact)) },
      ...files ? [{ key: "files", fields: FILE_NODES, add: (n) => facts.files.push(...n.map(fileFact)) }] : []
    ];
    for (const kind of kinds) {
      let page = obj(obj(node[kind.key]).pageInfo);
      for (let guard = 0; page.hasNextPage === true && typeof page.endCursor === "string" && guard < 30; guard++) {
        const { data } = await this.query(
          `repository(owner: $owner, name: $name) { pullRequest(number: ${number}) { ${kind.key}(first: 100, after: ${quote(page.endCursor)}) { pageInfo { hasNextPage endCursor } ${kind.fields} } } }`
        );
        const conn = obj(obj(obj(data.repository).pullRequest)[kind.key]);
        kind.add(arr(conn.nodes));
        page = obj(conn.pageInfo);
      }
    }
  }
};
var PULL_REF = "number baseRefName merged headRefOid mergeCommit { oid }";
var COMMIT_NODES = "nodes { commit { oid author { user { login } } committer { user { login } } signature { isValid wasSignedByGitHub signer { login } } } }";
var REVIEW_NODES = "nodes { id author { login } state submittedAt commit { oid } }";
var FILE_NODES = "nodes { path changeType }";
var PULL_DETAILS = `${PULL_REF} author { login } mergedAt createdAt changedFiles commits(first: 100) { totalCount pageInfo { hasNextPage endCursor } ${COMMIT_NODES} } reviews(first: 100) { pageInfo { hasNextPage endCursor } ${REVIEW_NODES} }`;
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
  return { id: str(r.id) ?? "", reviewer: login(r.author), state: str(r.state) ?? "", submittedAt: str(r.submittedAt), commit: str(obj(r.commit).oid) };
};
var fileFact = (v) => ({ path: str(obj(v).path) ?? "", changeType: str(obj(v).changeType) ?? "" });
function pullFacts(v) {
  const ref = pullRef(v);
  if (!ref) return void 0;
  const p = obj(v);
  const commits = obj(p.commits);
  return {
    ...ref,
    author: login(p.author),
    mergedAt: str(p.mergedAt),
    createdAt: str(p.createdAt) ?? "",
    changedFiles: num(p.changedFiles),
    commitCount: num(commits.totalCount),
    commits: arr(commits.nodes).map(commitFact),
    reviews: arr(obj(p.reviews).nodes).map(reviewFact),
    ...p.files !== void 0 ? { files: arr(obj(p.files).nodes).map(fileFact) } : {}
  };
}

// src/breakglass/breakglass.ts
var BREAK_GLASS_WORKFLOW = "access-break-glass.yml";
var BREAK_GLASS_LABEL = "access-break-glass";
var TITLE = /^break-glass ([a-z0-9][a-z0-9._-]{0,63}) for ((?=[0-9])(?:[0-9]+d)?(?:[0-9]+h)?(?:[0-9]+m)?) by ([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;
var breakGlassSource = (run) => `break-glass run ${run}`;
function breakGlassWindow(policy) {
  return Math.max(0, ...[...policy.groups.values()].map((g) => g.breakGlass?.maxDurationMs ?? 0));
}
function breakGlassTeams(policy) {
  const teams = /* @__PURE__ */ new Map();
  for (const g of policy.groups.values()) {
    for (const t of requesterTeams(g.breakGlass?.requesters ?? [])) {
      const [org, slug] = t.split("/");
      teams.set(t, { org, slug });
    }
  }
  return [...teams.values()];
}
function readRecord(run, branch) {
  const not = (why) => ({ run: run.id, why });
  if (run.event !== "workflow_dispatch" || run.path.replace(/@.*$/, "") !== `.github/workflows/${BREAK_GLASS_WORKFLOW}`)
    return not("not a manual run of the break-glass workflow.");
  if (!run.succeededForActor) return not(`no attempt started by ${run.actor} succeeded.`);
  if (run.headBranch !== branch || !run.onDefaultBranch)
    return not(`it ran on ${run.headSha.slice(0, 7)} ("${run.headBranch}"), which is not on ${branch}'s history: only runs of the default branch count.`);
  if (!run.workflowAsOnDefault) return not(`the break-glass workflow at ${run.headSha.slice(0, 7)} is not the one on ${branch} now.`);
  const m = TITLE.exec(run.title);
  const ms = m ? parseDuration(m[2]) : void 0;
  if (!m || m[3].toLowerCase() !== run.actor.toLowerCase() || ms === void 0)
    return not(`its title does not name its own actor (${run.actor}), a policy group and a duration.`);
  return { record: { run: run.id, group: m[1], login: run.actor, durationMs: ms, start: run.createdAt, updatedAt: run.updatedAt } };
}
function judgeBreakGlassRun(run, policy, branch, memberships) {
  const read = readRecord(run, branch);
  if (!("record" in read)) return read;
  const { group, durationMs } = read.record;
  const not = (why) => ({ run: run.id, why });
  const rules = policy.groups.get(group)?.breakGlass;
  if (!rules) return not(`${group} does not allow break-glass (now).`);
  if (durationMs > rules.maxDurationMs) return not(`${formatDuration(durationMs)} is over ${group}'s break-glass maximum of ${rules.maxDurationText} (now).`);
  if (!mayRequest(run.actor, rules.requesters, memberships))
    return not(`${run.actor} may not break glass for ${group} now (allowed: ${rules.requesters.join(", ")}).`);
  return { grant: { run: run.id, group, login: run.actor, start: run.createdAt, end: run.createdAt + durationMs } };
}

// src/breakglass/records.ts
var WORKFLOW_PATH = `.github/workflows/${BREAK_GLASS_WORKFLOW}`;
var SHA = /^[0-9a-f]{40}$/;
async function breakGlassRuns(githubFacts, git, reader, head, since) {
  const runs = await githubFacts.dispatchRuns(BREAK_GLASS_WORKFLOW, since);
  if (runs.length === 0) return [];
  const workflowNow = (await reader.read(`${head}:${WORKFLOW_PATH}`))?.oid;
  const out = [];
  for (const r of runs) {
    const mine = (login2) => login2 !== "" && login2.toLowerCase() === r.actor.toLowerCase();
    let succeeded = r.conclusion === "success" && mine(r.triggeringActor);
    for (let n = r.attempt - 1; !succeeded && n >= 1; n--) {
      const a = await githubFacts.runAttempt(r.id, n);
      succeeded = a.conclusion === "success" && mine(a.triggeringActor);
    }
    const sha = SHA.test(r.headSha) ? r.headSha : "";
    const onDefaultBranch = sha !== "" && await git.tryRun(["merge-base", "--is-ancestor", sha, head]) !== void 0;
    const workflowThen = onDefaultBranch ? (await reader.read(`${sha}:${WORKFLOW_PATH}`))?.oid : void 0;
    out.push({
      id: r.id,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      title: r.title,
      actor: r.actor,
      headBranch: r.headBranch,
      headSha: r.headSha,
      path: r.path,
      event: r.event,
      succeededForActor: succeeded,
      onDefaultBranch,
      workflowAsOnDefault: workflowThen !== void 0 && workflowThen === workflowNow
    });
  }
  return out;
}

export {
  BREAK_GLASS_LABEL,
  breakGlassSource,
  breakGlassWindow,
  breakGlassTeams,
  readRecord,
  judgeBreakGlassRun,
  breakGlassRuns,
  pushersOf,
  reviewsBeforeMerge,
  teamMemberships,
  isCodeOwner,
  evaluateApprovals,
  GitHubUnavailableError,
  GitHubFacts
};
