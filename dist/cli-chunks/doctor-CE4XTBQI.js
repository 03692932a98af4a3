import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  judgeReach
} from "./chunk-3TZ3UDVV.js";
import {
  environmentProblems,
  rulesetProblems
} from "./chunk-6243XALH.js";
import {
  BACKENDS,
  exemptionsDue
} from "./chunk-6M5K6QUR.js";
import "./chunk-JZPP4HP7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import {
  DirectoryError,
  unmanageable
} from "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import "./chunk-XP3LFAPK.js";
import {
  diagnostic
} from "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

// src/commands/doctor.ts
var GRANT_ENVIRONMENT = "access-grant";
async function doctor(config, directory, github, now = Date.now()) {
  const diagnostics = [];
  const policyGroups = [...config.policy.groups.values()].filter((g) => !g.azureRole);
  const found = await directory.getGroups(policyGroups.map((g) => g.id));
  const usable = policyGroups.filter((g) => found.get(g.id) && !unmanageable(found.get(g.id)));
  const members = await directory.listMembersOfGroups(usable.map((g) => g.id));
  const groups = policyGroups.map((group) => checkGroup(config, group, found.get(group.id), members, diagnostics));
  const identities = await checkIdentities(config, directory, diagnostics);
  await backendsReady(config, [...usable, ...[...config.policy.groups.values()].filter((g) => g.azureRole)], directory, diagnostics);
  for (const { group, entry } of exemptionsDue(config.policy, now)) {
    diagnostics.push(
      diagnostic(
        config.policy.file,
        entry.position,
        `group "${group}": the standing exemption of ${entry.id} ("${entry.reason}") was due for review on ${entry.review}. Check that it is still needed, then set a new review date, or remove it.`,
        "warning"
      )
    );
  }
  const identity = await judgeIdentity(usable, directory);
  for (const f of identity?.findings ?? []) {
    if (f.severity === "info") identity.lines.push(f.message.charAt(0).toUpperCase() + f.message.slice(1));
    else diagnostics.push(diagnostic(config.policy.file, void 0, `automation identity: ${f.message}`, f.severity));
  }
  await checkConferred(config, usable, directory, groups, diagnostics, now);
  const most = [...config.policy.groups].map(([group, g]) => ({ group, approvals: g.approvals })).sort((a, b) => b.approvals - a.approvals)[0];
  if (github) diagnostics.push(...await githubProblems(github, most));
  return { groups, identities, ...identity ? { identity } : {}, diagnostics };
}
function checkGroup(config, group, entra, members, diagnostics) {
  const problem = entra ? unmanageable(entra) : `no Entra group has the id ${group.id}. Copy the object id from the group's overview page in the Entra admin center.`;
  if (!problem) return { name: group.name, id: group.id, displayName: entra.displayName, members: members.get(group.id)?.length ?? 0 };
  diagnostics.push(diagnostic(config.policy.file, config.policy.positions.get(group.name), `group "${group.name}": ${problem}`));
  return { name: group.name, id: group.id, ...entra ? { displayName: entra.displayName } : {}, problem };
}
async function checkIdentities(config, directory, diagnostics) {
  const entries = [...config.identities.users];
  const users = await directory.resolveUsers(entries.map(([, ref]) => ref));
  return entries.map(([login, ref], i) => {
    if (!users[i])
      diagnostics.push(
        diagnostic(
          config.identities.file,
          void 0,
          `${login} maps to ${"upn" in ref ? ref.upn : ref.id}, which is not a user in Entra. Fix the entry or remove it.`,
          "warning"
        )
      );
    return { login, resolved: users[i] !== void 0 };
  });
}
async function githubProblems(github, most) {
  const out = [];
  const warn = (text) => out.push(diagnostic(".github", void 0, text, "warning"));
  try {
    for (const problem of rulesetProblems(await github.rules(), github.branch, most)) warn(problem);
  } catch (error) {
    warn(`could not read the rules of ${github.branch} (${error.message}); check them by hand (docs/setup.md, step 5).`);
  }
  if (github.missingLabels) {
    try {
      for (const label of await github.missingLabels())
        warn(
          `the label "${label}" does not exist in the repository. GitHub applies an issue form's labels only when they exist, and the issue workflow, dashboard and break-glass find their issues by it: create it (Issues \u2192 Labels \u2192 New label, or "gh label create ${label}"; docs/setup.md, step 9).`
        );
    } catch (error) {
      warn(`could not read the repository's labels (${error.message}).`);
    }
  }
  if (github.teams) {
    try {
      for (const why of (await github.teams()).values()) if (typeof why === "string") warn(why);
    } catch (error) {
      warn(`could not read the organisation's teams (${error.message}).`);
    }
  }
  if (github.workflowPermissions) {
    try {
      for (const problem of await github.workflowPermissions()) warn(problem);
    } catch (error) {
      warn(`could not read the workflow files (${error.message}).`);
    }
  }
  if (github.environment) {
    try {
      for (const problem of environmentProblems(await github.environment(), GRANT_ENVIRONMENT, github.branch)) warn(problem);
    } catch (error) {
      warn(
        `could not read the environment "${GRANT_ENVIRONMENT}" (${error.message}); check its deployment branches by hand (docs/setup.md, step 4).`
      );
    }
  }
  return out;
}
async function checkConferred(config, usable, directory, groups, diagnostics, now) {
  if (usable.length === 0) return;
  const { catalogueOfPolicy, accessLines } = await import("./catalogue-OOFC6IJV.js");
  const { privilegeFindings } = await import("./privileged-I3FSEOLQ.js");
  const catalogue = await catalogueOfPolicy(
    directory,
    config.policy,
    now,
    usable.map((g) => g.name)
  );
  for (const access of catalogue?.groups ?? []) {
    const check = groups.find((g) => g.name === access.group);
    if (check) check.confers = accessLines(access);
    const policy = config.policy.groups.get(access.group);
    for (const finding of privilegeFindings(policy, access))
      diagnostics.push(diagnostic(config.policy.file, config.policy.positions.get(policy.name), finding, "warning"));
  }
}
async function backendsReady(config, usable, directory, diagnostics) {
  for (const backend of Object.values(BACKENDS)) {
    const mine = usable.filter((g) => g.backend === backend.name);
    if (mine.length === 0 || !backend.ready) continue;
    try {
      const findings = await backend.ready(
        directory,
        mine.map((g) => g.id)
      );
      for (const f of findings ?? []) {
        const entry = f.entry !== void 0 ? mine.find((g) => g.id === f.entry) : void 0;
        diagnostics.push(
          diagnostic(
            config.policy.file,
            entry ? config.policy.positions.get(entry.name) : void 0,
            entry ? `"${entry.name}": ${f.message}` : `automation identity: ${f.message}`,
            f.severity
          )
        );
      }
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      for (const g of mine)
        diagnostics.push(
          diagnostic(
            config.policy.file,
            config.policy.positions.get(g.name),
            `group "${g.name}" has backend: ${backend.name}, but ${backend.title} could not be read: ${error.message}`
          )
        );
    }
  }
}
async function judgeIdentity(policyGroups, directory) {
  if (!directory.identity) return void 0;
  const groups = policyGroups.map((g) => ({
    name: g.name,
    id: g.id,
    writesMembers: BACKENDS[g.backend].writesMembers,
    permissions: BACKENDS[g.backend].permissions,
    revokeSessions: g.revokeSessions
  }));
  try {
    return judgeReach(await directory.identity(groups.map((g) => g.id)), groups);
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    return { scope: "unknown", lines: [`The identity's permissions could not be read: ${error.message}`], findings: [] };
  }
}
export {
  GRANT_ENVIRONMENT,
  doctor
};
