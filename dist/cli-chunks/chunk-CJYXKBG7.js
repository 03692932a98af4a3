import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  requesterStanding
} from "./chunk-TRPAB6JR.js";
import {
  formatOwner,
  ownersOf
} from "./chunk-E4JGT2Z2.js";
import {
  describeTarget
} from "./chunk-6M5K6QUR.js";

// src/commands/config-plan.ts
var names = (requests) => [...new Set(requests.map((r) => r.requester))].sort().join(", ");
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function configPlan(base, head, active) {
  return [...groupLines(base, head, active), ...identityLines(base, head, active), ...ownerLines(base, head)];
}
function groupLines(base, head, active) {
  const out = [];
  for (const [name, before] of base.policy.groups) {
    const after = head.policy.groups.get(name);
    const held = active.filter((r) => r.group === name);
    if (!after) {
      out.push(
        `${name} leaves the policy: access-as-code stops managing Entra group ${before.id}. ${held.length > 0 ? `Its ${plural(held.length, "active request")} (${names(held)}) keep their membership and are no longer removed when they end; remove them in Entra if that is not intended.` : "Its members are no longer removed or reported."}`
      );
      continue;
    }
    if (after.id !== before.id)
      out.push(
        `${name} now names Entra group ${after.id} (was ${before.id}): ${before.id} is no longer managed, so its members stay; ${held.length > 0 ? `the requesters of its ${plural(held.length, "active request")} (${names(held)}) are added to ${after.id} at the next run.` : "nobody holds an active request for it."}`
      );
    if (before.mode === "audit" && after.mode === "enforce")
      out.push(
        `${name} switches from audit to enforce: members without an active request (the dashboard's drift for ${name}) are removed at the next run, apart from its standing exemptions.`
      );
    if (before.mode === "enforce" && after.mode === "audit")
      out.push(`${name} switches from enforce to audit: members without a request are reported, no longer removed.`);
    if (after.approvals !== before.approvals)
      out.push(
        `${name} needs ${plural(after.approvals, "approval")} (was ${before.approvals}) for requests merged after this change; approvals already given stand.`
      );
    if (after.maxDurationMs < before.maxDurationMs)
      out.push(
        `${name}'s longest request drops to ${after.maxDurationText} (was ${before.maxDurationText}) for requests merged after this change; ${held.length > 0 ? `its ${plural(held.length, "active request")} keep${held.length === 1 ? "s" : ""} the end approved with ${held.length === 1 ? "it" : "them"}.` : "nobody holds an active request for it."}`
      );
    if (after.maxDurationMs > before.maxDurationMs)
      out.push(`${name}'s longest request rises to ${after.maxDurationText} (was ${before.maxDurationText}), in force for requests merged after this change.`);
  }
  for (const [name, after] of head.policy.groups) {
    if (!base.policy.groups.has(name))
      out.push(
        `${name} joins the policy (${describeTarget(after)}, ${after.mode}): ${after.mode === "enforce" ? "its members without a request are removed at the next run" : "its members without a request are reported"}, apart from its standing exemptions; requests for it can be made once this merges. Starting in audit mode shows who would be removed first.`
      );
  }
  return out;
}
function identityLines(base, head, active) {
  const out = [];
  const show = (ref) => "id" in ref ? ref.id : ref.upn;
  for (const [login, before] of base.identities.users) {
    const held = active.filter((r) => r.requester.toLowerCase() === login);
    const after = head.identities.users.get(login);
    const groups = [...new Set(held.map((r) => r.group))].sort().join(", ");
    if (!after) {
      if (held.length > 0)
        out.push(
          `${login} leaves the identities: ${plural(held.length, "active request")} (${groups}) no longer name an Entra user, so that access ends at the next run.`
        );
    } else if (show(after).toLowerCase() !== show(before).toLowerCase() && held.length > 0) {
      out.push(
        `${login} is now ${show(after)} in Entra (was ${show(before)}): the access of ${plural(held.length, "active request")} (${groups}) moves to that user at the next run, and ${show(before)} loses it.`
      );
    }
  }
  return out;
}
function ownerLines(base, head) {
  const out = [];
  const groups = [.../* @__PURE__ */ new Set([...base.policy.groups.keys(), ...head.policy.groups.keys()])].sort();
  for (const name of groups) {
    const path = `requests/${name}/x.yaml`;
    const before = new Set(ownersOf(base.codeowners, path).map(formatOwner));
    const after = new Set(ownersOf(head.codeowners, path).map(formatOwner));
    const gained = [...after].filter((o) => !before.has(o));
    const lost = [...before].filter((o) => !after.has(o));
    if (gained.length === 0 && lost.length === 0) continue;
    out.push(
      `requests/${name}/ is approved by ${[...after].join(", ") || "nobody (every request for it is refused)"}${gained.length > 0 ? `; gains ${gained.join(", ")}` : ""}${lost.length > 0 ? `; loses ${lost.join(", ")}` : ""}. Approvals already given stand.`
    );
  }
  return out;
}
function pendingFlips(base, head, pending) {
  const out = [];
  for (const p of pending)
    for (const name of p.groups) {
      const before = base.policy.groups.get(name);
      const after = head.policy.groups.get(name);
      if (!before) continue;
      if (!after) {
        out.push(`#${p.number} asks for ${name}, which leaves the policy: it would be refused when merged.`);
        continue;
      }
      const n = p.approvers.length;
      if (n >= before.approvals && n < after.approvals)
        out.push(`#${p.number} (${name}) has ${plural(n, "approval")} from code owners: enough now, too few after this change (${after.approvals} needed).`);
      if (n < before.approvals && n >= after.approvals)
        out.push(`#${p.number} (${name}) has ${plural(n, "approval")} from code owners: too few now, enough after this change.`);
      if (requesterStanding(p.author, before.requesters, void 0) === "yes" && requesterStanding(p.author, after.requesters, void 0) === "no")
        out.push(`#${p.number}: ${p.author} may request ${name} now, not after this change: it would be refused when merged.`);
    }
  return out;
}
function flipLines(flips, pending) {
  return flips.length > 0 ? [...flips] : [`none of the ${plural(pending, "pull request")} waiting for approval changes its verdict.`];
}
function switchLines(switches, drift) {
  return switches.map((g) => {
    const members = drift.get(g);
    if (members === void 0) return `${g}: the last sweep published no drift for it; see the dashboard's drift table.`;
    if (members.length === 0) return `${g}: nobody holds it without a request; nobody is removed.`;
    return `${g}: the next run removes ${plural(members.length, "member")} the last sweep saw without a request: ${members.join(", ")}.`;
  });
}

export {
  configPlan,
  pendingFlips,
  flipLines,
  switchLines
};
