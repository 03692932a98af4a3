import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  refusedRequest
} from "./chunk-BGTKMKHD.js";
import {
  formatTimestamp
} from "./chunk-VDAHEZ3L.js";
import {
  formatDuration
} from "./chunk-WD4VLBT2.js";

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

export {
  statusOf
};
