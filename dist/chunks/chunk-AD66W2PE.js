import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  checkAuthor,
  checkOwnerOfChanged,
  checkScope,
  formatOwner,
  judgeRequest,
  ownersOf,
  parseOwner,
  requesterAt,
  splitRequestPath
} from "./chunk-P7BW3JLQ.js";
import {
  formatDuration
} from "./chunk-LRULQWW5.js";
import {
  formatDiagnostic
} from "./chunk-7XIZWMDY.js";
import {
  isTeamMember,
  pullCommitters,
  pullFiles,
  pullReviews,
  pullsForCommit
} from "./chunk-U46DJNTG.js";

// src/grant/gather.ts
var WEB_FLOW = "web-flow";
var PullFinder = class {
  cache = /* @__PURE__ */ new Map();
  gh;
  repo;
  git;
  constructor(gh, repo, git) {
    this.gh = gh;
    this.repo = repo;
    this.git = git;
  }
  /** The merged pull request that last changed `path` as of `commit`, if any. */
  async forFile(commit, path) {
    const out = await this.git.run(["log", "-1", "--format=%H", commit, "--", path]);
    const sha = out.toString("utf8").trim();
    if (!sha) return void 0;
    const merged = (await pullsForCommit(this.gh, this.repo, sha)).filter((p) => p.mergedAt !== null);
    if (merged.length === 0) return void 0;
    const pull = merged.sort((a, b) => (b.mergedAt ?? "").localeCompare(a.mergedAt ?? ""))[0];
    const cached = this.cache.get(pull.number);
    if (cached) return cached;
    const [files, commits, reviews] = await Promise.all([pullFiles(this.gh, this.repo, pull.number), pullCommitters(this.gh, this.repo, pull.number), pullReviews(this.gh, this.repo, pull.number)]);
    const pushers = /* @__PURE__ */ new Set();
    for (const c of commits) for (const login of [c.author, c.committer]) if (login && login !== WEB_FLOW) pushers.add(login.toLowerCase());
    const result = {
      number: pull.number,
      author: pull.author,
      headSha: pull.headSha,
      createdAt: pull.createdAt,
      mergedAt: pull.mergedAt,
      files: files.map((f) => ({ path: f.path, status: f.status === "removed" ? "deleted" : f.status === "added" ? "added" : "modified" })),
      pushers: [...pushers],
      reviews
    };
    this.cache.set(pull.number, result);
    return result;
  }
};
async function teamMemberships(gh, owners, reviewers) {
  const confirmed = /* @__PURE__ */ new Set();
  for (const owner of owners) {
    if (owner.kind !== "team") continue;
    for (const login of reviewers) {
      if (await isTeamMember(gh, owner.org, owner.slug, login)) confirmed.add(`${owner.org}/${owner.slug}:${login.toLowerCase()}`);
    }
  }
  return confirmed;
}

// src/approval/approval.ts
function latestDecisiveReviews(reviews) {
  const latest = /* @__PURE__ */ new Map();
  const ordered = [...reviews].sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.id - b.id);
  for (const review of ordered) {
    if (!["APPROVED", "CHANGES_REQUESTED", "DISMISSED"].includes(review.state)) continue;
    latest.set(review.reviewer.toLowerCase(), review);
  }
  return [...latest.values()];
}
function isCodeOwner(login, owners, teamMemberships2) {
  const l = login.toLowerCase();
  return owners.some((o) => o.kind === "user" && o.login === l || o.kind === "team" && teamMemberships2.has(`${o.org}/${o.slug}:${l}`));
}
function evaluateApprovals(input) {
  const excluded = /* @__PURE__ */ new Map();
  for (const p of input.pushers) excluded.set(p.toLowerCase(), "pushed commits to the pull request");
  excluded.set(input.author.toLowerCase(), "is the author of the pull request");
  excluded.set(input.requester.toLowerCase(), "is the requester");
  const approvers = [];
  const ignored = [];
  for (const review of latestDecisiveReviews(input.reviews)) {
    const who = review.reviewer;
    if (review.state !== "APPROVED") {
      ignored.push({ reviewer: who, why: review.state === "DISMISSED" ? "their approval was dismissed" : "requested changes" });
      continue;
    }
    const why = excluded.get(who.toLowerCase());
    if (why) ignored.push({ reviewer: who, why });
    else if (review.commitId !== input.headSha) ignored.push({ reviewer: who, why: `approved an earlier commit (${(review.commitId ?? "none").slice(0, 7)}), not the merged head ${input.headSha.slice(0, 7)}` });
    else if (!isCodeOwner(who, input.owners, input.teamMemberships)) ignored.push({ reviewer: who, why: `is not a code owner of this file (owners: ${input.owners.map(formatOwner).join(" ") || "none"})` });
    else approvers.push(who);
  }
  return { ok: approvers.length >= input.required, required: input.required, approvers, ignored };
}

// src/grant/evaluate.ts
var GITHUB_FILE_LIST_LIMIT = 3e3;
function evaluateGrant(facts) {
  const { file, config, pull } = facts;
  if (!pull) {
    return { file, approved: false, reasons: ["no merged pull request contains this change (a direct push, or a merge that bypassed review), so nothing is granted. Open a pull request for it."] };
  }
  const reasons = [];
  const verdict = judgeRequest(file, facts.content, config, facts.now, "at-rest");
  reasons.push(...verdict.diagnostics.filter((d) => d.severity === "error").map((d) => stripFile(formatDiagnostic(d), file)));
  reasons.push(...checkScope(pull.files).map((d) => d.message));
  if (pull.files.length >= GITHUB_FILE_LIST_LIMIT) {
    reasons.push(`the pull request changes ${GITHUB_FILE_LIST_LIMIT} or more files, more than GitHub lists, so it cannot be verified that it changed only requests. Split it.`);
  }
  const request = verdict.request;
  let approval;
  if (request) {
    reasons.push(...checkAuthor(request, pull.author).map((d) => d.message));
    if (facts.change === "modified") reasons.push(...checkOwnerOfChanged(file, facts.baseRequester, pull.author).map((d) => d.message));
    const group = config.policy.groups.get(request.group);
    const mergedAt = Date.parse(pull.mergedAt);
    if (request.expiresAt <= facts.now) reasons.push(`the request expired at ${request.expires}, before it could be granted.`);
    if (group && request.expiresAt - mergedAt > group.maxDurationMs) {
      reasons.push(`"expires" is ${formatDuration(request.expiresAt - mergedAt)} after the merge; ${request.group} allows at most ${group.maxDurationText}.`);
    }
    if (group?.requesters?.some((r) => r.includes("/"))) {
      const login = request.requester.toLowerCase();
      const listed = group.requesters.some((r) => !r.includes("/") && r.replace(/^@/, "") === login);
      const inTeam = group.requesters.some((r) => r.includes("/") && facts.teamMemberships.has(`${r.replace(/^@/, "")}:${login}`));
      if (!listed && !inTeam) {
        reasons.push(`${request.requester} may not request ${request.group}: the policy allows ${group.requesters.join(", ")}, and ${request.requester} is not among them (team membership checked through the GitHub API).`);
      }
    }
    if (group) {
      approval = evaluateApprovals({
        required: group.approvals,
        headSha: pull.headSha,
        reviews: pull.reviews,
        owners: ownersOf(config.codeowners, file),
        teamMemberships: facts.teamMemberships,
        requester: request.requester,
        author: pull.author,
        pushers: pull.pushers
      });
      if (!approval.ok) {
        const got = approval.approvers.length === 0 ? "none" : approval.approvers.map((a) => `@${a}`).join(", ");
        const notes = approval.ignored.map((i) => `@${i.reviewer} ${i.why}`).join("; ");
        reasons.push(`${request.group} needs ${group.approvals} approval${group.approvals === 1 ? "" : "s"} of the merged commit from code owners other than the requester, the author and anyone who pushed; counted: ${got}.${notes ? ` Not counted: ${notes}.` : ""}`);
      }
    }
  }
  return { file, ...request ? { request } : {}, pull: pull.number, approved: reasons.length === 0 && request !== void 0, reasons, ...approval ? { approval } : {} };
}
function stripFile(line, file) {
  return line.startsWith(`${file}:`) ? `line ${line.slice(file.length + 1).replace(/^(\d+):\d+: error: /, "$1: ")}` : line;
}

// src/grant/verify.ts
async function decideRequest(ctx, config, base, merged, pulls, path, change) {
  const pull = await pulls.forFile(ctx.after, path);
  const approving = pull ? latestDecisiveReviews(pull.reviews).filter((r) => r.state === "APPROVED").map((r) => r.reviewer) : [];
  const baseRequester = change === "modified" ? await requesterAt(base, path) : void 0;
  const memberships = await teamMemberships(ctx.gh, ownersOf(config.codeowners, path), approving);
  const group = config.policy.groups.get(splitRequestPath(path)?.group ?? "");
  const requesterTeams = (group?.requesters ?? []).filter((r) => r.includes("/")).flatMap((r) => parseOwner(r.startsWith("@") ? r : `@${r}`) ?? []);
  if (pull && requesterTeams.length > 0) for (const m of await teamMemberships(ctx.gh, requesterTeams, [pull.author])) memberships.add(m);
  return evaluateGrant({
    file: path,
    content: await merged.read(path),
    change,
    ...baseRequester !== void 0 ? { baseRequester } : {},
    config,
    pull,
    teamMemberships: memberships,
    now: ctx.now
  });
}

// src/grant/resolve.ts
var UserResolver = class {
  users = /* @__PURE__ */ new Map();
  groups = /* @__PURE__ */ new Map();
  config;
  directory;
  constructor(config, directory) {
    this.config = config;
    this.directory = directory;
  }
  /** Looks up many policy groups in a few batched calls (the sweep and the report need all of them). */
  async prefetchGroups(names) {
    const groups = names.map((n) => this.config.policy.groups.get(n)).filter((g) => g !== void 0 && !this.groups.has(g.id));
    if (groups.length === 0) return;
    const found = this.directory.getGroups(groups.map((g) => g.id));
    for (const g of groups) {
      this.groups.set(
        g.id,
        found.then((map) => groupProblem(g.name, g.id, map.get(g.id)))
      );
    }
    await found;
  }
  /** Looks up many logins' Entra users in a few batched calls. */
  async prefetchUsers(logins) {
    const wanted = [...new Set(logins.map((l) => l.toLowerCase()))].filter((l) => !this.users.has(l) && this.config.identities.users.has(l));
    if (wanted.length === 0) return;
    const found = this.directory.resolveUsers(wanted.map((l) => this.config.identities.users.get(l)));
    wanted.forEach((login, i) => this.users.set(login, found.then((list) => list[i]?.id)));
    await found;
  }
  /** The Entra group of a policy group, or why it cannot be managed. */
  async group(groupName) {
    const group = this.config.policy.groups.get(groupName);
    if (!group) return `the group ${groupName} is not in the policy.`;
    let problem = this.groups.get(group.id);
    if (!problem) {
      problem = this.directory.getGroup(group.id).then((g) => groupProblem(groupName, group.id, g));
      this.groups.set(group.id, problem);
    }
    const found = await problem;
    return found ?? { groupId: group.id };
  }
  /** The Entra ids, or why they cannot be used. */
  async groupAndUser(groupName, login) {
    const group = await this.group(groupName);
    if (typeof group === "string") return group;
    const key = login.toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      const ref = this.config.identities.users.get(key);
      user = ref ? this.directory.resolveUser(ref).then((u) => u?.id) : Promise.resolve(void 0);
      this.users.set(key, user);
    }
    const userId = await user;
    if (!userId) {
      return this.config.identities.users.has(key) ? `${login}'s entry in ${this.config.identities.file} names no Entra user that exists.` : `${login} has no Entra identity in ${this.config.identities.file}.`;
    }
    return { groupId: group.groupId, userId };
  }
};
function groupProblem(name, id, entra) {
  if (!entra) return `the Entra group ${id} for ${name} does not exist; fix its id in the policy.`;
  if (entra.isAssignableToRole) return `the Entra group for ${name} is role-assignable; access-as-code does not manage role-assignable groups.`;
  return void 0;
}

export {
  PullFinder,
  decideRequest,
  UserResolver
};
