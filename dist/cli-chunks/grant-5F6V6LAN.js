import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  applyPlan,
  noticeId,
  rememberEffects
} from "./chunk-V3NA62BB.js";
import {
  executeEffects,
  runPlan,
  sameEffects
} from "./chunk-RIM4G4VC.js";
import {
  reconcileContext
} from "./chunk-MVIASLVO.js";
import "./chunk-K5JN7UWX.js";
import {
  reconcile
} from "./chunk-BGTKMKHD.js";
import "./chunk-EN2B5PZV.js";
import "./chunk-TRFC2FJS.js";
import "./chunk-NVXYE22V.js";
import "./chunk-6243XALH.js";
import "./chunk-IRVF5XU5.js";
import {
  describeEnd
} from "./chunk-NXBOCEVI.js";
import "./chunk-VDAHEZ3L.js";
import {
  changedFiles,
  hasCommit
} from "./chunk-3KJ234RC.js";
import {
  isRequestsHousekeeping,
  isUnderRequests,
  splitRequestPath
} from "./chunk-5N677O5M.js";
import {
  inlineCode
} from "./chunk-GUX3DBMW.js";
import "./chunk-TRPAB6JR.js";
import "./chunk-E4JGT2Z2.js";
import {
  holding
} from "./chunk-6M5K6QUR.js";
import "./chunk-JZPP4HP7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-EHZN36YG.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-JTSEDNRQ.js";
import "./chunk-425VGJGT.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

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

// src/notices/grant-comment.ts
import { createHash } from "node:crypto";
var ICON = {
  granted: "\u2705 granted",
  "already-member": "\u2705 already a member",
  refused: "\u26D4 not granted",
  removed: "\u{1F512} removed",
  "not-a-member": "\u{1F512} nothing to remove",
  kept: "\u2139\uFE0F kept",
  ending: "\u23F3 ending",
  failed: "\u274C failed"
};
function commentMarker(pull, items) {
  const versions = items.map((i) => `${i.file}
${i.change}
${i.expires ?? ""}`).sort().join("\n\n");
  return `<!-- access-as-code:grant:${pull}:${createHash("sha256").update(versions).digest("hex").slice(0, 32)} -->`;
}
var COMMENT_LIMIT = 65536;
function commentBody(items, after, pull) {
  const head = [commentMarker(pull, items), `**access-as-code** after merging this pull request (main at ${after.slice(0, 7)}):`, ""];
  const tail = [];
  if (items.some((i) => i.outcome === "refused"))
    tail.push("", "To ask again, fix what is listed above in a new pull request and have it approved by the folder's code owners.");
  if (items.some((i) => i.outcome === "granted"))
    tail.push("", "To extend, open a pull request that changes `expires`; to end it early, one that deletes the file.");
  const lines = items.map((item) => `- ${ICON[item.outcome]}: ${inlineCode(item.file)} \u2014 ${item.detail.replace(/[\r\n]+/g, " ")}`);
  let shown = lines.length;
  const body = (n) => [
    ...head,
    ...lines.slice(0, n),
    ...n < lines.length ? ["", `\u2026 and ${lines.length - n} more: the run's job summary lists every request with its outcome.`] : [],
    ...tail
  ].join("\n");
  while (shown > 0 && body(shown).length > COMMENT_LIMIT) shown = Math.max(0, Math.min(shown - 1, Math.floor(shown * 0.9)));
  return body(shown);
}
function grantEffects(report) {
  const effects = [];
  const byPull = /* @__PURE__ */ new Map();
  for (const item of report.items) if (item.pull !== void 0) byPull.set(item.pull, [...byPull.get(item.pull) ?? [], item]);
  for (const [pull, list] of byPull) {
    const marker = commentMarker(pull, list);
    effects.push({
      id: `comment:#${pull}:${marker.slice(-36, -4)}`,
      kind: "comment",
      pull,
      marker,
      body: commentBody(list, report.head, pull),
      reason: `the outcome of ${list.map((i) => i.file).join(", ")}`
    });
  }
  for (const i of report.items) {
    if (!i.group || !i.requester) continue;
    const base = { group: i.group, who: i.requester, file: i.file, ...i.pull !== void 0 ? { pull: i.pull } : {} };
    const event = i.planned === "granted" ? { kind: "granted", ...base, until: i.expires ?? "" } : i.planned === "refused" ? { kind: "refused", ...base, reason: i.detail } : i.planned === "removed" ? { kind: "removed", group: i.group, who: i.requester, why: "ended", file: i.file } : void 0;
    if (event)
      effects.push({
        id: noticeId(event),
        kind: "notice",
        event,
        reason: `${i.file}: ${i.planned}`,
        ...i.entraChange && i.planned !== "refused" ? { after: i.entraChange } : {}
      });
  }
  return effects;
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
