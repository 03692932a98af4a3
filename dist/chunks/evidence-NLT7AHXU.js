import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  requestVersions
} from "./chunk-HEULVC6B.js";
import {
  firstParentLog,
  reconcile,
  usesSince,
  verifyAll
} from "./chunk-IB6IPYJU.js";
import {
  reconcileRuns
} from "./chunk-NIILGOAS.js";
import "./chunk-VXJK4BJA.js";
import "./chunk-WXKBUTD3.js";
import "./chunk-RQHECHN3.js";
import {
  formatTimestamp
} from "./chunk-K7U5563T.js";
import "./chunk-NVDCARJL.js";
import "./chunk-IBMDKVGE.js";
import "./chunk-WJQAL5O4.js";
import "./chunk-OSJQDFGN.js";
import {
  GitHubFacts,
  GitHubUnavailableError
} from "./chunk-GAF3CNPK.js";
import "./chunk-RTSR7ASI.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import {
  BACKENDS
} from "./chunk-22MRAGKW.js";
import "./chunk-TF77OBEX.js";
import "./chunk-AVZCSXTZ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
import "./chunk-3L3QTXZZ.js";
import "./chunk-3L64JI35.js";
import "./chunk-VCQJW4GH.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";

// src/commands/evidence.ts
var EVIDENCE_COLUMNS = [
  "kind",
  "group",
  "requester",
  "entraUser",
  "justification",
  "ticket",
  "source",
  "pullRequest",
  "approvals",
  "grantedAt",
  "plannedEnd",
  "endedAt",
  "endedHow",
  "removedAt",
  "removedBy",
  "lateMinutes"
];
async function collectEvidence(ctx) {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  const state = await reconcile({ git: ctx.git, githubFacts, directory: ctx.directory, now: ctx.now, dryRun: true, ...ctx.root ? { root: ctx.root } : {} });
  if (state.degraded || !state.configAt)
    throw new GitHubUnavailableError(
      state.degraded ? `GitHub could not be read, so who approved each grant cannot be shown: ${state.degraded}` : "the default branch has no approved configuration in its history yet, so there is no grant to show."
    );
  const policy = state.config.policy;
  const reach = Math.max(0, ...[...policy.groups.values()].map((g) => g.maxDurationMs));
  const log = await firstParentLog(ctx.git, state.head, ctx.from - reach);
  const reader = ctx.git.catFile();
  try {
    const { versions, deletions } = await requestVersions(reader, log, new Set(policy.groups.keys()), ctx.from);
    await verifyAll(
      ctx.git,
      githubFacts,
      reader,
      versions,
      state.branch,
      ctx.now,
      state.configAt,
      state.pushGuarantee,
      void 0,
      (refs) => ctx.directory.resolveUsers(refs)
    );
    const at = { head: state.head, branch: state.branch };
    const listings = [
      await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.revokeWorkflow ?? "access-revoke.yml", ctx.from),
      await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.grantWorkflow ?? "access-grant.yml", ctx.from)
    ];
    if (listings.some((l) => l.cut))
      throw new Error(
        "GitHub listed fewer workflow runs than it holds (1,000 or more created in one second), so the evidence would be incomplete and is not made."
      );
    const runs = listings.flatMap((l) => l.runs).sort((a, b) => a.startedAt - b.startedAt);
    const identity = (login) => {
      const ref = state.config.identities.users.get(login.toLowerCase());
      return ref ? "id" in ref ? ref.id : ref.upn : "";
    };
    const rows = requestRows(versions, deletions, ctx, runs, identity, (g) => endsItself(policy.groups.get(g)?.backend));
    const uses = await usesSince(ctx, githubFacts, reader, state, ctx.from - reach);
    for (const u of uses.filter((x) => x.start < ctx.to && x.end > ctx.from)) {
      rows.push({
        kind: "break-glass",
        group: u.group,
        requester: u.login,
        entraUser: identity(u.login),
        // The reason and ticket are in the use's review issue (the run's inputs are not kept by GitHub).
        justification: u.issue !== void 0 ? `in review issue #${u.issue}` : "",
        ticket: "",
        source: `run ${u.run}`,
        pullRequest: "",
        approvals: u.review.reviewed ? `reviewed${u.issue !== void 0 ? ` in #${u.issue}` : ""}` : `not reviewed: ${u.review.why}`,
        grantedAt: formatTimestamp(u.start),
        plannedEnd: formatTimestamp(u.end),
        ...ending(u.end, "expired", ctx, runs, endsItself(policy.groups.get(u.group)?.backend))
      });
    }
    return rows.sort((a, b) => a.grantedAt.localeCompare(b.grantedAt) || a.group.localeCompare(b.group));
  } finally {
    reader.close();
  }
}
function requestRows(versions, deletions, ctx, runs, identity, endedBy) {
  const rows = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const v of versions) byFile.set(v.file, [...byFile.get(v.file) ?? [], v]);
  for (const list of byFile.values()) {
    list.sort((a, b) => a.landing.time - b.landing.time);
    list.forEach((v, i) => {
      const verdict = v.verification;
      if (!verdict?.approved || !v.request) return;
      const granted = Date.parse(verdict.mergedAt ?? "") || v.landing.time;
      const next = list[i + 1]?.landing?.time;
      const deleted = (deletions.get(v.file) ?? []).filter((t) => t > v.landing.time && (next === void 0 || t <= next));
      const end = Math.min(v.request.expiresAt, ...deleted, next ?? Infinity);
      if (granted >= ctx.to || end <= ctx.from) return;
      const how = end === next ? "replaced by a later version" : deleted.includes(end) ? "deleted (early revoke)" : "expired";
      const approvedAt = verdict.approval?.approvedAt ?? {};
      rows.push({
        kind: "request",
        group: v.group,
        requester: v.request.requester,
        entraUser: identity(v.request.requester),
        justification: v.request.justification,
        ticket: v.request.ticket ?? "",
        source: v.file,
        pullRequest: verdict.pull !== void 0 ? `#${verdict.pull}` : "",
        approvals: verdict.approvers.map((a) => `${a} at ${approvedAt[a] ?? "unknown"}`).join("; "),
        grantedAt: formatTimestamp(granted),
        plannedEnd: v.request.expires,
        ...how === "replaced by a later version" ? { endedAt: formatTimestamp(end), endedHow: how, removedAt: "", removedBy: "not removed: the next version continues it", lateMinutes: "" } : ending(end, how, ctx, runs, endedBy(v.group))
      });
    });
  }
  return rows;
}
function ending(end, how, ctx, runs, endedBy) {
  if (end > ctx.now) return { endedAt: "", endedHow: "active", removedAt: "", removedBy: "", lateMinutes: "" };
  if (endedBy && how === "expired")
    return {
      endedAt: formatTimestamp(end),
      endedHow: how,
      removedAt: formatTimestamp(end),
      removedBy: endedBy,
      lateMinutes: "0"
    };
  const run = runs.find((r) => r.startedAt >= end);
  if (!run)
    return { endedAt: formatTimestamp(end), endedHow: how, removedAt: "", removedBy: "no successful grant or sweep run since: not confirmed", lateMinutes: "" };
  return {
    endedAt: formatTimestamp(end),
    endedHow: how,
    removedAt: formatTimestamp(run.completedAt),
    removedBy: "the first successful grant or sweep run that started after the end",
    lateMinutes: String(Math.round(Math.max(0, run.completedAt - end) / 6e4))
  };
}
function evidenceCsv(rows) {
  const field = (text) => `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  return [EVIDENCE_COLUMNS.join(","), ...rows.map((r) => EVIDENCE_COLUMNS.map((c) => field(r[c])).join(","))].join("\n") + "\n";
}
function heldAt(rows, at, login) {
  return rows.filter((r) => {
    if (Date.parse(r.grantedAt) > at) return false;
    if (login && r.requester.toLowerCase() !== login.toLowerCase()) return false;
    if (r.endedAt === "" || Date.parse(r.endedAt) > at) return true;
    return r.removedAt !== "" ? Date.parse(r.removedAt) > at : r.endedHow !== "replaced by a later version";
  });
}
var endsItself = (backend) => backend ? BACKENDS[backend].endsItself : void 0;
export {
  EVIDENCE_COLUMNS,
  collectEvidence,
  evidenceCsv,
  heldAt
};
