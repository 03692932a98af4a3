import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reconcileContext
} from "./chunk-UMT23SHI.js";
import "./chunk-ME7T4AR3.js";
import {
  reconcile
} from "./chunk-JL6SKFUM.js";
import "./chunk-Y6OYOLPJ.js";
import "./chunk-6243XALH.js";
import "./chunk-YMH7ZJTW.js";
import {
  describeEnd
} from "./chunk-3PAK6OEX.js";
import "./chunk-FRSZYKE2.js";
import "./chunk-SM3TZRZU.js";
import {
  isRequestsHousekeeping,
  isUnderRequests,
  splitRequestPath
} from "./chunk-WB7IPXIR.js";
import "./chunk-3VIL4RUE.js";
import "./chunk-DKSCVU2J.js";
import {
  changedFiles,
  hasCommit
} from "./chunk-VBXVWMN2.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-7K7DDW7P.js";
import "./chunk-PFM2MXQY.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-IQ3S3PKL.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-DHU6F2MR.js";
import "./chunk-UFO5PZZZ.js";
import "./chunk-6WF6EYZI.js";
import "./chunk-JV5PSVP2.js";

// src/commands/grant.ts
async function grant(ctx) {
  const report = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun ?? false }));
  const items = [];
  const pushed = (/^0+$/.test(ctx.before) || !await hasCommit(ctx.git, ctx.before) ? [] : await changedFiles(ctx.git, ctx.before, report.head)).filter(
    (c) => isUnderRequests(c.path) && !isRequestsHousekeeping(c.path)
  );
  const deletedBy = await report.deletionPulls(pushed.filter((c) => c.status === "deleted").map((c) => c.path));
  for (const change of pushed) {
    const record = report.requests.find((r) => r.file === change.path);
    items.push(itemFor(report, change.path, change.status, record, deletedBy));
  }
  return {
    head: report.head,
    items,
    failed: report.failed || report.degraded !== void 0,
    ...report.degraded ? { degraded: report.degraded } : {},
    spend: report.spend,
    configIgnored: report.configIgnored,
    groups: report.groups,
    dryRun: report.dryRun,
    ...report.verified ? { verified: report.verified } : {},
    ...report.memoryChange ? { memoryChange: report.memoryChange } : {}
  };
}
function itemFor(report, file, change, r, deletedBy) {
  const group = r?.group ?? splitRequestPath(file)?.group;
  const base = baseItem(file, change, r, group, r?.verification?.pull ?? deletedBy.get(file));
  if (!r) return { ...base, outcome: "not-a-member", detail: "this file is not a request of a group in the policy, so no membership came from it." };
  const disposition = r.userId ? report.groups.find((g) => g.group === group)?.dispositions.find((d) => d.id === r.userId) : void 0;
  if (r.state === "active") return { ...base, ...activeOutcome(report, r, disposition) };
  if (r.state === "invalid" && r.verification) return { ...base, outcome: "refused", detail: r.verification.reasons.join(" ") || (r.why ?? "not valid.") };
  return { ...base, ...endedOutcome(r, disposition) };
}
function baseItem(file, change, r, group, pull) {
  const item = { file, change, outcome: "refused", detail: "" };
  if (r?.requester) item.requester = r.requester;
  if (group) item.group = group;
  if (r?.request) item.expires = r.request.expires;
  if (pull !== void 0) item.pull = pull;
  return item;
}
function activeOutcome(report, r, disposition) {
  if (report.degraded) return { outcome: "failed", detail: `not verified yet: ${report.degraded}` };
  const v = r.verification;
  if (!r.userId) return { outcome: "refused", detail: r.why ?? "the requester has no Entra identity." };
  if (!v?.approved) return { outcome: "refused", detail: v?.reasons.join(" ") ?? "not verified." };
  const approvers = v.approvers;
  const granted = `${r.requester} is a member of ${r.group} ${describeEnd(r.request)}, approved by ${approvers.map((a) => `@${a}`).join(", ")}.`;
  if (disposition?.outcome === "failed")
    return { approvers, outcome: "failed", detail: `${granted} ${disposition.detail ?? ""} Re-run the workflow to retry.` };
  if (disposition?.outcome !== "added" && disposition?.outcome !== "updated") return { approvers, outcome: "already-member", detail: granted };
  const pim = disposition.end ? ` Entra (PIM) ends the assignment at ${disposition.end} by itself.` : "";
  return { approvers, outcome: "granted", detail: `${granted}${pim}${disposition.detail ? ` ${disposition.detail}` : ""}` };
}
function endedWhy(r) {
  const why = {
    deleted: "the request was deleted (early revoke)",
    expired: "the request was changed to end now",
    unreadable: `the request can no longer be read (${r.why ?? "invalid"}), so it ends`
  };
  return why[r.state] ?? `the request is not valid (${r.why ?? ""})`;
}
function endedOutcome(r, disposition) {
  const why = endedWhy(r);
  if (!r.requester || !r.userId)
    return { outcome: "not-a-member", detail: `${why}; no Entra user could be found for its requester, so no membership came from it.` };
  if (disposition?.action === "keep")
    return { outcome: "kept", detail: `${why}; ${r.requester} stays a member of ${r.group} because ${disposition.files.join(", ")} still covers it.` };
  if (disposition?.action !== "remove") return { outcome: "not-a-member", detail: `${why}; ${r.requester} is not a member of ${r.group}.` };
  if (disposition.outcome === "failed")
    return { outcome: "failed", detail: `${why}, but ${disposition.detail ?? "the removal failed"}. Re-run the workflow to retry.` };
  if (disposition.outcome === "updated") return { outcome: "ending", detail: `${why}; ${disposition.detail ?? ""}` };
  const sessions = disposition.sessions === void 0 ? "" : disposition.sessions === "revoked" ? " Their sign-in sessions were revoked." : ` Their sign-in sessions were ${disposition.sessions}.`;
  const still = disposition.stillHeld ? ` But ${r.requester} ${disposition.stillHeld}` : "";
  return { outcome: "removed", detail: `${why}; ${r.requester} is no longer a member of ${r.group}.${sessions}${still}` };
}
export {
  grant
};
