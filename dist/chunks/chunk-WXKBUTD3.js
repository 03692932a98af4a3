import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  mayRequest,
  requesterTeamNames,
  teamKey
} from "./chunk-AVZCSXTZ.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-LRULQWW5.js";

// src/breakglass/record-rule.ts
function recordProblem(run, rule) {
  if (!rule.events.includes(run.event) || run.path.replace(/@.*$/, "") !== `.github/workflows/${rule.workflow}`)
    return `not a ${rule.events.join(" or ")} run of ${rule.workflow} (it was a ${run.event} run of ${run.path}).`;
  if (run.headBranch !== rule.branch || !run.onDefaultBranch)
    return `it ran on ${run.headSha.slice(0, 7)} ("${run.headBranch}"), which is not on ${rule.branch}'s history: only runs of the default branch count.`;
  if (!run.workflowAtCommit) return `${rule.workflow} is not in ${run.headSha.slice(0, 7)}.`;
  if (rule.workflowAsNow && !run.workflowAsOnDefault) return `the ${rule.workflow} at ${run.headSha.slice(0, 7)} is not the one on ${rule.branch} now.`;
  return void 0;
}

// src/breakglass/breakglass.ts
var BREAK_GLASS_WORKFLOW = "access-break-glass.yml";
var BREAK_GLASS_LABEL = "access-break-glass";
var breakGlassRule = (branch) => ({ branch, workflow: BREAK_GLASS_WORKFLOW, events: ["workflow_dispatch"], workflowAsNow: true });
var runTitle = (group, duration, login) => `break-glass ${group} for ${duration} by ${login}`;
var TITLE = /^break-glass ([a-z0-9][a-z0-9._-]{0,63}) for ((?=[0-9])(?:[0-9]+d)?(?:[0-9]+h)?(?:[0-9]+m)?) by ([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;
var breakGlassSource = (run) => `break-glass run ${run}`;
var isBreakGlassSource = (file) => file.startsWith("break-glass run ");
function breakGlassWindow(policy) {
  return Math.max(0, ...[...policy.groups.values()].map((g) => g.breakGlass?.maxDurationMs ?? 0));
}
function breakGlassTeams(policy) {
  const teams = /* @__PURE__ */ new Map();
  for (const g of policy.groups.values()) for (const t of requesterTeamNames(g.breakGlass?.requesters ?? [])) teams.set(teamKey(t), t);
  return [...teams.values()];
}
function readRecord(run, branch) {
  const not = (why) => ({ run: run.id, why });
  const problem = recordProblem(run, breakGlassRule(branch));
  if (problem) return not(problem);
  if (!run.succeededForActor) return not(`no attempt started by ${run.actor} succeeded.`);
  const m = TITLE.exec(run.title);
  const ms = m ? parseDuration(m[2]) : void 0;
  if (!m || m[3].toLowerCase() !== run.actor.toLowerCase() || ms === void 0)
    return not(`its title does not name its own actor (${run.actor}), a policy group and a duration.`);
  return { record: { run: run.id, group: m[1], login: run.actor, durationMs: ms, start: run.createdAt, updatedAt: run.updatedAt } };
}
function judgeBreakGlassRun(run, policy, branch, memberships) {
  const read = readRecord(run, branch);
  if (!("record" in read)) return read;
  const { group, durationMs } = read.record;
  const not = (why) => ({ run: run.id, why });
  const rules = policy.groups.get(group)?.breakGlass;
  if (!rules) return not(`${group} does not allow break-glass (now).`);
  if (durationMs > rules.maxDurationMs) return not(`${formatDuration(durationMs)} is over ${group}'s break-glass maximum of ${rules.maxDurationText} (now).`);
  if (!mayRequest(run.actor, rules.requesters, memberships))
    return not(`${run.actor} may not break glass for ${group} now (allowed: ${rules.requesters.join(", ")}).`);
  return { grant: { run: run.id, group, login: run.actor, start: run.createdAt, end: run.createdAt + durationMs } };
}
function breakGlassGrantProblem(grant, policy) {
  const rules = policy.groups.get(grant.group)?.breakGlass;
  if (!rules) return `${grant.group} does not allow break-glass in the approved policy; nothing was granted.`;
  if (grant.end - grant.start > rules.maxDurationMs)
    return `${formatDuration(grant.end - grant.start)} is over ${grant.group}'s approved break-glass maximum of ${rules.maxDurationText}; nothing was granted.`;
  return void 0;
}
function grantsFromRuns(runs, policy, branch, now, memberships) {
  return runs.flatMap((run) => {
    const j = judgeBreakGlassRun(run, policy, branch, memberships);
    return "grant" in j && j.grant.end > now ? [j.grant] : [];
  });
}

export {
  recordProblem,
  BREAK_GLASS_WORKFLOW,
  BREAK_GLASS_LABEL,
  breakGlassRule,
  runTitle,
  breakGlassSource,
  isBreakGlassSource,
  breakGlassWindow,
  breakGlassTeams,
  readRecord,
  judgeBreakGlassRun,
  breakGlassGrantProblem,
  grantsFromRuns
};
