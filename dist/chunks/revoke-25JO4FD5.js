import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PullFinder,
  UserResolver,
  decideRequest
} from "./chunk-CS3GLMJA.js";
import {
  REQUESTS_DIR,
  atCommit,
  formatDuration,
  isRequestsHousekeeping,
  judgeRequest,
  loadConfig,
  requesterAt,
  splitRequestPath
} from "./chunk-SZANTY2T.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-NYKA64BI.js";
import "./chunk-OZ6IWOJH.js";

// src/reconcile/inventory.ts
function push(map, key, value) {
  map.set(key, [...map.get(key) ?? [], value]);
}
async function inventory(ctx) {
  const result = /* @__PURE__ */ new Map();
  for (const name of ctx.config.policy.groups.keys()) result.set(name, { active: /* @__PURE__ */ new Map(), ended: /* @__PURE__ */ new Map(), ignored: [] });
  const files = atCommit(ctx.git, ctx.head);
  for (const path of await files.list(REQUESTS_DIR)) {
    if (isRequestsHousekeeping(path)) continue;
    const group = splitRequestPath(path)?.group;
    const slot = group ? result.get(group) : void 0;
    if (!slot) continue;
    const verdict = judgeRequest(path, await files.read(path), ctx.config, ctx.now, "at-rest");
    const request = verdict.request;
    if (!request) {
      slot.ignored.push({ file: path, why: "not a readable request" });
      continue;
    }
    const target = await ctx.users.groupAndUser(group, request.requester);
    if (typeof target === "string") {
      slot.ignored.push({ file: path, why: target });
      continue;
    }
    if (request.expiresAt <= ctx.now) {
      push(slot.ended, target.userId, path);
      continue;
    }
    const decision = await decideRequest({ gh: ctx.gh, after: ctx.head, now: ctx.now }, ctx.config, files, files, ctx.pulls, path, "added");
    if (!verdict.valid || !decision.approved) {
      push(slot.ended, target.userId, path);
      slot.ignored.push({ file: path, why: decision.reasons.join(" ") || "not valid" });
      continue;
    }
    push(slot.active, target.userId, { file: path, request, userId: target.userId, pull: decision.pull });
  }
  for (const { path, requester } of await deletedRequests(ctx.git, ctx.head)) {
    const group = splitRequestPath(path)?.group;
    const slot = group ? result.get(group) : void 0;
    if (!slot || !requester) continue;
    const target = await ctx.users.groupAndUser(group, requester);
    if (typeof target !== "string") push(slot.ended, target.userId, path);
  }
  return result;
}
async function deletedRequests(git, head) {
  const out = (await git.run(["log", "--diff-filter=D", "--no-renames", "--format=%x00%H", "--name-only", head, "--", `${REQUESTS_DIR}/`])).toString("utf8");
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  for (const block of out.split("\0").filter((b) => b.trim() !== "")) {
    const [commit, ...paths] = block.split("\n").filter(Boolean);
    const parent = atCommit(git, `${commit}^`);
    for (const path of paths) {
      if (seen.has(path)) continue;
      seen.add(path);
      const requester = await requesterAt(parent, path);
      found.push({ path, ...requester ? { requester } : {} });
    }
  }
  return found;
}

// src/reconcile/sweep.ts
function planGroupSweep(facts) {
  const standing = new Set(facts.group.standing);
  return facts.members.map((m) => {
    const id = m.id.toLowerCase();
    if (standing.has(id)) return { id, type: m.type, action: "keep", reason: "standing", files: [] };
    const active = facts.active.get(id);
    if (active && active.length > 0) return { id, type: m.type, action: "keep", reason: "active", files: [...active] };
    const ended = facts.ended.get(id);
    if (ended && ended.length > 0) return { id, type: m.type, action: "remove", reason: "ended", files: [...ended] };
    return { id, type: m.type, action: facts.group.mode === "enforce" ? "remove" : "report", reason: "drift", files: [] };
  });
}

// src/commands/revoke.ts
async function revoke(ctx) {
  const config = await loadConfig(atCommit(ctx.git, ctx.head));
  const users = new UserResolver(config, ctx.directory);
  const pulls = new PullFinder(ctx.gh, ctx.repo, ctx.git);
  const requests = await inventory({ git: ctx.git, gh: ctx.gh, pulls, users, config, head: ctx.head, now: ctx.now });
  let failed = false;
  const groups = [];
  const removals = [];
  for (const group of config.policy.groups.values()) {
    const slot = requests.get(group.name);
    const sweep = { group: group.name, mode: group.mode, dispositions: [], ignored: slot.ignored };
    groups.push(sweep);
    const usable = await users.group(group.name);
    if (typeof usable === "string") {
      sweep.error = usable;
      failed = true;
      continue;
    }
    const members = await ctx.directory.listMembers(group.id);
    const active = new Map([...slot.active].map(([id, list]) => [id, list.map((a) => a.file)]));
    sweep.dispositions = planGroupSweep({ group, members, active, ended: slot.ended });
    sweep.dispositions.forEach((d, index) => {
      if (d.action === "remove") removals.push({ sweep, index, change: { op: "remove", groupId: group.id, memberId: d.id } });
    });
  }
  if (!ctx.dryRun && removals.length > 0) {
    const outcomes = await ctx.directory.apply(removals.map((r) => r.change));
    outcomes.forEach((o, i) => {
      const d = removals[i].sweep.dispositions[removals[i].index];
      d.outcome = !o.done ? "failed" : o.detail === "already not a member" ? "already-gone" : "removed";
      d.detail = o.done ? o.detail : `Microsoft Graph did not remove it: ${o.detail}`;
      if (!o.done) failed = true;
    });
  }
  return { groups, reminders: dueReminders(config.policy.groups, requests, ctx.now), dryRun: ctx.dryRun, failed };
}
function dueReminders(policy, requests, now) {
  const due = [];
  for (const [group, slot] of requests) {
    const window = policy.get(group)?.reminderBeforeMs ?? 0;
    for (const list of slot.active.values()) {
      for (const a of list) {
        if (a.request.expiresAt - now <= window) due.push({ file: a.file, pull: a.pull, requester: a.request.requester, group, expires: a.request.expires });
      }
    }
  }
  return due;
}
function reminderMarker(r) {
  return `<!-- access-as-code:reminder:${r.file}:${r.expires} -->`;
}
function reminderBody(r, now) {
  const left = formatDuration(Math.max(0, Date.parse(r.expires) - now));
  return [
    reminderMarker(r),
    `@${r.requester}, your membership of **${r.group}** ends at ${r.expires} (in about ${left}).`,
    "",
    `Still need it? Open a pull request that changes \`expires\` in \`${r.file}\`; it is reviewed like a new request. Otherwise nothing to do: the access is removed automatically.`
  ].join("\n");
}
export {
  reminderBody,
  reminderMarker,
  revoke
};
