import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  accessLines,
  heaviest
} from "./chunk-MLWZ6P5R.js";
import {
  HOUR_MS,
  formatDuration
} from "./chunk-LRULQWW5.js";
import "./chunk-OZ6IWOJH.js";

// src/policy/privileged.ts
var PRIVILEGED_APPROVALS = 2;
var PRIVILEGED_MAX_MS = 8 * HOUR_MS;
function privilegeFindings(group, access) {
  if (heaviest(access) < 10) return [];
  const what = accessLines({ ...access, confers: access.confers.filter((c) => c.privileged), unknown: [] }).slice(0, 3).map((l) => l.replace(/^⚠️ PRIVILEGED: /, "")).join("; ");
  const out = [];
  if (group.approvals < PRIVILEGED_APPROVALS)
    out.push(
      `${group.name} confers privileged access (${what}) but its policy asks for ${group.approvals} approval: set "approvals: ${PRIVILEGED_APPROVALS}" (or more) for it, so that one person cannot grant it alone.`
    );
  if (group.maxDurationMs > PRIVILEGED_MAX_MS)
    out.push(
      `${group.name} confers privileged access (${what}) and allows requests of up to ${group.maxDurationText}: set "maxDuration" to ${formatDuration(PRIVILEGED_MAX_MS)} or less, so that privileged access lasts a working session, not ${group.maxDurationText}.`
    );
  return out;
}

// src/commands/conferred.ts
function conferredViews(config, requested, published) {
  const byGroup = /* @__PURE__ */ new Map();
  for (const r of requested) byGroup.set(r.group, [...byGroup.get(r.group) ?? [], r.file]);
  return [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([name, files]) => {
    const policy = config.policy.groups.get(name);
    if (!policy) return [];
    const access = published.find((g) => g.group === name && g.id.toLowerCase() === policy.id);
    if (!access)
      return [
        {
          group: name,
          files,
          lines: ["not in the published catalogue yet (a group new to the policy, or its Entra id changed): the next sweep reads it"],
          privileged: false,
          warnings: []
        }
      ];
    const lines = accessLines(access);
    return [
      {
        group: name,
        files,
        lines: lines.length > 0 ? lines : ["nothing beyond membership of the group itself"],
        privileged: access.confers.some((c) => c.privileged),
        warnings: privilegeFindings(policy, access)
      }
    ];
  });
}
export {
  conferredViews
};
