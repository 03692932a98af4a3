import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  environmentProblems,
  rulesetProblems
} from "./chunk-NVDCARJL.js";
import {
  BACKENDS,
  exemptionsDue
} from "./chunk-22MRAGKW.js";
import "./chunk-TF77OBEX.js";
import "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
import "./chunk-3L3QTXZZ.js";
import "./chunk-3L64JI35.js";
import {
  DirectoryError,
  unmanageable
} from "./chunk-VCQJW4GH.js";
import "./chunk-W4PVMAAF.js";
import {
  diagnostic
} from "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";

// src/entra/reach.ts
var ROLES = {
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
  privilegedRoleAdministrator: "e8611ab8-c189-46e8-94e1-60213ab1f814",
  groupsAdministrator: "fdd7a751-b60b-444a-984c-02652fe8fa1c",
  userAdministrator: "fe930be7-5e62-47db-91af-98c3a49a38b1",
  directoryWriters: "9360feb5-f418-4baa-8175-e2a00bac4301",
  intuneAdministrator: "3a2c62db-5318-420d-8d74-23affee5d9d5"
};
var ROLE_NAMES = {
  [ROLES.globalAdministrator]: "Global Administrator",
  [ROLES.privilegedRoleAdministrator]: "Privileged Role Administrator",
  [ROLES.groupsAdministrator]: "Groups Administrator",
  [ROLES.userAdministrator]: "User Administrator",
  [ROLES.directoryWriters]: "Directory Writers",
  [ROLES.intuneAdministrator]: "Intune Administrator"
};
var GROUP_WRITER_ROLES = new Set(Object.values(ROLES));
var UNIT_WRITER_ROLES = /* @__PURE__ */ new Set([ROLES.groupsAdministrator, ROLES.userAdministrator]);
var TENANT_WRITE_PERMISSIONS = ["GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"];
var PIM_WRITE = "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup";
var REVOKE_SESSIONS = "User.RevokeSessions.All";
var REVOKES_SESSIONS = [REVOKE_SESSIONS, "User.ReadWrite.All", "Directory.ReadWrite.All"];
var NEEDED = /* @__PURE__ */ new Set([
  "GroupMember.Read.All",
  "User.ReadBasic.All",
  "User.Read.All",
  "PrivilegedAssignmentSchedule.Read.AzureADGroup",
  PIM_WRITE,
  "RoleManagement.Read.Directory",
  "AdministrativeUnit.Read.All",
  REVOKE_SESSIONS,
  // Optional: verified revocation also names removed users who can activate the group again through PIM.
  "PrivilegedEligibilitySchedule.Read.AzureADGroup",
  // Optional, read-only: what each group confers (effective access): app roles need Directory.Read.All,
  // their names Application.Read.All (or Directory.Read.All), eligible roles RoleEligibilitySchedule.Read.Directory.
  "Directory.Read.All",
  "Application.Read.All",
  "RoleEligibilitySchedule.Read.Directory"
]);
var roleName = (id) => ROLE_NAMES[id.toLowerCase()] ?? `role ${id}`;
var unitOf = (scope) => /^\/administrativeUnits\/([0-9a-fA-F-]{36})$/.exec(scope)?.[1]?.toLowerCase();
var NARROWER_SETUP = `The narrowest set-up (docs/setup.md, step 2a, "Narrowest: a restricted management administrative unit"; "access-as-code init --create-app" makes it): put the policy's membership groups in a restricted management administrative unit, assign the app Groups Administrator scoped to that unit, then remove GroupMember.ReadWrite.All and keep GroupMember.Read.All. Then the app can change those groups only, and tenant administrators cannot change them out of band.`;
function judgeReach(facts, policyGroups) {
  const policyIds = new Set(policyGroups.map((g) => g.id.toLowerCase()));
  const writers = writePaths(facts);
  const reach = reachOf(facts, policyIds, writers);
  const lines = [...identityLines(facts), ...reach.lines];
  const findings = [...reach.findings, ...groupFindings(facts, policyGroups, writers, reach.scope)];
  const pim = pimFindings(facts, policyGroups);
  return {
    scope: reach.scope,
    lines: [...lines, ...pim.lines],
    findings: [...findings, ...pim.findings, ...sessionFindings(facts, policyGroups), ...permissionFindings(facts, writers.tenantPermissions)]
  };
}
function writePaths(facts) {
  const assignments = facts.roleAssignments ?? [];
  return {
    tenantPermissions: (facts.permissions ?? []).filter((p) => TENANT_WRITE_PERMISSIONS.includes(p)),
    tenantRoles: assignments.filter((a) => a.directoryScopeId === "/" && GROUP_WRITER_ROLES.has(a.roleDefinitionId.toLowerCase())),
    writableUnits: new Set(
      assignments.filter((a) => unitOf(a.directoryScopeId) && UNIT_WRITER_ROLES.has(a.roleDefinitionId.toLowerCase())).map((a) => unitOf(a.directoryScopeId))
    )
  };
}
function identityLines(facts) {
  const lines = [];
  if (facts.kind === "user")
    lines.push(
      "Signed in as a person, not as the automation: the reach below is that person's, not the app's. Run doctor from the access-doctor workflow to see the app's."
    );
  const permissions = facts.permissions;
  lines.push(
    permissions ? `Application permissions: ${permissions.length > 0 ? [...permissions].sort().join(", ") : "none"}.` : "Application permissions: not known (the access token does not say)."
  );
  const assignments = facts.roleAssignments;
  if (!assignments) return [...lines, `Directory roles: not known (${facts.roleAssignmentsUnreadable ?? "not read"}).`];
  const described = assignments.map((a) => {
    const unit = unitOf(a.directoryScopeId);
    const u = unit ? facts.units.get(unit) : void 0;
    return `${roleName(a.roleDefinitionId)} (${a.directoryScopeId === "/" ? "whole tenant" : unit ? `${u?.restricted === true ? "restricted management " : ""}administrative unit "${u?.displayName ?? unit}"` : a.directoryScopeId})`;
  });
  return [...lines, `Directory roles: ${described.length > 0 ? described.join(", ") : "none"}.`];
}
function reachOf(facts, policyIds, writers) {
  if (writers.tenantPermissions.length > 0 || writers.tenantRoles.length > 0) {
    const via = [...writers.tenantPermissions, ...writers.tenantRoles.map((a) => `${roleName(a.roleDefinitionId)} at tenant scope`)].join(", ");
    const count = facts.tenantGroups !== void 0 ? ` (${facts.tenantGroups.toLocaleString("en-US")} groups in the tenant; the policy names ${policyIds.size})` : "";
    return {
      scope: "tenant",
      lines: [`Reach: every group in the tenant that is not role-assignable and not in a restricted management administrative unit${count}, through ${via}.`],
      findings: [
        {
          severity: "warning",
          message: `the automation identity can change the members of every non-role-assignable group in the tenant (${via}), not only the policy's ${policyIds.size}. A leaked workflow token with this identity reaches all of them. ${NARROWER_SETUP}`
        }
      ]
    };
  }
  if (writers.writableUnits.size > 0) return unitReach(facts, policyIds, writers.writableUnits);
  if (facts.permissions === void 0 || facts.roleAssignments === void 0)
    return {
      scope: "unknown",
      lines: ["Reach: not known."],
      // Not a pass: whether any grant or removal can succeed is exactly what doctor is asked.
      findings: [
        {
          severity: "warning",
          message: `whether the app can change any group's members is not known: its ${facts.permissions === void 0 ? "application permissions" : "directory roles"} could not be read${facts.roleAssignments === void 0 ? " (give it RoleManagement.Read.Directory, read-only, so that doctor can see a role scoped to an administrative unit)" : ""}. Until then doctor cannot say that grants and removals will work.`
        }
      ]
    };
  return { scope: "none", lines: [], findings: [] };
}
function unitReach(facts, policyIds, writableUnits) {
  const findings = [];
  const restricted = [...writableUnits].every((u) => facts.units.get(u)?.restricted === true);
  const unknownRestriction = [...writableUnits].some((u) => facts.units.get(u)?.restricted === void 0);
  const beyond = [];
  let unknown = false;
  for (const u of writableUnits) {
    const unit = facts.units.get(u);
    if (!unit?.groupIds) unknown = true;
    else beyond.push(...unit.groupIds.filter((id) => !policyIds.has(id.toLowerCase())));
  }
  const line = `Reach: the groups of ${[...writableUnits].map((u) => `"${facts.units.get(u)?.displayName ?? u}"`).join(", ")}${unknown ? "" : `: ${beyond.length === 0 ? "the policy's groups and no others" : `${beyond.length} group${beyond.length === 1 ? "" : "s"} beyond the policy`}`}.`;
  if (beyond.length > 0)
    findings.push({
      severity: "warning",
      message: `the administrative unit the app manages holds ${beyond.length} group${beyond.length === 1 ? "" : "s"} the policy does not name (${beyond.slice(0, 10).join(", ")}${beyond.length > 10 ? ", \u2026" : ""}): the app can change their members too. Move them out of the unit, or add them to the policy.`
    });
  if (unknownRestriction)
    findings.push({
      severity: "info",
      message: "whether the app's administrative unit is a restricted management unit is not known: AdministrativeUnit.Read.All (read-only) lets doctor read it and the groups it holds."
    });
  else if (!restricted)
    findings.push({
      severity: "info",
      message: "the app's role is scoped to an administrative unit that is not restricted: tenant administrators can still change these groups out of band (the sweep removes or reports what they add). A restricted management administrative unit stops them too; the restricted setting can only be chosen when the unit is created."
    });
  return { scope: restricted ? "restricted-unit" : "unit", lines: [line], findings };
}
function groupFindings(facts, policyGroups, writers, scope) {
  const findings = [];
  const known = facts.roleAssignments !== void 0 && facts.permissions !== void 0;
  for (const group of policyGroups) {
    if (!group.writesMembers) continue;
    const units = facts.unitsOfGroup ? facts.unitsOfGroup.get(group.id.toLowerCase()) ?? [] : void 0;
    const restrictedUnits = (units ?? []).filter((u) => facts.units.get(u)?.restricted === true);
    const byUnit = (units ?? []).some((u) => writers.writableUnits.has(u) && (restrictedUnits.length === 0 || facts.units.get(u)?.restricted === true));
    if (restrictedUnits.length > 0 && !byUnit) {
      findings.push({
        severity: "error",
        message: `group "${group.name}" is in the restricted management administrative unit "${facts.units.get(restrictedUnits[0])?.displayName ?? restrictedUnits[0]}", where application permissions do not apply: every grant and removal will be refused (403). Assign the app Groups Administrator scoped to that unit.`
      });
    } else if (scope !== "tenant" && scope !== "unknown" && units !== void 0 && !byUnit && known) {
      findings.push({
        severity: "error",
        message: `group "${group.name}" is in no administrative unit the app manages, and the app has no tenant-wide permission: every grant and removal will be refused (403). Add the group to the app's administrative unit.`
      });
    }
  }
  return findings;
}
function pimFindings(facts, policyGroups) {
  if (!(facts.permissions ?? []).includes(PIM_WRITE)) return { lines: [], findings: [] };
  const pimGroups = policyGroups.filter((g) => g.permissions.includes(PIM_WRITE));
  const line = `PIM for Groups: ${PIM_WRITE} reaches every group onboarded to PIM${pimGroups.length === 0 ? "; no policy group's backend writes through PIM, so it is not needed" : ""}.`;
  if (pimGroups.length === 0)
    return {
      lines: [line],
      findings: [{ severity: "warning", message: `the app holds ${PIM_WRITE} but no policy group uses backend: pim. Remove the permission.` }]
    };
  return {
    lines: [line],
    findings: [
      {
        severity: "info",
        message: `groups with backend: pim need ${PIM_WRITE}, which reaches every group onboarded to PIM for Groups; PIM does not support groups in restricted management administrative units, so those groups cannot be narrowed that way. Onboard to PIM only the groups the policy names.`
      }
    ]
  };
}
function sessionFindings(facts, policyGroups) {
  const groups = policyGroups.filter((g) => g.revokeSessions).map((g) => g.name);
  if (groups.length === 0) {
    return (facts.permissions ?? []).includes(REVOKE_SESSIONS) ? [{ severity: "warning", message: `the app holds ${REVOKE_SESSIONS} but no policy group has revokeSessions: true. Remove the permission.` }] : [];
  }
  if (!facts.permissions || facts.permissions.some((p) => REVOKES_SESSIONS.includes(p))) return [];
  return [
    {
      severity: "error",
      message: `${groups.join(", ")} ${groups.length === 1 ? "has" : "have"} revokeSessions: true, but the app cannot revoke sign-in sessions: every removal from ${groups.length === 1 ? "it" : "them"} would fail the run. Grant the application permission ${REVOKE_SESSIONS} with admin consent.`
    }
  ];
}
function permissionFindings(facts, tenantPermissions) {
  const findings = [];
  const extra = (facts.permissions ?? []).filter((p) => !NEEDED.has(p) && !TENANT_WRITE_PERMISSIONS.includes(p));
  if (extra.length > 0)
    findings.push({
      severity: "warning",
      message: `the app holds application permissions access-as-code does not use: ${extra.sort().join(", ")}. Remove them.`
    });
  if (tenantPermissions.includes("Directory.ReadWrite.All") || tenantPermissions.includes("Group.ReadWrite.All")) {
    findings.push({
      severity: "warning",
      message: `${tenantPermissions.filter((p) => p !== "GroupMember.ReadWrite.All").join(" and ")} can also change or delete the groups themselves (and more); the membership writes need GroupMember.ReadWrite.All at most.`
    });
  }
  return findings;
}

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
  const { catalogueOfPolicy, accessLines } = await import("./catalogue-NKH5FTQB.js");
  const { privilegeFindings } = await import("./privileged-E74TD2XD.js");
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
