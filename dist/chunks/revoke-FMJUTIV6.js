import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  historyChange,
  pointOf,
  readHistory
} from "./chunk-TQVI5X6Q.js";
import {
  applyPlan
} from "./chunk-WLT4OSSL.js";
import {
  reconcile,
  reconcileContext,
  refusedRequest,
  usesSince
} from "./chunk-IB6IPYJU.js";
import {
  DASHBOARD_LOOKBACK_MS,
  verdictFiles
} from "./chunk-NIILGOAS.js";
import "./chunk-VXJK4BJA.js";
import "./chunk-WXKBUTD3.js";
import {
  noticeId,
  rememberEffects,
  runPlan,
  sameEffects
} from "./chunk-GARHCV53.js";
import "./chunk-RQHECHN3.js";
import {
  formatTimestamp
} from "./chunk-K7U5563T.js";
import "./chunk-NVDCARJL.js";
import "./chunk-IBMDKVGE.js";
import "./chunk-WJQAL5O4.js";
import {
  memoryHead
} from "./chunk-OSJQDFGN.js";
import {
  GitHubFacts,
  GitHubUnavailableError
} from "./chunk-GAF3CNPK.js";
import "./chunk-RTSR7ASI.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import {
  inlineCode
} from "./chunk-34OC5ZRV.js";
import {
  exemptionsDue,
  isRemoval
} from "./chunk-22MRAGKW.js";
import "./chunk-TF77OBEX.js";
import {
  ownersOf
} from "./chunk-AVZCSXTZ.js";
import {
  formatDuration
} from "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
import "./chunk-3L3QTXZZ.js";
import "./chunk-3L64JI35.js";
import "./chunk-VCQJW4GH.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import {
  executeEffects
} from "./chunk-ITLW2OLJ.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";

// src/report/status.ts
function statusOf(report, now) {
  const loginOf = /* @__PURE__ */ new Map();
  for (const r of report.requests) if (r.userId && r.requester) loginOf.set(r.userId, r.requester);
  const byFile = new Map(report.requests.map((r) => [r.file, r]));
  const groups = report.groups.map((g) => {
    const members = [];
    for (const d of g.dispositions) {
      if (d.action === "add" && d.outcome !== "added" && d.outcome !== "already-member") continue;
      members.push(rowFor(report, byFile, g, d, loginOf.get(d.id) ?? d.id, now));
    }
    const rank = { active: 0, unverified: 1, ending: 2, standing: 3, drift: 4 };
    members.sort((a, b) => rank[a.holds] - rank[b.holds] || a.who.localeCompare(b.who));
    return { group: g.group, mode: g.mode, backend: g.backend, members, ...g.error ? { error: g.error } : {} };
  });
  return { generatedAt: new Date(now).toISOString(), head: report.head, ...report.degraded ? { degraded: report.degraded } : {}, groups };
}
function rowFor(report, byFile, g, d, who, now) {
  const base = { who, id: d.id, type: d.type };
  const requests = d.files.map((f) => byFile.get(f)).filter((r) => r?.request);
  const latest = requests.sort((a, b) => b.request.expiresAt - a.request.expiresAt)[0];
  const glass = report.breakGlass.filter((b) => b.group === g.group && b.userId === d.id).sort((a, b) => b.end - a.end)[0];
  if (d.reason === "active" && glass && (!latest?.request || latest.request.expiresAt < glass.end)) {
    const until = formatTimestamp(glass.end);
    return {
      ...base,
      who: glass.login,
      holds: "active",
      since: glass.start,
      until,
      file: `break-glass run ${glass.run}`,
      note: `break-glass until ${until} (${formatDuration(Math.max(0, glass.end - now))} left)`
    };
  }
  if (d.reason === "active" || d.reason === "unverified") return requestRow(base, d.reason, latest, now);
  if (d.reason === "standing") {
    const entry = report.config.policy.groups.get(g.group)?.standingEntries.find((s) => s.id.toLowerCase() === d.id);
    return { ...base, holds: "standing", note: entry ? `standing exemption: ${entry.reason} (review by ${entry.review})` : "standing exemption" };
  }
  if (d.reason === "ended") return { ...base, holds: "ending", ...latest ? { file: latest.file } : {}, note: endedNote(latest) };
  return { ...base, holds: "drift", note: g.mode === "audit" ? "no request (audit mode: reported, not removed)" : "no request: removed at the next run" };
}
function endedNote(latest) {
  if (!latest || !refusedRequest(latest)) return `its request ended${latest?.request ? ` at ${latest.request.expires}` : ""}: removed at the next run`;
  const why = latest.verification.reasons.join(" ").replace(/\.$/, "");
  return `its request is not approved${why ? ` (${why})` : ""}: removed at the next run`;
}
function requestRow(base, reason, latest, now) {
  const row = { ...base, holds: reason };
  const request = latest?.request;
  if (latest?.landing) row.since = latest.landing.time;
  if (request?.expires) row.until = request.expires;
  if (latest) row.file = latest.file;
  row.note = reason === "unverified" ? "not verified yet: GitHub could not be read" : `until ${request?.expires}${request ? ` (${formatDuration(Math.max(0, request.expiresAt - now))} left)` : ""}`;
  return row;
}

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
