import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  formatOwner,
  teamKey
} from "./chunk-AVZCSXTZ.js";

// src/identities/people.ts
function personOf(people, login) {
  const ref = people.identities.users.get(login.toLowerCase());
  if (!ref) return `login:${login.toLowerCase()}`;
  if ("id" in ref) return `id:${ref.id.toLowerCase()}`;
  const id = people.upnIds.get(ref.upn.toLowerCase());
  return id ? `id:${id.toLowerCase()}` : `upn:${ref.upn.toLowerCase()}`;
}
function samePerson(people, a, b) {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  return people !== void 0 && personOf(people, a) === personOf(people, b);
}
function samePersonWhy(people, a, b) {
  const ref = people.identities.users.get(a.toLowerCase());
  return `${a} and ${b} are the same Entra user (${"id" in ref ? ref.id : ref.upn}) in ${people.identities.file}`;
}
function upnsToResolve(identities, comparisons) {
  const out = /* @__PURE__ */ new Set();
  for (const logins of comparisons) {
    const refs = logins.map((l) => identities.users.get(l.toLowerCase())).filter((r) => r !== void 0);
    if (!refs.some((r) => "id" in r)) continue;
    for (const r of refs) if ("upn" in r) out.add(r.upn.toLowerCase());
  }
  return [...out].sort();
}
async function gatherPeople(identities, comparisons, resolve) {
  return {
    identities,
    upnIds: await upnIdsOf(
      [...comparisons].map((logins) => ({ identities, logins })),
      resolve
    )
  };
}
async function upnIdsOf(comparisons, resolve) {
  const upns = [...new Set(comparisons.flatMap((c) => upnsToResolve(c.identities, [c.logins])))].sort();
  const upnIds = /* @__PURE__ */ new Map();
  if (upns.length === 0 || !resolve) return upnIds;
  const found = await resolve(upns.map((upn) => ({ upn })));
  upns.forEach((upn, i) => {
    const id = found[i]?.id;
    if (id) upnIds.set(upn, id.toLowerCase());
  });
  return upnIds;
}

// src/approval/approval.ts
function excludedApprover(who, input) {
  const roles = [
    [input.requester, "the requester"],
    [input.author, "the author of the pull request"],
    ...input.pushers.map((p) => [p, "someone who pushed commits to the pull request"])
  ];
  for (const [login, role] of roles) {
    if (login === "" || !samePerson(input.people, who, login)) continue;
    if (who.toLowerCase() === login.toLowerCase())
      return role === "the requester" ? "is the requester" : role.startsWith("the author") ? "is the author of the pull request" : "pushed commits to the pull request";
    return `is ${role} ${login} under another GitHub account (${samePersonWhy(input.people, who, login)})`;
  }
  return void 0;
}
function distinctPeople(logins, people) {
  const counted = [];
  const repeats = [];
  for (const who of logins) {
    const earlier = counted.find((c) => samePerson(people, c, who));
    if (earlier === void 0) counted.push(who);
    else repeats.push({ reviewer: who, why: `is ${earlier} under another GitHub account (${samePersonWhy(people, who, earlier)}); one person approves once` });
  }
  return { counted, repeats };
}
var WEB_FLOW = "web-flow";
function pushersOf(commits) {
  const pushers = /* @__PURE__ */ new Set();
  for (const c of commits) for (const l of [c.author, c.committer]) if (l && l.toLowerCase() !== WEB_FLOW) pushers.add(l.toLowerCase());
  return [...pushers];
}
function approvalLogins(requester, pull) {
  const approvers = pull.reviews.flatMap((r) => r.state === "APPROVED" && r.reviewer ? [r.reviewer] : []);
  return [
    ...new Set(
      [...requester ? [requester] : [], ...pull.author ? [pull.author] : [], ...pushersOf(pull.commits), ...approvers].map((l) => l.toLowerCase())
    )
  ];
}
function reviewsBeforeMerge(reviews, mergedAt) {
  return reviews.filter((r) => r.reviewer !== null && !r.bot && r.submittedAt !== null && Date.parse(r.submittedAt) <= mergedAt).map((r, i) => ({
    id: i,
    reviewer: r.reviewer,
    state: r.state,
    commitId: r.commit,
    submittedAt: r.submittedAt,
    ...r.onBehalfOf ? { onBehalfOf: r.onBehalfOf } : {},
    ...r.onBehalfOfUnread ? { onBehalfOfUnread: r.onBehalfOfUnread } : {}
  }));
}
function onBehalfWords(review, teams) {
  const names = teams.map(formatOwner).join(" or ");
  return review.onBehalfOfUnread ? `, and whether GitHub recorded the review as made on behalf of ${names} could not be read: could not read the team records (${review.onBehalfOfUnread}). Give the action a teams-token that can read the organisation's teams (a GitHub App token with Members: read; docs/setup.md, step 6)` : `, and GitHub did not record the review as made on behalf of ${names}`;
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
  return owners.some((o) => o.kind === "user" && o.login === l || o.kind === "team" && teamMemberships2.has(`${teamKey(o)}:${l}`));
}
function reviewedAsOwner(review, owners) {
  const l = review.reviewer.toLowerCase();
  const teams = new Set((review.onBehalfOf ?? []).map((t) => t.toLowerCase()));
  return owners.some((o) => o.kind === "user" && o.login === l || o.kind === "team" && teams.has(teamKey(o)));
}
function pendingApprovers(pull, owners, memberships, people) {
  const facts = pull.reviews.map((r, i) => ({ id: i, reviewer: r.reviewer, state: r.state, commitId: r.commit, submittedAt: null }));
  const owning = latestDecisiveReviews(facts).filter((r) => r.state === "APPROVED" && r.commitId === pull.head).map((r) => r.reviewer).filter(
    (who) => !excludedApprover(who, { requester: pull.author, author: pull.author, pushers: [], people }) && owners.every((o) => isCodeOwner(who, o, memberships))
  );
  return distinctPeople(owning, people).counted.sort();
}
function evaluateApprovals(input) {
  const approvers = [];
  const approvedAt = {};
  const ignored = [];
  for (const review of latestDecisiveReviews(input.reviews)) {
    const who = review.reviewer;
    if (review.state !== "APPROVED") {
      ignored.push({ reviewer: who, why: review.state === "DISMISSED" ? "their approval was dismissed" : "requested changes" });
      continue;
    }
    const why = excludedApprover(who, input);
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
        why: `is not a code owner of this file (owners: ${input.owners.map(formatOwner).join(" ") || "none"})${teams.length > 0 ? onBehalfWords(review, teams) : ""}`,
        ...teams.length > 0 ? { ownerTeams: teams } : {}
      });
    } else {
      approvers.push(who);
      approvedAt[who] = review.submittedAt;
    }
  }
  const { counted, repeats } = distinctPeople(approvers, input.people);
  for (const r of repeats) delete approvedAt[r.reviewer];
  ignored.push(...repeats);
  return { ok: counted.length >= input.required, required: input.required, approvers: counted, approvedAt, ignored };
}
function choosePull(landing, candidates, defaultBranch) {
  const merged = candidates.filter((p) => p.merged && p.baseRefName === defaultBranch);
  return merged.find((p) => p.mergeCommit === landing) ?? (merged.length === 1 ? merged[0] : void 0);
}

export {
  samePerson,
  samePersonWhy,
  gatherPeople,
  upnIdsOf,
  pushersOf,
  approvalLogins,
  reviewsBeforeMerge,
  teamMemberships,
  isCodeOwner,
  pendingApprovers,
  evaluateApprovals,
  choosePull
};
