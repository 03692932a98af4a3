import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  inventory
} from "./chunk-3RJTXIMY.js";
import {
  PullFinder,
  UserResolver
} from "./chunk-AD66W2PE.js";
import {
  atCommit,
  loadConfig
} from "./chunk-P7BW3JLQ.js";
import {
  formatDuration
} from "./chunk-LRULQWW5.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-U46DJNTG.js";
import "./chunk-OZ6IWOJH.js";

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
  const usable = [];
  for (const group of config.policy.groups.values()) {
    const sweep = { group: group.name, mode: group.mode, dispositions: [], ignored: requests.get(group.name).ignored };
    groups.push(sweep);
    const entra = await users.group(group.name);
    if (typeof entra === "string") {
      sweep.error = entra;
      failed = true;
    } else usable.push(group.id);
  }
  const membersOf = await ctx.directory.listMembersOfGroups(usable);
  for (const sweep of groups) {
    if (sweep.error) continue;
    const group = config.policy.groups.get(sweep.group);
    const slot = requests.get(group.name);
    const active = new Map([...slot.active].map(([id, list]) => [id, list.map((a) => a.file)]));
    sweep.dispositions = planGroupSweep({ group, members: membersOf.get(group.id) ?? [], active, ended: slot.ended });
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
