import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  evaluateApprovals,
  pushersOf,
  reviewsBeforeMerge,
  teamMemberships
} from "./chunk-WY42KRYZ.js";
import {
  CONFIG_PATHS,
  checkAuthor,
  checkOwnerOfChanged,
  judgeRequest,
  loadConfig
} from "./chunk-N5YH5U4J.js";
import {
  localBlobs
} from "./chunk-VBXVWMN2.js";
import {
  isRequestsHousekeeping,
  isUnderRequests,
  outsideRequestScope,
  outsideRequestScopeProblem,
  requestPathProblem
} from "./chunk-KKT3OYJW.js";
import {
  formatDuration
} from "./chunk-WD4VLBT2.js";
import {
  mayRequest
} from "./chunk-TRPAB6JR.js";
import {
  formatOwner,
  ownersOf
} from "./chunk-E4JGT2Z2.js";
import {
  GitHubUnavailableError
} from "./chunk-UV4BBHG6.js";
import {
  ConfigError,
  formatDiagnostic
} from "./chunk-ZFCBOOOX.js";

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
    pushers: pushersOf(pull.commits),
    people: { identities: config.identities, upnIds: e.upnIds ?? /* @__PURE__ */ new Map() }
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

// src/config/approved.ts
var RootMovedError = class extends ConfigError {
  constructor(root, head, branch) {
    super(
      `the root of trust moved: the pinned root commit ${root} (the input root-commit, set from the repository variable ACCESS_ROOT_COMMIT) is not on the first-parent history of ${branch} at ${head.slice(0, 7)}. Someone rewrote ${branch} (a force-push) or merged a new root commit as its first parent, so no configuration on it can be proven approved. Nothing new is granted and this run fails until a person re-pins: a repository administrator checks the history of ${branch}, then sets ACCESS_ROOT_COMMIT (Settings > Secrets and variables > Actions > Variables) to the commit whose configuration is trusted (the new first commit is named by "git rev-list --first-parent --max-parents=0 origin/${branch}"). Ended access is still removed.`
    );
    this.name = "RootMovedError";
  }
};
var ROOT_COMMIT = /^[0-9a-f]{40}$/;
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
function judgeConfigChange(change, before, pull, landed, atHead, branch, pushGuarantee, requestsLanded = []) {
  if (!pull) return `no merged pull request into ${branch} contains it (a direct push, or a merge that bypassed review).`;
  if (!pull.merged || !pull.mergedAt) return `pull request #${pull.number} is not merged.`;
  const mixed = mixedWith(pull, requestsLanded);
  if (mixed)
    return `#${pull.number} also changes ${mixed}: a pull request that changes access requests may change nothing else (the pull-request check refuses it), so a configuration change merged with a request is not in force. Make the configuration change in a pull request of its own.`;
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
    const people = { identities: before.identities, upnIds: /* @__PURE__ */ new Map() };
    const approval = evaluateApprovals({ required, headSha: pull.headRefOid, reviews, owners, requester: author, author, pushers, people });
    if (!approval.ok) {
      const notes = approval.ignored.map((i) => `@${i.reviewer} ${i.why}`).join("; ");
      return `#${pull.number} changes ${f}, which needs ${required} approval${required === 1 ? "" : "s"} of its merged head from code owners of ${f} (${owners.map(formatOwner).join(" ") || "none in the approved CODEOWNERS"}) other than its author and pushers; counted: ${approval.approvers.map((a) => `@${a}`).join(", ") || "none"}${notes ? `. Not counted: ${notes}` : ""}.`;
    }
  }
  return void 0;
}
function mixedWith(pull, requestsLanded) {
  const isRequest = (path) => isUnderRequests(path) && !isRequestsHousekeeping(path);
  return requestsLanded.find(isRequest) ?? pull.files?.map((f) => f.path).find(isRequest);
}
async function requestsLandedBy(git, sha) {
  const out = await git.tryRun(["diff", "--no-renames", "--name-only", "-z", `${sha}^1`, sha, "--", "requests/"]);
  return out ? out.toString("utf8").split("\0").filter((p) => p !== "") : [];
}
async function rootedChanges(git, head, root, order) {
  const changes = await configChanges(git, head);
  if (root === void 0) return changes;
  const at = order.get(root);
  return [{ sha: root, files: [...CONFIG_PATHS] }, ...changes.filter((c) => (order.get(c.sha) ?? -1) > at)];
}
function throwIfPartial(whys) {
  const first = [...whys][0];
  if (first) throw new GitHubUnavailableError(`${first}; which configuration changes are approved cannot be told.`);
}
async function approvedConfigurations(git, reader, githubFacts, head, branch, pushGuarantee, root) {
  const order = new Map(
    (await git.run(["rev-list", "--first-parent", head])).toString("utf8").trim().split("\n").reverse().map((sha, i) => [sha, i])
  );
  if (root !== void 0 && !order.has(root)) throw new RootMovedError(root, head, branch);
  const changes = await rootedChanges(git, head, root, order);
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
    const [root2, ...later] = changes;
    states.push({ index: order.get(root2.sha) ?? 0, sha: root2.sha, versions: await versionsAt(reader, root2.sha) });
    if (later.length > 0) {
      const { pulls: associated, unavailable: commitsUnread } = await githubFacts.pullsOfCommits(later.map((c) => c.sha));
      throwIfPartial(commitsUnread.values());
      const chosen = new Map(later.map((c) => [c.sha, choosePull(c.sha, associated.get(c.sha) ?? [], branch)]));
      const numbers = [...new Set([...chosen.values()].flatMap((p) => p ? [p.number] : []))];
      const blobSpecs = later.flatMap((c) => {
        const p = chosen.get(c.sha);
        return p ? c.files.map((f) => `${p.headRefOid}:${f}`) : [];
      });
      const { local, remote } = await localBlobs(reader, blobSpecs);
      const { pulls, blobs, unavailable } = await githubFacts.pulls(
        numbers.map((number) => ({ number, files: true })),
        remote
      );
      throwIfPartial([...unavailable.pulls.values(), ...unavailable.blobs.values()]);
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
        const why = typeof before === "string" ? before : judgeConfigChange(change, before, pull, landed, atHead, branch, pushGuarantee, await requestsLandedBy(git, change.sha));
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

export {
  choosePull,
  unavailableFor,
  verifyRequest,
  RootMovedError,
  ROOT_COMMIT,
  approvedConfigurations
};
