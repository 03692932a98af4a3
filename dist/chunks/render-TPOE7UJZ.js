import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  percentile,
  renderBlastRadius
} from "./chunk-MVOSEDUJ.js";
import {
  codeCell,
  markdownCell
} from "./chunk-34OC5ZRV.js";
import {
  formatDuration
} from "./chunk-LRULQWW5.js";
import "./chunk-OZ6IWOJH.js";

// src/report/render.ts
var cell = markdownCell;
var utc = (ms) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
function median(values) {
  if (values.length === 0) return void 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function ganttName(text) {
  return text.replace(/[:#;]/g, " ").trim();
}
function renderReport(d) {
  return [
    ...renderHeader(d),
    ...d.blast ? renderBlastRadius(d.blast, cell) : [],
    ...renderGrants(d),
    ...renderStanding(d),
    ...renderBreakGlass(d),
    ...renderOverdue(d),
    ...renderHistory(d.history)
  ].join("\n");
}
function renderHeader(d) {
  const out = ["## Access report", ""];
  const revokeAge = d.lastRevokeRun ? d.generatedAt - Date.parse(d.lastRevokeRun) : void 0;
  const revokeLine = d.lastRevokeRun === void 0 ? d.degraded ? "Last successful sweep: **not known** (GitHub could not be read)." : "Last successful sweep: **none found**. Check that access-revoke.yml is enabled and succeeding." : `Last successful sweep: ${utc(Date.parse(d.lastRevokeRun))} UTC (${formatDuration(revokeAge)} ago)${revokeAge > 2 * d.revokeIntervalMs ? " \u2014 **overdue**: scheduled sweeps are delayed or disabled." : "."}`;
  out.push(`Generated ${utc(d.generatedAt)} UTC. ${revokeLine}`, "");
  if (d.degraded)
    out.push(
      `**GitHub could not be read** (${codeCell(d.degraded)}): requests are not verified, so active grants, granted counts and the last sweep are not shown; members and drift come from Entra.`,
      ""
    );
  return out;
}
function renderGrants(d) {
  const out = ["### Active grants", ""];
  if (d.degraded) return [...out, "Not known: GitHub could not be read, so no request could be verified (see above).", ""];
  if (d.grants.length === 0) return [...out, "Nobody holds access through a request right now.", ""];
  out.push(
    "```mermaid",
    "gantt",
    "    title Active grants (UTC)",
    "    dateFormat YYYY-MM-DD HH:mm",
    "    axisFormat %d %H:%M",
    `    todayMarker stroke-width:2px`
  );
  const byGroup = /* @__PURE__ */ new Map();
  for (const g of d.grants) byGroup.set(g.group, [...byGroup.get(g.group) ?? [], g]);
  for (const [group, grants] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`    section ${ganttName(group)}`);
    for (const g of grants) out.push(`    ${ganttName(g.requester)} :active, ${utc(Date.parse(g.since))}, ${utc(Date.parse(g.expires))}`);
  }
  out.push("```", "", "| Group | Requester | Since | Expires | Ends in | Request |", "|---|---|---|---|---|---|");
  for (const g of [...d.grants].sort((a, b) => a.expires.localeCompare(b.expires))) {
    out.push(
      `| ${cell(g.group)} | ${cell(g.requester)} | ${utc(Date.parse(g.since))} | ${utc(Date.parse(g.expires))} | ${formatDuration(Math.max(0, Date.parse(g.expires) - d.generatedAt))} | ${codeCell(g.file)} |`
    );
  }
  return [...out, ""];
}
function renderStanding(d) {
  const out = [
    "### Standing privilege per group",
    "",
    "Members who hold access without an active request. Zero standing privilege means this column is zero, apart from listed exemptions (break-glass accounts).",
    ""
  ];
  out.push("| Group | Mode | Members | With an active request | Standing exemptions | Without a request (drift) |", "|---|---|---|---|---|---|");
  for (const g of d.groups) {
    if (g.error) out.push(`| ${cell(g.group)} | ${g.mode} | | | | ${codeCell(g.error)} |`);
    else
      out.push(
        `| ${cell(g.group)} | ${g.mode} | ${g.members} | ${g.covered} | ${g.standingExempt} | ${g.drift.length}${g.drift.length ? ` (${g.drift.map(cell).join(", ")})` : ""} |`
      );
  }
  out.push("");
  if (d.exemptionsDue && d.exemptionsDue.length > 0) {
    out.push(
      "**Standing exemptions due for review** (past their review date: renew the date with a reason, or remove the exemption):",
      "",
      "| Group | Member | Reason | Review by |",
      "|---|---|---|---|"
    );
    for (const e of d.exemptionsDue) out.push(`| ${cell(e.group)} | ${cell(e.id)} | ${cell(e.reason)} | ${cell(e.review)} |`);
    out.push("");
  }
  return out;
}
function renderBreakGlass(d) {
  if (d.breakGlassUnknown !== void 0)
    return ["### Break-glass", "", `**Unknown**: the break-glass uses could not be read. ${cell(d.breakGlassUnknown)}`, ""];
  if (!d.breakGlass || d.breakGlass.length === 0) return [];
  const out = [
    "### Break-glass",
    "",
    "Access granted without review first; a code owner reviews each use and closes its issue as completed.",
    "",
    "| Review | Who | Group | When | Reviewed |",
    "|---|---|---|---|---|"
  ];
  for (const b of d.breakGlass)
    out.push(
      `| ${b.issue !== void 0 ? `#${b.issue}` : `none (run ${b.run})`} | ${cell(b.login)} | ${cell(b.group)} | ${utc(Date.parse(b.at))} | ${b.reviewed ? "yes" : "**no, unreviewed**"} |`
    );
  return [...out, ""];
}
function renderOverdue(d) {
  const out = ["### Overdue expiries", ""];
  if (d.overdue.length === 0) return [...out, "None: every expired request has lost its membership.", ""];
  out.push(
    "Requests that expired but whose members are still in the group: the sweep has not run since, or failed.",
    "",
    "| Group | Requester | Expired | Request |",
    "|---|---|---|---|"
  );
  for (const o of d.overdue) out.push(`| ${cell(o.group)} | ${cell(o.requester)} | ${utc(Date.parse(o.expires))} | ${codeCell(o.file)} |`);
  return [...out, ""];
}
function renderHistory(h) {
  const out = [`### The last ${h.days} days`, ""];
  const groups = Object.entries(h.requestsPerGroup).sort(([a], [b]) => a.localeCompare(b));
  if (groups.length === 0) out.push("No requests were merged.", "");
  else
    out.push("| Group | Requests merged | Granted |", "|---|---|---|", ...groups.map(([g, n]) => `| ${cell(g)} | ${n} | ${h.grantedPerGroup[g] ?? 0} |`), "");
  const elev = median(h.elevations.map((e) => e.ms));
  const longest = [...h.elevations].sort((a, b) => b.ms - a.ms)[0];
  out.push(
    `- Elevation of granted requests (merge to expiry or early revoke): ${elev === void 0 ? "no data" : `median ${formatDuration(elev)}, longest ${formatDuration(longest.ms)} (${codeCell(longest.file)})`}.`
  );
  const lat = median(h.approvalLatencies.map((a) => a.ms));
  const slowest = [...h.approvalLatencies].sort((a, b) => b.ms - a.ms)[0];
  out.push(
    `- Approval latency of granted requests (pull request opened to merged): ${lat === void 0 ? "no data" : `median ${formatDuration(lat)}, longest ${formatDuration(slowest.ms)} (#${slowest.pull})`}.`
  );
  out.push("");
  return [...out, ...renderRemovals(h)];
}
function renderRemovals(h) {
  const out = ["#### How late ended access was removed", ""];
  if (h.removals === void 0) return [...out, "Not known: GitHub could not be read, and the times come from its record of workflow runs.", ""];
  if (h.removals.length === 0) return [...out, `No access ended in the last ${h.days} days.`, ""];
  out.push(
    "From the end of each request (expiry, or the merge that deleted it) to the finish of the first successful grant or sweep run that started after it: an upper bound, from the run times GitHub records. Groups with `backend: pim` are ended by Entra at the end time itself. Break-glass uses are not in these counts: the evidence has a row for each, with when it was removed.",
    "",
    "| Group | Ended | p50 late | p95 late | Not yet confirmed | Ended by |",
    "|---|---|---|---|---|---|"
  );
  const late = (ms) => ms === void 0 ? "\u2013" : formatDuration(ms);
  for (const g of h.removals) {
    if (g.enforcedBy === "entra") out.push(`| ${cell(g.group)} | ${g.ended} | on time | on time | 0 | Entra (PIM for Groups) |`);
    else
      out.push(`| ${cell(g.group)} | ${g.ended} | ${late(percentile(g.lateness, 50))} | ${late(percentile(g.lateness, 95))} | ${g.unconfirmed} | the sweep |`);
  }
  if (h.runsCut)
    out.push(
      "",
      "\u26A0\uFE0F The run history is cut: GitHub lists at most 1,000 runs of a filtered listing, and a single second held more. A removal confirmed by a run that was not listed reads as later than it was, or as not yet confirmed."
    );
  out.push("");
  return out;
}
export {
  median,
  renderReport
};
