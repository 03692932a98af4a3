import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  isDashboard,
  needsEdit,
  publishedCatalogue,
  publishedDrift,
  publishedPending,
  renderDashboard
} from "./chunk-C2MQCPTH.js";
import {
  DASHBOARD_LOOKBACK_MS,
  breakGlassUses,
  isCodeOwner,
  teamMemberships,
  useRow
} from "./chunk-FFU4HTRI.js";
import "./chunk-P3ZVJOTG.js";
import {
  GitHubFacts
} from "./chunk-RL4FXHQR.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-DW3DZREC.js";
import {
  createIssue,
  issuesWithLabel,
  pinIssue,
  setIssueBody
} from "./chunk-26JLZQL2.js";
import "./chunk-FD3EZJRF.js";
import "./chunk-P2JL6JJG.js";
import {
  GITHUB_LOGIN,
  splitRequestPath
} from "./chunk-KIYU2QCJ.js";
import "./chunk-RGVUSR7S.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-PM7GH4VV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-NEDHP5PK.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-57O6DGYV.js";
import "./chunk-O2IOJ6N3.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";

// src/action/dashboard.ts
async function planDashboard(gh, teamsGh, repo, git, report, now, lateMs, catalogue) {
  const githubFacts = new GitHubFacts(gh, repo, teamsGh);
  const open = await githubFacts.openRequestPulls(report.branch);
  const ownerTeams = new Map(
    open.flatMap((p) => p.paths.flatMap((path) => report.ownersOf(path).flatMap((o) => o.kind === "team" ? [[`${o.org}/${o.slug}`, o]] : [])))
  );
  const teams = await githubFacts.teamMembers([...ownerTeams.values()]);
  const memberships = teamMemberships(teams);
  const policyGroups = report.config.policy.groups;
  const pending = open.map((p) => {
    const groups = [...new Set(p.paths.map((path) => splitRequestPath(path)?.group).filter((g) => g !== void 0 && policyGroups.has(g)))].sort();
    const author = GITHUB_LOGIN.test(p.author) ? p.author : "unknown";
    const approvers = p.approvers.filter(
      (a) => GITHUB_LOGIN.test(a) && a.toLowerCase() !== p.author.toLowerCase() && p.paths.every((path) => isCodeOwner(a, report.ownersOf(path), memberships))
    );
    return { number: p.number, author, groups, approvers, needed: Math.max(1, ...groups.map((g) => report.approvals.get(g) ?? 1)) };
  });
  const unreadableTeams = [...teams.values()].some((t) => typeof t === "string");
  const reader = git.catFile();
  let unreviewed;
  try {
    unreviewed = (await breakGlassUses({
      gh,
      repo,
      githubFacts,
      git,
      reader,
      head: report.head,
      branch: report.branch,
      config: report.config,
      since: now - DASHBOARD_LOOKBACK_MS
    })).filter((u) => !u.review.reviewed).map(useRow);
  } finally {
    reader.close();
  }
  const data = {
    status: report.status,
    pending,
    ...report.configIgnored.length > 0 ? { configIgnored: report.configIgnored } : {},
    ...unreadableTeams ? { teamsUnreadable: true } : {},
    exemptionsDue: report.exemptionsDue,
    unreviewed,
    sweptAt: now,
    ...lateMs !== void 0 ? { lateMs } : {},
    ...catalogue ? { catalogue } : {}
  };
  return { next: renderDashboard(data), pending };
}
async function applyDashboard(gh, repo, next, now) {
  const githubFacts = new GitHubFacts(gh, repo);
  const candidates = (await issuesWithLabel(gh, repo, DASHBOARD_LABEL)).filter((i) => i.author.endsWith("[bot]") && isDashboard(i.body));
  const current = candidates.sort((a, b) => a.number - b.number)[0];
  if (!current) {
    const created = await createIssue(gh, repo, DASHBOARD_TITLE, next.body, [DASHBOARD_LABEL]);
    const pin2 = await pinIssue(gh, created.nodeId);
    return { issue: created.number, action: "created", ...pin2 ? { pin: pin2 } : {} };
  }
  const edits = await githubFacts.issueEdits(current.number);
  const pin = edits && !edits.isPinned && edits.nodeId ? await pinIssue(gh, edits.nodeId) : void 0;
  const pinned = pin ? { pin } : {};
  if (!needsEdit(current.body, edits, next, now)) return { issue: current.number, action: "unchanged", ...pinned };
  await setIssueBody(gh, repo, current.number, next.body);
  return { issue: current.number, action: "edited", ...pinned };
}
async function readPublished(gh, repo) {
  const candidates = (await issuesWithLabel(gh, repo, DASHBOARD_LABEL)).filter((i) => i.author.endsWith("[bot]") && isDashboard(i.body));
  const current = candidates.sort((a, b) => a.number - b.number)[0];
  if (!current) return { why: "no access dashboard yet: the sweep publishes what each group confers there once it runs with dashboard: true" };
  const edits = await new GitHubFacts(gh, repo).issueEdits(current.number);
  if (!edits) return { why: `the access dashboard #${current.number} could not be read` };
  if (edits.editor !== null && !edits.editor.endsWith("[bot]"))
    return {
      why: `the access dashboard #${current.number} was last edited by ${edits.editor}, not the sweep, so what it says is not shown; the next sweep rewrites it`
    };
  const groups = publishedCatalogue(current.body);
  if (!groups) return { why: `the access dashboard #${current.number} holds no catalogue yet (the sweep writes it when it can read Graph)` };
  return {
    groups,
    drift: publishedDrift(current.body) ?? /* @__PURE__ */ new Map(),
    pending: publishedPending(current.body) ?? [],
    asOf: edits.lastEditedAt ?? edits.createdAt,
    issue: current.number
  };
}
export {
  applyDashboard,
  planDashboard,
  readPublished
};
