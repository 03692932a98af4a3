import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/report/lateness.ts
function endings(versions, deletions, since, now) {
  const byFile = /* @__PURE__ */ new Map();
  for (const v of versions) byFile.set(v.file, [...byFile.get(v.file) ?? [], v]);
  const spans = [];
  for (const list of byFile.values()) {
    list.sort((a, b) => a.landed - b.landed);
    list.forEach((v, i) => {
      if (!v.approved) return;
      const next = list[i + 1];
      const deleted = (deletions.get(v.file) ?? []).filter((t) => t > v.landed && (next === void 0 || t <= next.landed));
      let end = Math.min(v.expiresAt, ...deleted);
      let ends = true;
      if (next && next.landed <= end) {
        end = next.landed;
        ends = !next.approved;
      }
      if (end > v.landed) spans.push({ v, end, ends });
    });
  }
  const out = [];
  for (const s of spans) {
    if (!s.ends || s.end < since || s.end > now) continue;
    const covered = spans.some(
      (o) => o !== s && o.v.group === s.v.group && o.v.requester.toLowerCase() === s.v.requester.toLowerCase() && o.v.landed <= s.end && o.end > s.end
    );
    if (!covered) out.push({ group: s.v.group, file: s.v.file, requester: s.v.requester, at: s.end });
  }
  return out.sort((a, b) => a.at - b.at);
}
function removalLateness(ended, runs, endsItself) {
  const sorted = [...runs].sort((a, b) => a.startedAt - b.startedAt);
  const groups = /* @__PURE__ */ new Map();
  for (const e of ended) {
    const enforcedBy = endsItself.get(e.group) ? "entra" : "sweep";
    const g = groups.get(e.group) ?? { group: e.group, enforcedBy, ended: 0, lateness: [], unconfirmed: 0 };
    groups.set(e.group, g);
    g.ended++;
    if (enforcedBy === "entra") continue;
    const run = sorted.find((r) => r.startedAt >= e.at);
    if (run) g.lateness.push(Math.max(0, run.completedAt - e.at));
    else g.unconfirmed++;
  }
  return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group));
}
function percentile(values, p) {
  if (values.length === 0) return void 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p / 100 * sorted.length) - 1)];
}

// src/report/blast-radius.ts
function standingByWeek(weeks, now, points, groups) {
  const out = [];
  for (let w = 0; w < weeks; w++) {
    const end = now - w * 7 * DAY;
    const inWeek = points.filter((p) => Date.parse(p.at) <= end && Date.parse(p.at) > end - 7 * DAY).sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
    out.push(inWeek ? inWeek.groups.filter((g) => groups.has(g.group)).reduce((n, g) => n + g.users + g.apps, 0) : void 0);
  }
  return out;
}
function weeklyTrend(weeks, now, exemptionsAt, grants, standingAt = []) {
  const out = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const end = now - w * 7 * DAY;
    const start = end - 7 * DAY;
    let hours = 0;
    for (const g of grants) {
      const from = Math.max(Date.parse(g.grantedAt), start);
      const stop = Date.parse(g.endedAt || g.plannedEnd);
      const to = Math.min(Number.isNaN(stop) ? now : stop, end, now);
      if (!Number.isNaN(from) && to > from) hours += (to - from) / HOUR;
    }
    const exemptions = exemptionsAt[w];
    const standing = standingAt[w];
    out.push({
      weekEnding: new Date(end).toISOString().slice(0, 10),
      ...exemptions !== void 0 ? { standingExemptions: exemptions } : {},
      ...standing !== void 0 ? { standingMembers: standing } : {},
      elevatedHours: Math.round(hours * 10) / 10
    });
  }
  return out;
}
var HOUR = 36e5;
var DAY = 24 * HOUR;
function blastRadius(groups, weights, grants, now, unknown = /* @__PURE__ */ new Set()) {
  const within = (days, g) => {
    const from = Math.max(Date.parse(g.grantedAt), now - days * DAY);
    const end = Date.parse(g.endedAt || g.plannedEnd);
    const to = Math.min(Number.isNaN(end) ? now : end, now);
    return Number.isNaN(from) || to <= from ? 0 : (to - from) / HOUR;
  };
  const rows = groups.map((g) => {
    const weight = weights.get(g.group) ?? 0;
    const mine = grants.filter((x) => x.group === g.group);
    const sum = (days) => Math.round(mine.reduce((n, x) => n + within(days, x), 0) * 10) / 10;
    const standing = g.standingUsers + g.standingApps;
    return {
      group: g.group,
      weight,
      standingUsers: g.standingUsers,
      standingApps: g.standingApps,
      standingHoursPerWeek: weight >= 10 ? standing * 168 : 0,
      elevatedHours: { d7: sum(7), d30: sum(30), d90: sum(90) },
      exposure: standing * weight,
      ...unknown.has(g.group) ? { unknown: true } : {}
    };
  });
  const add = (f, privilegedOnly = false) => Math.round(rows.filter((r) => !privilegedOnly || r.weight >= 10).reduce((n, r) => n + f(r), 0) * 10) / 10;
  return {
    rows,
    total: {
      standingUsers: add((r) => r.standingUsers, true),
      standingApps: add((r) => r.standingApps, true),
      standingHoursPerWeek: add((r) => r.standingHoursPerWeek),
      elevatedHours: { d7: add((r) => r.elevatedHours.d7), d30: add((r) => r.elevatedHours.d30), d90: add((r) => r.elevatedHours.d90) },
      exposure: add((r) => r.exposure)
    }
  };
}
var reach = (w, unknown) => w >= 100 ? "control of the tenant" : w >= 10 ? `privileged${unknown ? " (at least)" : ""}` : unknown ? "not known" : "not privileged";
function besides(rows, cell) {
  const members = (r) => r.standingUsers + r.standingApps;
  const elsewhere = rows.filter((r) => r.weight < 10 && !r.unknown).reduce((n, r) => n + members(r), 0);
  const unread = rows.filter((r) => r.weight < 100 && r.unknown && members(r) > 0);
  const uncounted = unread.reduce((n, r) => n + members(r), 0);
  return [
    elsewhere > 0 ? ` Besides, ${elsewhere} standing member${elsewhere === 1 ? " holds" : "s hold"} groups that are not privileged (the table lists them).` : "",
    unread.length > 0 ? ` **Not known in full:** what ${unread.map((r) => cell(r.group)).join(", ")} ${unread.length === 1 ? "leads" : "lead"} to could not be read (the reads were refused; the catalogue's notes say which), so ${uncounted} standing member${uncounted === 1 ? " is" : "s are"} not counted as privileged and these figures may be low.` : ""
  ].join("");
}
function renderBlastRadius(b, cell) {
  const t = b.total;
  const out = [
    "### Blast radius",
    "",
    `**${t.standingUsers} standing privileged user${t.standingUsers === 1 ? "" : "s"}** and **${t.standingApps} app${t.standingApps === 1 ? "" : "s"}** (service principals) hold privileged groups around the clock: ${t.standingHoursPerWeek} standing privileged hours a week, against ${b.elevatedUnknown ? "hours elevated through requests and break-glass that are not known (GitHub could not be read)" : `${t.elevatedHours.d7} hours elevated through requests and break-glass in the last 7 days (${t.elevatedHours.d30} in 30, ${t.elevatedHours.d90} in 90)`}. Weighted exposure: ${t.exposure} (a path to control of the tenant counts 100 per member, other privileged access 10).${besides(b.rows, cell)}`,
    "",
    "| Group | Leads to | Standing users | Standing apps | Standing privileged h/week | Elevated h, 7 / 30 / 90 days | Exposure |",
    "|---|---|---|---|---|---|---|"
  ];
  for (const r of b.rows)
    out.push(
      `| ${cell(r.group)} | ${reach(r.weight, r.unknown)} | ${r.standingUsers} | ${r.standingApps} | ${r.standingHoursPerWeek} | ${b.elevatedUnknown ? "not known" : `${r.elevatedHours.d7} / ${r.elevatedHours.d30} / ${r.elevatedHours.d90}`} | ${r.exposure} |`
    );
  out.push("", "Standing members are counted now, from Entra; elevated hours come from the requests and break-glass runs of the period.", "");
  out.push(...renderTrend(b));
  return out;
}
function renderTrend(b) {
  const out = [];
  const hours = (h) => b.elevatedUnknown ? "not known" : h;
  const all = b.trend ?? [];
  const quiet = (t) => t.standingMembers === void 0 && t.elevatedHours === 0 && t.standingExemptions === all[0]?.standingExemptions;
  const firstKnown = all.findIndex((t) => !quiet(t));
  const trend = firstKnown < 0 ? [] : all.slice(firstKnown);
  if (all.length > 0 && trend.length === 0)
    out.push(
      `**Week by week:** nothing was recorded and no hours were elevated in the last ${all.length === 1 ? "week" : `${all.length} weeks`} (standing exemptions in privileged groups: ${all[0].standingExemptions ?? "not known"}).`,
      ""
    );
  if (trend.length > 0) {
    out.push(
      "**Week by week** (in the groups privileged now: members holding them with no request, users and apps, as the sweep recorded them on the week\u2019s last recorded day; the standing exemptions of the approved policy at each week\u2019s end, from git; and the hours elevated through requests and break-glass):",
      "",
      "| Week ending | Standing members in privileged groups | Standing exemptions in privileged groups | Hours elevated through requests and break-glass |",
      "|---|---|---|---|"
    );
    if (firstKnown > 0)
      out.push(`| the ${firstKnown} week${firstKnown === 1 ? "" : "s"} before | not recorded | ${all[0].standingExemptions ?? "not known"} | ${hours(0)} |`);
    for (const t of trend)
      out.push(`| ${t.weekEnding} | ${t.standingMembers ?? "not recorded"} | ${t.standingExemptions ?? "not known"} | ${hours(t.elevatedHours)} |`);
    out.push("");
    if (b.history) out.push(b.history, "");
  }
  return out;
}

export {
  endings,
  removalLateness,
  percentile,
  standingByWeek,
  weeklyTrend,
  blastRadius,
  renderBlastRadius
};
