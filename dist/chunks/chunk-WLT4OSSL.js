import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  revokeSessions
} from "./chunk-IB6IPYJU.js";
import {
  BACKENDS,
  isRemoval
} from "./chunk-22MRAGKW.js";

// src/execute/entra.ts
async function executeChanges(directory, changes) {
  const out = /* @__PURE__ */ new Map();
  const writes = changes.filter((c) => c.backend !== "sessions");
  for (const stage of [writes.filter(isRemoval), writes.filter((c) => !isRemoval(c))]) {
    const byBackend = /* @__PURE__ */ new Map();
    for (const c of stage) byBackend.set(c.backend, [...byBackend.get(c.backend) ?? [], c]);
    for (const [name, list] of byBackend) {
      const backend = BACKENDS[name];
      try {
        for (const o of await backend.apply(directory, list)) out.set(o.id, o);
      } catch (error) {
        if (!(error instanceof Error) || error.name !== "DirectoryError") throw error;
        for (const c of list) out.set(c.id, { id: c.id, result: "failed", detail: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  const sessions = changes.filter((c) => c.backend === "sessions");
  const due = sessions.filter((c) => c.after === void 0 || out.get(c.after)?.result === "made");
  for (const c of sessions) if (!due.includes(c)) out.set(c.id, { id: c.id, result: "skipped", detail: `not needed: ${c.after} was not made in this run` });
  if (due.length > 0) for (const o of await revokeSessions(directory, due)) out.set(o.id, o);
  return out;
}

// src/execute/apply.ts
async function applyPlan(directory, report) {
  if (report.dryRun || report.changes.length === 0 && report.checks.length === 0) return report;
  const outcomes = report.changes.length > 0 ? await executeChanges(directory, report.changes) : /* @__PURE__ */ new Map();
  const checkOutcomes = await executeChecks(directory, report.checks, outcomes);
  return {
    ...report,
    groups: joinOutcomes(report.groups, report.changes, outcomes, checkOutcomes, report.checks),
    outcomes,
    checkOutcomes,
    failed: report.failed || [...outcomes.values()].some((o) => o.result === "failed")
  };
}
async function executeChecks(directory, checks, changes) {
  const out = /* @__PURE__ */ new Map();
  const due = checks.filter((c) => changes.get(c.after)?.result === "made");
  for (const c of checks) if (!due.includes(c)) out.set(c.id, { id: c.id, result: "skipped" });
  for (const backend of Object.values(BACKENDS)) {
    const mine = due.filter((c) => c.backend === backend.name);
    if (mine.length > 0) for (const o of await backend.check(directory, mine)) out.set(o.id, o);
  }
  return out;
}
function appliedOf(d, o) {
  if (o.result === "failed") return { outcome: "failed", detail: o.detail ?? "not made" };
  if (o.result === "deferred") return { outcome: "updated", ...o.detail ? { detail: o.detail } : {}, ...o.endsAt ? { end: o.endsAt } : {} };
  if (d.action === "add") return { outcome: o.result === "already" ? "already-member" : "added" };
  if (d.action === "update") return { outcome: "updated" };
  return { outcome: o.result === "already" ? "already-gone" : "removed" };
}
function joinOutcomes(groups, changes, outcomes, checkOutcomes, checks) {
  const of = (group, member, sessions) => changes.find((c) => c.group === group && c.member === member && c.kind === "revoke-sessions" === sessions);
  return groups.map((g) => ({
    ...g,
    dispositions: g.dispositions.map((d) => {
      const change = of(g.group, d.id, false);
      const o = change && outcomes.get(change.id);
      if (!o) return d;
      const s = of(g.group, d.id, true);
      const so = s && outcomes.get(s.id);
      const check = checks.find((c) => c.after === change.id);
      const co = check && checkOutcomes.get(check.id);
      return {
        ...d,
        ...appliedOf(d, o),
        ...so && so.result !== "skipped" ? { sessions: so.result === "made" ? "revoked" : so.detail ?? "not revoked" } : {},
        ...co?.stillHeld ? { stillHeld: co.stillHeld } : {},
        ...co?.unverified ? { unverified: co.unverified } : {},
        ...co?.lagging ? { detail: co.lagging } : {}
      };
    })
  }));
}

export {
  applyPlan
};
