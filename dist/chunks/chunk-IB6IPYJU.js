import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  breakGlassRuns,
  breakGlassUses,
  reviewedRuns
} from "./chunk-NIILGOAS.js";
import {
  breakGlassGrantProblem,
  breakGlassSource,
  breakGlassTeams,
  breakGlassWindow,
  judgeBreakGlassRun
} from "./chunk-WXKBUTD3.js";
import {
  RootMovedError,
  approvedConfigurations,
  checkAuthor,
  checkOwnerOfChanged,
  hasCommit,
  headCommit,
  loadConfig,
  pushProblems,
  requesterOf
} from "./chunk-RQHECHN3.js";
import {
  atCommit,
  judgeRequest,
  localBlobs
} from "./chunk-K7U5563T.js";
import {
  lastPushGuarantee
} from "./chunk-NVDCARJL.js";
import {
  approvalLogins,
  choosePull,
  evaluateApprovals,
  pushersOf,
  reviewsBeforeMerge,
  teamMemberships,
  upnIdsOf
} from "./chunk-IBMDKVGE.js";
import {
  REQUESTS_DIR,
  isRequestsHousekeeping,
  outsideRequestScope,
  outsideRequestScopeProblem,
  requestPathProblem,
  splitRequestPath
} from "./chunk-WJQAL5O4.js";
import {
  memoryChange,
  recall
} from "./chunk-OSJQDFGN.js";
import {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubFacts,
  GitHubUnavailableError
} from "./chunk-GAF3CNPK.js";
import {
  chunks
} from "./chunk-LIIKHXTA.js";
import {
  BACKENDS,
  changeId,
  isAddition,
  isRemoval
} from "./chunk-22MRAGKW.js";
import {
  listedByLogin,
  mayRequest,
  ownersOf,
  requesterStanding,
  requesterTeamNames,
  teamKey
} from "./chunk-AVZCSXTZ.js";
import {
  formatDuration
} from "./chunk-LRULQWW5.js";
import {
  ConfigError,
  formatDiagnostic
} from "./chunk-T6N4ZH6A.js";

// src/commands/context.ts
function reconcileContext(ctx) {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  return {
    git: ctx.git,
    githubFacts,
    breakGlassReviewed: reviewedRuns(ctx.gh, ctx.repo, githubFacts, ctx.git, ctx.directory, ctx.memory),
    directory: ctx.directory,
    now: ctx.now,
    dryRun: ctx.dryRun,
    ...ctx.requireCurrentHead ? { requireCurrentHead: true } : {},
    ...ctx.memory ? { memory: ctx.memory } : {},
    ...ctx.root ? { root: ctx.root } : {}
  };
}
function usesSince(ctx, githubFacts, reader, at, since) {
  return breakGlassUses({
    gh: ctx.gh,
    repo: ctx.repo,
    githubFacts,
    git: ctx.git,
    reader,
    head: at.head,
    branch: at.branch,
    config: at.config,
    since,
    resolveUsers: (refs) => ctx.directory.resolveUsers(refs),
    ...ctx.memory ? { memory: ctx.memory } : {}
  });
}

// src/reconcile/history.ts
async function requestTree(git, commit) {
  const out = await git.run(["ls-tree", "-r", "-z", "--full-tree", commit, "--", `${REQUESTS_DIR}/`]);
  const entries = [];
  for (const record of out.toString("utf8").split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("	");
    const [mode, type, oid] = record.slice(0, tab).split(" ");
    entries.push({ path: record.slice(tab + 1), mode, type, oid });
  }
  return entries;
}
async function firstParentLog(git, head, sinceMs) {
  const out = await git.run([
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--no-renames",
    `--since=${Math.floor(sinceMs / 1e3)}`,
    "--format=%x01%H %P %ct",
    "--name-status",
    "-z",
    head,
    "--",
    `${REQUESTS_DIR}/`
  ]);
  const commits = [];
  for (const block of out.toString("utf8").split("")) {
    if (block === "") continue;
    const fields = block.split("\0");
    const [sha, ...rest] = fields[0].split(" ");
    const time = Number(rest.pop()) * 1e3;
    const changes = [];
    for (let i = 1; i + 1 < fields.length; i += 2) {
      const status = fields[i].replace(/^\n/, "")[0];
      if (status) changes.push({ status, path: fields[i + 1] });
    }
    commits.push({ sha, parents: rest, time, changes });
  }
  return commits;
}
async function landedChanges(git, commits) {
  const result = /* @__PURE__ */ new Map();
  const withParent = commits.filter((c) => c.parents.length > 0);
  if (withParent.length === 0) return result;
  const out = await git.pipe(["diff-tree", "--stdin", "-r", "--no-renames", "--name-only", "-z"], withParent.map((c) => `${c.parents[0]} ${c.sha}
`).join(""));
  const byParent = new Map(withParent.map((c) => [c.parents[0], c.sha]));
  let current;
  for (const field of out.toString("utf8").split("\0")) {
    const header = /^\n?([0-9a-f]{40}|[0-9a-f]{64})$/.exec(field);
    if (header && byParent.has(header[1])) {
      current = [];
      result.set(byParent.get(header[1]), current);
    } else if (field !== "" && current) current.push(field.replace(/^\n/, ""));
  }
  for (const c of withParent) if (!result.has(c.sha)) result.set(c.sha, []);
  return result;
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
  /** Looks up many policy entries in a few batched calls, each backend its own (the sweep and the report need all of them). */
  async prefetchGroups(names) {
    const entries = names.map((n) => this.config.policy.groups.get(n)).filter((g) => g !== void 0 && !this.groups.has(g.id));
    if (entries.length === 0) return;
    const reads = [];
    for (const backend of Object.values(BACKENDS)) {
      const mine = entries.filter((g) => g.backend === backend.name).map((g) => ({ name: g.name, id: g.id }));
      if (mine.length === 0) continue;
      const found = backend.checkTargets(this.directory, mine);
      for (const e of mine) this.groups.set(e.id, settled(found.then((map) => map.get(e.id.toLowerCase()))));
      reads.push(found);
    }
    await Promise.all(reads);
  }
  /**
   * Users Graph has just listed as members of a policy group exist: a login whose identity names one
   * of them by id needs no look-up (a steady sweep then looks up only requesters who are not members).
   */
  knownToExist(memberIds) {
    const ids = new Set([...memberIds].map((id) => id.toLowerCase()));
    for (const [login, ref] of this.config.identities.users) {
      if ("id" in ref && ids.has(ref.id.toLowerCase()) && !this.users.has(login)) this.users.set(login, Promise.resolve(ref.id.toLowerCase()));
    }
  }
  /** Looks up many logins' Entra users in a few batched calls. */
  async prefetchUsers(logins) {
    const wanted = [...new Set(logins.map((l) => l.toLowerCase()))].filter((l) => !this.users.has(l) && this.config.identities.users.has(l));
    if (wanted.length === 0) return;
    const found = this.directory.resolveUsers(wanted.map((l) => this.config.identities.users.get(l)));
    wanted.forEach((login, i) => this.users.set(login, settled(found.then((list) => list[i]?.id))));
    await found;
  }
  /** The Entra group of a policy group, or why it cannot be managed. */
  async group(groupName) {
    const group = this.config.policy.groups.get(groupName);
    if (!group) return `the group ${groupName} is not in the policy.`;
    let problem = this.groups.get(group.id);
    if (!problem) {
      problem = BACKENDS[group.backend].checkTargets(this.directory, [{ name: group.name, id: group.id }]).then((map) => map.get(group.id.toLowerCase()));
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
function settled(promise) {
  promise.catch(() => void 0);
  return promise;
}

// src/reconcile/inventory.ts
var HORIZON_MARGIN_MS = 7 * 864e5;
function horizonOf(config, now) {
  let longest = 0;
  for (const g of config.policy.groups.values()) longest = Math.max(longest, g.maxDurationMs);
  return now - longest - HORIZON_MARGIN_MS;
}
function filesAtCommit(git, reader, commit) {
  return {
    where: `commit ${commit.slice(0, 7)}`,
    async read(path) {
      const o = await reader.read(`${commit}:${path}`);
      if (!o || o.type !== "blob") return void 0;
      return { size: o.size, ...o.bytes ? { bytes: o.bytes } : {} };
    },
    list: (dir) => atCommit(git, commit).list(dir)
  };
}
async function takeInventory(git, reader, config, head, now) {
  const horizon = horizonOf(config, now);
  const [tree, log] = await Promise.all([requestTree(git, head), firstParentLog(git, head, horizon)]);
  const lastChange = /* @__PURE__ */ new Map();
  for (const commit of log) for (const c of commit.changes) if (!lastChange.has(c.path)) lastChange.set(c.path, commit);
  const records = [];
  const present = new Set(tree.map((e) => e.path));
  const candidates = tree.filter((e) => {
    const group = splitRequestPath(e.path)?.group;
    return !isRequestsHousekeeping(e.path) && group !== void 0 && config.policy.groups.has(group);
  });
  for (const chunk of chunks(candidates, 2e3)) {
    records.push(...await Promise.all(chunk.map((entry) => readRecord(git, reader, config, log, lastChange, head, entry, now))));
  }
  const deleted = [];
  const seen = /* @__PURE__ */ new Set();
  for (const commit of log) {
    for (const c of commit.changes) {
      if (c.status !== "D" || present.has(c.path) || seen.has(c.path)) continue;
      seen.add(c.path);
      const group = splitRequestPath(c.path)?.group;
      if (group && config.policy.groups.has(group) && !isRequestsHousekeeping(c.path)) deleted.push({ path: c.path, group, commit });
    }
  }
  for (const chunk of chunks(deleted, 2e3)) {
    records.push(
      ...await Promise.all(
        chunk.map(async (d) => ({
          file: d.path,
          group: d.group,
          state: "deleted",
          landing: d.commit,
          ...await lastRequester(git, reader, log, `${d.commit.sha}^1`, d.path)
        }))
      )
    );
  }
  return { head, horizon, records, log };
}
async function readRecord(git, reader, config, log, lastChange, head, entry, now) {
  const group = splitRequestPath(entry.path).group;
  const landing = lastChange.get(entry.path);
  const base = { file: entry.path, group, blob: entry.oid, ...landing ? { landing } : {} };
  if (entry.type !== "blob" || entry.mode === "120000") {
    return {
      ...base,
      state: "unreadable",
      why: entry.type === "commit" ? "it is a submodule, not a file" : "it is a symbolic link, not a file",
      ...await lastRequester(git, reader, log, head, entry.path)
    };
  }
  const object = await reader.read(entry.oid);
  const bytes = object?.bytes;
  const landedAt = landing?.time ?? horizonOf(config, now);
  const verdict = judgeRequest(entry.path, object ? { size: object.size, ...bytes ? { bytes } : {} } : void 0, config, now, "at-rest", landedAt);
  const request = verdict.request;
  if (!request) {
    const why = verdict.diagnostics.find((d) => d.severity === "error")?.message ?? "it cannot be read";
    return { ...base, state: "unreadable", why, ...await lastRequester(git, reader, log, head, entry.path) };
  }
  const record = { ...base, requester: request.requester, request, ...bytes ? { bytes } : {}, state: "active" };
  if (request.expiresAt <= now) record.state = "expired";
  else if (!verdict.valid) {
    record.state = "invalid";
    record.why = verdict.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join(" ");
  }
  return record;
}
async function lastRequester(git, reader, log, from, path) {
  const direct = requesterOf((await reader.read(`${from}:${path}`))?.bytes, path);
  if (direct) return { requester: direct };
  const versions = log.filter((c) => c.changes.some((ch) => ch.path === path && ch.status !== "D")).map((c) => c.sha);
  if (versions.length === 0) {
    const out = await git.tryRun(["log", "--first-parent", "--format=%H", "-n", "20", from, "--", path]);
    versions.push(...out?.toString("utf8").split("\n").filter(Boolean) ?? []);
  }
  for (const sha of versions) {
    for (const spec of [`${sha}:${path}`, `${sha}^1:${path}`]) {
      const requester = requesterOf((await reader.read(spec))?.bytes, path);
      if (requester) return { requester };
    }
  }
  return {};
}

// src/backends/sessions.ts
function revokeSessionsChange(group, member, reason, sources, after) {
  return {
    id: changeId("revoke-sessions", group.name, member),
    backend: "sessions",
    kind: "revoke-sessions",
    group: group.name,
    groupId: group.id,
    member,
    reason,
    sources,
    ...after ? { after } : {}
  };
}
async function revokeSessions(directory, changes) {
  if (!directory.revokeSessions)
    return changes.map((c) => ({ id: c.id, result: "failed", detail: "not revoked: this directory cannot revoke sign-in sessions" }));
  const answers = new Map((await directory.revokeSessions([...new Set(changes.map((c) => c.member))])).map((a) => [a.userId, a]));
  return changes.map((c) => {
    const a = answers.get(c.member);
    return a?.done ? { id: c.id, result: "made", detail: "revoked" } : { id: c.id, result: "failed", detail: `not revoked: ${a?.detail ?? "no answer"}` };
  });
}

// src/reconcile/group-plan.ts
function planGroup(facts) {
  const standing = new Set(facts.group.standing);
  const present = new Set(facts.members.map((m) => m.id.toLowerCase()));
  const out = facts.members.map((m) => {
    const id = m.id.toLowerCase();
    if (standing.has(id)) return { id, type: m.type, action: "keep", reason: "standing", files: [] };
    const active = facts.active.get(id);
    if (active && active.length > 0) return { id, type: m.type, action: "keep", reason: "active", files: [...active] };
    const waiting = facts.unverified?.get(id);
    if (waiting && waiting.length > 0) return { id, type: m.type, action: "keep", reason: "unverified", files: [...waiting] };
    const ended = facts.ended.get(id);
    if (ended && ended.length > 0) return { id, type: m.type, action: "remove", reason: "ended", files: [...ended] };
    return { id, type: m.type, action: facts.group.mode === "enforce" ? "remove" : "report", reason: "drift", files: [] };
  });
  for (const [id, files] of facts.active) {
    if (files.length > 0 && !present.has(id)) out.push({ id, type: "user", action: "add", reason: "active", files: [...files] });
  }
  return out;
}

// src/reconcile/decide.ts
function decide(facts) {
  const groups = facts.groups.map((g) => decideGroup(facts, g));
  const ended = (facts.sessionsDue ?? []).map(
    (e) => revokeSessionsChange(
      { name: e.group, id: facts.config.policy.groups.get(e.group).id },
      e.member,
      `access ended at ${new Date(e.end).toISOString()} (by Entra, or by an earlier removal), after the sign-in sessions were last revoked`,
      e.sources
    )
  );
  const changes = changesOf(facts.config, groups);
  const removals = changes.filter(isRemoval);
  return { groups, changes: [...removals, ...ended, ...changes.filter((c) => !isRemoval(c))] };
}
function decideGroup(facts, g) {
  const { config, requests, phase } = facts;
  const policy = config.policy.groups.get(g.name);
  const result = { group: g.name, mode: policy.mode, backend: policy.backend, dispositions: [], ignored: [] };
  if (g.error) return { ...result, error: g.error };
  const active = /* @__PURE__ */ new Map();
  const unverified = /* @__PURE__ */ new Map();
  const ended = /* @__PURE__ */ new Map();
  const add = (map, id, file) => map.set(id, [...map.get(id) ?? [], file]);
  const refused = /* @__PURE__ */ new Map();
  const into = { active, unverified, ended };
  for (const b of (facts.breakGlassEnded ?? []).filter((x) => x.group === g.name)) add(ended, b.userId, breakGlassSource(b.run));
  for (const r of requests.filter((x) => x.group === g.name)) {
    if (r.why && r.state !== "active") result.ignored.push({ file: r.file, why: r.why });
    if (!r.userId) {
      if (r.state === "active" && r.why) result.ignored.push({ file: r.file, why: r.why });
      continue;
    }
    const { kind, why } = standingOf(r, phase);
    add(kind === "ended" && refusedRequest(r) ? refused : into[kind], r.userId, r.file);
    if (why) result.ignored.push({ file: r.file, why });
  }
  for (const [id, files] of refused) if (!ended.has(id)) ended.set(id, files);
  const glass = facts.breakGlass.filter((b) => b.group === g.name);
  for (const b of glass) add(active, b.userId, breakGlassSource(b.run));
  const planned = planGroup({ group: policy, members: g.members, active, unverified, ended });
  const backend = BACKENDS[policy.backend];
  result.dispositions = backend.shape ? backend.shape(planned, g.state, endOf(planned, requests, glass), phase === "verified") : planned;
  return result;
}
function refusedRequest(r) {
  return r.state === "active" && r.verification !== void 0 && !r.verification.approved && !r.verification.unavailable;
}
function standingOf(r, phase) {
  if (r.state !== "active") return { kind: "ended" };
  if (phase === "unverified" || !r.verification) return { kind: "unverified" };
  if (r.verification.approved) return { kind: "active" };
  if (r.verification.unavailable) return { kind: "unverified", why: r.verification.unavailable };
  return { kind: "ended", why: r.verification.reasons.join(" ") };
}
function endOf(planned, requests, glass) {
  return (member) => {
    const d = planned.find((p) => p.id === member);
    if (!d) return void 0;
    const covering = requests.filter((r) => d.files.includes(r.file) && r.request);
    const grants = glass.filter((b) => b.userId === member);
    const end = Math.max(...covering.map((r) => r.request.expiresAt), ...grants.map((b) => b.end));
    if (!Number.isFinite(end)) return void 0;
    const justification = `access-as-code: ${[...covering.map((r) => `${r.file}${r.verification?.pull !== void 0 ? ` (#${r.verification.pull})` : ""}${r.request.ticket ? `, ticket ${r.request.ticket}` : ""}`), ...grants.map((b) => `break-glass by ${b.login}, run ${b.run}`)].join("; ")}`;
    return { end, justification };
  };
}
function changesOf(config, groups) {
  const out = [];
  for (const g of groups) {
    const policy = config.policy.groups.get(g.group);
    const backend = BACKENDS[policy.backend];
    for (const d of g.dispositions) {
      const change = backend.change({ name: g.group, id: policy.id }, d);
      if (!change) continue;
      out.push(change);
      if (policy.revokeSessions && isRemoval(change) && d.type === "user")
        out.push(revokeSessionsChange({ name: g.group, id: policy.id }, d.id, `${d.id}'s access to ${g.group} ended (${d.reason})`, [...d.files], change.id));
    }
  }
  const order = (c) => isRemoval(c) ? 0 : c.kind === "revoke-sessions" ? 1 : 2;
  return out.sort((a, b) => order(a) - order(b));
}
function checksOf(config, groups, changes) {
  const nesting = new Set(groups.filter((g) => g.dispositions.some((d) => d.type === "other")).map((g) => g.group));
  const out = [];
  for (const c of changes) {
    if (!isRemoval(c) && !isAddition(c)) continue;
    const d = groups.find((g) => g.group === c.group)?.dispositions.find((x) => x.id === c.member);
    if (d?.type !== "user") continue;
    const policy = config.policy.groups.get(c.group);
    const base = { backend: policy.backend, group: c.group, groupId: policy.id, member: c.member, after: c.id, nested: nesting.has(c.group) };
    if (isRemoval(c))
      out.push({ ...base, id: `verify-removal:${c.group}:${c.member}`, kind: "verify-removal", reason: "no other path keeps the access (invariant 20)" });
    else out.push({ ...base, id: `confirm-add:${c.group}:${c.member}`, kind: "confirm-add", reason: "Graph's reads show the new member" });
  }
  return out;
}

// src/reconcile/verify.ts
var GITHUB_FILE_LIST_LIMIT = 3e3;
var CLOCK_SKEW_MS = 5 * 6e4;
function unavailableFor(landing, pull, file, unavailable) {
  const why = unavailable.commits.get(landing) ?? (pull ? unavailable.pulls.get(pull.number) ?? unavailable.blobs.get(`${pull.headRefOid}:${file}`) : void 0);
  return why ? `${why}. Not verified in this run: a member it covers is kept and nothing is granted on it until GitHub answers in full.` : void 0;
}
function verifyRequest(e) {
  const refuse = (...reasons2) => ({ approved: false, reasons: reasons2, approvers: [], ...e.pull ? { pull: e.pull.number } : {} });
  if (e.unavailable) return { approved: false, unavailable: e.unavailable, reasons: [e.unavailable], approvers: [] };
  if (!e.landing)
    return refuse(`no commit on ${e.defaultBranch} within the longest allowed duration changed this file, so no approval of it can still be in force.`);
  if (typeof e.baseConfig === "string") return refuse(e.baseConfig);
  const intoDefault = choosePull(e.landing.sha, e.candidates, e.defaultBranch);
  if (!intoDefault) return refuse(noPullReason(e));
  const pull = e.pull;
  if (!pull || pull.number !== intoDefault.number)
    return refuse(`GitHub did not return pull request #${intoDefault.number}; it is verified again on the next run.`);
  const config = e.baseConfig;
  const mergedAt = pull.mergedAt ? Date.parse(pull.mergedAt) : NaN;
  const reasons = [...pullProblems(e, pull, mergedAt), ...scopeProblems(e, pull)];
  const verdict = judgeRequest(e.file, e.content, config, e.now, "at-rest", e.landing.time ?? e.now);
  reasons.push(...verdict.diagnostics.filter((d) => d.severity === "error").map((d) => stripFile(formatDiagnostic(d), e.file)));
  const request = verdict.request;
  const unread = request ? unreadRequesterTeam(e, config, request) : void 0;
  if (unread) return { approved: false, unavailable: unread, reasons: [unread], approvers: [], pull: pull.number };
  const judged = request ? requestProblems(e, config, pull, request, mergedAt) : void 0;
  if (judged) reasons.push(...judged.reasons);
  const approval = judged?.approval;
  return {
    approved: reasons.length === 0 && request !== void 0,
    reasons,
    pull: pull.number,
    ...pull.mergedAt ? { mergedAt: pull.mergedAt } : {},
    createdAt: pull.createdAt,
    approvers: approval?.ok ? approval.approvers : [],
    ...approval ? { approval } : {}
  };
}
function unreadRequesterTeam(e, config, request) {
  const requesters = config.policy.groups.get(request.group)?.requesters;
  if (requesterStanding(request.requester, requesters, teamMemberships(e.teams)) === "yes") return void 0;
  const why = [...e.teams.values()].find((m) => typeof m === "string");
  return why ? `${why} Not verified in this run: a member it covers is kept and nothing is granted on it until the team can be read.` : void 0;
}
function noPullReason(e) {
  const short = e.landing.sha.slice(0, 7);
  const intoMain = e.candidates.filter((p) => p.merged && p.baseRefName === e.defaultBranch);
  if (intoMain.length > 1) {
    return `commit ${short} belongs to several merged pull requests into ${e.defaultBranch} (${intoMain.map((p) => `#${p.number}`).join(", ")}) and is the merge of none of them, so which approval covers it cannot be told. Open a new pull request for this request.`;
  }
  const elsewhere = e.candidates.filter((p) => p.baseRefName !== e.defaultBranch).map((p) => `#${p.number} (into ${p.baseRefName})`);
  return `no merged pull request contains this change: commit ${short} reached ${e.defaultBranch} by a direct push or a merge that bypassed review${elsewhere.length ? ` (approvals on ${elsewhere.join(", ")} do not count: only pull requests into ${e.defaultBranch} do)` : ""}, so nothing is granted. Open a pull request for it.`;
}
function pullProblems(e, pull, mergedAt) {
  const reasons = [];
  if (!pull.merged || Number.isNaN(mergedAt)) reasons.push(`pull request #${pull.number} is not merged.`);
  if (e.headBlob !== e.blob) {
    reasons.push(
      `the file on ${e.defaultBranch} is not the version approved in #${pull.number} (its head ${pull.headRefOid.slice(0, 7)}${e.headBlob ? ` holds another version` : " does not hold this file"}): a merge combined it with other changes. Open a new pull request for the version you need.`
    );
  }
  if (pull.commitCount >= GITHUB_COMMIT_LIST_LIMIT) {
    reasons.push(
      `#${pull.number} has ${pull.commitCount} commits; GitHub lists at most ${GITHUB_COMMIT_LIST_LIMIT}, so who pushed to it cannot be known. Open a new pull request with fewer commits.`
    );
  }
  if (pull.changedFiles >= GITHUB_FILE_LIST_LIMIT) {
    reasons.push(
      `#${pull.number} changes ${pull.changedFiles} files, more than GitHub lists, so it cannot be verified that it changed only requests. Split it.`
    );
  }
  return reasons;
}
function requestProblems(e, config, pull, request, mergedAt) {
  const reasons = [];
  const author = pull.author ?? "";
  if (!pull.author) reasons.push(`GitHub names no author for #${pull.number} (a deleted account), so it cannot be checked that the requester opened it.`);
  else reasons.push(...checkAuthor(request, author).map((d) => d.message));
  if (e.baseRequester !== void 0) reasons.push(...checkOwnerOfChanged(e.file, e.baseRequester ?? void 0, author).map((d) => d.message));
  const group = config.policy.groups.get(request.group);
  reasons.push(...durationProblems(e, pull, request, group, mergedAt));
  const memberships = teamMemberships(e.teams);
  if (group?.requesters && !mayRequest(request.requester, group.requesters, memberships)) {
    reasons.push(
      `${request.requester} may not request ${request.group}: the policy allows ${group.requesters.join(", ")}, and ${request.requester} is not among them (team membership checked through the GitHub API).`
    );
  }
  if (pull.author) reasons.push(...pushProblems(pull, pull.author, e.pushGuarantee));
  if (!group) return { reasons };
  const approval = evaluateApprovals({
    required: group.approvals,
    headSha: pull.headRefOid,
    reviews: reviewsBeforeMerge(pull.reviews, mergedAt),
    owners: ownersOf(config.codeowners, e.file),
    requester: request.requester,
    author,
    pushers: pushersOf(pull.commits),
    people: { identities: config.identities, upnIds: e.upnIds ?? /* @__PURE__ */ new Map() }
  });
  if (!approval.ok) {
    const got = approval.approvers.length === 0 ? "none" : approval.approvers.map((a) => `@${a}`).join(", ");
    const notes = approval.ignored.map((i) => `@${i.reviewer} ${i.why}`).join("; ");
    reasons.push(
      `${request.group} needs ${group.approvals} approval${group.approvals === 1 ? "" : "s"} of the merged commit from code owners other than the requester, the author and anyone who pushed; counted: ${got}.${notes ? ` Not counted: ${notes}.` : ""}`
    );
  }
  return { reasons, approval };
}
function durationProblems(e, pull, request, group, mergedAt) {
  const reasons = [];
  const merged = !Number.isNaN(mergedAt);
  if (request.durationMs === void 0) {
    if (merged && request.expiresAt <= mergedAt) reasons.push(`the request expired at ${request.expires}, before it was merged.`);
    if (group && merged && request.expiresAt - mergedAt > group.maxDurationMs)
      reasons.push(`"expires" is ${formatDuration(request.expiresAt - mergedAt)} after the merge; ${request.group} allows at most ${group.maxDurationText}.`);
    return reasons;
  }
  const landedAt = e.landing?.time;
  if (landedAt !== void 0 && merged && landedAt > mergedAt + CLOCK_SKEW_MS) {
    reasons.push(
      `the commit that landed this request claims ${new Date(landedAt).toISOString()}, after GitHub merged #${pull.number} at ${pull.mergedAt}; a duration counts from the merge, so a later commit time would lengthen the access. Merge it through GitHub (merge, squash or rebase) or use "expires".`
    );
  }
  return reasons;
}
function scopeProblems(e, pull) {
  const out = /* @__PURE__ */ new Set();
  const also = (path) => outsideRequestScopeProblem(`#${pull.number}`, path);
  for (const path of e.landing.landed) if (outsideRequestScope(path)) out.add(also(path));
  const mergeCommit = e.landing.parents.length > 1;
  for (const f of pull.files ?? []) {
    if (outsideRequestScope(f.path)) out.add(also(f.path));
    else if (!mergeCommit && (f.changeType === "RENAMED" || f.changeType === "COPIED")) {
      out.add(
        `#${pull.number} renames or copies a file into ${f.path}; GitHub does not say from where, so it cannot be verified that nothing outside requests/ changed. Delete and add request files in separate pull requests instead.`
      );
    }
  }
  const problem = requestPathProblem(e.file);
  if (problem) out.add(problem);
  return [...out];
}
function stripFile(line, file) {
  return line.startsWith(`${file}:`) ? `line ${line.slice(file.length + 1).replace(/^(\d+):\d+: error: /, "$1: ")}` : line;
}

// src/reconcile/reconcile.ts
async function reconcile(ctx) {
  ctx.directory.warmUp?.();
  const { head, branch, degraded: headProblem } = await currentHead(ctx);
  const reader = ctx.git.catFile();
  try {
    const { config, configIgnored, versions, pushGuarantee, degraded: configProblem } = await readConfiguration(ctx, reader, head, branch, headProblem);
    const inventory = await takeInventory(ctx.git, reader, config, head, ctx.now);
    const users = new UserResolver(config, ctx.directory);
    const groups = await readGroups(config, users, ctx.directory);
    users.knownToExist(groups.flatMap((g) => g.members.map((m) => m.id)));
    const requests = await resolveUsers(inventory, users);
    const glass = await readBreakGlass(ctx, reader, config, users, head, branch, configProblem);
    let degraded = glass.degraded;
    const sessions = await endedSessions(ctx, config, groups, requests);
    const verification = degraded ? void 0 : await verifyRequests(ctx, reader, requests, branch, versions, pushGuarantee);
    if (verification?.degraded) degraded = verification.degraded;
    const decision = decide({
      config,
      groups,
      requests,
      breakGlass: glass.grants,
      breakGlassEnded: glass.ended,
      phase: degraded ? "unverified" : "verified",
      sessionsDue: sessions.due
    });
    const planned = decision.groups;
    const { verified, change } = verification ?? {};
    return {
      head,
      branch,
      ...degraded ? { degraded } : {},
      groups: planned,
      changes: decision.changes,
      checks: checksOf(config, decision.groups, decision.changes),
      outcomes: /* @__PURE__ */ new Map(),
      checkOutcomes: /* @__PURE__ */ new Map(),
      requests,
      breakGlass: glass.grants,
      breakGlassIgnored: glass.ignored,
      sessionsUnknown: sessions.unknown,
      configIgnored,
      ...versions ? { configAt: versions.at } : {},
      pushGuarantee,
      deletionPulls: (files) => deletionPulls(ctx.githubFacts, requests, branch, files),
      config,
      // A group Graph would not list, or sessions whose state cannot be read, fail the run whatever is made.
      failed: planned.some((g) => g.error !== void 0) || sessions.unknown.length > 0,
      dryRun: ctx.dryRun,
      spend: ctx.githubFacts.spend,
      ...verified ? { verified: { remembered: verified.remembered, asked: verified.asked, rejected: verified.rejected } } : {},
      // Planned in a dry run too (it is shown, never written there), so that a dry run's plan is the real run's.
      ...change ? { memoryChange: change } : {}
    };
  } finally {
    reader.close();
  }
}
async function readConfiguration(ctx, reader, head, branch, headProblem) {
  let degraded = headProblem;
  let moved = false;
  let versions;
  let pushGuarantee = { ok: false, why: "GitHub could not be read" };
  if (!degraded) {
    try {
      pushGuarantee = lastPushGuarantee(await ctx.githubFacts.branchRules(branch), branch);
      versions = await approvedConfigurations(ctx.git, reader, ctx.githubFacts, head, branch, pushGuarantee, ctx.root);
    } catch (error) {
      if (!(error instanceof GitHubUnavailableError) && !(error instanceof RootMovedError)) throw error;
      moved = error instanceof RootMovedError;
      degraded = `${error.message} ${onlyRemovals(ctx.dryRun)}`;
    }
  }
  const unproven = moved && ctx.root && await hasCommit(ctx.git, ctx.root) ? ctx.root : head;
  const config = versions ? await versions.at(head) : await loadConfig(filesAtCommit(ctx.git, reader, unproven));
  if (typeof config === "string") throw new ConfigError(config);
  const configIgnored = versions ? await versions.ignoredAt(head) : [];
  return { config, configIgnored, versions, pushGuarantee, degraded };
}
async function readBreakGlass(ctx, reader, config, users, head, branch, degraded) {
  let grants = [];
  const ended = [];
  const ignored = [];
  const unproven = degraded;
  const window = breakGlassWindow(config.policy);
  if (!degraded && window > 0) {
    try {
      const runs = await breakGlassRuns(ctx.githubFacts, ctx.git, reader, head, ctx.now - window - 6e4);
      const pairs = runs.flatMap((run) => breakGlassTeams(config.policy).map((t) => ({ ...t, login: run.actor })));
      const memberships = pairs.length > 0 ? teamMemberships(await ctx.githubFacts.teamMemberships(pairs)) : /* @__PURE__ */ new Set();
      for (const run of runs) {
        const judged = judgeBreakGlassRun(run, config.policy, branch, memberships);
        if (!("grant" in judged)) ignored.push(judged);
        else {
          const target = await users.groupAndUser(judged.grant.group, judged.grant.login);
          if (typeof target === "string") {
            if (judged.grant.end > ctx.now) ignored.push({ run: run.id, why: target });
          } else (judged.grant.end > ctx.now ? grants : ended).push({ ...judged.grant, userId: target.userId });
        }
      }
    } catch (error) {
      if (!(error instanceof GitHubUnavailableError)) throw error;
      degraded = error.message;
      grants = [];
      ended.length = 0;
    }
  }
  const kept = await ratifiedOrEnded(ctx, { head, branch, config, reader }, grants, ignored);
  ended.push(...grants.filter((g) => !kept.includes(g)));
  grants = kept;
  if (ctx.breakGlassNow && !grants.some((b) => b.run === ctx.breakGlassNow.run)) {
    const problem = unproven ?? breakGlassGrantProblem(ctx.breakGlassNow, config.policy);
    if (problem) throw new ConfigError(problem);
    const target = await users.groupAndUser(ctx.breakGlassNow.group, ctx.breakGlassNow.login);
    if (typeof target === "string") throw new ConfigError(target);
    grants.push({ ...ctx.breakGlassNow, userId: target.userId });
  }
  return { grants, ended, ignored, degraded };
}
async function ratifiedOrEnded(ctx, at, grants, ignored) {
  const config = at.config;
  const limit = (b) => config.policy.groups.get(b.group)?.breakGlass?.reviewWithinMs;
  const overdue = grants.filter((b) => limit(b) !== void 0 && ctx.now > b.start + limit(b));
  if (overdue.length === 0) return grants;
  const reviewed = ctx.breakGlassReviewed ? await ctx.breakGlassReviewed(Math.min(...overdue.map((b) => b.start)) - 6e4, at).catch(() => /* @__PURE__ */ new Map()) : /* @__PURE__ */ new Map();
  const ended = new Set(overdue.filter((b) => reviewed.get(b.run) !== true).map((b) => b.run));
  for (const b of grants.filter((g) => ended.has(g.run))) {
    ignored.push({
      run: b.run,
      why: `${b.login}'s break-glass use of ${b.group} (run ${b.run}) was not reviewed within ${config.policy.groups.get(b.group).breakGlass.reviewWithinText}, so it ends now; a code owner can still close its review issue as completed, for the record.`
    });
  }
  return grants.filter((b) => !ended.has(b.run));
}
async function verifyRequests(ctx, reader, requests, branch, versions, pushGuarantee) {
  try {
    const needed = new Set(requests.filter((r) => (r.state === "active" || r.state === "invalid") && r.landing).map((r) => r.landing.sha));
    const recalled = ctx.memory ? await recall(ctx.git, reader, ctx.memory, [...needed]) : void 0;
    const verified = await verifyAll(
      ctx.git,
      ctx.githubFacts,
      reader,
      requests,
      branch,
      ctx.now,
      versions.at,
      pushGuarantee,
      recalled,
      (refs) => ctx.directory.resolveUsers(refs)
    );
    const change = ctx.memory && recalled ? memoryChange(ctx.memory, recalled, verified.learned, needed) : void 0;
    return { verified, ...change ? { change } : {} };
  } catch (error) {
    if (!(error instanceof GitHubUnavailableError)) throw error;
    return { degraded: error.message };
  }
}
function onlyRemovals(dryRun, from) {
  const where = from ? `, from ${from}` : "";
  return dryRun ? `A run now would only remove${where}, and grant nothing.` : `Only removals were made${where}; nothing was granted.`;
}
async function currentHead(ctx) {
  const local = await headCommit(ctx.git);
  let branch;
  try {
    branch = await ctx.githubFacts.defaultBranch();
  } catch (error) {
    if (!(error instanceof GitHubUnavailableError)) throw error;
    if (ctx.requireCurrentHead)
      throw new ConfigError(
        `${error.message} Without GitHub the default branch's current head is unknown, so nothing is changed from this clone; try again later.`
      );
    return {
      head: local,
      branch: "main",
      degraded: `${error.message} ${onlyRemovals(ctx.dryRun, `the checked-out commit ${local.slice(0, 7)}`)}`
    };
  }
  if (await hasCommit(ctx.git, branch.head)) return { head: branch.head, branch: branch.name };
  if (ctx.requireCurrentHead)
    throw new ConfigError(
      `${branch.name} is at ${branch.head.slice(0, 7)} on GitHub, and this clone does not have that commit. Run "git fetch origin ${branch.name}" and try again.`
    );
  const remote = (await ctx.git.catFile().read(`refs/remotes/origin/${branch.name}^{commit}`))?.oid;
  const fallback = remote || local;
  return {
    head: fallback,
    branch: branch.name,
    degraded: `${branch.name} is at ${branch.head.slice(0, 7)} on GitHub, but the checkout does not have that commit (it moved after the checkout, or the workflow checked out another commit). ${onlyRemovals(ctx.dryRun, fallback.slice(0, 7))} The run for the newer commit grants. Check out "${branch.name}" with fetch-depth: 0.`
  };
}
async function resolveUsers(inventory, users) {
  await users.prefetchUsers(inventory.records.flatMap((r) => r.requester ? [r.requester] : []));
  const out = [];
  for (const record of inventory.records) {
    const result = { ...record };
    if (record.requester) {
      const target = await users.groupAndUser(record.group, record.requester);
      if (typeof target === "string") result.why = record.state === "active" ? target : `${record.why ?? ""} ${target}`.trim();
      else result.userId = target.userId;
    }
    out.push(result);
  }
  return out;
}
async function readGroups(config, users, directory) {
  await users.prefetchGroups([...config.policy.groups.keys()]);
  const groups = [];
  for (const g of config.policy.groups.values()) {
    const entra = await users.group(g.name);
    groups.push({ name: g.name, id: g.id, members: [], ...typeof entra === "string" ? { error: entra } : {} });
  }
  for (const backend of Object.values(BACKENDS)) {
    const mine = groups.filter((g) => !g.error && config.policy.groups.get(g.name).backend === backend.name);
    if (mine.length === 0) continue;
    const holders = await backend.readHolders(
      directory,
      mine.map((g) => ({ name: g.name, id: g.id }))
    );
    for (const g of mine) {
      const listed = holders.get(g.id.toLowerCase());
      if (listed instanceof Error) g.error = `${listed.message} Nothing was changed in ${g.name}; the next run tries again.`;
      else g.members = listed ?? [];
    }
    const readable = mine.filter((g) => !g.error);
    if (readable.length === 0 || !backend.readState) continue;
    const state = await backend.readState(
      directory,
      readable.map((g) => g.id)
    );
    for (const g of readable) g.state = state.get(g.id.toLowerCase()) ?? /* @__PURE__ */ new Map();
  }
  return groups;
}
var SESSIONS_LOOKBACK_MS = 7 * 864e5;
async function endedSessions(ctx, config, groups, requests) {
  const candidates = endedCandidates(config, groups, requests, ctx.now);
  if (candidates.length === 0 || !ctx.directory.sessionsValidFrom) return { due: [], unknown: [] };
  const since = await ctx.directory.sessionsValidFrom([...new Set(candidates.map((c) => c.member))]);
  const due = [];
  const unknown = [];
  for (const c of candidates) {
    const at = since.get(c.member);
    if (typeof at === "number") {
      if (at < c.end) due.push({ group: c.group, member: c.member, end: c.end, sources: c.sources });
    } else
      unknown.push({
        group: c.group,
        file: c.file,
        why: `its access ended, but whether ${c.member}'s sign-in sessions were revoked since cannot be read: ${at ?? "no answer"}`
      });
  }
  return { due, unknown };
}
function endedCandidates(config, groups, requests, now) {
  const candidates = [];
  for (const g of groups) {
    if (g.error || !config.policy.groups.get(g.name).revokeSessions) continue;
    const present = new Set(g.members.map((m) => m.id.toLowerCase()));
    for (const r of requests) {
      if (r.group !== g.name || !r.userId || present.has(r.userId)) continue;
      const end = r.state === "expired" ? r.request?.expiresAt : r.state === "deleted" ? r.landing?.time : void 0;
      if (end === void 0 || end > now || end < now - SESSIONS_LOOKBACK_MS) continue;
      const same = candidates.find((c) => c.group === g.name && c.member === r.userId);
      if (!same) candidates.push({ group: g.name, member: r.userId, end, sources: [r.file], file: r.file });
      else if (end > same.end) Object.assign(same, { end, sources: [r.file, ...same.sources], file: r.file });
    }
  }
  return candidates;
}
async function deletionPulls(githubFacts, requests, branch, files) {
  const deleted = requests.filter((r) => r.state === "deleted" && r.landing && files.includes(r.file));
  const out = /* @__PURE__ */ new Map();
  if (deleted.length === 0) return out;
  try {
    const { pulls } = await githubFacts.pullsOfCommits([...new Set(deleted.map((r) => r.landing.sha))]);
    for (const r of deleted) {
      const pull = choosePull(r.landing.sha, pulls.get(r.landing.sha) ?? [], branch);
      if (pull) out.set(r.file, pull.number);
    }
  } catch (error) {
    if (!(error instanceof GitHubUnavailableError)) throw error;
  }
  return out;
}
async function verifyAll(git, githubFacts, reader, requests, branch, now, configAt, pushGuarantee, memory, resolveUsers2) {
  const active = requests.filter((r) => (r.state === "active" || r.state === "invalid") && r.userId && r.landing && r.bytes);
  verifyUnlanded(requests, branch, now);
  const configs = await baseConfigs(active, configAt);
  const landings = new Set(active.map((r) => r.landing.sha));
  const remembered = new Map([...memory?.found ?? []].filter(([sha, e]) => landings.has(sha) && e.chosen.baseRefName === branch));
  const ask = [...landings].filter((sha) => !remembered.has(sha));
  const membership = requesterMemberships(active, configs, remembered);
  const [{ pulls: fresh, unavailable: commitsUnread, memberships }, landed] = await Promise.all([
    githubFacts.pullsOfCommits(ask, [], membership.pairs),
    landedChanges(git, [...new Map(active.map((r) => [r.landing.sha, r.landing])).values()])
  ]);
  const { teams, askedTeams } = membership.answer(memberships);
  const associated = new Map([...fresh, ...[...remembered].map(([sha, e]) => [sha, [e.chosen]])]);
  const { pulls, blobs, chosen, unavailable } = await pullFacts(githubFacts, reader, active, branch, associated, remembered);
  const whyUnavailable = (r, number) => unavailableFor(
    r.landing.sha,
    associated.get(r.landing.sha)?.find((p) => p.number === number),
    r.file,
    { commits: commitsUnread, ...unavailable }
  );
  const upnIds = await peopleOf(active, configs, pulls, chosen, resolveUsers2);
  for (const r of active) {
    const landing = r.landing;
    const parent = landing.parents[0];
    const number = chosen.get(r);
    const pull = number !== void 0 ? pulls.get(number) : void 0;
    const before = parent ? await reader.read(`${parent}:${r.file}`) : void 0;
    r.verification = verifyRequest({
      file: r.file,
      blob: r.blob,
      content: { size: r.bytes.length, bytes: r.bytes },
      landing: { sha: landing.sha, parents: landing.parents, landed: landed.get(landing.sha) ?? [], time: landing.time },
      baseConfig: parent ? configs.get(parent) : `commit ${landing.sha.slice(0, 7)} has no parent, so there is no configuration it was merged under.`,
      baseRequester: before === void 0 ? void 0 : requesterOf(before.bytes, r.file) || null,
      defaultBranch: branch,
      candidates: associated.get(landing.sha) ?? [],
      pull,
      headBlob: pull ? blobs.get(`${pull.headRefOid}:${r.file}`) : void 0,
      teams: teams.get(r) ?? /* @__PURE__ */ new Map(),
      pushGuarantee,
      upnIds,
      now: r.judgeAt ?? now,
      unavailable: whyUnavailable(r, number)
    });
  }
  await explainUnseenTeams(githubFacts, active);
  const asking = /* @__PURE__ */ new Set([...ask, ...askedTeams]);
  return {
    remembered: remembered.size,
    asked: ask.length,
    rejected: memory?.rejected ?? [],
    learned: learnedFacts(
      active.filter((r) => asking.has(r.landing.sha)),
      chosen,
      associated,
      pulls,
      blobs,
      teams
    )
  };
}
async function pullFacts(githubFacts, reader, active, branch, associated, remembered) {
  const known = /* @__PURE__ */ new Map();
  const knownBlobs = /* @__PURE__ */ new Map();
  for (const e of remembered.values()) {
    known.set(e.pull.number, e.pull);
    for (const [spec, blob] of Object.entries(e.blobs)) knownBlobs.set(spec, blob);
  }
  const chosen = /* @__PURE__ */ new Map();
  const wanted = /* @__PURE__ */ new Map();
  const specs = [];
  for (const r of active) {
    const pull = choosePull(r.landing.sha, associated.get(r.landing.sha) ?? [], branch);
    if (!pull) continue;
    chosen.set(r, pull.number);
    const needFiles = r.landing.parents.length < 2;
    const have = known.get(pull.number);
    if (!have || needFiles && !have.files) wanted.set(pull.number, (wanted.get(pull.number) ?? false) || needFiles);
    const spec = `${pull.headRefOid}:${r.file}`;
    if (!knownBlobs.has(spec)) specs.push(spec);
  }
  const { local, remote } = await localBlobs(reader, specs);
  const asked = await githubFacts.pulls(
    [...wanted].map(([number, files]) => ({ number, files })),
    remote
  );
  return { pulls: new Map([...known, ...asked.pulls]), blobs: new Map([...knownBlobs, ...local, ...asked.blobs]), chosen, unavailable: asked.unavailable };
}
function learnedFacts(requests, chosen, associated, pulls, blobs, teams) {
  const byLanding = /* @__PURE__ */ new Map();
  for (const r of requests) byLanding.set(r.landing.sha, [...byLanding.get(r.landing.sha) ?? [], r]);
  const out = [];
  for (const [landing, rs] of byLanding) {
    const numbers = new Set(rs.map((r) => chosen.get(r)));
    const number = [...numbers][0];
    const pull = number === void 0 ? void 0 : pulls.get(number);
    const ref = (associated.get(landing) ?? []).find((p) => p.number === number);
    if (numbers.size !== 1 || !pull || !ref || !pull.merged || !pull.mergedAt || pull.reviews.some((r) => r.onBehalfOfUnread)) continue;
    const specs = rs.map((r) => `${pull.headRefOid}:${r.file}`);
    if (!specs.every((s) => blobs.has(s))) continue;
    const verdicts = rs.flatMap((r) => [...teams.get(r) ?? /* @__PURE__ */ new Map()].map(([team, members]) => [team, members, r.requester.toLowerCase()]));
    if (verdicts.some(([, members]) => typeof members === "string")) continue;
    const judged = Object.fromEntries(verdicts.map(([team, members, login]) => [`${team}:${login}`, members.has(login)]));
    out.push({
      landing,
      chosen: ref,
      pull,
      blobs: Object.fromEntries(specs.map((s) => [s, blobs.get(s)])),
      ...verdicts.length > 0 ? { teams: judged } : {}
    });
  }
  return out;
}
async function baseConfigs(requests, configAt) {
  const configs = /* @__PURE__ */ new Map();
  for (const r of requests) {
    const parent = r.landing.parents[0];
    if (!parent || configs.has(parent)) continue;
    const config = await configAt(parent);
    configs.set(parent, typeof config === "string" ? `${config} Nothing merged on top of it can be verified.` : config);
  }
  return configs;
}
function requesterMemberships(requests, configs, remembered) {
  const teams = /* @__PURE__ */ new Map();
  const asked = [];
  for (const r of requests) {
    const config = configs.get(r.landing.parents[0] ?? "");
    const requesters = config && typeof config !== "string" ? config.policy.groups.get(r.group)?.requesters : void 0;
    if (!requesters || !r.requester || listedByLogin(r.requester, requesters)) continue;
    const login = r.requester.toLowerCase();
    const mine = /* @__PURE__ */ new Map();
    teams.set(r, mine);
    for (const t of requesterTeamNames(requesters)) {
      const team = teamKey(t);
      const known = remembered.get(r.landing.sha)?.teams?.[`${team}:${login}`];
      if (known !== void 0) mine.set(team, new Set(known ? [login] : []));
      else asked.push({ r, team, pair: { org: t.org, slug: t.slug, login } });
    }
  }
  return {
    /** The (team, login) pairs to ask GitHub. */
    pairs: asked.map((a) => a.pair),
    /** Each request's verdicts once GitHub answered the pairs, and the landings whose verdicts were asked now. */
    answer(read) {
      for (const { r, team, pair } of asked) {
        const members = read.get(team);
        teams.get(r).set(team, typeof members === "string" ? members : new Set(members?.has(pair.login) ? [pair.login] : []));
      }
      return { teams, askedTeams: new Set(asked.map((x) => x.r.landing.sha)) };
    }
  };
}
async function explainUnseenTeams(githubFacts, requests) {
  const unseen = requests.flatMap(
    (r) => (r.verification?.approval?.ignored ?? []).flatMap(
      (i) => (i.ownerTeams ?? []).flatMap((t) => t.kind === "team" ? [{ r, pair: { org: t.org, slug: t.slug, login: i.reviewer } }] : [])
    )
  );
  if (unseen.length === 0) return;
  const read = await githubFacts.teamMemberships(unseen.map((u) => u.pair)).catch((error) => {
    if (error instanceof GitHubUnavailableError) return /* @__PURE__ */ new Map();
    throw error;
  });
  for (const { r, pair } of unseen) {
    const why = read.get(`${pair.org}/${pair.slug}`.toLowerCase());
    if (typeof why === "string" && !r.verification.reasons.includes(why)) r.verification.reasons.push(why);
  }
}
function peopleOf(active, configs, pulls, chosen, resolveUsers2) {
  return upnIdsOf(
    active.flatMap((r) => {
      const config = configs.get(r.landing.parents[0] ?? "");
      const pull = pulls.get(chosen.get(r) ?? -1);
      return config && typeof config !== "string" && pull ? [{ identities: config.identities, logins: approvalLogins(r.requester, pull) }] : [];
    }),
    resolveUsers2
  );
}
function verifyUnlanded(requests, branch, now) {
  for (const r of requests) if (r.state === "active" && r.userId && !r.landing) r.verification = verifyRequest(evidenceWithout(r, branch, r.judgeAt ?? now));
}
function evidenceWithout(r, branch, now) {
  return {
    file: r.file,
    blob: r.blob ?? "",
    content: { size: 0 },
    landing: void 0,
    baseConfig: "",
    baseRequester: void 0,
    defaultBranch: branch,
    candidates: [],
    pull: void 0,
    headBlob: void 0,
    teams: /* @__PURE__ */ new Map(),
    pushGuarantee: { ok: false, why: "" },
    now
  };
}

export {
  reconcileContext,
  usesSince,
  firstParentLog,
  revokeSessions,
  refusedRequest,
  reconcile,
  verifyAll
};
