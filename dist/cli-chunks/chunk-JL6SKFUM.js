import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GitHubUnavailableError,
  breakGlassRuns,
  breakGlassSource,
  breakGlassTeams,
  breakGlassWindow,
  evaluateApprovals,
  judgeBreakGlassRun,
  pushersOf,
  reviewsBeforeMerge,
  teamMemberships
} from "./chunk-Y6OYOLPJ.js";
import {
  lastPushGuarantee
} from "./chunk-6243XALH.js";
import {
  memoryChange,
  recall
} from "./chunk-YMH7ZJTW.js";
import {
  checkAuthor,
  checkOwnerOfChanged,
  judgeRequest,
  requesterOf
} from "./chunk-3PAK6OEX.js";
import {
  mayRequest,
  requesterTeams
} from "./chunk-FRSZYKE2.js";
import {
  CONFIG_PATHS,
  atCommit,
  loadConfig
} from "./chunk-SM3TZRZU.js";
import {
  REQUESTS_DIR,
  isRequestsHousekeeping,
  isUnderRequests,
  requestPathProblem,
  splitRequestPath
} from "./chunk-WB7IPXIR.js";
import {
  hasCommit,
  headCommit,
  localBlobs
} from "./chunk-VBXVWMN2.js";
import {
  formatDuration
} from "./chunk-WD4VLBT2.js";
import {
  formatOwner,
  ownersOf,
  parseOwner
} from "./chunk-7K7DDW7P.js";
import {
  unmanageable
} from "./chunk-PFM2MXQY.js";
import {
  chunks
} from "./chunk-HZLMQCJG.js";
import {
  ConfigError,
  formatDiagnostic
} from "./chunk-ZFCBOOOX.js";

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

// src/approval/pushers.ts
function pushProblems(pull, author, guarantee) {
  if (guarantee.ok) return [];
  const a = author.toLowerCase();
  const unproven = pull.commits.filter((c) => {
    const signer = c.signer?.toLowerCase();
    return !(signer === a || c.signedByGitHub && c.author?.toLowerCase() === a);
  });
  if (unproven.length === 0) return [];
  return [
    `#${pull.number} has ${unproven.length === 1 ? "a commit" : `${unproven.length} commits`} (${unproven.slice(0, 5).map((c) => c.oid.slice(0, 7)).join(
      ", "
    )}${unproven.length > 5 ? ", \u2026" : ""}) not provably written by ${author} (no signature GitHub verified as theirs), and ${guarantee.why}, so an approver could have pushed it under ${author}'s name. Fix the ruleset on the default branch: turn on "Require approval of the most recent reviewable push", "Require review from Code Owners" and "Dismiss stale pull request approvals when new commits are pushed" (docs/setup.md, step 5); or sign the commits.`
  ];
}

// src/reconcile/verify.ts
var GITHUB_COMMIT_LIST_LIMIT = 250;
var GITHUB_FILE_LIST_LIMIT = 3e3;
var CLOCK_SKEW_MS = 5 * 6e4;
function choosePull(landing, candidates, defaultBranch) {
  const merged = candidates.filter((p) => p.merged && p.baseRefName === defaultBranch);
  return merged.find((p) => p.mergeCommit === landing) ?? (merged.length === 1 ? merged[0] : void 0);
}
function verifyRequest(e) {
  const refuse = (...reasons2) => ({ approved: false, reasons: reasons2, approvers: [], ...e.pull ? { pull: e.pull.number } : {} });
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
    pushers: pushersOf(pull.commits)
  });
  if (!approval.ok) {
    const unreadable = [...e.teams.values()].filter((m) => typeof m === "string");
    const got = approval.approvers.length === 0 ? "none" : approval.approvers.map((a) => `@${a}`).join(", ");
    const notes = approval.ignored.map((i) => `@${i.reviewer} ${i.why}`).join("; ");
    reasons.push(
      `${request.group} needs ${group.approvals} approval${group.approvals === 1 ? "" : "s"} of the merged commit from code owners other than the requester, the author and anyone who pushed; counted: ${got}.${notes ? ` Not counted: ${notes}.` : ""}${unreadable.length ? ` Also: ${unreadable.join(" ")}` : ""}`
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
  const also = (path) => `#${pull.number} changes access requests and also ${path}. Requests must be alone in their pull request, so that nothing else is approved with them: move this change to a separate pull request.`;
  for (const path of e.landing.landed) if (!isUnderRequests(path) || isRequestsHousekeeping(path)) out.add(also(path));
  const mergeCommit = e.landing.parents.length > 1;
  for (const f of pull.files ?? []) {
    if (!isUnderRequests(f.path) || isRequestsHousekeeping(f.path)) out.add(also(f.path));
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

// src/config/approved.ts
async function configChanges(git, head) {
  const out = await git.run([
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--no-renames",
    "--reverse",
    "--format=%x01%H",
    "--name-only",
    "-z",
    head,
    "--",
    ...CONFIG_PATHS
  ]);
  const changes = [];
  for (const block of out.toString("utf8").split("")) {
    if (block === "") continue;
    const [sha, ...rest] = block.split(/[\n\0]/).filter((x) => x !== "");
    changes.push({ sha, files: rest.filter((f) => CONFIG_PATHS.includes(f)) });
  }
  return changes;
}
async function versionsAt(reader, commit) {
  const out = /* @__PURE__ */ new Map();
  for (const path of CONFIG_PATHS) {
    const o = await reader.read(`${commit}:${path}`);
    if (o?.type === "blob") out.set(path, o.oid);
  }
  return out;
}
function filesOf(reader, versions, where) {
  return {
    where,
    async read(path) {
      const oid = versions.get(path);
      const o = oid ? await reader.read(oid) : void 0;
      if (!o || o.type !== "blob") return void 0;
      return { size: o.size, ...o.bytes ? { bytes: o.bytes } : {} };
    },
    list: async () => []
  };
}
function judgeConfigChange(change, before, pull, landed, atHead, branch, pushGuarantee) {
  if (!pull) return `no merged pull request into ${branch} contains it (a direct push, or a merge that bypassed review).`;
  if (!pull.merged || !pull.mergedAt) return `pull request #${pull.number} is not merged.`;
  for (const f of change.files)
    if ((landed.get(f) ?? null) !== (atHead.get(f) ?? null))
      return `${f} on ${branch} is not the version approved in #${pull.number} (a merge combined it with other changes).`;
  if (pull.commitCount >= GITHUB_COMMIT_LIST_LIMIT)
    return `#${pull.number} has ${pull.commitCount} commits; GitHub lists at most ${GITHUB_COMMIT_LIST_LIMIT}, so who pushed to it cannot be known.`;
  const author = pull.author ?? "";
  if (!author) return `GitHub names no author for #${pull.number}.`;
  const unproven = pushProblems(pull, author, pushGuarantee);
  if (unproven.length > 0) return unproven.join(" ");
  const pushers = pushersOf(pull.commits);
  const reviews = reviewsBeforeMerge(pull.reviews, Date.parse(pull.mergedAt));
  const required = Math.max(1, ...[...before.policy.groups.values()].map((g) => g.approvals));
  for (const f of change.files) {
    const owners = ownersOf(before.codeowners, f);
    const approval = evaluateApprovals({ required, headSha: pull.headRefOid, reviews, owners, requester: author, author, pushers });
    if (!approval.ok) {
      const notes = approval.ignored.map((i) => `@${i.reviewer} ${i.why}`).join("; ");
      return `#${pull.number} changes ${f}, which needs ${required} approval${required === 1 ? "" : "s"} of its merged head from code owners of ${f} (${owners.map(formatOwner).join(" ") || "none in the approved CODEOWNERS"}) other than its author and pushers; counted: ${approval.approvers.map((a) => `@${a}`).join(", ") || "none"}${notes ? `. Not counted: ${notes}` : ""}.`;
    }
  }
  return void 0;
}
async function approvedConfigurations(git, reader, githubFacts, head, branch, pushGuarantee) {
  const changes = await configChanges(git, head);
  const order = new Map(
    (await git.run(["rev-list", "--first-parent", head])).toString("utf8").trim().split("\n").reverse().map((sha, i) => [sha, i])
  );
  const ignored = [];
  const states = [];
  const parsed = /* @__PURE__ */ new Map();
  const configOf = (versions, where) => {
    const key = CONFIG_PATHS.map((p) => versions.get(p) ?? "-").join(" ");
    let config = parsed.get(key);
    if (!config) {
      config = loadConfig(filesOf(reader, versions, where)).catch((error) => {
        if (error instanceof ConfigError)
          return `the approved access configuration (${where}) is not valid: ${error.diagnostics.map((d) => `${d.file}: ${d.message}`).join(" ") || error.message}`;
        throw error;
      });
      parsed.set(key, config);
    }
    return config;
  };
  if (changes.length > 0) {
    const [root, ...later] = changes;
    states.push({ index: order.get(root.sha) ?? 0, sha: root.sha, versions: await versionsAt(reader, root.sha) });
    if (later.length > 0) {
      const { pulls: associated } = await githubFacts.pullsOfCommits(later.map((c) => c.sha));
      const chosen = new Map(later.map((c) => [c.sha, choosePull(c.sha, associated.get(c.sha) ?? [], branch)]));
      const numbers = [...new Set([...chosen.values()].flatMap((p) => p ? [p.number] : []))];
      const blobSpecs = later.flatMap((c) => {
        const p = chosen.get(c.sha);
        return p ? c.files.map((f) => `${p.headRefOid}:${f}`) : [];
      });
      const { local, remote } = await localBlobs(reader, blobSpecs);
      const { pulls, blobs } = await githubFacts.pulls(
        numbers.map((number) => ({ number, files: false })),
        remote
      );
      for (const change of later) {
        const previous = states[states.length - 1];
        const before = await configOf(previous.versions, `the approved configuration before ${change.sha.slice(0, 7)}`);
        const landed = await versionsAt(reader, change.sha);
        const ref = chosen.get(change.sha);
        const pull = ref ? pulls.get(ref.number) : void 0;
        const atHead = new Map(
          change.files.map(
            (f) => [
              f,
              ref ? local.has(`${ref.headRefOid}:${f}`) ? local.get(`${ref.headRefOid}:${f}`) : blobs.get(`${ref.headRefOid}:${f}`) ?? null : null
            ]
          )
        );
        const why = typeof before === "string" ? before : judgeConfigChange(change, before, pull, landed, atHead, branch, pushGuarantee);
        if (why) {
          ignored.push({ sha: change.sha, files: change.files, why });
          continue;
        }
        const versions = new Map(previous.versions);
        for (const f of change.files) {
          const v = landed.get(f);
          if (v) versions.set(f, v);
          else versions.delete(f);
        }
        states.push({ index: order.get(change.sha) ?? 0, sha: change.sha, versions });
      }
    }
  }
  const stateAt = (commit) => {
    const index = order.get(commit);
    return index === void 0 ? void 0 : { index, state: [...states].reverse().find((s) => s.index <= index) };
  };
  return {
    ignored,
    async at(commit) {
      const found = stateAt(commit);
      if (!found)
        return `commit ${commit.slice(0, 7)} is not on the first-parent history of ${branch}, so which configuration was approved there cannot be told.`;
      if (!found.state) return `there is no access configuration on ${branch} at ${commit.slice(0, 7)}.`;
      return configOf(found.state.versions, `approved as of ${found.state.sha.slice(0, 7)}`);
    },
    async ignoredAt(commit) {
      const found = stateAt(commit);
      if (!found?.state) return [];
      const there = await versionsAt(reader, commit);
      const differs = CONFIG_PATHS.filter((p) => (there.get(p) ?? null) !== (found.state.versions.get(p) ?? null));
      return ignored.filter((c) => (order.get(c.sha) ?? Infinity) <= found.index && c.files.some((f) => differs.includes(f)));
    }
  };
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
    for (const g of groups) this.groups.set(g.id, settled(found.then((map) => groupProblem(g.name, g.id, map.get(g.id)))));
    await found;
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
  const why = unmanageable(entra);
  return why ? `the Entra group for ${name} cannot be managed: ${why}` : void 0;
}
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
    const first = planAll(config, groups, requests, "unverified", glass.grants);
    const appliedFirst = await applyPlanned(ctx, config, first);
    const removedFirst = new Set(first.flatMap((g) => g.dispositions.filter((d) => d.action === "remove").map((d) => `${g.group}:${d.id}`)));
    const verification = degraded ? void 0 : await verifyRequests(ctx, reader, requests, branch, versions, pushGuarantee);
    if (verification?.degraded) degraded = verification.degraded;
    const rest = groups.map((g) => ({ ...g, members: g.members.filter((m) => !removedFirst.has(`${g.name}:${m.id.toLowerCase()}`)) }));
    const second = planAll(config, rest, requests, degraded ? "unverified" : "verified", glass.grants);
    const appliedSecond = await applyPlanned(ctx, config, second);
    const lagging = await noteReadLag(ctx, config, second, appliedSecond);
    const outcomes = new Map([...appliedFirst, ...appliedSecond]);
    await verifyRemovals(ctx, config, [...first, ...second], outcomes);
    const merged = joinOutcomes(first, second, outcomes, lagging);
    const failed = [...appliedFirst.values(), ...appliedSecond.values()].some((o) => o.outcome === "failed" || o.sessions !== void 0 && o.sessions !== "revoked") || merged.some((g) => g.error !== void 0);
    const { verified, change } = verification ?? {};
    return {
      head,
      branch,
      ...degraded ? { degraded } : {},
      groups: merged,
      requests,
      breakGlass: glass.grants,
      breakGlassIgnored: glass.ignored,
      configIgnored,
      ...versions ? { configAt: versions.at } : {},
      pushGuarantee,
      deletionPulls: (files) => deletionPulls(ctx.githubFacts, requests, branch, files),
      config,
      failed,
      dryRun: ctx.dryRun,
      spend: ctx.githubFacts.spend,
      ...verified ? { verified: { remembered: verified.remembered, asked: verified.asked, rejected: verified.rejected } } : {},
      ...change && !ctx.dryRun ? { memoryChange: change } : {}
    };
  } finally {
    reader.close();
  }
}
async function readConfiguration(ctx, reader, head, branch, headProblem) {
  let degraded = headProblem;
  let versions;
  let pushGuarantee = { ok: false, why: "GitHub could not be read" };
  if (!degraded) {
    try {
      pushGuarantee = lastPushGuarantee(await ctx.githubFacts.branchRules(branch), branch);
      versions = await approvedConfigurations(ctx.git, reader, ctx.githubFacts, head, branch, pushGuarantee);
    } catch (error) {
      if (!(error instanceof GitHubUnavailableError)) throw error;
      degraded = `${error.message} ${onlyRemovals(ctx.dryRun)}`;
    }
  }
  const config = versions ? await versions.at(head) : await loadConfig(filesAtCommit(ctx.git, reader, head));
  if (typeof config === "string") throw new ConfigError(config);
  const configIgnored = versions ? await versions.ignoredAt(head) : [];
  return { config, configIgnored, versions, pushGuarantee, degraded };
}
async function readBreakGlass(ctx, reader, config, users, head, branch, degraded) {
  let grants = [];
  const ignored = [];
  const window = breakGlassWindow(config.policy);
  if (!degraded && window > 0) {
    try {
      const runs = await breakGlassRuns(ctx.githubFacts, ctx.git, reader, head, ctx.now - window - 6e4);
      const memberships = runs.length > 0 ? teamMemberships(await ctx.githubFacts.teamMembers(breakGlassTeams(config.policy))) : /* @__PURE__ */ new Set();
      for (const run of runs) {
        const judged = judgeBreakGlassRun(run, config.policy, branch, memberships);
        if (!("grant" in judged)) ignored.push(judged);
        else if (judged.grant.end > ctx.now) {
          const target = await users.groupAndUser(judged.grant.group, judged.grant.login);
          if (typeof target !== "string") grants.push({ ...judged.grant, userId: target.userId });
          else ignored.push({ run: run.id, why: target });
        }
      }
    } catch (error) {
      if (!(error instanceof GitHubUnavailableError)) throw error;
      degraded = error.message;
      grants = [];
    }
  }
  grants = await ratifiedOrEnded(ctx, { head, branch, config, reader }, grants, ignored);
  if (ctx.breakGlassNow && !grants.some((b) => b.run === ctx.breakGlassNow.run)) {
    const target = await users.groupAndUser(ctx.breakGlassNow.group, ctx.breakGlassNow.login);
    if (typeof target === "string") throw new ConfigError(target);
    grants.push({ ...ctx.breakGlassNow, userId: target.userId });
  }
  return { grants, ignored, degraded };
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
    const verified = await verifyAll(ctx.git, ctx.githubFacts, reader, requests, branch, ctx.now, versions.at, pushGuarantee, recalled);
    const change = ctx.memory && recalled ? memoryChange(ctx.memory, recalled, verified.learned, needed) : void 0;
    return { verified, ...change ? { change } : {} };
  } catch (error) {
    if (!(error instanceof GitHubUnavailableError)) throw error;
    return { degraded: error.message };
  }
}
function joinOutcomes(first, second, outcomes, lagging) {
  const withOutcome = (d) => {
    const o = outcomes.get(d);
    const lag = lagging.get(d);
    return o || lag ? { ...d, ...o, ...lag ? { detail: lag } : {} } : d;
  };
  return first.map((g, i) => ({
    ...g,
    ignored: second[i].ignored,
    dispositions: [...g.dispositions.filter((d) => d.action === "remove"), ...second[i].dispositions].map(withOutcome)
  }));
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
  const remote = (await ctx.git.tryRun(["rev-parse", "--verify", "--quiet", `refs/remotes/origin/${branch.name}`]))?.toString("utf8").trim();
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
  const members = await directory.listMembersOfEachGroup(groups.filter((g) => !g.error).map((g) => g.id));
  for (const g of groups) {
    const listed = members.get(g.id.toLowerCase());
    if (listed instanceof Error) g.error = `${listed.message} Nothing was changed in ${g.name}; the next run tries again.`;
    else g.members = listed ?? [];
  }
  const pimGroups = groups.filter((g) => !g.error && config.policy.groups.get(g.name).backend === "pim");
  if (pimGroups.length > 0) {
    const assignments = await directory.listPimAssignments(pimGroups.map((g) => g.id));
    for (const g of pimGroups) g.pim = new Map((assignments.get(g.id.toLowerCase()) ?? []).map((a) => [a.principalId, a.end]));
  }
  return groups;
}
function planAll(config, groups, requests, phase, breakGlass = []) {
  return groups.map((g) => {
    const policy = config.policy.groups.get(g.name);
    const result = { group: g.name, mode: policy.mode, backend: policy.backend, dispositions: [], ignored: [] };
    if (g.error) return { ...result, error: g.error };
    const active = /* @__PURE__ */ new Map();
    const unverified = /* @__PURE__ */ new Map();
    const ended = /* @__PURE__ */ new Map();
    const add = (map, id, file) => map.set(id, [...map.get(id) ?? [], file]);
    for (const r of requests.filter((x) => x.group === g.name)) {
      if (r.why && r.state !== "active") result.ignored.push({ file: r.file, why: r.why });
      if (!r.userId) {
        if (r.state === "active" && r.why) result.ignored.push({ file: r.file, why: r.why });
        continue;
      }
      if (r.state !== "active") add(ended, r.userId, r.file);
      else if (phase === "unverified" || !r.verification) add(unverified, r.userId, r.file);
      else if (r.verification.approved) add(active, r.userId, r.file);
      else {
        add(ended, r.userId, r.file);
        result.ignored.push({ file: r.file, why: r.verification.reasons.join(" ") });
      }
    }
    for (const b of breakGlass.filter((x) => x.group === g.name)) add(active, b.userId, breakGlassSource(b.run));
    result.dispositions = planGroup({ group: policy, members: g.members, active, unverified, ended });
    if (policy.backend === "pim")
      result.dispositions = withPimEnds(
        result.dispositions,
        g,
        requests,
        breakGlass.filter((b) => b.group === g.name),
        phase === "verified"
      );
    return result;
  });
}
var PIM_END_SLACK_MS = 6e4;
function withPimEnds(dispositions, g, requests, breakGlass, moveExisting) {
  return dispositions.map((d) => {
    if (d.reason !== "active" || d.action !== "add" && (d.action !== "keep" || !moveExisting)) return d;
    const covering = requests.filter((r) => d.files.includes(r.file) && r.request);
    const glass = breakGlass.filter((b) => b.userId === d.id);
    const end = Math.max(...covering.map((r) => r.request.expiresAt), ...glass.map((b) => b.end));
    if (!Number.isFinite(end)) return d;
    const justification = `access-as-code: ${[...covering.map((r) => `${r.file}${r.verification?.pull !== void 0 ? ` (#${r.verification.pull})` : ""}${r.request.ticket ? `, ticket ${r.request.ticket}` : ""}`), ...glass.map((b) => `break-glass by ${b.login}, run ${b.run}`)].join("; ")}`;
    const current = g.pim?.get(d.id);
    const moved = d.action === "keep" && (current === void 0 || current === null || Math.abs(Date.parse(current) - end) > PIM_END_SLACK_MS);
    return { ...d, action: moved ? "update" : d.action, end: new Date(end).toISOString(), justification };
  });
}
async function applyPlanned(ctx, config, plan) {
  const direct = [];
  const pim = [];
  for (const g of plan) {
    const groupId = config.policy.groups.get(g.group).id;
    for (const d of g.dispositions) {
      if (d.action !== "add" && d.action !== "remove" && d.action !== "update") continue;
      if (g.backend === "pim") {
        const action = d.action === "add" ? "adminAssign" : d.action === "update" ? "adminUpdate" : "adminRemove";
        pim.push({
          d,
          change: { action, groupId, principalId: d.id, ...d.end ? { end: d.end } : {}, justification: d.justification ?? `access-as-code: ${d.reason}` }
        });
      } else if (d.action !== "update") direct.push({ d, change: { op: d.action, groupId, memberId: d.id } });
    }
  }
  const applied = /* @__PURE__ */ new Map();
  if (direct.length === 0 && pim.length === 0 || ctx.dryRun) return applied;
  const outcomes = await ctx.directory.apply(direct.map((c) => c.change));
  outcomes.forEach((o, i) => {
    const { d } = direct[i];
    if (!o.done) applied.set(d, { outcome: "failed", detail: `Microsoft Graph did not ${d.action === "add" ? "add" : "remove"} it: ${o.detail}` });
    else if (d.action === "add") applied.set(d, { outcome: o.detail === "already a member" ? "already-member" : "added" });
    else applied.set(d, { outcome: o.detail === "already not a member" ? "already-gone" : "removed" });
  });
  if (pim.length > 0) {
    const answers = await ctx.directory.applyPim(pim.map((c) => c.change));
    answers.forEach((o, i) => {
      const { d } = pim[i];
      if (!o.done) applied.set(d, { outcome: "failed", detail: `PIM did not ${d.action === "remove" ? "end" : "make"} the assignment: ${o.detail}` });
      else if (o.endsAt) applied.set(d, { outcome: "updated", detail: o.detail, end: o.endsAt });
      else
        applied.set(d, {
          outcome: d.action === "add" ? o.detail.startsWith("already assigned") ? "already-member" : "added" : d.action === "update" ? "updated" : o.detail === "already not assigned" ? "already-gone" : "removed"
        });
    });
  }
  await revokeEndedSessions(ctx, config, plan, applied);
  return applied;
}
async function verifyRemovals(ctx, config, plan, applied) {
  const removed = plan.flatMap((g) => g.dispositions.filter((d) => d.type === "user" && applied.get(d)?.outcome === "removed").map((d) => ({ g, d })));
  if (removed.length === 0 || !ctx.directory.transitiveUsers) return;
  const groupIds = [...new Set(removed.map(({ g }) => config.policy.groups.get(g.group).id.toLowerCase()))];
  const nesting = new Set(plan.filter((g) => g.dispositions.some((d) => d.type === "other")).map((g) => config.policy.groups.get(g.group).id.toLowerCase()));
  const nested = groupIds.filter((id) => nesting.has(id));
  const holders = nested.length > 0 ? await ctx.directory.transitiveUsers(nested) : /* @__PURE__ */ new Map();
  const eligible = ctx.directory.pimEligible ? await ctx.directory.pimEligible(groupIds) : /* @__PURE__ */ new Map();
  for (const { g, d } of removed) {
    const id = config.policy.groups.get(g.group).id.toLowerCase();
    const paths = [
      ...holders.get(id)?.has(d.id.toLowerCase()) ? [
        `still holds ${g.group} through a nested group: its direct membership was removed, but a group that is a member of ${g.group} contains them. Remove them from that group, or end its exemption.`
      ] : [],
      ...eligible.get(id)?.has(d.id.toLowerCase()) ? [`can activate ${g.group} again through a PIM for Groups eligibility. End the eligibility in PIM if the access should be gone.`] : []
    ];
    if (paths.length > 0) applied.set(d, { ...applied.get(d), stillHeld: paths.join(" It also ") });
  }
}
async function revokeEndedSessions(ctx, config, plan, applied) {
  const ended = plan.flatMap(
    (g) => config.policy.groups.get(g.group).revokeSessions ? g.dispositions.filter((d) => d.action === "remove" && d.type === "user" && applied.get(d)?.outcome === "removed") : []
  );
  if (ended.length === 0 || !ctx.directory.revokeSessions) return;
  const answers = new Map((await ctx.directory.revokeSessions([...new Set(ended.map((d) => d.id))])).map((a) => [a.userId, a]));
  for (const d of ended) {
    const a = answers.get(d.id);
    applied.set(d, { ...applied.get(d), sessions: a?.done ? "revoked" : `not revoked: ${a?.detail ?? "no answer"}` });
  }
}
async function noteReadLag(ctx, config, plan, applied) {
  const notes = /* @__PURE__ */ new Map();
  const added = plan.flatMap(
    (g) => g.dispositions.filter((d) => applied.get(d)?.outcome === "added").map((d) => ({ d, change: { op: "add", groupId: config.policy.groups.get(g.group).id, memberId: d.id } }))
  );
  if (added.length === 0) return notes;
  const { pending } = await ctx.directory.confirm(
    added.map((a) => a.change),
    { attempts: 3, delayMs: 2e3 }
  );
  for (const a of added) {
    if (pending.some((c) => c.groupId === a.change.groupId && c.memberId === a.change.memberId)) {
      notes.set(
        a.d,
        "Microsoft Graph confirmed the change, but its reads do not show it yet (replication lag); it usually appears within minutes, and nothing needs to be done."
      );
    }
  }
  return notes;
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
async function verifyAll(git, githubFacts, reader, requests, branch, now, configAt, pushGuarantee, memory) {
  const active = requests.filter((r) => (r.state === "active" || r.state === "invalid") && r.userId && r.landing && r.bytes);
  for (const r of requests) if (r.state === "active" && r.userId && !r.landing) r.verification = verifyRequest(evidenceWithout(r, branch, r.judgeAt ?? now));
  const configs = await baseConfigs(active, configAt);
  const landings = new Set(active.map((r) => r.landing.sha));
  const remembered = new Map([...memory?.found ?? []].filter(([sha, e]) => landings.has(sha) && e.chosen.baseRefName === branch));
  const ask = [...landings].filter((sha) => !remembered.has(sha));
  const [{ pulls: fresh, teams }, landed] = await Promise.all([
    githubFacts.pullsOfCommits(ask, teamsOf(active, configs)),
    landedChanges(git, [...new Map(active.map((r) => [r.landing.sha, r.landing])).values()])
  ]);
  const associated = new Map([...fresh, ...[...remembered].map(([sha, e]) => [sha, [e.chosen]])]);
  const { pulls, blobs, chosen } = await pullFacts(githubFacts, reader, active, branch, associated, remembered);
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
      teams,
      pushGuarantee,
      now: r.judgeAt ?? now
    });
  }
  const asking = new Set(ask);
  return {
    remembered: remembered.size,
    asked: ask.length,
    rejected: memory?.rejected ?? [],
    learned: learnedFacts(
      active.filter((r) => asking.has(r.landing.sha)),
      chosen,
      associated,
      pulls,
      blobs
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
  return { pulls: new Map([...known, ...asked.pulls]), blobs: new Map([...knownBlobs, ...local, ...asked.blobs]), chosen };
}
function learnedFacts(requests, chosen, associated, pulls, blobs) {
  const byLanding = /* @__PURE__ */ new Map();
  for (const r of requests) byLanding.set(r.landing.sha, [...byLanding.get(r.landing.sha) ?? [], r]);
  const out = [];
  for (const [landing, rs] of byLanding) {
    const numbers = new Set(rs.map((r) => chosen.get(r)));
    const number = [...numbers][0];
    const pull = number === void 0 ? void 0 : pulls.get(number);
    const ref = (associated.get(landing) ?? []).find((p) => p.number === number);
    if (numbers.size !== 1 || !pull || !ref || !pull.merged || !pull.mergedAt) continue;
    const specs = rs.map((r) => `${pull.headRefOid}:${r.file}`);
    if (!specs.every((s) => blobs.has(s))) continue;
    out.push({ landing, chosen: ref, pull, blobs: Object.fromEntries(specs.map((s) => [s, blobs.get(s)])) });
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
function teamsOf(requests, configs) {
  const teams = /* @__PURE__ */ new Map();
  const note = (o) => {
    if (o?.kind === "team") teams.set(`${o.org}/${o.slug}`.toLowerCase(), { org: o.org, slug: o.slug });
  };
  for (const r of requests) {
    const config = configs.get(r.landing.parents[0] ?? "");
    if (!config || typeof config === "string") continue;
    for (const o of ownersOf(config.codeowners, r.file)) note(o);
    for (const t of requesterTeams(config.policy.groups.get(r.group)?.requesters ?? [])) note(parseOwner(`@${t}`));
  }
  return [...teams.values()];
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
  firstParentLog,
  reconcile,
  verifyAll
};
