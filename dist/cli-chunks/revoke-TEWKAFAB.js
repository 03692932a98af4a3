import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  statusOf
} from "./chunk-5DPYENFH.js";
import {
  applyPlan,
  noticeId,
  rememberEffects
} from "./chunk-V3NA62BB.js";
import {
  executeEffects,
  runPlan,
  sameEffects
} from "./chunk-RIM4G4VC.js";
import {
  reconcileContext,
  usesSince
} from "./chunk-MVIASLVO.js";
import {
  DASHBOARD_LOOKBACK_MS,
  verdictFiles
} from "./chunk-K5JN7UWX.js";
import {
  reconcile
} from "./chunk-BGTKMKHD.js";
import "./chunk-EN2B5PZV.js";
import "./chunk-TRFC2FJS.js";
import "./chunk-NVXYE22V.js";
import "./chunk-6243XALH.js";
import {
  historyChange,
  pointOf,
  readHistory
} from "./chunk-UKI6ZW3E.js";
import {
  memoryHead
} from "./chunk-IRVF5XU5.js";
import "./chunk-NXBOCEVI.js";
import "./chunk-VDAHEZ3L.js";
import "./chunk-3KJ234RC.js";
import "./chunk-5N677O5M.js";
import {
  inlineCode
} from "./chunk-GUX3DBMW.js";
import "./chunk-TRPAB6JR.js";
import {
  ownersOf
} from "./chunk-E4JGT2Z2.js";
import {
  exemptionsDue,
  isRemoval
} from "./chunk-6M5K6QUR.js";
import "./chunk-JZPP4HP7.js";
import {
  formatDuration
} from "./chunk-WD4VLBT2.js";
import "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import "./chunk-XP3LFAPK.js";
import {
  GitHubFacts,
  GitHubUnavailableError
} from "./chunk-EHZN36YG.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-JTSEDNRQ.js";
import "./chunk-425VGJGT.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

// src/notices/reminders.ts
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
    `Still need it? Open a pull request that changes \`expires\` in ${inlineCode(r.file)}; it is reviewed like a new request. Otherwise nothing to do: the access is removed automatically.`
  ].join("\n");
}

// src/notices/revoke.ts
function revokeEffects(report, now) {
  const effects = [];
  for (const r of report.reminders) {
    const marker = reminderMarker(r);
    const id = `reminder:#${r.pull}:${r.file}:${r.expires}`;
    effects.push({ id, kind: "reminder", pull: r.pull, marker, body: reminderBody(r, now), reason: `${r.file} ends at ${r.expires}` });
    const event = { kind: "reminder", group: r.group, who: r.requester, until: r.expires, pull: r.pull };
    effects.push({ id: noticeId(event), kind: "notice", event, reason: `reminder for ${r.file}`, after: id });
  }
  const removals = new Map(report.changes.filter(isRemoval).map((c) => [`${c.group}:${c.member}`, c.id]));
  for (const g of report.groups) {
    for (const d of g.dispositions.filter((x) => x.action === "remove")) {
      const event = {
        kind: "removed",
        group: g.group,
        who: report.names.get(`${g.group}:${d.id}`) ?? d.id,
        why: d.reason === "drift" ? "drift" : "ended",
        ...d.files[0] ? { file: d.files[0] } : {}
      };
      const after = removals.get(`${g.group}:${d.id}`);
      effects.push({ id: noticeId(event), kind: "notice", event, reason: `${d.id} removed from ${g.group} (${d.reason})`, ...after ? { after } : {} });
    }
  }
  return effects;
}

// src/commands/revoke.ts
async function planRevoke(ctx, extra) {
  const reconciled = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun }));
  const remembering = ctx.memory && !reconciled.degraded;
  const memory = {
    ...remembering ? { history: await recordedHistory(ctx, ctx.memory) } : {},
    verdicts: remembering ? await verdictsToRecord(ctx, ctx.memory, reconciled) : []
  };
  const base = await memoryHead(ctx.git);
  const report = revokeReport(ctx, reconciled, memory, base);
  const wording = extra ? await extra(report) : () => [];
  return { plan: runPlan(reconciled, effectsOf(report, ctx.now, wording)), report, reconciled, memory, extra: wording, now: ctx.now, memoryBase: base };
}
async function applyRevoke(planned, ctx, ports) {
  if (planned.report.dryRun) return { report: planned.report, outcomes: { changes: [], effects: [], checks: [] } };
  const applied = await applyPlan(ctx.directory, planned.reconciled);
  const report = revokeReport(ctx, applied, planned.memory, planned.memoryBase);
  const effects = sameEffects(planned.plan.effects, effectsOf(report, planned.now, planned.extra));
  const made = await executeEffects(effects, ports, { changes: applied.outcomes });
  return { report, outcomes: { changes: [...applied.outcomes.values()], effects: made, checks: [...applied.checkOutcomes.values()] } };
}
function effectsOf(report, now, extra) {
  const names = new Map(report.status.groups.flatMap((g) => g.members.map((m) => [`${g.group}:${m.id}`, m.who])));
  return [...rememberEffects(report.memoryChange), ...revokeEffects({ ...report, names }, now), ...extra(report)];
}
function revokeReport(ctx, report, memory, memoryBase) {
  const memoryChange = ctx.memory && !report.degraded ? withMemory(ctx.memory, report, memory, ctx.now, memoryBase) : report.memoryChange;
  return {
    head: report.head,
    branch: report.branch,
    groups: report.groups,
    changes: report.changes,
    changeOutcomes: report.outcomes,
    reminders: dueReminders(report, ctx.now),
    dryRun: report.dryRun,
    failed: report.failed || report.degraded !== void 0,
    ...report.degraded ? { degraded: report.degraded } : {},
    spend: report.spend,
    ...report.verified ? { verified: report.verified } : {},
    ...memoryChange ? { memoryChange } : {},
    status: statusOf(report, ctx.now),
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
    breakGlassIgnored: report.breakGlassIgnored,
    sessionsUnknown: report.sessionsUnknown
  };
}
function withMemory(k, report, memory, now, memoryBase) {
  const change = report.memoryChange;
  const history = memory.history ? historyChange(k, memory.history, pointOf(now, report.groups), now) : { files: [], deletions: [] };
  const files = [...change?.files ?? [], ...history.files, ...memory.verdicts];
  const deletions = [...change?.deletions ?? [], ...history.deletions];
  if (!change && files.length === 0 && deletions.length === 0) return void 0;
  return { expectedHead: change ? change.expectedHead : memoryBase, files, deletions };
}
async function recordedHistory(ctx, k) {
  const reader = ctx.git.catFile();
  return readHistory(ctx.git, reader, k).finally(() => reader.close());
}
async function verdictsToRecord(ctx, k, report) {
  if (![...report.config.policy.groups.values()].some((g) => g.breakGlass)) return [];
  const reader = ctx.git.catFile();
  try {
    const uses = await usesSince({ ...ctx, memory: k }, new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh), reader, report, ctx.now - DASHBOARD_LOOKBACK_MS);
    return verdictFiles(k, uses);
  } catch (error) {
    if (error instanceof GitHubUnavailableError || error.status !== void 0) return [];
    throw error;
  } finally {
    reader.close();
  }
}
export {
  applyRevoke,
  planRevoke
};
