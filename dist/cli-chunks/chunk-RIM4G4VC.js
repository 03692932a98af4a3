import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  BACKENDS
} from "./chunk-6M5K6QUR.js";

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

// src/execute/executor.ts
var NO_WEBHOOKS = "no webhooks configured";
var message = (error) => error instanceof Error ? error.message : String(error);
var NEW_REMINDERS_PER_RUN = 25;
var DEFERRED = `deferred to the next run (a run posts at most ${NEW_REMINDERS_PER_RUN} new reminders, to stay within GitHub's limits on new content)`;
async function executeEffects(effects, ports, options = {}) {
  const out = /* @__PURE__ */ new Map();
  const seen = await existingComments(effects, ports);
  let reminders = options.newReminders ?? NEW_REMINDERS_PER_RUN;
  for (const e of effects) {
    if (e.kind === "notice") continue;
    if (e.kind === "comment" || e.kind === "reminder") {
      const outcome = await commentEffect(e, ports, seen, e.kind === "comment" || reminders > 0);
      if (e.kind === "reminder" && outcome.status === "done") reminders--;
      out.set(e.id, outcome);
    } else out.set(e.id, await issueLikeEffect(e, ports));
  }
  const notices = effects.filter((e) => e.kind === "notice");
  const made = (id) => out.get(id)?.status === "done" || options.changes?.get(id)?.result === "made";
  const due = notices.filter((n) => n.after === void 0 || made(n.after));
  for (const n of notices) if (!due.includes(n)) out.set(n.id, { id: n.id, status: "skipped", detail: `not sent: ${n.after} was not made in this run` });
  if (due.length > 0 && ports.notify) {
    const all = await ports.notify(due.map((n) => n.event));
    for (const n of due) {
      const deliveries = all.filter((d) => d.event === n.event);
      const failed = deliveries.filter((d) => !d.ok);
      const failures = failed.map((f) => `a ${f.service} notification for ${f.target} was not delivered (${f.detail})`);
      const messages = { sent: deliveries.length, delivered: deliveries.length - failed.length };
      out.set(
        n.id,
        deliveries.length === 0 ? { id: n.id, status: "skipped", detail: "no webhook for this group" } : failed.length === 0 ? { id: n.id, status: "done", detail: `${deliveries.length} delivered`, messages } : { id: n.id, status: "failed", detail: failures.join("; "), failures, messages }
      );
    }
  } else for (const n of due) out.set(n.id, { id: n.id, status: "skipped", detail: NO_WEBHOOKS });
  return effects.map((e) => out.get(e.id) ?? { id: e.id, status: "skipped", detail: "not applied" });
}
async function existingComments(effects, ports) {
  const seen = /* @__PURE__ */ new Map();
  const pulls = effects.flatMap((e) => e.kind === "comment" || e.kind === "reminder" ? [e.pull] : []);
  if (!ports.recentComments || pulls.length <= 1) return seen;
  try {
    for (const [pull, comments] of await ports.recentComments(pulls)) if (comments) seen.set(pull, Promise.resolve(comments));
  } catch {
  }
  return seen;
}
var isOwnComment = (c, marker) => c.bot && c.body.includes(marker);
async function commentEffect(e, ports, seen, mayPost) {
  try {
    let listing = seen.get(e.pull);
    if (!listing && !mayPost) return { id: e.id, status: "skipped", detail: DEFERRED };
    if (!listing) {
      listing = ports.listComments(e.pull);
      seen.set(e.pull, listing);
    }
    if ((await listing).some((c) => isOwnComment(c, e.marker))) return { id: e.id, status: "already", detail: `already on #${e.pull}` };
    if (!mayPost) return { id: e.id, status: "skipped", detail: DEFERRED };
    await ports.postComment(e.pull, e.body);
    return { id: e.id, status: "done", detail: `posted on #${e.pull}` };
  } catch (error) {
    return { id: e.id, status: "failed", detail: `not posted on #${e.pull}: ${message(error)}` };
  }
}
async function issueLikeEffect(e, ports) {
  const id = e.id;
  try {
    if (e.kind === "remember") {
      if (!ports.remember) return { id, status: "skipped", detail: "no memory key" };
      const commit = await ports.remember(e.change);
      return { id, status: "done", detail: `remembered ${e.change.files.length} and forgot ${e.change.deletions.length} (commit ${commit.slice(0, 7)})` };
    }
    const port = e.kind === "dashboard" ? ports.dashboard && (() => ports.dashboard(e.next)) : e.kind === "answer" ? ports.answer && (() => ports.answer(e)) : ports.reviewIssue && (() => ports.reviewIssue(e));
    if (!port) return { id, status: "skipped", detail: `no way to write the ${e.kind}` };
    return { id, status: "done", detail: await port() };
  } catch (error) {
    const why = message(error);
    if (e.kind === "remember") return { id, status: "failed", detail: `not remembered (${why}); the next run asks GitHub for these again` };
    return { id, status: "failed", detail: `not written: ${why}` };
  }
}

export {
  runPlan,
  sameEffects,
  planLines,
  NO_WEBHOOKS,
  executeEffects
};
