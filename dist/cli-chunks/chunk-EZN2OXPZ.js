import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GitHubGraph,
  reconcile
} from "./chunk-3BJIXFUZ.js";
import {
  formatTimestamp
} from "./chunk-XVT5NBV2.js";
import {
  formatDuration
} from "./chunk-WD4VLBT2.js";

// src/commands/status.ts
async function status(ctx) {
  const graph = new GitHubGraph(ctx.gh, ctx.repo);
  return statusOf(await reconcile({ git: ctx.git, graph, directory: ctx.directory, now: ctx.now, dryRun: true }), ctx.now);
}
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
function renderStatus(s) {
  const out = [];
  if (s.degraded) out.push(`warning: ${s.degraded}`);
  for (const g of s.groups) {
    out.push(`${g.group} (${g.mode}${g.backend === "pim" ? ", PIM" : ""})`);
    if (g.error) out.push(`  ${g.error}`);
    else if (g.members.length === 0) out.push("  nobody");
    for (const m of g.members) out.push(`  ${m.who.padEnd(24)} ${m.note ?? m.holds}${m.file ? `  ${m.file}` : ""}`);
  }
  return out;
}

export {
  status,
  statusOf,
  renderStatus
};
