import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  privilegeFindings
} from "./chunk-3WRQDYNR.js";
import {
  accessLines
} from "./chunk-VDWJA76S.js";

// src/report/conferred.ts
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
          conferred: 0,
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
        conferred: access.confers.length,
        warnings: privilegeFindings(policy, access)
      }
    ];
  });
}

export {
  conferredViews
};
