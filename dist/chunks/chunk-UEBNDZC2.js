import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  BREAK_GLASS_WORKFLOW
} from "./chunk-DW3DZREC.js";
import {
  formatOwner
} from "./chunk-VQUDJ5CE.js";

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
    } else approvers.push(who);
  }
  return { ok: approvers.length >= input.required, required: input.required, approvers, ignored };
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

export {
  pushersOf,
  reviewsBeforeMerge,
  teamMemberships,
  isCodeOwner,
  evaluateApprovals,
  breakGlassRuns
};
