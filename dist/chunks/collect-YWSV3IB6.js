import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  inventory
} from "./chunk-3RJTXIMY.js";
import {
  PullFinder,
  UserResolver,
  decideRequest
} from "./chunk-AD66W2PE.js";
import {
  atCommit,
  judgeRequest,
  loadConfig,
  splitRequestPath
} from "./chunk-P7BW3JLQ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-7XIZWMDY.js";
import {
  lastSuccessfulRun
} from "./chunk-U46DJNTG.js";
import "./chunk-OZ6IWOJH.js";

// src/report/collect.ts
var SWEEP_INTERVAL_MS = 15 * 6e4;
async function collectReport(ctx) {
  const config = await loadConfig(atCommit(ctx.git, ctx.head));
  const users = new UserResolver(config, ctx.directory);
  const pulls = new PullFinder(ctx.gh, ctx.repo, ctx.git);
  const requests = await inventory({ git: ctx.git, gh: ctx.gh, pulls, users, config, head: ctx.head, now: ctx.now });
  const grants = [];
  const groups = [];
  const overdue = [];
  const files = atCommit(ctx.git, ctx.head);
  const usable = [];
  for (const group of config.policy.groups.values()) if (typeof await users.group(group.name) !== "string") usable.push(group.id);
  const membersOf = await ctx.directory.listMembersOfGroups(usable);
  for (const group of config.policy.groups.values()) {
    const slot = requests.get(group.name);
    for (const list of slot.active.values()) for (const a of list) grants.push({ group: group.name, requester: a.request.requester, file: a.file, since: a.mergedAt, expires: a.request.expires });
    const usable2 = await users.group(group.name);
    if (typeof usable2 === "string") {
      groups.push({ group: group.name, mode: group.mode, members: 0, covered: 0, standingExempt: 0, drift: [], error: usable2 });
      continue;
    }
    const members = (membersOf.get(group.id) ?? []).map((m) => m.id);
    const standing = new Set(group.standing);
    const covered = members.filter((id) => slot.active.has(id));
    const exempt = members.filter((id) => !slot.active.has(id) && standing.has(id));
    const drift = members.filter((id) => !slot.active.has(id) && !standing.has(id));
    groups.push({ group: group.name, mode: group.mode, members: members.length, covered: covered.length, standingExempt: exempt.length, drift });
    for (const id of drift) {
      for (const path of slot.ended.get(id) ?? []) {
        const request = judgeRequest(path, await files.read(path), config, ctx.now, "at-rest").request;
        if (request && request.expiresAt < ctx.now - SWEEP_INTERVAL_MS) overdue.push({ group: group.name, requester: request.requester, file: path, expires: request.expires });
      }
    }
  }
  const lastSweep = await lastSuccessfulRun(ctx.gh, ctx.repo, ctx.sweepWorkflow ?? "access-revoke.yml");
  return { generatedAt: ctx.now, lastSweep, sweepIntervalMs: SWEEP_INTERVAL_MS, grants, groups, overdue, history: await history(ctx, config, pulls) };
}
async function history(ctx, config, pulls) {
  const days = ctx.days ?? 30;
  const since = ctx.now - days * 864e5;
  const out = (await ctx.git.run(["log", "--first-parent", "-m", "--diff-filter=A", "--no-renames", `--since=${Math.floor(since / 1e3)}`, "--format=%x00%H %ct", "--name-only", ctx.head, "--", "requests/"])).toString("utf8");
  const result = { days, requestsPerGroup: {}, grantedPerGroup: {}, elevations: [], approvalLatencies: [] };
  const seenPulls = /* @__PURE__ */ new Set();
  for (const block of out.split("\0").filter((b) => b.trim() !== "")) {
    const [header, ...paths] = block.split("\n").filter(Boolean);
    const [commit, seconds] = header.split(" ");
    const mergedAt = Number(seconds) * 1e3;
    for (const path of paths) {
      const group = splitRequestPath(path)?.group;
      if (!group || !config.policy.groups.has(group)) continue;
      result.requestsPerGroup[group] = (result.requestsPerGroup[group] ?? 0) + 1;
      const decision = await decideRequest({ gh: ctx.gh, after: commit, now: mergedAt }, config, atCommit(ctx.git, `${commit}^1`), atCommit(ctx.git, commit), pulls, path, "added");
      if (!decision.approved) continue;
      result.grantedPerGroup[group] = (result.grantedPerGroup[group] ?? 0) + 1;
      const request = decision.request;
      if (request) {
        const deleted = (await ctx.git.run(["log", "--first-parent", "-m", "--diff-filter=D", "--format=%ct", `${commit}..${ctx.head}`, "--", path])).toString("utf8").trim().split("\n").filter(Boolean).map((s) => Number(s) * 1e3);
        const end = Math.min(request.expiresAt, ctx.now, ...deleted);
        if (end > mergedAt) result.elevations.push({ file: path, ms: end - mergedAt });
      }
      const pull = await pulls.forFile(commit, path);
      if (pull && !seenPulls.has(pull.number)) {
        seenPulls.add(pull.number);
        result.approvalLatencies.push({ pull: pull.number, ms: Date.parse(pull.mergedAt) - Date.parse(pull.createdAt) });
      }
    }
  }
  return result;
}
export {
  collectReport
};
