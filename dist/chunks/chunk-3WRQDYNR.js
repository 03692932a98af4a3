import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  accessLines,
  heaviest
} from "./chunk-VDWJA76S.js";
import {
  HOUR_MS,
  formatDuration
} from "./chunk-LRULQWW5.js";

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

export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
