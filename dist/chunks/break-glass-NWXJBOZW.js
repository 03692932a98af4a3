import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  UserResolver
} from "./chunk-2ZD53LPU.js";
import "./chunk-MVHJ5TNF.js";
import {
  decideBreakGlass,
  isReviewed,
  markedIssues,
  reviewIssue,
  reviewerNames,
  reviewersOf
} from "./chunk-4HFVU7CA.js";
import {
  BREAK_GLASS_LABEL,
  GitHubGraph,
  teamMemberships
} from "./chunk-S6MBH25N.js";
import {
  error,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-MTMMHOWZ.js";
import {
  context
} from "./chunk-HX2GNITY.js";
import "./chunk-TS7CM3PC.js";
import {
  workingTree
} from "./chunk-YPZINFMM.js";
import {
  createAssignedIssue,
  issuesWithLabelAll
} from "./chunk-R6TGSEQO.js";
import "./chunk-KQ2N5VNL.js";
import {
  GITHUB_LOGIN,
  loadConfig
} from "./chunk-AZHQUHQE.js";
import "./chunk-OPVTYMUJ.js";
import "./chunk-JVDOX7YH.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import {
  formatTimestamp
} from "./chunk-KAUG6AWK.js";
import {
  ConfigError
} from "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";

// src/action/break-glass.ts
async function runBreakGlass(settings, services, notify) {
  const defaultBranch = context.payload.repository?.default_branch;
  if (settings.eventName !== "workflow_dispatch" || typeof defaultBranch !== "string" || settings.github.ref !== `refs/heads/${defaultBranch}`) {
    throw new ConfigError(`break-glass runs only from workflow_dispatch on the default branch, not "${settings.eventName}" on ${settings.github.ref}.`);
  }
  const runId = Number(process.env.GITHUB_RUN_ID);
  const actor = process.env.GITHUB_ACTOR ?? "";
  if (!Number.isInteger(runId) || runId <= 0 || !GITHUB_LOGIN.test(actor)) throw new ConfigError("GITHUB_RUN_ID and GITHUB_ACTOR must be set by the runner.");
  const inputs = context.payload.inputs ?? {};
  const { gh, repo, directory } = await services(settings);
  const config = await loadConfig(workingTree(settings.workspace));
  const { data: run } = await gh.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
  const graph = new GitHubGraph(gh, repo);
  const teams = /* @__PURE__ */ new Map();
  const readTeams = async (wanted) => {
    const missing = wanted.filter((t) => !teams.has(`${t.org}/${t.slug}`.toLowerCase()));
    for (const [key, members] of await graph.teamMembers(missing)) teams.set(key, members);
  };
  const teamMembers = async (team) => {
    const key = team.replace(/^@/, "").toLowerCase();
    const [org, slug] = key.split("/");
    await readTeams([{ org, slug }]);
    return teams.get(key) ?? "not found";
  };
  const marked = markedIssues(await issuesWithLabelAll(gh, repo, BREAK_GLASS_LABEL));
  await readTeams(marked.flatMap(({ marker }) => reviewersOf(config, marker.group).flatMap((o) => o.kind === "team" ? [{ org: o.org, slug: o.slug }] : [])));
  const memberships = teamMemberships(teams);
  const previous = marked.map(({ issue: issue2, marker }) => ({ number: issue2.number, run: marker.run, group: marker.group, login: marker.login, reviewed: isReviewed(issue2, marker.login, reviewersOf(config, marker.group), memberships) }));
  const decision = await decideBreakGlass(inputs, { actor, run: runId, runCreatedAt: Date.parse(run.created_at), now: Date.now(), config, teamMembers, previous });
  if (!decision.ok) {
    for (const r of decision.reasons) error(`break-glass refused: ${r}`, { title: "access-as-code break-glass" });
    setOutput("break-glass", JSON.stringify({ granted: false, reasons: decision.reasons }));
    setFailed(`access-as-code: break-glass refused; nothing was granted.`);
    return;
  }
  const group = config.policy.groups.get(decision.group);
  const target = await new UserResolver(config, directory).groupAndUser(decision.group, decision.login);
  if (typeof target === "string") throw new ConfigError(target);
  const end = formatTimestamp(decision.end);
  const owners = reviewersOf(config, decision.group);
  const runUrl = `${(process.env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "")}/${repo.owner}/${repo.repo}/actions/runs/${runId}`;
  if (group.backend === "pim") {
    const [outcome] = await directory.applyPim([{ action: "adminAssign", groupId: target.groupId, principalId: target.userId, end, justification: `access-as-code break-glass by ${decision.login}, run ${runId}, run ${runUrl}` }]);
    if (!outcome?.done && !/already/.test(outcome?.detail ?? "")) throw new ConfigError(`the PIM assignment was not made: ${outcome?.detail ?? "no answer"}`);
  } else {
    const [outcome] = await directory.apply([{ op: "add", groupId: target.groupId, memberId: target.userId }]);
    if (!outcome?.done) throw new ConfigError(`the membership was not added: ${outcome?.detail ?? "no answer"}`);
  }
  const existing = previous.find((p) => p.run === runId);
  const issue = existing ? { number: existing.number } : await (async () => {
    const text = reviewIssue(decision, runId, runUrl, owners);
    return createAssignedIssue(gh, repo, text.title, text.body, [BREAK_GLASS_LABEL], owners.flatMap((o) => o.kind === "user" ? [o.login] : []).slice(0, 10));
  })();
  const loud = `BREAK-GLASS: ${decision.login} is a member of ${decision.group} until ${end}, without review. Code owners review it in #${issue.number}.`;
  warning(loud, { title: "access-as-code break-glass" });
  await summary.addHeading("\u{1F6A8} Break-glass access granted", 2).addRaw(`<p><b>${decision.login}</b> is a member of <b>${decision.group}</b> until ${end} UTC (${decision.duration}), granted without review. Review: #${issue.number}, assigned to ${reviewerNames(owners).join(", ") || "the code owners"}.</p>`, true).write();
  setOutput("break-glass", JSON.stringify({ granted: true, group: decision.group, login: decision.login, end, issue: issue.number }));
  await notify(settings, [{ kind: "break-glass", group: decision.group, who: decision.login, until: end, issue: issue.number, reason: decision.reason }]);
}
export {
  runBreakGlass
};
