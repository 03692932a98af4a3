import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  isDashboard,
  needsEdit,
  renderDashboard
} from "./chunk-AZXGJJEE.js";
import {
  reviewsOf
} from "./chunk-75IZJJYF.js";
import {
  BREAK_GLASS_LABEL,
  GitHubGraph
} from "./chunk-TFDRI4D7.js";
import {
  createIssue,
  issuesWithLabel,
  issuesWithLabelAll,
  pinIssue,
  setIssueBody
} from "./chunk-R6TGSEQO.js";
import {
  splitRequestPath
} from "./chunk-HEPALFDV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";

// src/action/dashboard.ts
async function updateDashboard(gh, repo, report, now, lateMs) {
  const open = await new GitHubGraph(gh, repo).openRequestPulls(report.branch);
  const pending = open.map((p) => {
    const groups = [...new Set(p.paths.map((path) => splitRequestPath(path)?.group).filter((g) => g !== void 0))].sort();
    return { number: p.number, author: p.author, groups, approvers: p.approvers.filter((a) => a.toLowerCase() !== p.author.toLowerCase()), needed: Math.max(1, ...groups.map((g) => report.approvals.get(g) ?? 1)) };
  });
  const unreviewed = reviewsOf(await issuesWithLabelAll(gh, repo, BREAK_GLASS_LABEL)).filter((r) => !r.reviewed);
  const data = { status: report.status, pending, exemptionsDue: report.exemptionsDue, unreviewed, sweptAt: now, ...lateMs !== void 0 ? { lateMs } : {} };
  const next = renderDashboard(data);
  const candidates = (await issuesWithLabel(gh, repo, DASHBOARD_LABEL)).filter((i) => i.author.endsWith("[bot]") && isDashboard(i.body));
  const current = candidates.sort((a, b) => a.number - b.number)[0];
  if (!current) {
    const created = await createIssue(gh, repo, DASHBOARD_TITLE, next.body, [DASHBOARD_LABEL]);
    const pin = await pinIssue(gh, created.nodeId);
    return { issue: created.number, action: "created", ...pin ? { pin } : {} };
  }
  if (!needsEdit(current.body, next, now)) return { issue: current.number, action: "unchanged" };
  await setIssueBody(gh, repo, current.number, next.body);
  return { issue: current.number, action: "edited" };
}
export {
  updateDashboard
};
