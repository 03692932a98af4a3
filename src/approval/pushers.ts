/**
 * Who pushed (docs/threat-model.md 51). GitHub does not tell a workflow who pushed each commit, and a
 * commit's author and committer (and the logins GitHub derives from their e-mails) are written by
 * whoever pushes. So a pull request counts only where GitHub itself guarantees that nobody approved
 * their own push (the ruleset of lastPushGuarantee), or where every commit is provably the author's: a
 * signature GitHub verified as the author's key, or a commit GitHub signed itself (made in its web
 * interface) with the author as its author. Missing data counts against a grant. Pure.
 */
import type { PullFacts } from '../github/graphql.ts';

export type PushGuarantee = { ok: true } | { ok: false; why: string };

/** Why the pull request's pushes cannot be trusted, or nothing when they can. */
export function pushProblems(pull: Pick<PullFacts, 'number' | 'commits'>, author: string, guarantee: PushGuarantee): string[] {
  if (guarantee.ok) return [];
  const a = author.toLowerCase();
  const unproven = pull.commits.filter((c) => {
    const signer = c.signer?.toLowerCase();
    return !(signer === a || (c.signedByGitHub && c.author?.toLowerCase() === a));
  });
  if (unproven.length === 0) return [];
  return [
    `#${pull.number} has ${unproven.length === 1 ? 'a commit' : `${unproven.length} commits`} (${unproven
      .slice(0, 5)
      .map((c) => c.oid.slice(0, 7))
      .join(
        ', ',
      )}${unproven.length > 5 ? ', …' : ''}) not provably written by ${author} (no signature GitHub verified as theirs), and ${guarantee.why}, so an approver could have pushed it under ${author}'s name. Fix the ruleset on the default branch: turn on "Require approval of the most recent reviewable push", "Require review from Code Owners" and "Dismiss stale pull request approvals when new commits are pushed" (docs/setup.md, step 5); or sign the commits.`,
  ];
}
