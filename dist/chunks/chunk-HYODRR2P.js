import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  changedFiles,
  checkAuthor,
  checkOwnerOfChanged,
  checkScope,
  requesterAt,
  requireCommits
} from "./chunk-DZGTKOOE.js";
import {
  atCommit
} from "./chunk-YPZINFMM.js";
import {
  addDiagnostics,
  judgeRequest,
  positionOfKey
} from "./chunk-AYTXIJNX.js";
import {
  FORM_PATH,
  formProblems
} from "./chunk-XXDK4IFQ.js";
import {
  CONFIG_PATHS,
  loadConfig
} from "./chunk-4UTSESXY.js";
import {
  REQUESTS_DIR,
  formatOwner,
  isRequestsHousekeeping,
  isUnderRequests,
  ownersOf
} from "./chunk-HEPALFDV.js";
import {
  formatDuration
} from "./chunk-LRULQWW5.js";
import {
  ConfigError
} from "./chunk-7XIZWMDY.js";

// src/commands/validate.ts
function reportHasErrors(report) {
  return report.verdicts.some((v) => !v.valid) || report.diagnostics.some((d) => d.severity === "error");
}
async function validateTree(files, now, paths) {
  const config = await loadConfig(files);
  const targets = paths ?? (await files.list(REQUESTS_DIR)).filter((p) => !isRequestsHousekeeping(p));
  const timing = paths ? "strict" : "at-rest";
  const verdicts = [];
  for (const file of targets) verdicts.push(judgeRequest(file, await files.read(file), config, now, timing));
  return { config, verdicts, deletions: [], diagnostics: [...config.warnings, ...await formCheck(files, config)] };
}
async function validatePullRequest(git, pr, now) {
  await requireCommits(git, "the pull request's", { base: pr.base, head: pr.head });
  const baseFiles = atCommit(git, pr.base);
  const headFiles = atCommit(git, pr.head);
  const config = await loadConfig(baseFiles);
  const changes = await changedFiles(git, pr.base, pr.head);
  const report = await judgeChanges(config, changes, baseFiles, headFiles, now, pr.author);
  report.diagnostics.unshift(...checkScope(changes));
  if (changes.some((c) => CONFIG_PATHS.includes(c.path))) {
    report.diagnostics.push(...await configProblemsAt(headFiles));
  }
  if (changes.some((c) => c.path === FORM_PATH || c.path === CONFIG_PATHS[0])) {
    const headConfig = await loadConfig(headFiles).catch(() => void 0);
    if (headConfig) report.diagnostics.push(...await formCheck(headFiles, headConfig));
  }
  return report;
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
async function configProblemsAt(files) {
  try {
    const config = await loadConfig(files);
    return config.warnings;
  } catch (error) {
    if (error instanceof ConfigError) return error.diagnostics;
    throw error;
  }
}
async function formCheck(files, config) {
  const content = await files.read(FORM_PATH);
  return formProblems(content?.bytes ? new TextDecoder().decode(content.bytes) : void 0, config.policy);
}

// src/commands/plan.ts
function planOf(report, config) {
  const lines = [];
  for (const v of report.verdicts) {
    const r = v.request;
    if (!v.valid || !r) {
      lines.push({ file: v.file, action: "none", text: `${v.file}: no change: the request is not valid yet.` });
      continue;
    }
    const group = config.policy.groups.get(r.group);
    const owners = ownersOf(config.codeowners, v.file).map(formatOwner).join(", ");
    const n = group.approvals;
    lines.push({
      file: v.file,
      action: "add",
      text: `${v.file}: would add ${r.requester} to ${r.group} (Entra group ${group.id}) ${r.durationMs !== void 0 ? `for ${formatDuration(r.durationMs)} from the merge` : `until ${r.expires}`}, once ${n} code owner${n === 1 ? "" : "s"} of requests/${r.group}/ (${owners}) other than ${r.requester} approve${n === 1 ? "s" : ""} the final commit.`
    });
  }
  for (const d of report.deletions) {
    const group = d.file.split("/")[1] ?? "";
    lines.push({ file: d.file, action: "remove", text: `${d.file}: would end ${d.requester ?? "the requester"}'s membership of ${group} now, unless another approved, active request covers it.` });
  }
  return lines;
}

export {
  reportHasErrors,
  validateTree,
  validatePullRequest,
  judgeChanges,
  planOf
};
