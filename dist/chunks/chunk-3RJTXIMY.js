import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  decideRequest
} from "./chunk-AD66W2PE.js";
import {
  REQUESTS_DIR,
  atCommit,
  isRequestsHousekeeping,
  judgeRequest,
  requesterAt,
  splitRequestPath
} from "./chunk-P7BW3JLQ.js";

// src/reconcile/inventory.ts
function push(map, key, value) {
  map.set(key, [...map.get(key) ?? [], value]);
}
async function inventory(ctx) {
  const result = /* @__PURE__ */ new Map();
  for (const name of ctx.config.policy.groups.keys()) result.set(name, { active: /* @__PURE__ */ new Map(), ended: /* @__PURE__ */ new Map(), ignored: [] });
  const files = atCommit(ctx.git, ctx.head);
  const verdicts = [];
  for (const path of await files.list(REQUESTS_DIR)) {
    if (isRequestsHousekeeping(path)) continue;
    const group = splitRequestPath(path)?.group;
    if (!group || !result.has(group)) continue;
    verdicts.push({ path, group, verdict: judgeRequest(path, await files.read(path), ctx.config, ctx.now, "at-rest") });
  }
  const deleted = await deletedRequests(ctx.git, ctx.head);
  await ctx.users.prefetchGroups([...result.keys()]);
  await ctx.users.prefetchUsers([...verdicts.flatMap((v) => v.verdict.request ? [v.verdict.request.requester] : []), ...deleted.flatMap((d) => d.requester ? [d.requester] : [])]);
  for (const { path, group, verdict } of verdicts) {
    const slot = result.get(group);
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
    const pull = await ctx.pulls.forFile(ctx.head, path);
    push(slot.active, target.userId, { file: path, request, userId: target.userId, pull: pull.number, mergedAt: pull.mergedAt });
  }
  for (const { path, requester } of deleted) {
    const group = splitRequestPath(path)?.group;
    const slot = group ? result.get(group) : void 0;
    if (!slot || !requester) continue;
    const target = await ctx.users.groupAndUser(group, requester);
    if (typeof target !== "string") push(slot.ended, target.userId, path);
  }
  return result;
}
async function deletedRequests(git, head) {
  const out = (await git.run(["log", "--first-parent", "-m", "--diff-filter=D", "--no-renames", "--format=%x00%H", "--name-only", head, "--", `${REQUESTS_DIR}/`])).toString("utf8");
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

export {
  inventory
};
