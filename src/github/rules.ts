/** What the default branch's rulesets guarantee, from GitHub's list of the rules in force on it. Pure. */

export type BranchRule = { type: string; parameters: Record<string, unknown> };

/**
 * The ruleset settings the grant relies on beside its own checks (docs/setup.md, step 5). GitHub does
 * not tell a workflow who pushed each commit, so "approval of the most recent reviewable push" is what
 * keeps a code owner from approving their own push made under someone else's name.
 */
export function rulesetProblems(
  rules: readonly { type: string; parameters: Record<string, unknown> }[],
  branch: string,
  most?: { group: string; approvals: number },
): string[] {
  const pr = rules.filter((r) => r.type === 'pull_request').map((r) => r.parameters);
  if (pr.length === 0)
    return [
      `no ruleset requires a pull request before merging into ${branch}: anyone with write access can push requests (they are refused, but loudly, every run). Add the ruleset of docs/setup.md, step 5.`,
    ];
  const out: string[] = [];
  if (!pr.some((p) => p.require_last_push_approval === true))
    out.push(
      `the ruleset on ${branch} does not require approval of the most recent reviewable push. GitHub does not tell access-as-code who pushed a commit, so without it a code owner could push to someone's request under another name and approve it. Turn on "Require approval of the most recent reviewable push".`,
    );
  if (!pr.some((p) => p.require_code_owner_review === true))
    out.push(
      `the ruleset on ${branch} does not require review from code owners; access-as-code still refuses requests without code-owner approvals, after they merge. Turn on "Require review from Code Owners" to stop them before.`,
    );
  if (!pr.some((p) => p.dismiss_stale_reviews_on_push === true))
    out.push(
      `the ruleset on ${branch} keeps approvals after new pushes; access-as-code counts only approvals of the merged head, so turn on "Dismiss stale pull request approvals" to make the pull request say the same.`,
    );
  const required = Math.max(0, ...pr.map((p) => (typeof p.required_approving_review_count === 'number' ? p.required_approving_review_count : 0)));
  if (most && required < most.approvals)
    out.push(
      `the ruleset on ${branch} requires ${required} approval${required === 1 ? '' : 's'}, and ${most.group} asks for ${most.approvals}: a request can merge with fewer and is then refused at the grant, and its requester must ask again. Set "Required approvals" to ${most.approvals}.`,
    );
  return out;
}

/**
 * Whether GitHub itself guarantees that nobody approves their own push (docs/threat-model.md 51): a
 * pull-request rule on the default branch that requires approval of the most recent reviewable push,
 * review from code owners and dismissal of stale approvals, all in one rule. Read at every grant and
 * sweep (not only by doctor), since a ruleset can be changed at any time. Bypass actors are not
 * visible to the job token: docs/setup.md says to give the ruleset none.
 */
export function lastPushGuarantee(rules: readonly BranchRule[] | string, branch: string): { ok: true } | { ok: false; why: string } {
  if (typeof rules === 'string') return { ok: false, why: `the rules of ${branch} could not be read (${rules})` };
  const strict = rules.some(
    (r) =>
      r.type === 'pull_request' &&
      r.parameters.require_last_push_approval === true &&
      r.parameters.require_code_owner_review === true &&
      r.parameters.dismiss_stale_reviews_on_push === true,
  );
  return strict
    ? { ok: true }
    : {
        ok: false,
        why: `no ruleset on ${branch} requires approval of the most recent reviewable push together with code-owner review and dismissal of stale approvals`,
      };
}

/** An environment's deployment branch policy as GitHub reports it. */
export interface EnvironmentFacts {
  /** null: any branch or tag may deploy. */
  policy: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
  /** With custom policies: each name pattern and whether it is for branches or tags. */
  patterns: { name: string; type: 'branch' | 'tag' }[];
}

/**
 * What keeps an Entra token, and a break-glass record, to the default branch: the grant environment's
 * deployment rules must let only the default branch deploy (docs/setup.md, step 4).
 */
export function environmentProblems(env: EnvironmentFacts | undefined, name: string, branch: string): string[] {
  if (!env)
    return [
      `the environment "${name}" does not exist, so nothing restricts which branch gets an Entra token (and break-glass runs are not tied to ${branch}). Create it with deployment branches "${branch}" only (docs/setup.md, step 4).`,
    ];
  if (!env.policy)
    return [
      `the environment "${name}" lets any branch or tag deploy: a workflow on another ref could get an Entra token. Set its deployment branches to "${branch}" only (docs/setup.md, step 4).`,
    ];
  if (env.policy.protectedBranches)
    return [
      `the environment "${name}" lets every protected branch deploy; only ${branch} should. Use "Selected branches and tags" with the one rule "${branch}" (docs/setup.md, step 4).`,
    ];
  const others = env.patterns.filter((p) => p.type !== 'branch' || p.name !== branch);
  if (others.length > 0 || env.patterns.length === 0)
    return [
      `the environment "${name}" lets ${others.length > 0 ? others.map((p) => `${p.type} "${p.name}"`).join(', ') : 'no ref'} deploy; it should allow the branch "${branch}" alone (docs/setup.md, step 4).`,
    ];
  return [];
}
