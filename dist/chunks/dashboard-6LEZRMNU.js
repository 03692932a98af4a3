import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  DASHBOARD_LOOKBACK_MS,
  breakGlassUses,
  useRow
} from "./chunk-NIILGOAS.js";
import {
  createIssue,
  issuesWithLabel,
  pinIssue,
  setIssueBody
} from "./chunk-VXJK4BJA.js";
import "./chunk-WXKBUTD3.js";
import {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  editedByPerson,
  isDashboard,
  needsEdit,
  publishedCatalogue,
  publishedDrift,
  publishedPending,
  renderDashboard
} from "./chunk-DOCLHBMY.js";
import "./chunk-VDWJA76S.js";
import "./chunk-HJJGYVXC.js";
import {
  pendingApprovers,
  teamMemberships
} from "./chunk-IBMDKVGE.js";
import {
  GITHUB_LOGIN,
  splitRequestPath
} from "./chunk-WJQAL5O4.js";
import "./chunk-OSJQDFGN.js";
import {
  GitHubFacts
} from "./chunk-GAF3CNPK.js";
import "./chunk-RTSR7ASI.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-34OC5ZRV.js";
import "./chunk-TF77OBEX.js";
import "./chunk-AVZCSXTZ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
import "./chunk-3L64JI35.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";

// src/commands/dashboard.ts
async function planDashboard(gh, teamsGh, repo, git, report, now, lateMs, catalogue, reviews = {}) {
  const githubFacts = new GitHubFacts(gh, repo, teamsGh);
  const open = await githubFacts.openRequestPulls(report.branch);
  const pairs = open.flatMap(
    (p) => p.paths.flatMap(
      (path) => report.ownersOf(path).flatMap(
        (o) => o.kind === "team" ? p.reviews.filter((r) => GITHUB_LOGIN.test(r.reviewer)).map((r) => ({ org: o.org, slug: o.slug, login: r.reviewer })) : []
      )
    )
  );
  const teams = pairs.length > 0 ? await githubFacts.teamMemberships(pairs) : /* @__PURE__ */ new Map();
  const memberships = teamMemberships(teams);
  const policyGroups = report.config.policy.groups;
  const people = { identities: report.config.identities, upnIds: /* @__PURE__ */ new Map() };
  const pending = open.map((p) => {
    const groups = [...new Set(p.paths.map((path) => splitRequestPath(path)?.group).filter((g) => g !== void 0 && policyGroups.has(g)))].sort();
    const author = GITHUB_LOGIN.test(p.author) ? p.author : "unknown";
    const reviews2 = p.reviews.filter((r) => GITHUB_LOGIN.test(r.reviewer));
    const approvers = pendingApprovers({ ...p, reviews: reviews2 }, p.paths.map(report.ownersOf), memberships, people);
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
      since: now - DASHBOARD_LOOKBACK_MS,
      ...reviews.directory ? { resolveUsers: (refs) => reviews.directory.resolveUsers(refs) } : {},
      ...reviews.memory ? { memory: reviews.memory } : {}
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
  return { next: renderDashboard(data), render: (status) => renderDashboard({ ...data, status }), pending };
}
async function applyDashboard(gh, repo, next, now) {
  const githubFacts = new GitHubFacts(gh, repo);
  const candidates = (await issuesWithLabel(gh, repo, DASHBOARD_LABEL)).filter((i) => i.authorBot && isDashboard(i.body));
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
  const candidates = (await issuesWithLabel(gh, repo, DASHBOARD_LABEL)).filter((i) => i.authorBot && isDashboard(i.body));
  const current = candidates.sort((a, b) => a.number - b.number)[0];
  if (!current) return { why: "no access dashboard yet: the sweep publishes what each group confers there once it runs with dashboard: true" };
  const edits = await new GitHubFacts(gh, repo).issueEdits(current.number);
  if (!edits) return { why: `the access dashboard #${current.number} could not be read` };
  if (editedByPerson(edits))
    return {
      why: `the access dashboard #${current.number} was last edited by ${edits.editor.login}, not the sweep, so what it says is not shown; the next sweep rewrites it`
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
