import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reconcileContext
} from "./chunk-3YBRR53F.js";
import {
  historyChange,
  pointOf,
  readHistory
} from "./chunk-Z2D5KCFL.js";
import {
  reconcile
} from "./chunk-MWQVXUG5.js";
import {
  DASHBOARD_LOOKBACK_MS,
  breakGlassUses,
  verdictFiles
} from "./chunk-PBUMGLFG.js";
import {
  formatTimestamp
} from "./chunk-B6AP5XYV.js";
import {
  exemptionsDue
} from "./chunk-M5VK2URL.js";
import {
  memoryHead
} from "./chunk-MQ6TBSEP.js";
import {
  GitHubFacts,
  GitHubUnavailableError
} from "./chunk-GA7CILCS.js";
import {
  formatDuration
} from "./chunk-LRULQWW5.js";
import {
  ownersOf
} from "./chunk-AVZCSXTZ.js";
import {
  inlineCode
} from "./chunk-34OC5ZRV.js";

// src/report/status.ts
function statusOf(report, now) {
  const loginOf = /* @__PURE__ */ new Map();
  for (const r of report.requests) if (r.userId && r.requester) loginOf.set(r.userId, r.requester);
  const groups = report.groups.map((g) => {
    const members = [];
    for (const d of g.dispositions) {
      if (d.action === "add" && d.outcome !== "added" && d.outcome !== "already-member") continue;
      members.push(rowFor(report, g, d, loginOf.get(d.id) ?? d.id, now));
    }
    const rank = { active: 0, unverified: 1, ending: 2, standing: 3, drift: 4 };
    members.sort((a, b) => rank[a.holds] - rank[b.holds] || a.who.localeCompare(b.who));
    return { group: g.group, mode: g.mode, backend: g.backend, members, ...g.error ? { error: g.error } : {} };
  });
  return { generatedAt: new Date(now).toISOString(), head: report.head, ...report.degraded ? { degraded: report.degraded } : {}, groups };
}
function rowFor(report, g, d, who, now) {
  const base = { who, id: d.id, type: d.type };
  const requests = d.files.map((f) => report.requests.find((r) => r.file === f)).filter((r) => r?.request);
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
  if (d.reason === "ended")
    return {
      ...base,
      holds: "ending",
      ...latest ? { file: latest.file } : {},
      note: `its request ended${latest?.request ? ` at ${latest.request.expires}` : ""}: removed at the next run`
    };
  return { ...base, holds: "drift", note: g.mode === "audit" ? "no request (audit mode: reported, not removed)" : "no request: removed at the next run" };
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

// src/commands/revoke.ts
async function revoke(ctx) {
  const report = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun }));
  const status = statusOf(report, ctx.now);
  const memoryChange = ctx.memory && !report.degraded ? await withVerdicts(ctx, ctx.memory, report, await withHistory(ctx, ctx.memory, report)) : report.memoryChange;
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
  const reader = ctx.git.catFile();
  const recorded = await readHistory(ctx.git, reader, k).finally(() => reader.close());
  const history = historyChange(k, recorded, pointOf(ctx.now, report.groups), ctx.now);
  if (history.files.length === 0 && history.deletions.length === 0) return change;
  return {
    expectedHead: head,
    files: [...change?.files ?? [], ...history.files],
    deletions: [...change?.deletions ?? [], ...history.deletions]
  };
}
async function withVerdicts(ctx, k, report, change) {
  if (![...report.config.policy.groups.values()].some((g) => g.breakGlass)) return change;
  const reader = ctx.git.catFile();
  let files;
  try {
    const uses = await breakGlassUses({
      gh: ctx.gh,
      repo: ctx.repo,
      githubFacts: new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh),
      git: ctx.git,
      reader,
      head: report.head,
      branch: report.branch,
      config: report.config,
      since: ctx.now - DASHBOARD_LOOKBACK_MS,
      resolveUsers: (refs) => ctx.directory.resolveUsers(refs),
      memory: k
    });
    files = verdictFiles(k, uses);
  } catch (error) {
    if (error instanceof GitHubUnavailableError || error.status !== void 0) return change;
    throw error;
  } finally {
    reader.close();
  }
  if (files.length === 0) return change;
  return {
    expectedHead: change ? change.expectedHead : await memoryHead(ctx.git),
    files: [...change?.files ?? [], ...files],
    deletions: change?.deletions ?? []
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
    `Still need it? Open a pull request that changes \`expires\` in ${inlineCode(r.file)}; it is reviewed like a new request. Otherwise nothing to do: the access is removed automatically.`
  ].join("\n");
}

export {
  revoke,
  reminderMarker,
  reminderBody
};
