import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  choosePull,
  evaluateApprovals,
  pushersOf,
  reviewsBeforeMerge
} from "./chunk-NVXYE22V.js";
import {
  CONFIG_PATHS,
  loadConfig,
  localBlobs
} from "./chunk-3KJ234RC.js";
import {
  isRequestsHousekeeping,
  isUnderRequests
} from "./chunk-5N677O5M.js";
import {
  formatOwner,
  ownersOf
} from "./chunk-E4JGT2Z2.js";
import {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubUnavailableError
} from "./chunk-EHZN36YG.js";
import {
  ConfigError
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
  pushProblems,
  RootMovedError,
  ROOT_COMMIT,
  approvedConfigurations
};
