/**
 * Whether one request file on the default branch holds a membership, as a pure function of facts
 * gathered elsewhere (git, GitHub GraphQL): docs/threat-model.md invariants 1-5 and 12-13.
 *
 * The request counts only when the commit that last changed it on the default branch belongs to a
 * pull request that was merged into the default branch, whose approved head holds exactly the blob
 * now on the default branch, that changed nothing outside requests/, that has fewer than 250 commits
 * (GitHub lists no more, so who pushed could not be known), and that enough code owners under the
 * configuration before the merge approved at that head before it merged, none of them the requester,
 * the author or anyone whose commits it contains.
 */
import { ownersOf } from '../codeowners/codeowners.ts';
import type { AccessConfig } from '../config/config.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { formatDuration } from '../duration.ts';
import { choosePull, evaluateApprovals, pushersOf, reviewsBeforeMerge, teamMemberships, type ApprovalResult } from '../approval/approval.ts';
import { GITHUB_COMMIT_LIST_LIMIT, type PullFacts, type PullRef } from '../github/graphql.ts';
import { checkAuthor, checkOwnerOfChanged } from '../pr/rules.ts';
import { pushProblems, type PushGuarantee } from '../approval/pushers.ts';
import { mayRequest, requesterStanding } from '../policy/requesters.ts';
import { outsideRequestScope, outsideRequestScopeProblem, requestPathProblem } from '../request/path.ts';
import { judgeRequest } from '../request/verdict.ts';
import type { FileContent } from '../repo/files.ts';

export const GITHUB_FILE_LIST_LIMIT = 3000;

/** How far a landing commit's time may run ahead of GitHub's merge time (clocks differ a little). */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface RequestEvidence {
  file: string;
  /** The blob on the default branch now. */
  blob: string;
  content: FileContent;
  /** The first-parent commit that last changed the file, and what it changed (renames as delete + add). */
  landing: { sha: string; parents: string[]; landed: string[]; /** Committer time (ms): a duration counts from it. */ time?: number } | undefined;
  /** The configuration before that commit: the rules the pull request could not change. */
  baseConfig: AccessConfig | string;
  /** Requester of the file before that commit: undefined when it did not exist, null when unreadable. */
  baseRequester: string | null | undefined;
  defaultBranch: string;
  /** The pull requests GitHub associates with the landing commit. */
  candidates: PullRef[];
  /** The chosen pull request's details, and the blob at its approved head. */
  pull: PullFacts | undefined;
  headBlob: string | null | undefined;
  /** The group's requester teams: "org/slug" -> the members among those asked (the requester), or why the team could not be read. */
  teams: ReadonlyMap<string, ReadonlySet<string> | string>;
  /** Whether GitHub's rulesets guarantee nobody approved their own push (read at this run). */
  pushGuarantee: PushGuarantee;
  /** Object ids of the UPNs that tell people apart among the logins compared (identities/people.ts). */
  upnIds?: ReadonlyMap<string, string>;
  now: number;
  /** Why facts this request is judged by came in an answer in part (unavailableFor), if they did. */
  unavailable?: string;
}

export interface RequestVerification {
  approved: boolean;
  reasons: string[];
  /**
   * Set when the request could not be judged because GitHub answered in part: neither approved nor
   * refused, so the member it covers is kept and nothing is granted on it (docs/threat-model.md 68).
   */
  unavailable?: string;
  pull?: number;
  mergedAt?: string;
  createdAt?: string;
  approvers: string[];
  approval?: ApprovalResult;
}

/** The partial answers that left a request's facts unavailable, by what they were about. */
export interface UnavailableFacts {
  /** Landing commit -> why its pull requests are unknown. */
  commits: ReadonlyMap<string, string>;
  /** Pull request number -> why its commits, reviews or files are unknown. */
  pulls: ReadonlyMap<number, string>;
  /** `<head>:<path>` -> why the blob there is unknown. */
  blobs: ReadonlyMap<string, string>;
}

/**
 * Why a request cannot be judged from what GitHub said: an answer in part about its landing commit's
 * pull requests, its pull request, or the file at that pull request's head (partial data is never a
 * fact: docs/threat-model.md 68). Pure.
 */
export function unavailableFor(landing: string, pull: PullRef | undefined, file: string, unavailable: UnavailableFacts): string | undefined {
  const why =
    unavailable.commits.get(landing) ?? (pull ? (unavailable.pulls.get(pull.number) ?? unavailable.blobs.get(`${pull.headRefOid}:${file}`)) : undefined);
  return why ? `${why}. Not verified in this run: a member it covers is kept and nothing is granted on it until GitHub answers in full.` : undefined;
}

export function verifyRequest(e: RequestEvidence): RequestVerification {
  const refuse = (...reasons: string[]): RequestVerification => ({ approved: false, reasons, approvers: [], ...(e.pull ? { pull: e.pull.number } : {}) });
  if (e.unavailable) return { approved: false, unavailable: e.unavailable, reasons: [e.unavailable], approvers: [] };
  if (!e.landing)
    return refuse(`no commit on ${e.defaultBranch} within the longest allowed duration changed this file, so no approval of it can still be in force.`);
  if (typeof e.baseConfig === 'string') return refuse(e.baseConfig);
  const intoDefault = choosePull(e.landing.sha, e.candidates, e.defaultBranch);
  if (!intoDefault) return refuse(noPullReason(e));
  const pull = e.pull;
  if (!pull || pull.number !== intoDefault.number)
    return refuse(`GitHub did not return pull request #${intoDefault.number}; it is verified again on the next run.`);
  const config = e.baseConfig;
  const mergedAt = pull.mergedAt ? Date.parse(pull.mergedAt) : NaN;
  const reasons = [...pullProblems(e, pull, mergedAt), ...scopeProblems(e, pull)];
  const verdict = judgeRequest(e.file, e.content, config, e.now, 'at-rest', e.landing.time ?? e.now);
  reasons.push(...verdict.diagnostics.filter((d) => d.severity === 'error').map((d) => stripFile(formatDiagnostic(d), e.file)));
  const request = verdict.request;
  const unread = request ? unreadRequesterTeam(e, config, request) : undefined;
  if (unread) return { approved: false, unavailable: unread, reasons: [unread], approvers: [], pull: pull.number };
  const judged = request ? requestProblems(e, config, pull, request, mergedAt) : undefined;
  if (judged) reasons.push(...judged.reasons);
  const approval = judged?.approval;
  return {
    approved: reasons.length === 0 && request !== undefined,
    reasons,
    pull: pull.number,
    ...(pull.mergedAt ? { mergedAt: pull.mergedAt } : {}),
    createdAt: pull.createdAt,
    approvers: approval?.ok ? approval.approvers : [],
    ...(approval ? { approval } : {}),
  };
}

/**
 * A requester the policy admits only through a team that could not be read: neither allowed nor
 * refused (never "not a member"), so a member it covers is kept and nothing is granted on it.
 */
function unreadRequesterTeam(e: RequestEvidence, config: AccessConfig, request: Request): string | undefined {
  const requesters = config.policy.groups.get(request.group)?.requesters;
  if (requesterStanding(request.requester, requesters, teamMemberships(e.teams)) === 'yes') return undefined;
  const why = [...e.teams.values()].find((m): m is string => typeof m === 'string');
  return why ? `${why} Not verified in this run: a member it covers is kept and nothing is granted on it until the team can be read.` : undefined;
}

/** Why no pull request covers the landing commit: several, or none into the default branch. */
function noPullReason(e: RequestEvidence): string {
  const short = e.landing!.sha.slice(0, 7);
  const intoMain = e.candidates.filter((p) => p.merged && p.baseRefName === e.defaultBranch);
  if (intoMain.length > 1) {
    return `commit ${short} belongs to several merged pull requests into ${e.defaultBranch} (${intoMain.map((p) => `#${p.number}`).join(', ')}) and is the merge of none of them, so which approval covers it cannot be told. Open a new pull request for this request.`;
  }
  const elsewhere = e.candidates.filter((p) => p.baseRefName !== e.defaultBranch).map((p) => `#${p.number} (into ${p.baseRefName})`);
  return `no merged pull request contains this change: commit ${short} reached ${e.defaultBranch} by a direct push or a merge that bypassed review${elsewhere.length ? ` (approvals on ${elsewhere.join(', ')} do not count: only pull requests into ${e.defaultBranch} do)` : ''}, so nothing is granted. Open a pull request for it.`;
}

/** What is wrong with the pull request itself: not merged, other content, too many commits or files. */
function pullProblems(e: RequestEvidence, pull: PullFacts, mergedAt: number): string[] {
  const reasons: string[] = [];
  if (!pull.merged || Number.isNaN(mergedAt)) reasons.push(`pull request #${pull.number} is not merged.`);
  // Content binding: what is on the default branch must be exactly what the code owners approved.
  if (e.headBlob !== e.blob) {
    reasons.push(
      `the file on ${e.defaultBranch} is not the version approved in #${pull.number} (its head ${pull.headRefOid.slice(0, 7)}${e.headBlob ? ` holds another version` : ' does not hold this file'}): a merge combined it with other changes. Open a new pull request for the version you need.`,
    );
  }
  if (pull.commitCount >= GITHUB_COMMIT_LIST_LIMIT) {
    reasons.push(
      `#${pull.number} has ${pull.commitCount} commits; GitHub lists at most ${GITHUB_COMMIT_LIST_LIMIT}, so who pushed to it cannot be known. Open a new pull request with fewer commits.`,
    );
  }
  if (pull.changedFiles >= GITHUB_FILE_LIST_LIMIT) {
    reasons.push(
      `#${pull.number} changes ${pull.changedFiles} files, more than GitHub lists, so it cannot be verified that it changed only requests. Split it.`,
    );
  }
  return reasons;
}

type Request = NonNullable<ReturnType<typeof judgeRequest>['request']>;

/** What is wrong with the request as merged: author, duration against the merge, who may ask, approvals. */
function requestProblems(
  e: RequestEvidence,
  config: AccessConfig,
  pull: PullFacts,
  request: Request,
  mergedAt: number,
): { reasons: string[]; approval?: ApprovalResult } {
  const reasons: string[] = [];
  const author = pull.author ?? '';
  if (!pull.author) reasons.push(`GitHub names no author for #${pull.number} (a deleted account), so it cannot be checked that the requester opened it.`);
  else reasons.push(...checkAuthor(request, author).map((d) => d.message));
  if (e.baseRequester !== undefined) reasons.push(...checkOwnerOfChanged(e.file, e.baseRequester ?? undefined, author).map((d) => d.message));
  const group = config.policy.groups.get(request.group);
  reasons.push(...durationProblems(e, pull, request, group, mergedAt));
  const memberships = teamMemberships(e.teams);
  if (group?.requesters && !mayRequest(request.requester, group.requesters, memberships)) {
    reasons.push(
      `${request.requester} may not request ${request.group}: the policy allows ${group.requesters.join(', ')}, and ${request.requester} is not among them (team membership checked through the GitHub API).`,
    );
  }
  if (pull.author) reasons.push(...pushProblems(pull, pull.author, e.pushGuarantee));
  if (!group) return { reasons };
  const approval = evaluateApprovals({
    required: group.approvals,
    headSha: pull.headRefOid,
    reviews: reviewsBeforeMerge(pull.reviews, mergedAt),
    owners: ownersOf(config.codeowners, e.file),
    requester: request.requester,
    author,
    pushers: pushersOf(pull.commits),
    people: { identities: config.identities, upnIds: e.upnIds ?? new Map() },
  });
  if (!approval.ok) {
    const got = approval.approvers.length === 0 ? 'none' : approval.approvers.map((a) => `@${a}`).join(', ');
    const notes = approval.ignored.map((i) => `@${i.reviewer} ${i.why}`).join('; ');
    reasons.push(
      `${request.group} needs ${group.approvals} approval${group.approvals === 1 ? '' : 's'} of the merged commit from code owners other than the requester, the author and anyone who pushed; counted: ${got}.${notes ? ` Not counted: ${notes}.` : ''}`,
    );
  }
  return { reasons, approval };
}

/** A duration counts from the landing commit, an expiry must lie after the merge; both within the group's maximum. */
function durationProblems(
  e: RequestEvidence,
  pull: PullFacts,
  request: Request,
  group: { maxDurationMs: number; maxDurationText: string } | undefined,
  mergedAt: number,
): string[] {
  const reasons: string[] = [];
  const merged = !Number.isNaN(mergedAt);
  if (request.durationMs === undefined) {
    if (merged && request.expiresAt <= mergedAt) reasons.push(`the request expired at ${request.expires}, before it was merged.`);
    if (group && merged && request.expiresAt - mergedAt > group.maxDurationMs)
      reasons.push(`"expires" is ${formatDuration(request.expiresAt - mergedAt)} after the merge; ${request.group} allows at most ${group.maxDurationText}.`);
    return reasons;
  }
  // Its length (at least 5 minutes, at most the group's maximum) is a rule of the request itself
  // (request/rules.ts), reported with the file's other problems.
  // A duration counts from the commit that landed the file. Its time is written by whoever made
  // the commit: GitHub for a merge, squash or rebase, but the author for a fast-forwarded head.
  // One later than GitHub's merge would stretch the access, so it is refused.
  const landedAt = e.landing?.time;
  if (landedAt !== undefined && merged && landedAt > mergedAt + CLOCK_SKEW_MS) {
    reasons.push(
      `the commit that landed this request claims ${new Date(landedAt).toISOString()}, after GitHub merged #${pull.number} at ${pull.mergedAt}; a duration counts from the merge, so a later commit time would lengthen the access. Merge it through GitHub (merge, squash or rebase) or use "expires".`,
    );
  }
  return reasons;
}

/**
 * A pull request that changes requests may change nothing else. What the landing commit changed comes
 * from git (renames as delete + add). A rebase merge spreads a pull request over several commits, so
 * GitHub's file list is checked too; it names only the new path of a rename, so a rename is accepted
 * only where git saw the whole merge (a merge commit).
 */
function scopeProblems(e: RequestEvidence, pull: PullFacts): string[] {
  const out = new Set<string>();
  const also = (path: string) => outsideRequestScopeProblem(`#${pull.number}`, path);
  for (const path of e.landing!.landed) if (outsideRequestScope(path)) out.add(also(path));
  const mergeCommit = e.landing!.parents.length > 1;
  for (const f of pull.files ?? []) {
    if (outsideRequestScope(f.path)) out.add(also(f.path));
    else if (!mergeCommit && (f.changeType === 'RENAMED' || f.changeType === 'COPIED')) {
      out.add(
        `#${pull.number} renames or copies a file into ${f.path}; GitHub does not say from where, so it cannot be verified that nothing outside requests/ changed. Delete and add request files in separate pull requests instead.`,
      );
    }
  }
  const problem = requestPathProblem(e.file);
  if (problem) out.add(problem);
  return [...out];
}

function stripFile(line: string, file: string): string {
  return line.startsWith(`${file}:`) ? `line ${line.slice(file.length + 1).replace(/^(\d+):\d+: error: /, '$1: ')}` : line;
}
