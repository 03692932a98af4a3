import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/github/rules.ts
function rulesetProblems(rules, branch, most) {
  const pr = rules.filter((r) => r.type === "pull_request").map((r) => r.parameters);
  if (pr.length === 0)
    return [
      `no ruleset requires a pull request before merging into ${branch}: anyone with write access can push requests (they are refused, but loudly, every run). Add the ruleset of docs/setup.md, step 5.`
    ];
  const out = [];
  if (!pr.some((p) => p.require_last_push_approval === true))
    out.push(
      `the ruleset on ${branch} does not require approval of the most recent reviewable push. GitHub does not tell access-as-code who pushed a commit, so without it a code owner could push to someone's request under another name and approve it. Turn on "Require approval of the most recent reviewable push".`
    );
  if (!pr.some((p) => p.require_code_owner_review === true))
    out.push(
      `the ruleset on ${branch} does not require review from code owners; access-as-code still refuses requests without code-owner approvals, after they merge. Turn on "Require review from Code Owners" to stop them before.`
    );
  if (!pr.some((p) => p.dismiss_stale_reviews_on_push === true))
    out.push(
      `the ruleset on ${branch} keeps approvals after new pushes; access-as-code counts only approvals of the merged head, so turn on "Dismiss stale pull request approvals" to make the pull request say the same.`
    );
  const required = Math.max(0, ...pr.map((p) => typeof p.required_approving_review_count === "number" ? p.required_approving_review_count : 0));
  if (most && required < most.approvals)
    out.push(
      `the ruleset on ${branch} requires ${required} approval${required === 1 ? "" : "s"}, and ${most.group} asks for ${most.approvals}: a request can merge with fewer and is then refused at the grant, and its requester must ask again. Set "Required approvals" to ${most.approvals}.`
    );
  return out;
}
function lastPushGuarantee(rules, branch) {
  if (typeof rules === "string") return { ok: false, why: `the rules of ${branch} could not be read (${rules})` };
  const strict = rules.some(
    (r) => r.type === "pull_request" && r.parameters.require_last_push_approval === true && r.parameters.require_code_owner_review === true && r.parameters.dismiss_stale_reviews_on_push === true
  );
  return strict ? { ok: true } : {
    ok: false,
    why: `no ruleset on ${branch} requires approval of the most recent reviewable push together with code-owner review and dismissal of stale approvals`
  };
}
function environmentProblems(env, name, branch) {
  if (!env)
    return [
      `the environment "${name}" does not exist, so nothing restricts which branch gets an Entra token (and break-glass runs are not tied to ${branch}). Create it with deployment branches "${branch}" only (docs/setup.md, step 4).`
    ];
  if (!env.policy)
    return [
      `the environment "${name}" lets any branch or tag deploy: a workflow on another ref could get an Entra token. Set its deployment branches to "${branch}" only (docs/setup.md, step 4).`
    ];
  if (env.policy.protectedBranches)
    return [
      `the environment "${name}" lets every protected branch deploy; only ${branch} should. Use "Selected branches and tags" with the one rule "${branch}" (docs/setup.md, step 4).`
    ];
  const others = env.patterns.filter((p) => p.type !== "branch" || p.name !== branch);
  if (others.length > 0 || env.patterns.length === 0)
    return [
      `the environment "${name}" lets ${others.length > 0 ? others.map((p) => `${p.type} "${p.name}"`).join(", ") : "no ref"} deploy; it should allow the branch "${branch}" alone (docs/setup.md, step 4).`
    ];
  return [];
}

export {
  rulesetProblems,
  lastPushGuarantee,
  environmentProblems
};
