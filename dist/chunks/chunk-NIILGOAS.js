import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  issuesWithLabelAll
} from "./chunk-VXJK4BJA.js";
import {
  BREAK_GLASS_LABEL,
  BREAK_GLASS_WORKFLOW,
  readRecord,
  recordProblem
} from "./chunk-WXKBUTD3.js";
import {
  gatherPeople,
  isCodeOwner,
  samePerson,
  samePersonWhy,
  teamMemberships
} from "./chunk-IBMDKVGE.js";
import {
  memoryFolder,
  memoryHead,
  openJson,
  sealJson
} from "./chunk-OSJQDFGN.js";
import {
  successfulRuns
} from "./chunk-GAF3CNPK.js";
import {
  ownersOf
} from "./chunk-AVZCSXTZ.js";

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

// src/breakglass/review.ts
var OPENED_WITHIN_MS = 10 * 6e4;
function issueOfUse(use, issues) {
  return issues.filter((i) => i.run === use.run && i.authorBot && i.createdAt >= use.start - 6e4 && i.createdAt <= use.updatedAt + OPENED_WITHIN_MS).sort((a, b) => a.number - b.number)[0];
}
function reviewOf(issue, login, owners, memberships, people) {
  if (!issue) return { reviewed: false, why: "no review issue was opened by the break-glass run." };
  if (issue.state !== "closed" || !issue.closed) return { reviewed: false, why: `#${issue.number} is open.` };
  const { by, at, reason } = issue.closed;
  if (reason !== "completed") return { reviewed: false, why: `#${issue.number} was closed as ${reason ?? "no reason"}, not as completed.` };
  if (by.toLowerCase() === login.toLowerCase()) return { reviewed: false, why: `#${issue.number} was closed by ${login}, who used break-glass.` };
  if (samePerson(people, by, login))
    return { reviewed: false, why: `#${issue.number} was closed by ${by}, who is ${login}, who used break-glass (${samePersonWhy(people, by, login)}).` };
  if (!isCodeOwner(by, owners, memberships)) return { reviewed: false, why: `#${issue.number} was closed by ${by}, who is not a code owner of the group.` };
  return { reviewed: true, by, at };
}
var BREAK_GLASS_MARKER = "<!-- access-as-code:break-glass";
function readMarker(body) {
  const m = /^<!-- access-as-code:break-glass (\{[^\n]*\}) -->/.exec(body);
  if (!m) return void 0;
  try {
    const v = JSON.parse(m[1]);
    return typeof v.run === "number" && typeof v.group === "string" && typeof v.login === "string" ? { run: v.run, group: v.group, login: v.login } : void 0;
  } catch {
    return void 0;
  }
}

// src/memory/verdicts.ts
var verdictPath = (run) => `verdicts/${run}.json`;
function sealVerdict(k, v) {
  return sealJson(k, verdictPath(v.run), v);
}
function openVerdict(k, run, text) {
  const opened = openJson(k, verdictPath(run), text);
  if (typeof opened === "string") return opened;
  const v = opened.value;
  if (v.run !== run || !Number.isInteger(v.issue) || typeof v.by !== "string" || typeof v.at !== "string" || typeof v.reviewed !== "boolean")
    return "not in the expected form";
  return { run, issue: v.issue, by: v.by, at: v.at, reviewed: v.reviewed, ...typeof v.why === "string" ? { why: v.why } : {} };
}
var verdictOfClose = (v, issue, close) => v !== void 0 && v.issue === issue && v.by.toLowerCase() === close.by.toLowerCase() && v.at === close.at;
async function readVerdicts(git, reader, k, runs) {
  const out = /* @__PURE__ */ new Map();
  const head = await memoryHead(git);
  if (!head) return out;
  const held = new Set((await memoryFolder(git, head, "verdicts", /^(\d{1,15})\.json$/)).map(Number));
  for (const run of new Set(runs)) {
    if (!held.has(run)) continue;
    const object = await reader.read(`${head}:${verdictPath(run)}`);
    const opened = object?.bytes ? openVerdict(k, run, Buffer.from(object.bytes).toString("utf8")) : "unreadable";
    if (typeof opened !== "string") out.set(run, opened);
  }
  return out;
}

// src/breakglass/uses.ts
var JOB_ACCOUNT = "github-actions[bot]";
var USE_LOOKBACK_MS = 365 * 864e5;
var DASHBOARD_LOOKBACK_MS = 90 * 864e5;
function reviewersOf(config, group) {
  return ownersOf(config.codeowners, `requests/${group}/break-glass.yaml`).filter((o) => o.kind !== "email");
}
async function breakGlassUses(ctx) {
  const runs = await breakGlassRuns(ctx.githubFacts, ctx.git, ctx.reader, ctx.head, ctx.since);
  const records = runs.flatMap((r) => {
    const read = readRecord(r, ctx.branch);
    return "record" in read ? [read.record] : [];
  });
  if (records.length === 0) return [];
  const wanted = new Set(records.map((r) => r.run));
  const issues = (await issuesWithLabelAll(ctx.gh, ctx.repo, BREAK_GLASS_LABEL, (i) => wanted.has(readMarker(i.body)?.run ?? -1), JOB_ACCOUNT)).flatMap(
    (i) => {
      const marker = readMarker(i.body);
      return marker && wanted.has(marker.run) ? [
        {
          number: i.number,
          author: i.author,
          authorBot: i.authorBot,
          run: marker.run,
          createdAt: Date.parse(i.createdAt),
          state: i.state,
          ...i.closed ? { closed: i.closed } : {}
        }
      ] : [];
    }
  );
  const ofUse = new Map(records.map((r) => [r.run, issueOfUse(r, issues)]));
  const pairs = records.flatMap((r) => {
    const by = ofUse.get(r.run)?.closed?.by;
    return by ? reviewersOf(ctx.config, r.group).flatMap((o) => o.kind === "team" ? [{ org: o.org, slug: o.slug, login: by }] : []) : [];
  });
  const memberships = teamMemberships(pairs.length > 0 ? await ctx.githubFacts.teamMemberships(pairs) : /* @__PURE__ */ new Map());
  const closers = records.flatMap((r) => ofUse.get(r.run)?.closed?.by ? [[r.login, ofUse.get(r.run).closed.by]] : []);
  const people = await gatherPeople(ctx.config.identities, closers, ctx.resolveUsers);
  const remembered = ctx.memory ? await readVerdicts(
    ctx.git,
    ctx.reader,
    ctx.memory,
    records.map((r) => r.run)
  ) : /* @__PURE__ */ new Map();
  return records.map((r) => ({
    ...r,
    end: r.start + r.durationMs,
    ...judgeUse(r, ofUse.get(r.run), reviewersOf(ctx.config, r.group), memberships, people, remembered.get(r.run))
  })).sort((a, b) => b.start - a.start);
}
function judgeUse(r, issue, owners, memberships, people, remembered) {
  const at = issue ? { issue: issue.number } : {};
  const close = issue?.closed;
  if (issue && close && close.by !== "" && verdictOfClose(remembered, issue.number, close))
    return {
      ...at,
      review: remembered.reviewed ? { reviewed: true, by: remembered.by, at: remembered.at } : { reviewed: false, why: remembered.why ?? "" }
    };
  const review = reviewOf(issue, r.login, owners, memberships, people);
  if (!issue || !close || close.by === "" || issue.state !== "closed") return { ...at, review };
  const judged = {
    run: r.run,
    issue: issue.number,
    by: close.by,
    at: close.at,
    reviewed: review.reviewed,
    ...review.reviewed ? {} : { why: review.why }
  };
  return { ...at, review, judged };
}
function verdictFiles(k, uses) {
  return uses.flatMap((u) => u.judged ? [sealVerdict(k, u.judged)] : []);
}
var useRow = (u) => ({
  ...u.issue !== void 0 ? { issue: u.issue } : {},
  run: u.run,
  group: u.group,
  login: u.login,
  at: new Date(u.start).toISOString(),
  reviewed: u.review.reviewed
});
async function reviewIssueOfRun(gh, repo, run) {
  const issues = (await issuesWithLabelAll(gh, repo, BREAK_GLASS_LABEL, () => false, JOB_ACCOUNT)).flatMap(
    (i) => readMarker(i.body)?.run === run.id ? [{ number: i.number, author: i.author, authorBot: i.authorBot, run: run.id, createdAt: Date.parse(i.createdAt), state: i.state }] : []
  );
  return issueOfUse({ run: run.id, start: run.createdAt, updatedAt: Date.now() }, issues)?.number;
}
function reviewedRuns(gh, repo, githubFacts, git, directory, memory) {
  return async (since, at) => {
    const uses = await breakGlassUses({
      gh,
      repo,
      githubFacts,
      git,
      reader: at.reader,
      head: at.head,
      branch: at.branch,
      config: at.config,
      since,
      ...directory ? { resolveUsers: (refs) => directory.resolveUsers(refs) } : {},
      ...memory ? { memory } : {}
    });
    return new Map(uses.map((u) => [u.run, reviewedInTime(u, at.config)]));
  };
}
function reviewedInTime(u, config) {
  if (!u.review.reviewed) return false;
  const within = config.policy.groups.get(u.group)?.breakGlass?.reviewWithinMs;
  return within === void 0 || Date.parse(u.review.at) <= u.start + within;
}

export {
  BREAK_GLASS_MARKER,
  reconcileRuns,
  breakGlassRuns,
  USE_LOOKBACK_MS,
  DASHBOARD_LOOKBACK_MS,
  reviewersOf,
  breakGlassUses,
  verdictFiles,
  useRow,
  reviewIssueOfRun,
  reviewedRuns
};
