import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reconcile
} from "./chunk-XGOQDFZI.js";
import {
  GitHubGraph
} from "./chunk-UAB65GID.js";
import {
  exemptionsDue
} from "./chunk-W6UA7JWE.js";
import {
  ownersOf
} from "./chunk-PRSVWJYQ.js";
import {
  formatDuration
} from "./chunk-LRULQWW5.js";
import {
  formatTimestamp
} from "./chunk-KAUG6AWK.js";

// src/commands/status.ts
function statusOf(report, now) {
  const loginOf = /* @__PURE__ */ new Map();
  for (const r of report.requests) if (r.userId && r.requester) loginOf.set(r.userId, r.requester);
  const groups = report.groups.map((g) => {
    const policy = report.config.policy.groups.get(g.group);
    const members = [];
    for (const d of g.dispositions) {
      if (d.action === "add" && d.outcome !== "added" && d.outcome !== "already-member") continue;
      const base = { who: loginOf.get(d.id) ?? d.id, id: d.id, type: d.type };
      const requests = d.files.map((f) => report.requests.find((r) => r.file === f)).filter((r) => r?.request);
      const latest = requests.sort((a, b) => b.request.expiresAt - a.request.expiresAt)[0];
      const glass = report.breakGlass.filter((b) => b.group === g.group && b.userId === d.id).sort((a, b) => b.end - a.end)[0];
      if (d.reason === "active" && glass && (!latest?.request || latest.request.expiresAt < glass.end)) {
        const until = formatTimestamp(glass.end);
        members.push({ ...base, who: glass.login, holds: "active", since: glass.start, until, file: `break-glass run ${glass.run}`, note: `break-glass until ${until} (${formatDuration(Math.max(0, glass.end - now))} left)` });
      } else if (d.reason === "active" || d.reason === "unverified") {
        const until = latest?.request?.expires;
        const left = latest?.request ? ` (${formatDuration(Math.max(0, latest.request.expiresAt - now))} left)` : "";
        members.push({ ...base, holds: d.reason, ...latest?.landing ? { since: latest.landing.time } : {}, ...until ? { until } : {}, ...latest ? { file: latest.file } : {}, ...d.reason === "unverified" ? { note: "not verified yet: GitHub could not be read" } : { note: `until ${until}${left}` } });
      } else if (d.reason === "standing") {
        const entry = policy?.standingEntries.find((s) => s.id.toLowerCase() === d.id);
        members.push({ ...base, holds: "standing", note: entry ? `standing exemption: ${entry.reason} (review by ${entry.review})` : "standing exemption" });
      } else if (d.reason === "ended") {
        members.push({ ...base, holds: "ending", ...latest ? { file: latest.file } : {}, note: `its request ended${latest?.request ? ` at ${latest.request.expires}` : ""}: removed at the next run` });
      } else {
        members.push({ ...base, holds: "drift", note: g.mode === "audit" ? "no request (audit mode: reported, not removed)" : "no request: removed at the next run" });
      }
    }
    const rank = { active: 0, unverified: 1, ending: 2, standing: 3, drift: 4 };
    members.sort((a, b) => rank[a.holds] - rank[b.holds] || a.who.localeCompare(b.who));
    return { group: g.group, mode: g.mode, backend: g.backend, members, ...g.error ? { error: g.error } : {} };
  });
  return { generatedAt: new Date(now).toISOString(), head: report.head, ...report.degraded ? { degraded: report.degraded } : {}, groups };
}

// src/commands/revoke.ts
async function revoke(ctx) {
  const report = await reconcile({ git: ctx.git, graph: new GitHubGraph(ctx.gh, ctx.repo), directory: ctx.directory, now: ctx.now, dryRun: ctx.dryRun, ...ctx.requireCurrentHead ? { requireCurrentHead: true } : {}, ...ctx.memory ? { memory: ctx.memory } : {} });
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
    ...report.memoryChange ? { memoryChange: report.memoryChange } : {},
    status: statusOf(report, ctx.now),
    exemptionsDue: exemptionsDue(report.config.policy, ctx.now).map(({ group, entry }) => ({ group, id: entry.id, reason: entry.reason, review: entry.review })),
    approvals: new Map([...report.config.policy.groups.values()].map((g) => [g.name, g.approvals])),
    ownersOf: (path) => ownersOf(report.config.codeowners, path),
    config: report.config,
    configIgnored: report.configIgnored
  };
}
function dueReminders(report, now) {
  const due = [];
  for (const r of report.requests) {
    const window = report.config.policy.groups.get(r.group)?.reminderBeforeMs ?? 0;
    const pull = r.verification?.pull;
    if (r.state !== "active" || !r.verification?.approved || !r.request || pull === void 0) continue;
    if (r.request.expiresAt - now <= window) due.push({ file: r.file, pull, requester: r.request.requester, group: r.group, expires: r.request.expires });
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
  revoke,
  reminderMarker,
  reminderBody
};
