import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  mayRequest,
  requesterTeams
} from "./chunk-PM7GH4VV.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-LRULQWW5.js";

// src/breakglass/breakglass.ts
var BREAK_GLASS_WORKFLOW = "access-break-glass.yml";
var BREAK_GLASS_LABEL = "access-break-glass";
var runTitle = (group, duration, login) => `break-glass ${group} for ${duration} by ${login}`;
var TITLE = /^break-glass ([a-z0-9][a-z0-9._-]{0,63}) for ((?=[0-9])(?:[0-9]+d)?(?:[0-9]+h)?(?:[0-9]+m)?) by ([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;
var breakGlassSource = (run) => `break-glass run ${run}`;
var isBreakGlassSource = (file) => file.startsWith("break-glass run ");
function breakGlassWindow(policy) {
  return Math.max(0, ...[...policy.groups.values()].map((g) => g.breakGlass?.maxDurationMs ?? 0));
}
function breakGlassTeams(policy) {
  const teams = /* @__PURE__ */ new Map();
  for (const g of policy.groups.values()) {
    for (const t of requesterTeams(g.breakGlass?.requesters ?? [])) {
      const [org, slug] = t.split("/");
      teams.set(t, { org, slug });
    }
  }
  return [...teams.values()];
}
function readRecord(run, branch) {
  const not = (why) => ({ run: run.id, why });
  if (run.event !== "workflow_dispatch" || run.path.replace(/@.*$/, "") !== `.github/workflows/${BREAK_GLASS_WORKFLOW}`)
    return not("not a manual run of the break-glass workflow.");
  if (!run.succeededForActor) return not(`no attempt started by ${run.actor} succeeded.`);
  if (run.headBranch !== branch || !run.onDefaultBranch)
    return not(`it ran on ${run.headSha.slice(0, 7)} ("${run.headBranch}"), which is not on ${branch}'s history: only runs of the default branch count.`);
  if (!run.workflowAsOnDefault) return not(`the break-glass workflow at ${run.headSha.slice(0, 7)} is not the one on ${branch} now.`);
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
function grantsFromRuns(runs, policy, branch, now, memberships) {
  return runs.flatMap((run) => {
    const j = judgeBreakGlassRun(run, policy, branch, memberships);
    return "grant" in j && j.grant.end > now ? [j.grant] : [];
  });
}

export {
  BREAK_GLASS_WORKFLOW,
  BREAK_GLASS_LABEL,
  runTitle,
  breakGlassSource,
  isBreakGlassSource,
  breakGlassWindow,
  breakGlassTeams,
  readRecord,
  judgeBreakGlassRun,
  grantsFromRuns
};
