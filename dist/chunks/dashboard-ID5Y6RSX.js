import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  isDashboard,
  needsEdit,
  renderDashboard
} from "./chunk-QMLUFZVP.js";
import {
  reviewsOf
} from "./chunk-4HFVU7CA.js";
import {
  BREAK_GLASS_LABEL,
  GitHubGraph,
  isCodeOwner,
  teamMemberships
} from "./chunk-S6MBH25N.js";
import {
  createIssue,
  issuesWithLabel,
  issuesWithLabelAll,
  pinIssue,
  setIssueBody
} from "./chunk-R6TGSEQO.js";
import "./chunk-KQ2N5VNL.js";
import {
  splitRequestPath
} from "./chunk-JVDOX7YH.js";
import "./chunk-LRULQWW5.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";

// src/action/dashboard.ts
async function updateDashboard(gh, repo, report, now, lateMs) {
  const graph = new GitHubGraph(gh, repo);
  const open = await graph.openRequestPulls(report.branch);
  const ownerTeams = new Map(open.flatMap((p) => p.paths.flatMap((path) => report.ownersOf(path).flatMap((o) => o.kind === "team" ? [[`${o.org}/${o.slug}`, o]] : []))));
  const teams = await graph.teamMembers([...ownerTeams.values()]);
  const memberships = teamMemberships(teams);
  const pending = open.map((p) => {
    const groups = [...new Set(p.paths.map((path) => splitRequestPath(path)?.group).filter((g) => g !== void 0))].sort();
    const approvers = p.approvers.filter((a) => a.toLowerCase() !== p.author.toLowerCase() && p.paths.every((path) => isCodeOwner(a, report.ownersOf(path), memberships)));
    return { number: p.number, author: p.author, groups, approvers, needed: Math.max(1, ...groups.map((g) => report.approvals.get(g) ?? 1)) };
  });
  const unreadableTeams = [...teams.values()].some((t) => typeof t === "string");
  const unreviewed = reviewsOf(await issuesWithLabelAll(gh, repo, BREAK_GLASS_LABEL)).filter((r) => !r.reviewed);
  const data = { status: report.status, pending, ...unreadableTeams ? { teamsUnreadable: true } : {}, exemptionsDue: report.exemptionsDue, unreviewed, sweptAt: now, ...lateMs !== void 0 ? { lateMs } : {} };
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
