import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  accessLines,
  heaviest,
  parseGroupAccess
} from "./chunk-VDWJA76S.js";
import {
  codeCell,
  markdownCell
} from "./chunk-34OC5ZRV.js";
import {
  formatDuration
} from "./chunk-LRULQWW5.js";

// src/report/dashboard.ts
var DASHBOARD_LABEL = "access-dashboard";
var DASHBOARD_TITLE = "Access dashboard";
var MARKER = "<!-- access-as-code:dashboard";
var REFRESH_MS = 60 * 6e4;
var MAX_ROWS = 200;
var ISSUE_BODY_LIMIT = 65536;
function blastHeadline(d) {
  if (!d.catalogue) return void 0;
  const weights = new Map(d.catalogue.groups.map((g) => [g.group, heaviest(g)]));
  const standing = d.status.groups.flatMap(
    (g) => (weights.get(g.group) ?? 0) >= 10 ? g.members.filter((m) => m.holds === "standing" || m.holds === "drift" || m.holds === "ending").map((m) => ({ m, w: weights.get(g.group) })) : []
  );
  const users = standing.filter((x) => x.m.type === "user").length;
  const apps = standing.filter((x) => x.m.type === "servicePrincipal").length;
  const exposure = standing.filter((x) => x.m.type !== "other").reduce((n, x) => n + x.w, 0);
  return `**Blast radius:** ${users} standing privileged user${users === 1 ? "" : "s"} and ${apps} app${apps === 1 ? "" : "s"} hold privileged groups around the clock (${(users + apps) * 168} standing privileged hours a week, weighted exposure ${exposure}); the daily access report compares it with the hours used through requests.`;
}
var utc = (ms) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
var cell = markdownCell;
var gantt = (text) => text.replace(/[:#;]/g, " ").trim();
function isDashboard(body) {
  return body.startsWith(MARKER);
}
function renderDashboard(d) {
  for (let rows = MAX_ROWS; ; rows = Math.floor(rows / 2)) {
    const rendered = renderWithRows(d, rows);
    if (rendered.body.length <= ISSUE_BODY_LIMIT || rows <= 1) return rendered;
  }
}
function renderWithRows(d, MAX_ROWS2) {
  const out = [];
  const holders = d.status.groups.flatMap(
    (g) => g.members.filter((m) => m.holds === "active" || m.holds === "unverified").map((m) => ({ group: g.group, ...m }))
  );
  const headline = blastHeadline(d);
  if (headline) out.push(headline, "");
  out.push("### Who holds what until when", "");
  if (holders.length === 0) out.push("Nobody holds access through a request.", "");
  else {
    out.push("```mermaid", "gantt", "    dateFormat YYYY-MM-DD HH:mm", "    axisFormat %d %H:%M");
    for (const g of d.status.groups) {
      const rows = holders.slice(0, MAX_ROWS2).filter((h) => h.group === g.group && h.until);
      if (rows.length === 0) continue;
      out.push(`    section ${gantt(g.group)}`);
      for (const h of rows) out.push(`    ${gantt(h.who)} :active, ${utc(h.since ?? Date.parse(h.until))}, ${utc(Date.parse(h.until))}`);
    }
    out.push("```", "", "| Group | Who | Until | Request |", "|---|---|---|---|");
    for (const h of holders.slice(0, MAX_ROWS2))
      out.push(
        `| ${cell(h.group)} | ${cell(h.who)} | ${h.until ? `${utc(Date.parse(h.until))} UTC` : "not verified yet"} | ${h.file ? codeCell(h.file) : ""} |`
      );
    if (holders.length > MAX_ROWS2) out.push(`| \u2026 | and ${holders.length - MAX_ROWS2} more | | |`);
    out.push("");
  }
  out.push(
    ...configSection(d),
    ...pendingSection(d, MAX_ROWS2),
    ...driftSection(d, MAX_ROWS2),
    ...unreviewedSection(d, MAX_ROWS2),
    ...exemptionSection(d, MAX_ROWS2),
    ...catalogueSection(d.catalogue, MAX_ROWS2),
    ...driftBlock(d)
  );
  if (d.status.degraded) out.push(`**GitHub could not be read in the last sweep**: requests were not verified.`, "");
  const stable = `${MARKER} -->
## ${DASHBOARD_TITLE}

${HEADER_NOTE}

${out.join("\n")}`;
  const swept = `${HEADER_NOTE} Last sweep: ${utc(d.sweptAt)} UTC${d.lateMs !== void 0 ? `, started ${formatDuration(d.lateMs)} after its 15-minute slot` : ""}.`;
  return { body: stable.replace(HEADER_NOTE, swept), stable };
}
var HEADER_NOTE = "Kept up to date by the sweep (access-revoke) from its own facts; edits by hand are overwritten.";
var SWEPT_LINE = /^Kept up to date by the sweep \(access-revoke\) from its own facts; edits by hand are overwritten\. Last sweep: [^\n]*$/m;
function configSection(d) {
  if (!d.configIgnored || d.configIgnored.length === 0) return [];
  const out = [
    "### \u26A0\uFE0F Configuration changes not in force",
    "",
    "These commits changed the access configuration without an approved pull request, so the last approved version is used instead. Make the change again in a pull request the code owners approve.",
    "",
    "| Commit | Files | Why |",
    "|---|---|---|"
  ];
  for (const c of d.configIgnored) out.push(`| ${c.sha.slice(0, 7)} | ${c.files.map(codeCell).join(", ")} | ${codeCell(c.why)} |`);
  return [...out, ""];
}
function pendingSection(d, MAX_ROWS2) {
  const out = ["### Waiting for approval", ""];
  if (d.pending.length === 0) return [...out, "No open pull request changes a request.", ""];
  out.push("| Pull request | Requester | Groups | Code-owner approvals of the latest commit |", "|---|---|---|---|");
  for (const p of d.pending.slice(0, MAX_ROWS2))
    out.push(
      `| #${p.number} | ${cell(p.author)} | ${p.groups.length > 0 ? p.groups.map(cell).join(", ") : "no policy group"} | ${p.approvers.length} of ${p.needed}${p.approvers.length > 0 ? ` (${p.approvers.map(cell).join(", ")})` : ""} |`
    );
  if (d.pending.length > MAX_ROWS2) out.push(`| \u2026 | and ${d.pending.length - MAX_ROWS2} more | | |`);
  out.push(
    "",
    `Approvals by the requester or by anyone not a code owner of the files do not count.${d.teamsUnreadable ? " The code-owner teams could not be read with this token, so their members' approvals are not counted here (the grant reads them with its own token)." : ""}`,
    ""
  );
  return out;
}
function driftSection(d, MAX_ROWS2) {
  const drift = d.status.groups.flatMap(
    (g) => g.members.filter((m) => m.holds === "drift" || m.holds === "ending").map((m) => ({ group: g.group, mode: g.mode, ...m }))
  );
  const out = ["### Drift", ""];
  if (drift.length === 0) return [...out, "Every member has an active request or a standing exemption.", ""];
  out.push("| Group | Member | Why |", "|---|---|---|");
  for (const m of drift.slice(0, MAX_ROWS2))
    out.push(
      `| ${cell(m.group)} | ${cell(m.who)} | ${m.holds === "ending" ? "its request ended" : m.mode === "audit" ? "no request (audit mode: reported, not removed)" : "no request"} |`
    );
  if (drift.length > MAX_ROWS2) out.push(`| \u2026 | and ${drift.length - MAX_ROWS2} more | |`);
  return [...out, ""];
}
function unreviewedSection(d, MAX_ROWS2) {
  if (!d.unreviewed || d.unreviewed.length === 0) return [];
  const out = ["### Break-glass awaiting review", "", "| Review | Who | Group | When |", "|---|---|---|---|"];
  for (const u of d.unreviewed.slice(0, MAX_ROWS2))
    out.push(`| ${u.issue !== void 0 ? `#${u.issue}` : `none (run ${u.run})`} | ${cell(u.login)} | ${cell(u.group)} | ${utc(Date.parse(u.at))} UTC |`);
  if (d.unreviewed.length > MAX_ROWS2) out.push(`| \u2026 | and ${d.unreviewed.length - MAX_ROWS2} more | | |`);
  return [...out, ""];
}
var CATALOGUE_MARKER = "<!-- access-as-code:catalogue ";
var PUBLISHED_PER_GROUP = 50;
function catalogueSection(catalogue, MAX_ROWS2) {
  if (!catalogue) return [];
  const groups = catalogue.groups.map((g) => ({
    ...g,
    // The application's object id is for discover, not for a reviewer.
    confers: g.confers.slice(0, Math.min(PUBLISHED_PER_GROUP, MAX_ROWS2)).map(({ resourceId: _, ...c }) => c)
  }));
  const out = [
    "### What each group confers",
    "",
    "Read from Microsoft Graph by the sweep; the pull-request check shows it to the code owners of each request.",
    ""
  ];
  const everywhere = (groups[0]?.unknown ?? []).filter((u) => groups.every((g) => g.unknown.includes(u)));
  if (everywhere.length > 0) out.push(`Not known for any group: ${everywhere.map(cell).join("; ")}.`, "");
  for (const g of groups) {
    const lines = accessLines({ ...g, unknown: g.unknown.filter((u) => !everywhere.includes(u)) });
    out.push(`**${cell(g.group)}**: ${lines.length === 0 ? "nothing beyond membership itself." : ""}`);
    for (const line of lines) out.push(`- ${cell(line)}`);
    out.push("");
  }
  const data = Buffer.from(JSON.stringify(groups), "utf8").toString("base64url");
  return [...out, `${CATALOGUE_MARKER}${data} -->`, ""];
}
var DRIFT_MARKER = "<!-- access-as-code:drift ";
function driftBlock(d) {
  const pending = d.pending.slice(0, 500).map((p) => ({ number: p.number, author: p.author, groups: p.groups, approvers: p.approvers }));
  const pendingLine = pending.length > 0 ? [`${PENDING_MARKER}${Buffer.from(JSON.stringify(pending), "utf8").toString("base64url")} -->`] : [];
  const drift = d.status.groups.filter((g) => g.mode === "audit").map((g) => ({
    group: g.group,
    members: g.members.filter((m) => m.holds === "drift").map((m) => m.who).slice(0, 500)
  }));
  const driftLine = drift.length > 0 ? [`${DRIFT_MARKER}${Buffer.from(JSON.stringify(drift), "utf8").toString("base64url")} -->`] : [];
  return driftLine.length + pendingLine.length > 0 ? [...driftLine, ...pendingLine, ""] : [];
}
var PENDING_MARKER = "<!-- access-as-code:pending ";
function publishedPending(body) {
  const value = block(body, PENDING_MARKER);
  if (!Array.isArray(value) || value.length > 1e3) return void 0;
  const out = [];
  const strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string").slice(0, 100) : [];
  for (const p of value) {
    if (!p || typeof p.number !== "number" || !Number.isInteger(p.number) || typeof p.author !== "string") return void 0;
    out.push({ number: p.number, author: p.author.slice(0, 39), groups: strings(p.groups), approvers: strings(p.approvers), needed: 0 });
  }
  return out;
}
function publishedDrift(body) {
  const value = block(body, DRIFT_MARKER);
  if (!Array.isArray(value) || value.length > 1e3) return void 0;
  const out = /* @__PURE__ */ new Map();
  for (const g of value) {
    if (!g || typeof g.group !== "string" || !Array.isArray(g.members)) return void 0;
    out.set(
      g.group,
      g.members.filter((m) => typeof m === "string").map((m) => m.slice(0, 128))
    );
  }
  return out;
}
function block(body, marker) {
  const start = body.lastIndexOf(marker);
  if (start < 0) return void 0;
  const end = body.indexOf(" -->", start);
  const data = body.slice(start + marker.length, end < 0 ? void 0 : end);
  if (!/^[A-Za-z0-9_-]+$/.test(data)) return void 0;
  try {
    return JSON.parse(Buffer.from(data, "base64url").toString("utf8"));
  } catch {
    return void 0;
  }
}
function publishedCatalogue(body) {
  const value = block(body, CATALOGUE_MARKER);
  return value === void 0 ? void 0 : parseGroupAccess(value);
}
function exemptionSection(d, MAX_ROWS2) {
  const out = ["### Standing exemptions due for review", ""];
  if (d.exemptionsDue.length === 0) return [...out, "None.", ""];
  out.push("| Group | Member | Reason | Review by |", "|---|---|---|---|");
  for (const e of d.exemptionsDue.slice(0, MAX_ROWS2)) out.push(`| ${cell(e.group)} | ${cell(e.id)} | ${cell(e.reason)} | ${cell(e.review)} |`);
  if (d.exemptionsDue.length > MAX_ROWS2) out.push(`| \u2026 | and ${d.exemptionsDue.length - MAX_ROWS2} more | | |`);
  return [...out, ""];
}
var editedByPerson = (edits) => edits.editor !== null && !edits.editor.bot;
function needsEdit(current, edits, next, now) {
  if (current.replace(SWEPT_LINE, HEADER_NOTE) !== next.stable) return true;
  if (!edits) return true;
  if (editedByPerson(edits)) return true;
  return now - Date.parse(edits.lastEditedAt ?? edits.createdAt) >= REFRESH_MS;
}
var SWEEP_SCHEDULE = { intervalMs: 15 * 6e4, offsetMs: 7 * 6e4 };
function slotLateness(startedAt, schedule = SWEEP_SCHEDULE) {
  return ((startedAt - schedule.offsetMs) % schedule.intervalMs + schedule.intervalMs) % schedule.intervalMs;
}

export {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  REFRESH_MS,
  ISSUE_BODY_LIMIT,
  blastHeadline,
  isDashboard,
  renderDashboard,
  publishedPending,
  publishedDrift,
  publishedCatalogue,
  editedByPerson,
  needsEdit,
  SWEEP_SCHEDULE,
  slotLateness
};
