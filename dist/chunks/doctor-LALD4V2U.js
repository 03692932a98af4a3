import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  exemptionsDue
} from "./chunk-2CKU6KQI.js";
import "./chunk-LRULQWW5.js";
import {
  DirectoryError,
  unmanageable
} from "./chunk-WMSXICS5.js";
import {
  diagnostic
} from "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";

// src/commands/doctor.ts
function rulesetProblems(rules, branch) {
  const pr = rules.filter((r) => r.type === "pull_request").map((r) => r.parameters);
  if (pr.length === 0) return [`no ruleset requires a pull request before merging into ${branch}: anyone with write access can push requests (they are refused, but loudly, every run). Add the ruleset of docs/setup.md, step 5.`];
  const out = [];
  if (!pr.some((p) => p.require_last_push_approval === true)) out.push(`the ruleset on ${branch} does not require approval of the most recent reviewable push. GitHub does not tell access-as-code who pushed a commit, so without it a code owner could push to someone's request under another name and approve it. Turn on "Require approval of the most recent reviewable push".`);
  if (!pr.some((p) => p.require_code_owner_review === true)) out.push(`the ruleset on ${branch} does not require review from code owners; access-as-code still refuses requests without code-owner approvals, after they merge. Turn on "Require review from Code Owners" to stop them before.`);
  if (!pr.some((p) => p.dismiss_stale_reviews_on_push === true)) out.push(`the ruleset on ${branch} keeps approvals after new pushes; access-as-code counts only approvals of the merged head, so turn on "Dismiss stale pull request approvals" to make the pull request say the same.`);
  return out;
}
async function doctor(config, directory, github, now = Date.now()) {
  const diagnostics = [];
  const groups = [];
  const policyGroups = [...config.policy.groups.values()];
  const found = await directory.getGroups(policyGroups.map((g) => g.id));
  const usable = policyGroups.filter((g) => found.get(g.id) && !unmanageable(found.get(g.id)));
  const members = await directory.listMembersOfGroups(usable.map((g) => g.id));
  for (const group of policyGroups) {
    const at = config.policy.positions.get(group.name);
    const entra = found.get(group.id);
    let problem;
    if (!entra) problem = `no Entra group has the id ${group.id}. Copy the object id from the group's overview page in the Entra admin center.`;
    else problem = unmanageable(entra);
    if (problem) {
      groups.push({ name: group.name, id: group.id, ...entra ? { displayName: entra.displayName } : {}, problem });
      diagnostics.push(diagnostic(config.policy.file, at, `group "${group.name}": ${problem}`));
    } else groups.push({ name: group.name, id: group.id, displayName: entra.displayName, members: members.get(group.id)?.length ?? 0 });
  }
  const identities = [];
  const entries = [...config.identities.users];
  const users = await directory.resolveUsers(entries.map(([, ref]) => ref));
  entries.forEach(([login, ref], i) => {
    identities.push({ login, resolved: users[i] !== void 0 });
    if (!users[i]) {
      diagnostics.push(diagnostic(config.identities.file, void 0, `${login} maps to ${"upn" in ref ? ref.upn : ref.id}, which is not a user in Entra. Fix the entry or remove it.`, "warning"));
    }
  });
  const pimGroups = usable.filter((g) => g.backend === "pim");
  if (pimGroups.length > 0) {
    try {
      await directory.listPimAssignments(pimGroups.map((g) => g.id));
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      for (const g of pimGroups) diagnostics.push(diagnostic(config.policy.file, config.policy.positions.get(g.name), `group "${g.name}" has backend: pim, but PIM for Groups could not be read: ${error.message}`));
    }
  }
  for (const { group, entry } of exemptionsDue(config.policy, now)) {
    diagnostics.push(diagnostic(config.policy.file, entry.position, `group "${group}": the standing exemption of ${entry.id} ("${entry.reason}") was due for review on ${entry.review}. Check that it is still needed, then set a new review date, or remove it.`, "warning"));
  }
  if (github) {
    try {
      for (const problem of rulesetProblems(await github.rules(), github.branch)) diagnostics.push(diagnostic(".github", void 0, problem, "warning"));
    } catch (error) {
      diagnostics.push(diagnostic(".github", void 0, `could not read the rules of ${github.branch} (${error.message}); check them by hand (docs/setup.md, step 5).`, "warning"));
    }
  }
  return { groups, identities, diagnostics };
}
export {
  doctor,
  rulesetProblems
};
