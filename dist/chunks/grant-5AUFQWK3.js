import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  applyPlan
} from "./chunk-WLT4OSSL.js";
import {
  reconcile,
  reconcileContext
} from "./chunk-IB6IPYJU.js";
import "./chunk-NIILGOAS.js";
import "./chunk-VXJK4BJA.js";
import "./chunk-WXKBUTD3.js";
import {
  grantEffects
} from "./chunk-7BGXCV5X.js";
import {
  rememberEffects,
  runPlan,
  sameEffects
} from "./chunk-GARHCV53.js";
import {
  changedFiles,
  hasCommit
} from "./chunk-RQHECHN3.js";
import {
  describeEnd
} from "./chunk-K7U5563T.js";
import "./chunk-NVDCARJL.js";
import "./chunk-IBMDKVGE.js";
import {
  isRequestsHousekeeping,
  isUnderRequests,
  splitRequestPath
} from "./chunk-WJQAL5O4.js";
import "./chunk-OSJQDFGN.js";
import "./chunk-GAF3CNPK.js";
import "./chunk-RTSR7ASI.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-34OC5ZRV.js";
import {
  holding
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
import {
  executeEffects
} from "./chunk-ITLW2OLJ.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";

// src/notices/grant-items.ts
function grantItems(report, pushed, deletedBy) {
  return pushed.map(
    (change) => itemFor(
      report,
      change.path,
      change.status,
      report.requests.find((r) => r.file === change.path),
      deletedBy
    )
  );
}
function itemFor(report, file, change, r, deletedBy) {
  const group = r?.group ?? splitRequestPath(file)?.group;
  const base = baseItem(file, change, r, group, r?.verification?.pull ?? deletedBy.get(file));
  if (!r) return { ...base, ...same("not-a-member"), detail: "this file is not a request of a group in the policy, so no membership came from it." };
  const disposition = r.userId ? report.groups.find((g) => g.group === group)?.dispositions.find((d) => d.id === r.userId) : void 0;
  const entra = r.userId ? report.changes.find((c) => c.group === group && c.member === r.userId && c.kind !== "revoke-sessions") : void 0;
  const withChange = entra ? { entraChange: entra.id } : {};
  if (r.state === "active") return { ...base, ...withChange, ...activeOutcome(report, r, disposition) };
  if (r.state === "invalid" && r.verification) return { ...base, ...same("refused"), detail: r.verification.reasons.join(" ") || (r.why ?? "not valid.") };
  return { ...base, ...withChange, ...endedOutcome(report, r, disposition) };
}
var same = (o) => ({ planned: o, outcome: o });
function baseItem(file, change, r, group, pull) {
  const item = { file, change, planned: "refused", outcome: "refused", detail: "" };
  if (r?.requester) item.requester = r.requester;
  if (group) item.group = group;
  if (r?.request) item.expires = r.request.expires;
  if (pull !== void 0) item.pull = pull;
  return item;
}
function activeOutcome(report, r, disposition) {
  if (report.degraded) return { ...same("failed"), detail: `not verified yet: ${report.degraded}` };
  const v = r.verification;
  if (!r.userId) return { ...same("refused"), detail: r.why ?? "the requester has no Entra identity." };
  if (v?.unavailable) return { ...same("failed"), detail: `not verified yet: ${v.unavailable}` };
  if (!v?.approved) return { ...same("refused"), detail: v?.reasons.join(" ") ?? "not verified." };
  return approvedOutcome(report, r, v.approvers, disposition);
}
function approvedOutcome(report, r, approvers, disposition) {
  const planned = disposition?.action === "add" || disposition?.action === "update" ? "granted" : "already-member";
  const granted = `${r.requester} ${report.dryRun && planned === "granted" ? "would be" : "is"} ${holding(report.config.policy, r.group)} ${describeEnd(r.request)}, approved by ${approvers.map((a) => `@${a}`).join(", ")}.`;
  if (disposition?.outcome === "failed")
    return { approvers, planned, outcome: "failed", detail: `${granted} ${disposition.detail ?? ""} Re-run the workflow to retry.` };
  if (planned === "already-member" || disposition?.outcome === "already-member") return { approvers, planned, outcome: "already-member", detail: granted };
  const pim = disposition?.end ? ` ${report.config.policy.groups.get(r.group)?.azureRole ? "Azure" : "Entra"} (PIM) ends the assignment at ${disposition.end} by itself.` : "";
  return { approvers, planned, outcome: "granted", detail: `${granted}${pim}${disposition?.detail ? ` ${disposition.detail}` : ""}` };
}
function endedWhy(r) {
  const why = {
    deleted: "the request was deleted (early revoke)",
    expired: "the request was changed to end now",
    unreadable: `the request can no longer be read (${r.why ?? "invalid"}), so it ends`
  };
  return why[r.state] ?? `the request is not valid (${r.why ?? ""})`;
}
function endedOutcome(report, r, disposition) {
  const why = endedWhy(r);
  const held = holding(report.config.policy, r.group);
  if (!r.requester || !r.userId)
    return { ...same("not-a-member"), detail: `${why}; no Entra user could be found for its requester, so no membership came from it.` };
  if (disposition?.action === "keep")
    return { ...same("kept"), detail: `${why}; ${r.requester} stays ${held} because ${disposition.files.join(", ")} still covers it.` };
  if (disposition?.action !== "remove") return { ...same("not-a-member"), detail: `${why}; ${r.requester} is not ${held}.` };
  const planned = "removed";
  if (disposition.outcome === "failed")
    return { planned, outcome: "failed", detail: `${why}, but ${disposition.detail ?? "the removal failed"}. Re-run the workflow to retry.` };
  if (disposition.outcome === "updated") return { planned, outcome: "ending", detail: `${why}; ${disposition.detail ?? ""}` };
  const sessions = disposition.sessions === void 0 ? "" : disposition.sessions === "revoked" ? " Their sign-in sessions were revoked." : ` Their sign-in sessions were ${disposition.sessions}.`;
  const still = `${disposition.stillHeld ? ` But ${r.requester} ${disposition.stillHeld}` : ""}${disposition.unverified ? ` But ${disposition.unverified}` : ""}`;
  const gone = disposition.outcome === void 0 ? `will no longer be ${held}` : `is no longer ${held}`;
  return { planned, outcome: "removed", detail: `${why}; ${r.requester} ${gone}.${sessions}${still}` };
}

// src/commands/grant.ts
async function planGrant(ctx) {
  const reconciled = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun ?? false }));
  const pushed = (/^0+$/.test(ctx.before) || !await hasCommit(ctx.git, ctx.before) ? [] : await changedFiles(ctx.git, ctx.before, reconciled.head)).filter(
    (c) => isUnderRequests(c.path) && !isRequestsHousekeeping(c.path)
  );
  const deletedBy = await reconciled.deletionPulls(pushed.filter((c) => c.status === "deleted").map((c) => c.path));
  const report = grantReport(reconciled, pushed, deletedBy);
  return { plan: runPlan(reconciled, effectsOf(report)), report, reconciled, pushed, deletedBy };
}
async function applyGrant(planned, services) {
  if (planned.report.dryRun) return { report: planned.report, outcomes: { changes: [], effects: [], checks: [] } };
  const applied = await applyPlan(services.directory, planned.reconciled);
  const report = grantReport(applied, planned.pushed, planned.deletedBy);
  const effects = sameEffects(planned.plan.effects, effectsOf(report));
  const made = await executeEffects(effects, services.ports, { changes: applied.outcomes });
  return { report, outcomes: { changes: [...applied.outcomes.values()], effects: made, checks: [...applied.checkOutcomes.values()] } };
}
function effectsOf(report) {
  return [...rememberEffects(report.memoryChange), ...grantEffects(report)];
}
function grantReport(report, pushed, deletedBy) {
  return {
    head: report.head,
    items: grantItems(report, pushed, deletedBy),
    failed: report.failed || report.degraded !== void 0,
    ...report.degraded ? { degraded: report.degraded } : {},
    spend: report.spend,
    configIgnored: report.configIgnored,
    groups: report.groups,
    changes: report.changes,
    changeOutcomes: report.outcomes,
    dryRun: report.dryRun,
    ...report.verified ? { verified: report.verified } : {},
    ...report.memoryChange ? { memoryChange: report.memoryChange } : {}
  };
}
export {
  applyGrant,
  planGrant
};
