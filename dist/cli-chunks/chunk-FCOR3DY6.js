import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  addDiagnostics,
  checkAuthor,
  checkOwnerOfChanged,
  judgeRequest,
  positionOfKey,
  requesterAt
} from "./chunk-NXBOCEVI.js";
import {
  loadConfig
} from "./chunk-3KJ234RC.js";
import {
  REQUESTS_DIR,
  isRequestsHousekeeping,
  isUnderRequests
} from "./chunk-5N677O5M.js";
import {
  FORM_PATH,
  formProblems
} from "./chunk-UEEEXRSD.js";
import {
  configPlan
} from "./chunk-CJYXKBG7.js";

// src/commands/validate.ts
function reportHasErrors(report) {
  return report.verdicts.some((v) => !v.valid) || report.diagnostics.some((d) => d.severity === "error");
}
async function validateTree(files, now, paths, fresh = /* @__PURE__ */ new Set()) {
  const config = await loadConfig(files);
  const targets = paths ?? (await files.list(REQUESTS_DIR)).filter((p) => !isRequestsHousekeeping(p));
  const verdicts = [];
  for (const file of targets) verdicts.push(judgeRequest(file, await files.read(file), config, now, paths || fresh.has(file) ? "strict" : "at-rest"));
  return { config, verdicts, deletions: [], diagnostics: [...config.warnings, ...await formCheck(files, config)] };
}
async function configChangePlan(base, baseFiles, head, now) {
  const active = [];
  for (const file of (await baseFiles.list(REQUESTS_DIR)).filter((p) => !isRequestsHousekeeping(p))) {
    const verdict = judgeRequest(file, await baseFiles.read(file), base, now, "at-rest");
    if (verdict.valid && verdict.request && verdict.request.expiresAt > now)
      active.push({ file, requester: verdict.request.requester, group: verdict.request.group });
  }
  return configPlan(base, head, active);
}
function enforceSwitches(base, head) {
  return [...head.policy.groups.values()].filter((g) => g.mode === "enforce" && base.policy.groups.get(g.name)?.mode === "audit").map((g) => g.name);
}
async function judgeChanges(config, changes, baseFiles, headFiles, now, author) {
  const verdicts = [];
  const deletions = [];
  for (const change of changes) {
    if (!isUnderRequests(change.path) || isRequestsHousekeeping(change.path)) continue;
    if (change.status === "deleted") {
      const requester = await requesterAt(baseFiles, change.path);
      deletions.push({ file: change.path, ...requester !== void 0 ? { requester } : {} });
      continue;
    }
    let verdict = judgeRequest(change.path, await headFiles.read(change.path), config, now);
    if (author !== void 0) {
      if (verdict.request) verdict = addDiagnostics(verdict, checkAuthor(verdict.request, author));
      if (change.status === "modified") {
        const position = verdict.request ? positionOfKey(verdict.request, "requester") : void 0;
        verdict = addDiagnostics(verdict, checkOwnerOfChanged(change.path, await requesterAt(baseFiles, change.path), author, position));
      }
    }
    verdicts.push({ ...verdict, change: change.status });
  }
  return { config, verdicts, deletions, diagnostics: [] };
}
async function formCheck(files, config) {
  const content = await files.read(FORM_PATH);
  return formProblems(content?.bytes ? new TextDecoder().decode(content.bytes) : void 0, config.policy);
}

export {
  reportHasErrors,
  validateTree,
  configChangePlan,
  enforceSwitches,
  judgeChanges
};
