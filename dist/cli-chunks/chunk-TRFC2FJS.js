import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  mayRequest,
  requesterTeamNames
} from "./chunk-TRPAB6JR.js";
import {
  teamKey
} from "./chunk-E4JGT2Z2.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-WD4VLBT2.js";
import {
  successfulRuns
} from "./chunk-EHZN36YG.js";

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
var TITLE = /^break-glass ([a-z0-9][a-z0-9._-]{0,63}) for ((?=[0-9])(?:[0-9]+d)?(?:[0-9]+h)?(?:[0-9]+m)?) by ([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;
var breakGlassSource = (run) => `break-glass run ${run}`;
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

// src/breakglass/records.ts
var SHA = /^[0-9a-f]{40}$/;
async function proveRuns(git, reader, head, workflow, runs) {
  const path = `.github/workflows/${workflow}`;
  const now = (await reader.read(`${head}:${path}`))?.oid;
  const proofs = /* @__PURE__ */ new Map();
  const out = [];
  for (const r of runs) {
    const sha = SHA.test(r.headSha) ? r.headSha : "";
    let proof = proofs.get(sha);
    if (!proof) {
      const onDefaultBranch = sha !== "" && await git.tryRun(["merge-base", "--is-ancestor", sha, head]) !== void 0;
      const then = onDefaultBranch ? await reader.read(`${sha}:${path}`) : void 0;
      proof = { onDefaultBranch, workflowAtCommit: then?.type === "blob", workflowAsOnDefault: then?.type === "blob" && then.oid === now };
      proofs.set(sha, proof);
    }
    out.push({ ...r, ...proof });
  }
  return out;
}
async function recordedRuns(git, reader, head, rule, runs) {
  return (await proveRuns(git, reader, head, rule.workflow, runs)).filter((r) => recordProblem(r, rule) === void 0);
}
var reconcileRunRule = (branch, workflow) => ({ branch, workflow, events: ["schedule", "push"], workflowAsNow: false });
async function reconcileRuns(gh, repo, git, at, workflow, since, newestPage = false) {
  const { runs, cut } = await successfulRuns(gh, repo, workflow, since, newestPage);
  const reader = git.catFile();
  try {
    return { runs: await recordedRuns(git, reader, at.head, reconcileRunRule(at.branch, workflow), runs), cut };
  } finally {
    reader.close();
  }
}
async function breakGlassRuns(githubFacts, git, reader, head, since) {
  const runs = await githubFacts.dispatchRuns(BREAK_GLASS_WORKFLOW, since);
  if (runs.length === 0) return [];
  const proven = await proveRuns(git, reader, head, BREAK_GLASS_WORKFLOW, runs);
  const out = [];
  for (const r of proven) {
    const mine = (login) => login !== "" && login.toLowerCase() === r.actor.toLowerCase();
    let succeeded = r.conclusion === "success" && mine(r.triggeringActor);
    for (let n = r.attempt - 1; !succeeded && n >= 1; n--) {
      const a = await githubFacts.runAttempt(r.id, n);
      succeeded = a.conclusion === "success" && mine(a.triggeringActor);
    }
    out.push({
      id: r.id,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      title: r.title,
      actor: r.actor,
      headBranch: r.headBranch,
      headSha: r.headSha,
      path: r.path,
      event: r.event,
      succeededForActor: succeeded,
      onDefaultBranch: r.onDefaultBranch,
      workflowAtCommit: r.workflowAtCommit,
      workflowAsOnDefault: r.workflowAsOnDefault
    });
  }
  return out;
}

export {
  BREAK_GLASS_LABEL,
  breakGlassSource,
  breakGlassWindow,
  breakGlassTeams,
  readRecord,
  judgeBreakGlassRun,
  breakGlassGrantProblem,
  reconcileRuns,
  breakGlassRuns
};
