/**
 * Approval, verified independently of branch protection (docs/threat-model.md invariant 3; docs/threat-model.md 3-5):
 * at least `required` distinct reviewers whose latest review is APPROVED on the merged head commit,
 * each a code owner of the file under the base CODEOWNERS (a team through GitHub's record of the
 * review as made on its behalf), none of them
 * the requester, the pull request's author or anyone who authored or committed to it, compared as
 * logins and as people (docs/threat-model.md invariant 21: a second GitHub account mapped to the same
 * Entra user is the same person), and each person counted once however many accounts they approve with.
 * The grant, the approval of configuration changes and the dashboard's pending table all ask this rule.
 */
import { formatOwner, teamKey, type Owner } from '../codeowners/codeowners.ts';
import { samePerson, samePersonWhy, type People } from '../identities/people.ts';
import type { PullRef } from '../github/graphql.ts';

export interface ReviewFact {
  id: number;
  reviewer: string;
  state: string;
  commitId: string | null;
  submittedAt: string | null;
  /** The teams GitHub recorded the review as made on behalf of ("org/slug", lower-case). */
  onBehalfOf?: readonly string[];
  /** Why GitHub would not say on whose behalf it was given (the token cannot read teams). */
  onBehalfOfUnread?: string;
}

export interface ApprovalInput {
  required: number;
  /** The pull request's head commit when it was merged. */
  headSha: string;
  reviews: readonly ReviewFact[];
  /** Owners of the request file under the base CODEOWNERS. */
  owners: readonly Owner[];
  requester: string;
  author: string;
  /** Logins that authored or committed commits of the pull request. */
  pushers: readonly string[];
  /** Who each login is in Entra (identities of the configuration the request is judged by). */
  people?: People;
}

/** Whether `who` may not approve, and why: the requester, the author or a pusher, as a login or as a person. */
export function excludedApprover(who: string, input: Pick<ApprovalInput, 'requester' | 'author' | 'pushers' | 'people'>): string | undefined {
  const roles: [string, string][] = [
    [input.requester, 'the requester'],
    [input.author, 'the author of the pull request'],
    ...input.pushers.map((p): [string, string] => [p, 'someone who pushed commits to the pull request']),
  ];
  for (const [login, role] of roles) {
    if (login === '' || !samePerson(input.people, who, login)) continue;
    if (who.toLowerCase() === login.toLowerCase())
      return role === 'the requester'
        ? 'is the requester'
        : role.startsWith('the author')
          ? 'is the author of the pull request'
          : 'pushed commits to the pull request';
    return `is ${role} ${login} under another GitHub account (${samePersonWhy(input.people!, who, login)})`;
  }
  return undefined;
}

/** The counted approvers with each person once (a second account of someone already counted is not another approval). */
export function distinctPeople(logins: readonly string[], people: People | undefined): { counted: string[]; repeats: { reviewer: string; why: string }[] } {
  const counted: string[] = [];
  const repeats: { reviewer: string; why: string }[] = [];
  for (const who of logins) {
    const earlier = counted.find((c) => samePerson(people, c, who));
    if (earlier === undefined) counted.push(who);
    else repeats.push({ reviewer: who, why: `is ${earlier} under another GitHub account (${samePersonWhy(people!, who, earlier)}); one person approves once` });
  }
  return { counted, repeats };
}

export interface ApprovalResult {
  ok: boolean;
  required: number;
  approvers: string[];
  /** When each counted approver approved (the review's submission time, as GitHub records it). */
  approvedAt: Record<string, string | null>;
  /** Reviews that did not count, and why; `ownerTeams`: the file's owner teams a review did not count for (a team GitHub may not have shown). */
  ignored: { reviewer: string; why: string; ownerTeams?: Owner[] }[];
}

/** GitHub's own committer for commits made in the web interface; not a person who pushed. */
const WEB_FLOW = 'web-flow';

/** Logins GitHub names as author or committer of a pull request's commits (lower-case): excluded from approving. */
export function pushersOf(commits: readonly { author: string | null; committer: string | null }[]): string[] {
  const pushers = new Set<string>();
  for (const c of commits) for (const l of [c.author, c.committer]) if (l && l.toLowerCase() !== WEB_FLOW) pushers.add(l.toLowerCase());
  return [...pushers];
}

/** The logins an approval compares: the requester, the author, the pushers and those who approved. */
export function approvalLogins(
  requester: string | undefined,
  pull: {
    author: string | null;
    commits: readonly { author: string | null; committer: string | null }[];
    reviews: readonly { reviewer: string | null; state: string }[];
  },
): string[] {
  const approvers = pull.reviews.flatMap((r) => (r.state === 'APPROVED' && r.reviewer ? [r.reviewer] : []));
  return [
    ...new Set(
      [...(requester ? [requester] : []), ...(pull.author ? [pull.author] : []), ...pushersOf(pull.commits), ...approvers].map((l) => l.toLowerCase()),
    ),
  ];
}

/**
 * A pull request's reviews as approval facts; those submitted after the merge approve nothing that was
 * merged, and a bot's review is never one (docs/threat-model.md 67): told by type, because GraphQL
 * names an app's bot by its slug alone, which may equal a code owner's login.
 */
export function reviewsBeforeMerge(
  reviews: readonly {
    reviewer: string | null;
    bot: boolean;
    state: string;
    submittedAt: string | null;
    commit: string | null;
    onBehalfOf?: string[];
    onBehalfOfUnread?: string;
  }[],
  mergedAt: number,
): ReviewFact[] {
  return reviews
    .filter((r) => r.reviewer !== null && !r.bot && r.submittedAt !== null && Date.parse(r.submittedAt) <= mergedAt)
    .map((r, i) => ({
      id: i,
      reviewer: r.reviewer!,
      state: r.state,
      commitId: r.commit,
      submittedAt: r.submittedAt,
      ...(r.onBehalfOf ? { onBehalfOf: r.onBehalfOf } : {}),
      ...(r.onBehalfOfUnread ? { onBehalfOfUnread: r.onBehalfOfUnread } : {}),
    }));
}

/** Why a review counts for none of the owner teams: GitHub recorded no such team, or would not say (a token that cannot read teams). */
function onBehalfWords(review: ReviewFact, teams: readonly Owner[]): string {
  const names = teams.map(formatOwner).join(' or ');
  return review.onBehalfOfUnread
    ? `, and whether GitHub recorded the review as made on behalf of ${names} could not be read: could not read the team records (${review.onBehalfOfUnread}). Give the action a teams-token that can read the organisation's teams (a GitHub App token with Members: read; docs/setup.md, step 6)`
    : `, and GitHub did not record the review as made on behalf of ${names}`;
}

/** GitHub keeps a reviewer's latest decisive review: APPROVED, CHANGES_REQUESTED or DISMISSED. */
export function latestDecisiveReviews(reviews: readonly ReviewFact[]): ReviewFact[] {
  const latest = new Map<string, ReviewFact>();
  const ordered = [...reviews].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id - b.id);
  for (const review of ordered) {
    if (!['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state)) continue;
    latest.set(review.reviewer.toLowerCase(), review);
  }
  return [...latest.values()];
}

/** The "org/slug:login" memberships of teams read from GitHub (teams that could not be read add none). */
export function teamMemberships(teams: ReadonlyMap<string, ReadonlySet<string> | string>): Set<string> {
  const out = new Set<string>();
  for (const [team, members] of teams) if (typeof members !== 'string') for (const m of members) out.add(`${team}:${m}`);
  return out;
}

export function isCodeOwner(login: string, owners: readonly Owner[], teamMemberships: ReadonlySet<string>): boolean {
  const l = login.toLowerCase();
  return owners.some((o) => (o.kind === 'user' && o.login === l) || (o.kind === 'team' && teamMemberships.has(`${teamKey(o)}:${l}`)));
}

/**
 * Whether a review was given as a code owner of the file: by an owner named by login, or on behalf of
 * an owning team as GitHub recorded it when the review was given (docs/threat-model.md 52). Team
 * membership read later does not count: joining the team afterwards must not turn an old refusal into
 * a grant, and leaving it does not undo an approval given as its member.
 */
export function reviewedAsOwner(review: ReviewFact, owners: readonly Owner[]): boolean {
  const l = review.reviewer.toLowerCase();
  const teams = new Set((review.onBehalfOf ?? []).map((t) => t.toLowerCase()));
  return owners.some((o) => (o.kind === 'user' && o.login === l) || (o.kind === 'team' && teams.has(teamKey(o))));
}

/**
 * Who has approved an open pull request so far, by the same rule as the grant (latest decisive review,
 * of its head, not the author as login or person, each person once), with code owners judged by
 * teams read now: a forecast for the dashboard, never an input to a grant.
 */
export function pendingApprovers(
  pull: { author: string; head: string; reviews: readonly { reviewer: string; state: string; commit: string | null }[] },
  owners: readonly (readonly Owner[])[],
  memberships: ReadonlySet<string>,
  people: People | undefined,
): string[] {
  const facts = pull.reviews.map((r, i): ReviewFact => ({ id: i, reviewer: r.reviewer, state: r.state, commitId: r.commit, submittedAt: null }));
  const owning = latestDecisiveReviews(facts)
    .filter((r) => r.state === 'APPROVED' && r.commitId === pull.head)
    .map((r) => r.reviewer)
    .filter(
      (who) =>
        !excludedApprover(who, { requester: pull.author, author: pull.author, pushers: [], people }) && owners.every((o) => isCodeOwner(who, o, memberships)),
    );
  return distinctPeople(owning, people).counted.sort();
}

export function evaluateApprovals(input: ApprovalInput): ApprovalResult {
  const approvers: string[] = [];
  const approvedAt: Record<string, string | null> = {};
  const ignored: ApprovalResult['ignored'] = [];
  for (const review of latestDecisiveReviews(input.reviews)) {
    const who = review.reviewer;
    if (review.state !== 'APPROVED') {
      ignored.push({ reviewer: who, why: review.state === 'DISMISSED' ? 'their approval was dismissed' : 'requested changes' });
      continue;
    }
    const why = excludedApprover(who, input);
    if (why) ignored.push({ reviewer: who, why });
    else if (review.commitId !== input.headSha)
      ignored.push({
        reviewer: who,
        why: `approved an earlier commit (${(review.commitId ?? 'none').slice(0, 7)}), not the merged head ${input.headSha.slice(0, 7)}`,
      });
    else if (!reviewedAsOwner(review, input.owners)) {
      const teams = input.owners.filter((o) => o.kind === 'team');
      ignored.push({
        reviewer: who,
        why: `is not a code owner of this file (owners: ${input.owners.map(formatOwner).join(' ') || 'none'})${teams.length > 0 ? onBehalfWords(review, teams) : ''}`,
        ...(teams.length > 0 ? { ownerTeams: teams } : {}),
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

/**
 * The pull request to judge a landing commit by: merged into the default branch, and the one the
 * commit is the merge of. A commit that is no pull request's merge (a rebase merge's earlier commit)
 * counts only when exactly one merged pull request into the default branch contains it: with several,
 * which approval covers it is ambiguous, and nothing is granted. Requests and configuration changes
 * are both judged by the pull request this chooses.
 */
export function choosePull(landing: string, candidates: readonly PullRef[], defaultBranch: string): PullRef | undefined {
  const merged = candidates.filter((p) => p.merged && p.baseRefName === defaultBranch);
  return merged.find((p) => p.mergeCommit === landing) ?? (merged.length === 1 ? merged[0] : undefined);
}
