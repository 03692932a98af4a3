import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  BACKENDS
} from "./chunk-22MRAGKW.js";

// src/plan/effects.ts
function noticeId(e) {
  return `notice:${e.kind}:${e.group}:${e.who}${"pull" in e && e.pull !== void 0 ? `:#${e.pull}` : ""}${"file" in e && e.file ? `:${e.file}` : ""}`;
}
function rememberEffects(change) {
  if (!change) return [];
  const landings = change.files.filter((f) => f.path.startsWith("landings/")).length;
  const points = change.files.length - landings;
  const what = [
    landings > 0 ? `${landings} landing commit${landings === 1 ? "" : "s"} verified now` : "",
    points > 0 ? "today's standing-privilege point" : "",
    change.deletions.length > 0 ? `${change.deletions.length} no longer needed` : ""
  ].filter(Boolean).join("; ");
  return [{ id: "remember", kind: "remember", change, reason: `facts that cannot change, remembered for the next run (${what})` }];
}

// src/plan/plan.ts
function runPlan(report, effects) {
  const reported = report.groups.flatMap(
    (g) => g.dispositions.filter((d) => d.action === "report").map((d) => ({
      id: `report-member:${g.group}:${d.id}`,
      kind: "report-member",
      backend: g.backend,
      group: g.group,
      member: d.id,
      reason: d.reason,
      sources: [...d.files]
    }))
  );
  return {
    head: report.head,
    changes: [...report.changes, ...reported],
    checks: [...report.checks],
    effects: [...effects],
    ...report.degraded ? { degraded: report.degraded } : {},
    configIgnored: report.configIgnored
  };
}
var VERB = {
  ...Object.assign({}, ...Object.values(BACKENDS).map((b) => b.verbs)),
  "revoke-sessions": "revoke the sign-in sessions of",
  "report-member": "report (kept, not removed)"
};
function sameEffects(planned, applied) {
  const byId = new Map(applied.map((e) => [e.id, e]));
  return planned.map((e) => byId.get(e.id)?.kind === e.kind ? byId.get(e.id) : e);
}
function planLines(plan) {
  const changes = plan.changes.map(
    (c) => `${c.id}: ${VERB[c.kind] ?? c.kind} ${c.member} in ${c.group} (${c.backend}; ${c.reason}${c.sources.length > 0 ? `: ${c.sources.join(", ")}` : ""})${"end" in c && c.end ? `, ending ${c.end}` : ""}${"after" in c && c.after ? `, after ${c.after}` : ""}`
  );
  const effects = plan.effects.map(
    (e) => `${e.id}: ${e.kind}${"pull" in e ? ` on #${e.pull}` : ""}: ${e.reason}${"after" in e && e.after ? `, after ${e.after}` : ""}`
  );
  const checks = plan.checks.map(
    (c) => `${c.id}: check that ${c.kind === "verify-removal" ? `${c.member} no longer holds ${c.group}` : `Graph's reads show ${c.member} in ${c.group}`} (${c.reason}), after ${c.after}`
  );
  return [...changes, ...checks, ...effects];
}
function planIds(plan) {
  return [...plan.changes.map((c) => c.id), ...plan.checks.map((c) => c.id), ...plan.effects.map((e) => e.id)];
}

export {
  noticeId,
  rememberEffects,
  runPlan,
  sameEffects,
  planLines,
  planIds
};
