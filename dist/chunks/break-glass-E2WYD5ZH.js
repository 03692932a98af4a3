import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  applyPlan
} from "./chunk-WLT4OSSL.js";
import {
  reconcile,
  usesSince
} from "./chunk-IB6IPYJU.js";
import {
  BREAK_GLASS_MARKER,
  USE_LOOKBACK_MS,
  reviewIssueOfRun,
  reviewedRuns,
  reviewersOf
} from "./chunk-NIILGOAS.js";
import {
  createAssignedIssue
} from "./chunk-VXJK4BJA.js";
import {
  BREAK_GLASS_LABEL
} from "./chunk-WXKBUTD3.js";
import {
  branchContext,
  effectPorts,
  error,
  escapeHtml,
  presentEffects,
  services,
  setOutput,
  summary,
  warning,
  writeOutcomes,
  writePlan
} from "./chunk-Y4JZDMBX.js";
import {
  noticeId,
  runPlan
} from "./chunk-GARHCV53.js";
import {
  approvedConfigAt,
  gitIn,
  headCommit
} from "./chunk-RQHECHN3.js";
import {
  formatTimestamp
} from "./chunk-K7U5563T.js";
import "./chunk-NVDCARJL.js";
import {
  gatherPeople,
  samePerson
} from "./chunk-IBMDKVGE.js";
import {
  GITHUB_LOGIN
} from "./chunk-WJQAL5O4.js";
import {
  context
} from "./chunk-JLLJGRDJ.js";
import "./chunk-OSJQDFGN.js";
import {
  GitHubFacts
} from "./chunk-GAF3CNPK.js";
import "./chunk-RTSR7ASI.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-ZEOJWJHX.js";
import {
  codeFence
} from "./chunk-34OC5ZRV.js";
import "./chunk-TZIH4GUF.js";
import {
  holding
} from "./chunk-22MRAGKW.js";
import "./chunk-TF77OBEX.js";
import {
  formatOwner,
  mayRequest,
  requesterTeamNames,
  teamKey
} from "./chunk-AVZCSXTZ.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
import "./chunk-3L3QTXZZ.js";
import "./chunk-3L64JI35.js";
import "./chunk-VCQJW4GH.js";
import "./chunk-W4PVMAAF.js";
import {
  ConfigError
} from "./chunk-T6N4ZH6A.js";
import {
  executeEffects
} from "./chunk-ITLW2OLJ.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";

// src/commands/break-glass.ts
var text = (v) => typeof v === "string" ? v.trim() : "";
async function decideBreakGlass(inputs, facts) {
  const group = text(inputs.group);
  const duration = text(inputs.duration) || "1h";
  const ticket = text(inputs.ticket);
  const reason = text(inputs.reason);
  const policy = facts.config.policy.groups.get(group);
  const rules = policy?.breakGlass;
  if (!policy) return { ok: false, reasons: [`the group ${JSON.stringify(group.slice(0, 64))} is not in the policy.`] };
  if (!rules) return { ok: false, reasons: [`${group} does not allow break-glass: its policy has no breakGlass section. Ask through a pull request instead.`] };
  const ms = parseDuration(duration);
  const reasons = [...inputProblems(group, duration, ms, ticket, reason, policy, rules), ...await personProblems(group, facts, rules)];
  if (ms === void 0 || reasons.length > 0) return { ok: false, reasons };
  const end = facts.runCreatedAt + ms;
  if (end <= facts.now)
    return {
      ok: false,
      reasons: [
        `this run started at ${new Date(facts.runCreatedAt).toISOString()}; its access would have ended at ${new Date(end).toISOString()}. A re-run never extends break-glass access: start a new run.`
      ]
    };
  return { ok: true, group, login: facts.actor, duration: formatDuration(ms), end, ...ticket ? { ticket } : {}, reason };
}
function inputProblems(group, duration, ms, ticket, reason, policy, rules) {
  const reasons = [];
  if (ms === void 0 || ms < 5 * 6e4)
    reasons.push(`the duration ${JSON.stringify(duration.slice(0, 20))} is not a duration of at least 5 minutes, such as 30m or 1h.`);
  else if (ms > rules.maxDurationMs) reasons.push(`the duration is ${formatDuration(ms)}; break-glass for ${group} allows at most ${rules.maxDurationText}.`);
  if (rules.requireTicket && ticket === "") reasons.push(`break-glass for ${group} needs a ticket.`);
  else if (ticket !== "" && policy.ticketPattern && !policy.ticketPattern.test(ticket.slice(0, 100)))
    reasons.push(`the ticket does not match ${policy.ticketPattern.source}.`);
  if (reason.length < 10 || reason.length > 500) reasons.push("the reason must be 10 to 500 characters: say what is broken and what you will do.");
  return reasons;
}
async function personProblems(group, facts, rules) {
  const reasons = [];
  const login = facts.actor.toLowerCase();
  if (!facts.config.identities.users.has(login)) reasons.push(`${facts.actor} has no Entra identity in ${facts.config.identities.file}.`);
  const memberships = /* @__PURE__ */ new Set();
  for (const team of requesterTeamNames(rules.requesters)) {
    const members = await facts.teamMembers(team);
    if (typeof members === "string") reasons.push(`could not read ${formatOwner({ kind: "team", ...team })}: ${members}`);
    else for (const m of members) memberships.add(`${teamKey(team)}:${m}`);
  }
  if (!mayRequest(login, rules.requesters, memberships))
    reasons.push(`${facts.actor} may not break glass for ${group}; its policy allows ${rules.requesters.join(", ")}.`);
  const people = { identities: facts.config.identities, upnIds: facts.upnIds ?? /* @__PURE__ */ new Map() };
  const unreviewed = facts.previous.filter((p) => p.run !== facts.run && p.group === group && samePerson(people, p.login, login) && !p.review.reviewed);
  if (unreviewed.length > 0) {
    const which = unreviewed.map((u) => u.issue !== void 0 ? `#${u.issue}` : `run ${u.run}`).join(", ");
    const why = unreviewed.map((u) => u.review.reviewed ? "" : u.review.why).join(" ");
    reasons.push(
      `your earlier break-glass for ${group} (${which}) has not been reviewed: a code owner of requests/${group}/ other than you must close its review issue as completed first (${why}).`
    );
  }
  return reasons;
}
var reviewerNames = (owners) => owners.map((o) => o.kind === "user" ? o.login : formatOwner(o));
function reviewIssue(d, run, runUrl, reviewers) {
  const until = formatTimestamp(d.end);
  const details = [`reason: ${d.reason}`, ...d.ticket ? [`ticket: ${d.ticket}`] : []].join("\n");
  const f = codeFence(details);
  const owners = reviewerNames(reviewers);
  return {
    title: `Break-glass: ${d.login} in ${d.group} until ${until}`,
    body: [
      `${BREAK_GLASS_MARKER} ${JSON.stringify({ run, group: d.group, login: d.login })} -->`,
      `**${d.login} used break-glass for ${d.group}**, granted at once for ${d.duration}, until ${until} UTC, by [run ${run}](${runUrl}).`,
      "",
      `${f}text`,
      details,
      f,
      "",
      `**Review:** a code owner of \`requests/${d.group}/\` (${owners.length > 0 ? owners.join(", ") : "see CODEOWNERS"}) other than ${d.login} checks what was done, then closes this issue as **completed**. Until then the report and the dashboard show it as unreviewed, and ${d.login} cannot break glass for ${d.group} again. Close it as *not planned* to leave it unreviewed.`,
      ""
    ].join("\n")
  };
}

// src/commands/break-glass-run.ts
async function planBreakGlass(ctx, run) {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  const head = await headCommit(ctx.git);
  const teamMembers = async (team) => (await githubFacts.teamMemberships([{ ...team, login: run.actor }])).get(teamKey(team)) ?? "not found";
  const { config, previous, ignored } = await approvedJudgement(ctx, githubFacts, head);
  const decision = await decideBreakGlass(run.inputs, {
    actor: run.actor,
    run: run.runId,
    runCreatedAt: run.runCreatedAt,
    now: ctx.now,
    config,
    teamMembers,
    upnIds: (await gatherPeople(
      config.identities,
      previous.map((p) => [p.login, run.actor]),
      (refs) => ctx.directory.resolveUsers(refs)
    )).upnIds,
    previous
  });
  if (!decision.ok) return { ok: false, reasons: decision.reasons, configIgnored: ignored };
  const grant = { run: run.runId, group: decision.group, login: decision.login, start: run.runCreatedAt, end: decision.end };
  const reconciled = await reconcile({
    git: ctx.git,
    githubFacts,
    directory: ctx.directory,
    now: ctx.now,
    dryRun: ctx.dryRun,
    breakGlassNow: grant,
    breakGlassReviewed: reviewedRuns(ctx.gh, ctx.repo, githubFacts, ctx.git, ctx.directory, ctx.memory),
    root: ctx.root
  });
  const end = formatTimestamp(decision.end);
  const owners = reviewersOf(config, decision.group);
  const { review, notice } = plannedEffects(decision, run, end, owners);
  return { ok: true, decision, end, owners, plan: runPlan(reconciled, [review, notice]), reconciled, review, notice, configIgnored: ignored };
}
async function applyBreakGlass(ctx, planned, run, ports) {
  const report = await applyPlan(ctx.directory, planned.reconciled);
  const entra = { changes: [...report.outcomes.values()], checks: [...report.checkOutcomes.values()] };
  const { decision, review, notice } = planned;
  const mine = report.groups.find((g) => g.group === decision.group)?.dispositions.find((d) => d.files.includes(`break-glass run ${run.runId}`));
  if (!mine || mine.outcome === "failed")
    return {
      report,
      failed: { what: "grant", why: `the break-glass membership was not made: ${mine?.detail ?? `${decision.group} could not be read in Entra`}` },
      outcomes: { ...entra, effects: [] }
    };
  let issue;
  const noComments = { listComments: async () => [], postComment: async () => void 0 };
  const [made] = await executeEffects([review], {
    ...noComments,
    reviewIssue: async (e) => {
      const existing = run.rerun ? await reviewIssueOfRun(ctx.gh, ctx.repo, { id: e.run, createdAt: e.runCreatedAt }) : void 0;
      issue = existing !== void 0 ? { number: existing } : await createAssignedIssue(ctx.gh, ctx.repo, e.title, e.body, e.labels, e.assignees);
      return `#${issue.number} ${existing !== void 0 ? "kept (a re-run of the same use)" : "opened"}`;
    }
  });
  const reviewed = made ? [made] : [];
  if (!issue || made?.status !== "done")
    return {
      report,
      failed: {
        what: "review-issue",
        why: `${decision.login} was added to ${decision.group}, but the review issue was not opened (${made?.detail ?? "no outcome"}), so this run's record covers nobody: the next sweep removes the access. Re-run the workflow to try again.`
      },
      outcomes: { ...entra, effects: reviewed }
    };
  const told = await executeEffects(
    [{ ...notice, event: { ...notice.event, issue: issue.number } }],
    { ...noComments, ...ports },
    {
      changes: /* @__PURE__ */ new Map([[review.id, { id: review.id, result: "made" }]])
    }
  );
  return { report, issue, outcomes: { ...entra, effects: [...reviewed, ...told] } };
}
function plannedEffects(decision, run, end, owners) {
  const text2 = reviewIssue(decision, run.runId, run.runUrl, owners);
  const review = {
    id: `review-issue:${run.runId}`,
    kind: "review-issue",
    run: run.runId,
    runCreatedAt: run.runCreatedAt,
    title: text2.title,
    body: text2.body,
    labels: [BREAK_GLASS_LABEL],
    assignees: owners.flatMap((o) => o.kind === "user" ? [o.login] : []).slice(0, 10),
    reason: `break-glass run ${run.runId} is reviewed by a code owner`
  };
  const announce = { kind: "break-glass", group: decision.group, who: decision.login, until: end, issue: 0, reason: decision.reason };
  const notice = { id: noticeId(announce), kind: "notice", event: announce, reason: `break-glass run ${run.runId}`, after: review.id };
  return { review, notice };
}
async function approvedJudgement(ctx, githubFacts, head) {
  const reader = ctx.git.catFile();
  try {
    const { config, ignored } = await approvedConfigAt(ctx.git, reader, githubFacts, head, ctx.defaultBranch, ctx.root);
    const previous = await usesSince(ctx, githubFacts, reader, { head, branch: ctx.defaultBranch, config }, ctx.now - USE_LOOKBACK_MS);
    return { config, previous, ignored };
  } finally {
    reader.close();
  }
}

// src/action/break-glass.ts
async function breakGlassRun(settings) {
  const defaultBranch = context.payload.repository?.default_branch;
  if (settings.eventName !== "workflow_dispatch" || typeof defaultBranch !== "string" || settings.github.ref !== `refs/heads/${defaultBranch}`) {
    throw new ConfigError(`break-glass runs only from workflow_dispatch on the default branch, not "${settings.eventName}" on ${settings.github.ref}.`);
  }
  const runId = Number(process.env.GITHUB_RUN_ID);
  const actor = process.env.GITHUB_ACTOR ?? "";
  const triggering = process.env.GITHUB_TRIGGERING_ACTOR || actor;
  if (!Number.isInteger(runId) || runId <= 0 || !GITHUB_LOGIN.test(actor)) throw new ConfigError("GITHUB_RUN_ID and GITHUB_ACTOR must be set by the runner.");
  if (triggering.toLowerCase() !== actor.toLowerCase())
    throw new ConfigError(
      `this run was started by ${actor} and re-run by ${triggering}; break-glass is granted only to the person who starts it. ${triggering}: start a new run of the workflow for yourself.`
    );
  const git = gitIn(settings.workspace);
  if ((await git.run(["rev-parse", "--is-shallow-repository"])).toString("utf8").trim() === "true") {
    throw new ConfigError(
      "the checkout is shallow, so earlier break-glass uses cannot be checked. Check out the default branch with fetch-depth: 0 (see .github/workflows/access-break-glass.yml)."
    );
  }
  return { runId, actor, defaultBranch, git };
}
function dryRun(what) {
  setOutput("break-glass", JSON.stringify({ granted: false, dryRun: true, reasons: ["dry run: the plan is printed and nothing is granted"] }));
  return { status: "refused", message: `dry run: ${what}; nothing was changed, and this run fails so that its record covers nobody.` };
}
function dispatchOf(runId, actor, run, repo) {
  return {
    runId,
    actor,
    runCreatedAt: Date.parse(run.created_at),
    inputs: context.payload.inputs ?? {},
    rerun: Number(process.env.GITHUB_RUN_ATTEMPT ?? "1") > 1 || run.run_attempt !== 1,
    runUrl: `${(process.env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "")}/${repo.owner}/${repo.repo}/actions/runs/${runId}`
  };
}
async function runBreakGlass(settings) {
  const { runId, actor, defaultBranch, git } = await breakGlassRun(settings);
  const svc = await services(settings);
  const { gh, repo } = svc;
  const { data: run } = await gh.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
  const ctx = { ...branchContext(settings, svc, git), dryRun: settings.dryRun, defaultBranch };
  const dispatch = dispatchOf(runId, actor, run, repo);
  const planned = await planBreakGlass(ctx, dispatch);
  for (const c of planned.configIgnored)
    warning(`${c.files.join(", ")} changed in ${c.sha.slice(0, 7)} without approval, so break-glass is judged without it: ${c.why}`, {
      title: "access-as-code break-glass"
    });
  if (!planned.ok) {
    for (const r of planned.reasons) error(`break-glass refused: ${r}`, { title: "access-as-code break-glass" });
    setOutput("break-glass", JSON.stringify({ granted: false, reasons: planned.reasons }));
    return { status: "refused", message: "break-glass refused; nothing was granted." };
  }
  const { decision, end, owners, plan } = planned;
  await writePlan(plan, settings.dryRun);
  if (settings.dryRun) return dryRun(`${decision.login} would be granted ${decision.group} until ${end}`);
  const applied = await applyBreakGlass(
    ctx,
    planned,
    dispatch,
    await effectPorts(settings, { listComments: async () => [], postComment: async () => void 0 })
  );
  await presentEffects(plan.effects, applied.outcomes.effects);
  await writeOutcomes(plan, applied.outcomes);
  if (applied.failed?.what === "grant") throw new ConfigError(applied.failed.why);
  if (applied.failed || !applied.issue) return { status: "failed", message: applied.failed?.why ?? "the review issue was not opened" };
  const issue = applied.issue;
  if (issue.unassigned && issue.unassigned.length > 0)
    warning(
      `the review issue #${issue.number} could not be assigned to ${issue.unassigned.join(", ")} (GitHub assigns only people with access to the repository); they are mentioned in it instead.`,
      { title: "access-as-code break-glass" }
    );
  const held = holding(planned.reconciled.config.policy, decision.group);
  const loud = `BREAK-GLASS: ${decision.login} is ${held} until ${end}, without review. Code owners review it in #${issue.number}.`;
  warning(loud, { title: "access-as-code break-glass" });
  await summary.addHeading("\u{1F6A8} Break-glass access granted", 2).addRaw(
    `<p><b>${decision.login}</b> is <b>${escapeHtml(held)}</b> until ${end} UTC (${decision.duration}), granted without review. Review: #${issue.number}, assigned to ${reviewerNames(owners).join(", ") || "the code owners"}.</p>`,
    true
  ).write();
  setOutput("break-glass", JSON.stringify({ granted: true, group: decision.group, login: decision.login, end, issue: issue.number }));
  return { status: "ok" };
}
export {
  runBreakGlass
};
