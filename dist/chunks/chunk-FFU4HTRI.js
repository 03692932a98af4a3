import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  BREAK_GLASS_LABEL,
  BREAK_GLASS_WORKFLOW,
  readRecord
} from "./chunk-DW3DZREC.js";
import {
  issuesWithLabelAll
} from "./chunk-26JLZQL2.js";
import {
  formatOwner,
  ownersOf
} from "./chunk-NEDHP5PK.js";

// src/approval/approval.ts
var WEB_FLOW = "web-flow";
function pushersOf(commits) {
  const pushers = /* @__PURE__ */ new Set();
  for (const c of commits) for (const l of [c.author, c.committer]) if (l && l.toLowerCase() !== WEB_FLOW) pushers.add(l.toLowerCase());
  return [...pushers];
}
function reviewsBeforeMerge(reviews, mergedAt) {
  return reviews.filter((r) => r.reviewer !== null && r.submittedAt !== null && Date.parse(r.submittedAt) <= mergedAt).map((r, i) => ({
    id: i,
    reviewer: r.reviewer,
    state: r.state,
    commitId: r.commit,
    submittedAt: r.submittedAt,
    ...r.onBehalfOf ? { onBehalfOf: r.onBehalfOf } : {}
  }));
}
function latestDecisiveReviews(reviews) {
  const latest = /* @__PURE__ */ new Map();
  const ordered = [...reviews].sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.id - b.id);
  for (const review of ordered) {
    if (!["APPROVED", "CHANGES_REQUESTED", "DISMISSED"].includes(review.state)) continue;
    latest.set(review.reviewer.toLowerCase(), review);
  }
  return [...latest.values()];
}
function teamMemberships(teams) {
  const out = /* @__PURE__ */ new Set();
  for (const [team, members] of teams) if (typeof members !== "string") for (const m of members) out.add(`${team}:${m}`);
  return out;
}
function isCodeOwner(login, owners, teamMemberships2) {
  const l = login.toLowerCase();
  return owners.some((o) => o.kind === "user" && o.login === l || o.kind === "team" && teamMemberships2.has(`${o.org}/${o.slug}:${l}`));
}
function reviewedAsOwner(review, owners) {
  const l = review.reviewer.toLowerCase();
  const teams = new Set((review.onBehalfOf ?? []).map((t) => t.toLowerCase()));
  return owners.some((o) => o.kind === "user" && o.login === l || o.kind === "team" && teams.has(`${o.org}/${o.slug}`));
}
function evaluateApprovals(input) {
  const excluded = /* @__PURE__ */ new Map();
  for (const p of input.pushers) excluded.set(p.toLowerCase(), "pushed commits to the pull request");
  excluded.set(input.author.toLowerCase(), "is the author of the pull request");
  excluded.set(input.requester.toLowerCase(), "is the requester");
  const approvers = [];
  const approvedAt = {};
  const ignored = [];
  for (const review of latestDecisiveReviews(input.reviews)) {
    const who = review.reviewer;
    if (review.state !== "APPROVED") {
      ignored.push({ reviewer: who, why: review.state === "DISMISSED" ? "their approval was dismissed" : "requested changes" });
      continue;
    }
    const why = excluded.get(who.toLowerCase());
    if (why) ignored.push({ reviewer: who, why });
    else if (review.commitId !== input.headSha)
      ignored.push({
        reviewer: who,
        why: `approved an earlier commit (${(review.commitId ?? "none").slice(0, 7)}), not the merged head ${input.headSha.slice(0, 7)}`
      });
    else if (!reviewedAsOwner(review, input.owners)) {
      const teams = input.owners.filter((o) => o.kind === "team");
      ignored.push({
        reviewer: who,
        why: `is not a code owner of this file (owners: ${input.owners.map(formatOwner).join(" ") || "none"})${teams.length > 0 ? `, and GitHub did not record the review as made on behalf of ${teams.map(formatOwner).join(" or ")}` : ""}`
      });
    } else {
      approvers.push(who);
      approvedAt[who] = review.submittedAt;
    }
  }
  return { ok: approvers.length >= input.required, required: input.required, approvers, approvedAt, ignored };
}

// src/breakglass/records.ts
var WORKFLOW_PATH = `.github/workflows/${BREAK_GLASS_WORKFLOW}`;
var SHA = /^[0-9a-f]{40}$/;
async function breakGlassRuns(githubFacts, git, reader, head, since) {
  const runs = await githubFacts.dispatchRuns(BREAK_GLASS_WORKFLOW, since);
  if (runs.length === 0) return [];
  const workflowNow = (await reader.read(`${head}:${WORKFLOW_PATH}`))?.oid;
  const out = [];
  for (const r of runs) {
    const mine = (login) => login !== "" && login.toLowerCase() === r.actor.toLowerCase();
    let succeeded = r.conclusion === "success" && mine(r.triggeringActor);
    for (let n = r.attempt - 1; !succeeded && n >= 1; n--) {
      const a = await githubFacts.runAttempt(r.id, n);
      succeeded = a.conclusion === "success" && mine(a.triggeringActor);
    }
    const sha = SHA.test(r.headSha) ? r.headSha : "";
    const onDefaultBranch = sha !== "" && await git.tryRun(["merge-base", "--is-ancestor", sha, head]) !== void 0;
    const workflowThen = onDefaultBranch ? (await reader.read(`${sha}:${WORKFLOW_PATH}`))?.oid : void 0;
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
      onDefaultBranch,
      workflowAsOnDefault: workflowThen !== void 0 && workflowThen === workflowNow
    });
  }
  return out;
}

// src/breakglass/review.ts
var OPENED_WITHIN_MS = 10 * 6e4;
function issueOfUse(use, issues) {
  return issues.filter((i) => i.run === use.run && i.author.endsWith("[bot]") && i.createdAt >= use.start - 6e4 && i.createdAt <= use.updatedAt + OPENED_WITHIN_MS).sort((a, b) => a.number - b.number)[0];
}
function reviewOf(issue, login, owners, memberships) {
  if (!issue) return { reviewed: false, why: "no review issue was opened by the break-glass run." };
  if (issue.state !== "closed" || !issue.closed) return { reviewed: false, why: `#${issue.number} is open.` };
  const { by, at, reason } = issue.closed;
  if (reason !== "completed") return { reviewed: false, why: `#${issue.number} was closed as ${reason ?? "no reason"}, not as completed.` };
  if (by.toLowerCase() === login.toLowerCase()) return { reviewed: false, why: `#${issue.number} was closed by ${login}, who used break-glass.` };
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
          run: marker.run,
          createdAt: Date.parse(i.createdAt),
          state: i.state,
          ...i.closed ? { closed: i.closed } : {}
        }
      ] : [];
    }
  );
  const teams = /* @__PURE__ */ new Map();
  for (const r of records)
    for (const o of reviewersOf(ctx.config, r.group)) if (o.kind === "team") teams.set(`${o.org}/${o.slug}`, { org: o.org, slug: o.slug });
  const memberships = teamMemberships(await ctx.githubFacts.teamMembers([...teams.values()]));
  return records.map((r) => {
    const issue = issueOfUse(r, issues);
    return {
      ...r,
      end: r.start + r.durationMs,
      ...issue ? { issue: issue.number } : {},
      review: reviewOf(issue, r.login, reviewersOf(ctx.config, r.group), memberships)
    };
  }).sort((a, b) => b.start - a.start);
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
    (i) => readMarker(i.body)?.run === run.id ? [{ number: i.number, author: i.author, run: run.id, createdAt: Date.parse(i.createdAt), state: i.state }] : []
  );
  return issueOfUse({ run: run.id, start: run.createdAt, updatedAt: Date.now() }, issues)?.number;
}
function reviewedRuns(gh, repo, githubFacts, git) {
  return async (since, at) => {
    const uses = await breakGlassUses({ gh, repo, githubFacts, git, reader: at.reader, head: at.head, branch: at.branch, config: at.config, since });
    return new Map(uses.map((u) => [u.run, u.review.reviewed]));
  };
}

export {
  pushersOf,
  reviewsBeforeMerge,
  teamMemberships,
  isCodeOwner,
  evaluateApprovals,
  breakGlassRuns,
  BREAK_GLASS_MARKER,
  USE_LOOKBACK_MS,
  DASHBOARD_LOOKBACK_MS,
  reviewersOf,
  breakGlassUses,
  useRow,
  reviewIssueOfRun,
  reviewedRuns
};
