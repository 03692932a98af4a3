import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  BREAK_GLASS_LABEL,
  breakGlassRuns,
  readRecord
} from "./chunk-TRFC2FJS.js";
import {
  gatherPeople,
  isCodeOwner,
  samePerson,
  samePersonWhy,
  teamMemberships
} from "./chunk-NVXYE22V.js";
import {
  memoryFolder,
  memoryHead,
  openJson,
  sealJson
} from "./chunk-IRVF5XU5.js";
import {
  ownersOf
} from "./chunk-E4JGT2Z2.js";

// src/github/issues.ts
function authorOf(user) {
  return { author: user?.login ?? "", authorBot: user?.type === "Bot" };
}
async function issuesWithLabel(gh, repo, label) {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, labels: label, state: "open", per_page: 100 });
  return issues.filter((i) => !i.pull_request).map((i) => ({ number: i.number, ...authorOf(i.user), body: i.body ?? "", nodeId: i.node_id }));
}
async function createIssue(gh, repo, title, body, labels) {
  const { data } = await gh.rest.issues.create({ ...repo, title, body, labels });
  return { number: data.number, ...authorOf(data.user), body: data.body ?? "", nodeId: data.node_id };
}
async function setIssueBody(gh, repo, number, body) {
  await gh.rest.issues.update({ ...repo, issue_number: number, body });
}
async function pinIssue(gh, issueNodeId) {
  try {
    await gh.graphql("mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number } } }", { id: issueNodeId });
    return void 0;
  } catch (error) {
    const errors = error.errors;
    const why = errors?.length ? errors.map((e) => String(e.message)).join("; ") : error.message.replace(/\s+/g, " ");
    return /3 pinned issues/.test(why) ? `${why} (GitHub pins at most three issues per repository: unpin one, and the next sweep pins the dashboard).` : why;
  }
}
async function issuesWithLabelAll(gh, repo, label, detail = () => true, alsoBy) {
  const labelled = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, labels: label, state: "all", per_page: 100 });
  const byBot = alsoBy ? await gh.paginate(gh.rest.issues.listForRepo, { ...repo, creator: alsoBy, state: "all", per_page: 100 }) : [];
  const issues = [...new Map([...labelled, ...byBot].map((i) => [i.number, i])).values()];
  const out = [];
  for (const i of issues.filter((x) => !x.pull_request)) {
    const base = {
      number: i.number,
      ...authorOf(i.user),
      body: i.body ?? "",
      nodeId: i.node_id,
      state: i.state === "closed" ? "closed" : "open",
      createdAt: i.created_at
    };
    if (base.state === "closed" && i.state_reason !== "completed") base.closed = { by: "", at: i.closed_at ?? "", reason: i.state_reason ?? null };
    else if (base.state === "closed" && detail(base)) {
      const events = await gh.paginate(gh.rest.issues.listEvents, { ...repo, issue_number: i.number, per_page: 100 });
      const last = [...events].reverse().find((e) => e.event === "closed" || e.event === "reopened");
      if (last?.event === "closed" && last.actor?.login) base.closed = { by: last.actor.login, at: last.created_at, reason: last.state_reason ?? null };
    }
    out.push(base);
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
  issuesWithLabel,
  createIssue,
  setIssueBody,
  pinIssue,
  DASHBOARD_LOOKBACK_MS,
  breakGlassUses,
  verdictFiles,
  useRow,
  reviewedRuns
};
