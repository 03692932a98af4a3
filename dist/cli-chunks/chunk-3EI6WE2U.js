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
function removalLateness(ended, runs, backends) {
  const sorted = [...runs].sort((a, b) => a.startedAt - b.startedAt);
  const groups = /* @__PURE__ */ new Map();
  for (const e of ended) {
    const enforcedBy = backends.get(e.group) === "pim" ? "entra" : "sweep";
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

export {
  endings,
  removalLateness,
  percentile
};
