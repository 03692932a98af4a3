import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reconcileContext
} from "./chunk-UMT23SHI.js";
import {
  statusOf
} from "./chunk-UUNI6KRQ.js";
import {
  historyChange,
  historyDays,
  pointOf
} from "./chunk-WMVN6UCS.js";
import {
  reconcile
} from "./chunk-JL6SKFUM.js";
import {
  memoryHead
} from "./chunk-YMH7ZJTW.js";
import {
  exemptionsDue
} from "./chunk-3VIL4RUE.js";
import {
  formatDuration
} from "./chunk-WD4VLBT2.js";
import {
  ownersOf
} from "./chunk-7K7DDW7P.js";

// src/commands/revoke.ts
async function revoke(ctx) {
  const report = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun }));
  const status = statusOf(report, ctx.now);
  const memoryChange = ctx.memory && !report.dryRun && !report.degraded ? await withHistory(ctx, ctx.memory, report) : report.memoryChange;
  return {
    head: report.head,
    branch: report.branch,
    groups: report.groups,
    reminders: dueReminders(report, ctx.now),
    dryRun: report.dryRun,
    failed: report.failed || report.degraded !== void 0,
    ...report.degraded ? { degraded: report.degraded } : {},
    spend: report.spend,
    ...report.verified ? { verified: report.verified } : {},
    ...memoryChange ? { memoryChange } : {},
    status,
    exemptionsDue: exemptionsDue(report.config.policy, ctx.now).map(({ group, entry }) => ({
      group,
      id: entry.id,
      reason: entry.reason,
      review: entry.review
    })),
    approvals: new Map([...report.config.policy.groups.values()].map((g) => [g.name, g.approvals])),
    ownersOf: (path) => ownersOf(report.config.codeowners, path),
    config: report.config,
    configIgnored: report.configIgnored,
    breakGlassIgnored: report.breakGlassIgnored
  };
}
async function withHistory(ctx, k, report) {
  const change = report.memoryChange;
  const head = change ? change.expectedHead : await memoryHead(ctx.git);
  const history = historyChange(k, await historyDays(ctx.git, head), pointOf(ctx.now, report.groups), ctx.now);
  if (history.files.length === 0 && history.deletions.length === 0) return change;
  return {
    expectedHead: head,
    files: [...change?.files ?? [], ...history.files],
    deletions: [...change?.deletions ?? [], ...history.deletions]
  };
}
function dueReminders(report, now) {
  const due = [];
  for (const r of report.requests) {
    const window = report.config.policy.groups.get(r.group)?.reminderBeforeMs ?? 0;
    const pull = r.verification?.pull;
    if (r.state !== "active" || !r.verification?.approved || !r.request || pull === void 0) continue;
    if (r.request.expiresAt - now <= window)
      due.push({ file: r.file, pull, requester: r.request.requester, group: r.group, expires: r.request.expires, at: r.request.expiresAt });
  }
  return due.sort((a, b) => a.at - b.at || a.file.localeCompare(b.file)).map(({ at: _at, ...r }) => r);
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
  revoke,
  reminderMarker,
  reminderBody
};
