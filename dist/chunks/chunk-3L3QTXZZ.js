import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  OWNER_ROLE_ID,
  RBAC_ADMINISTRATOR_ROLE_ID,
  ROLE_WRITERS,
  builtInRoleById,
  roleDefinitionAt,
  roleIdOf
} from "./chunk-3L64JI35.js";
import {
  DirectoryError
} from "./chunk-VCQJW4GH.js";

// src/entra/azure-condition.ts
var ATTRIBUTE = "Microsoft.Authorization/roleAssignments";
function delegationCondition(roleIds) {
  const ids = [...new Set(roleIds.map((r) => r.toLowerCase()))].sort().join(", ");
  const clause = (action, source) => `((!(ActionMatches{'${ATTRIBUTE}/${action}'})) OR (@${source}[${ATTRIBUTE}:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${ids}} AND @${source}[${ATTRIBUTE}:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'User'}))`;
  return `${clause("write", "Request")} AND ${clause("delete", "Resource")}`;
}

// src/entra/azure-reach.ts
var within = (inner, outer) => outer === "/" || inner.toLowerCase() === outer.toLowerCase() || inner.toLowerCase().startsWith(`${outer.toLowerCase()}/`);
var reaches = (w, scope) => w.appliesAt?.includes(scope.toLowerCase()) === true || within(scope, w.scope);
var name = (id) => builtInRoleById(id)?.name ?? id;
function allowedBy(condition) {
  if (!condition) return { usersOnly: false, readable: true };
  const ids = /@Request\[Microsoft\.Authorization\/roleAssignments:RoleDefinitionId\]\s+ForAnyOfAnyValues:GuidEquals\s+\{([^}]*)\}/i.exec(condition)?.[1];
  if (ids === void 0) return { usersOnly: false, readable: false };
  const roles = ids.split(",").map((r) => r.trim().toLowerCase()).filter(Boolean);
  if (normalised(condition) !== normalised(delegationCondition(roles))) return { usersOnly: false, readable: false };
  return { roles: new Set(roles), usersOnly: true, readable: true };
}
function normalised(condition) {
  return condition.toLowerCase().replace(/\s+/g, "").replace(/\{([^}]*)\}/g, (_, items) => `{${items.split(",").sort().join(",")}}`);
}
function delegationCommand(me, scope, roleIds) {
  return `az role assignment create --assignee-object-id ${me} --assignee-principal-type ServicePrincipal --role "Role Based Access Control Administrator" --scope ${scope} --condition-version 2.0 --condition "${delegationCondition(roleIds)}"`;
}
function unconditionedCommand(me, scope) {
  return `az role assignment create --assignee-object-id ${me} --assignee-principal-type ServicePrincipal --role "Role Based Access Control Administrator" --scope ${scope}`;
}
var homeOf = (scope) => /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? scope;
function delegations(entries) {
  const out = /* @__PURE__ */ new Map();
  for (const e of entries) {
    if (e.pim) continue;
    const scope = homeOf(e.scope);
    const d = out.get(scope.toLowerCase()) ?? { scope, roleIds: [], entries: [] };
    if (!d.roleIds.includes(e.roleId.toLowerCase())) d.roleIds.push(e.roleId.toLowerCase());
    d.entries.push(e);
    out.set(scope.toLowerCase(), d);
  }
  return [...out.values()];
}
function delegationCommandFor(me, entry, entries) {
  const d = delegations(entries).find((x) => x.scope.toLowerCase() === homeOf(entry.scope).toLowerCase());
  return delegationCommand(me, d.scope, d.roleIds);
}
function judgeAzureReach(own, entries, me = "<the app's object id>") {
  const writers = own.filter((a) => ROLE_WRITERS.has(a.roleId.toLowerCase()));
  const missing = [];
  for (const e of entries) {
    const covering = writers.filter((w) => reaches(w, e.scope));
    if (covering.length === 0) {
      missing.push({
        entry: e.name,
        why: e.pim ? `the app cannot write role assignments at ${e.scope}. PIM for Azure resources makes this entry's assignments and is not documented to honour a delegation condition, so the app needs Role Based Access Control Administrator without one, at the entry's own scope and no wider (docs/setup.md, "Azure roles"): ${unconditionedCommand(me, e.scope)}` : `the app cannot write role assignments at ${e.scope}. Give it Role Based Access Control Administrator with the delegation condition (docs/setup.md, "Azure roles"): ${delegationCommandFor(me, e, entries)}`
      });
      continue;
    }
    if (e.pim && covering.every((w) => w.condition !== void 0)) {
      missing.push({
        entry: e.name,
        why: `PIM for Azure resources makes this entry's assignments, and it is not documented to honour a delegation condition: the app needs Role Based Access Control Administrator without a condition at ${e.scope} (the entry's own scope, no wider), or use backend: azure-role, which the condition does cover.`
      });
      continue;
    }
    const allows = covering.some((w) => {
      const a = allowedBy(w.condition);
      return !a.readable || !a.roles || a.roles.has(e.roleId.toLowerCase());
    });
    if (!allows)
      missing.push({
        entry: e.name,
        why: `the app's delegation condition at ${covering.map((w) => w.scope).join(", ")} leaves out ${name(e.roleId)}: add ${e.roleId} to both of its clauses.`
      });
  }
  const beyond = [];
  for (const e of entries)
    if (builtInRoleById(e.roleId)?.grantsAccess)
      beyond.push(
        `an entry grants ${name(e.roleId)} at ${e.scope}, which can give anyone any role there: the delegation condition has to allow it, so whoever holds the job's token could make anyone ${name(e.roleId)} there. Grant a narrower role where you can.`
      );
  for (const w of writers) {
    const a = allowedBy(w.condition);
    const role = name(w.roleId);
    if (!a.readable) {
      beyond.push(`the app holds ${role} at ${w.scope} with a condition doctor cannot read: check it allows only the policy's roles, and only users.`);
      continue;
    }
    if (!a.roles) {
      const reached = entries.filter((e) => reaches(w, e.scope));
      const forPim = w.roleId.toLowerCase() === RBAC_ADMINISTRATOR_ROLE_ID && reached.length > 0 && reached.every((e) => e.pim && e.scope.toLowerCase() === w.scope.toLowerCase());
      beyond.push(
        forPim ? `the app holds ${role} at ${w.scope} without a condition, as the azure-pim entry there needs (docs/setup.md, "Azure roles"): it can give anyone any role at that scope. backend: azure-role needs only the conditioned writer.` : `the app holds ${role} at ${w.scope} without a condition: it can give anyone any role there, Owner included. Replace it with Role Based Access Control Administrator and the delegation condition (docs/setup.md, "Azure roles").`
      );
      continue;
    }
    const needed = new Set(entries.filter((e) => reaches(w, e.scope)).map((e) => e.roleId.toLowerCase()));
    const extra = [...a.roles].filter((r) => !needed.has(r));
    if (extra.length > 0)
      beyond.push(
        `the app can also grant ${extra.map(name).join(", ")} at ${w.scope}, which no policy entry there grants: remove ${extra.length === 1 ? "it" : "them"} from the condition.`
      );
    if (!a.usersOnly)
      beyond.push(`the app can also assign roles to groups and service principals at ${w.scope}: limit the condition's principal type to 'User'.`);
  }
  return { missing, beyond };
}

// src/backends/azure-target.ts
var ASSIGNMENTS_VERSION = "api-version=2022-04-01";
var DEFINITIONS_VERSION = "api-version=2022-04-01";
function azureTarget(id) {
  const m = /^(.*)\/providers\/microsoft\.authorization\/roledefinitions\/([0-9a-f-]{36})$/i.exec(id);
  if (!m) throw new Error(`not an Azure role entry: ${id}`);
  return { scope: m[1], roleId: m[2].toLowerCase() };
}
var sameScope = (a, b) => a.toLowerCase() === b.toLowerCase();
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function memberOf(a) {
  const type = a.principalType === "User" ? "user" : a.principalType === "ServicePrincipal" ? "servicePrincipal" : "other";
  return { id: a.principalId.toLowerCase(), type };
}
var AT_SCOPE_LISTS = {
  roleAssignments: ASSIGNMENTS_VERSION,
  roleAssignmentScheduleInstances: "api-version=2020-10-01",
  roleEligibilityScheduleInstances: "api-version=2020-10-01"
};
async function listAtScope(directory, scopes, list, failure) {
  const unique = [...new Map(scopes.map((s) => [s.toLowerCase(), s])).values()];
  const out = /* @__PURE__ */ new Map();
  if (!directory.armReadAll) {
    for (const s of unique) out.set(s.toLowerCase(), new DirectoryError(0, "no Azure Resource Manager endpoint is configured (arm-endpoint)"));
    return out;
  }
  const answers = await directory.armReadAll(
    unique.map((s) => `${s}/providers/Microsoft.Authorization/${list}?${AT_SCOPE_LISTS[list]}&$filter=${encodeURIComponent("atScope()")}`)
  );
  unique.forEach((scope, i) => {
    const a = answers[i];
    const value = a.body?.value;
    if (a.status < 200 || a.status >= 300) out.set(scope.toLowerCase(), new DirectoryError(a.status, failure(scope, a.status, a.message)));
    else if (!Array.isArray(value)) out.set(scope.toLowerCase(), new DirectoryError(a.status, failure(scope, a.status, "the answer is not a list")));
    else out.set(scope.toLowerCase(), value);
  });
  return out;
}
async function assignmentsAt(directory, scopes) {
  return parsed(await listAtScope(directory, scopes, "roleAssignments", armReadFailure));
}
function parsed(listed) {
  return new Map([...listed].map(([scope, l]) => [scope, l instanceof DirectoryError ? l : l.flatMap(assignmentOf)]));
}
function assignmentOf(raw) {
  const r = raw;
  const p = r?.properties;
  const roleId = typeof p?.roleDefinitionId === "string" ? roleIdOf(p.roleDefinitionId) : void 0;
  if (typeof r?.name !== "string" || typeof p?.scope !== "string" || typeof p.principalId !== "string" || !GUID.test(p.principalId) || !roleId) return [];
  return [
    {
      name: r.name,
      scope: p.scope,
      principalId: p.principalId.toLowerCase(),
      principalType: typeof p.principalType === "string" ? p.principalType : "",
      roleId: roleId.toLowerCase(),
      ...typeof p.condition === "string" && p.condition !== "" ? { condition: p.condition } : {}
    }
  ];
}
function armReadFailure(scope, status, message) {
  if (status === 403)
    return `Azure Resource Manager refused to list the role assignments at ${scope} (403: ${message}). Give the app Role Based Access Control Administrator there with the delegation condition (docs/setup.md, "Azure roles"; it includes reading assignments).`;
  return `Azure Resource Manager did not list the role assignments at ${scope}${status > 0 ? ` (${status})` : ""}: ${message}`;
}
function heldAt(all, scope, roleId) {
  return all.filter((a) => a.roleId === roleId && sameScope(a.scope, scope) && a.condition === void 0);
}
function usersOnly(dispositions) {
  return dispositions.map((d) => d.action === "remove" && d.type !== "user" ? { ...d, action: "report" } : d);
}
async function readyAzure(directory, ids, options = {}) {
  const targets = ids.map((id) => ({ id, ...azureTarget(id) }));
  const me = directory.signedInPrincipal ? await directory.signedInPrincipal() : void 0;
  const listed = await assignmentsAt(
    directory,
    targets.map((t) => t.scope)
  );
  const findings = [];
  const definitions = directory.armReadAll ? await directory.armReadAll(targets.map((t) => `${roleDefinitionAt(t.scope, t.roleId)}?${DEFINITIONS_VERSION}`)) : [];
  targets.forEach((t, i) => {
    const a = definitions[i];
    if (!a || a.status >= 200 && a.status < 300) return;
    findings.push({
      severity: "error",
      entry: t.id,
      message: a.status === 404 ? `the Azure role ${t.roleId} does not exist at ${t.scope} (${a.message}); fix azureRole in the policy.` : `the Azure role could not be read at ${t.scope}: ${armReadFailure(t.scope, a.status, a.message)}`
    });
  });
  const own = /* @__PURE__ */ new Map();
  for (const t of targets) {
    const all = listed.get(t.scope.toLowerCase());
    if (!Array.isArray(all)) findings.push({ severity: "error", message: all?.message ?? "not read", entry: t.id });
    else
      for (const a of all.filter((x) => x.principalId === me)) {
        const key = `${a.scope.toLowerCase()}|${a.name}`;
        const held = own.get(key) ?? { ...a, appliesAt: [] };
        held.appliesAt.push(t.scope.toLowerCase());
        own.set(key, held);
      }
  }
  if (!me)
    return [
      ...findings,
      { severity: "warning", message: "who the app is could not be told from its token, so its own Azure role assignments were not judged." }
    ];
  const reach = judgeAzureReach(
    [...own.values()],
    targets.map((t) => ({ name: t.id, scope: t.scope, roleId: t.roleId, ...options.pim ? { pim: true } : {} })),
    me
  );
  for (const m of reach.missing) findings.push({ severity: "error", message: m.why, entry: m.entry });
  for (const b of new Set(reach.beyond)) findings.push({ severity: "warning", message: b });
  return findings;
}
var azureTargetParts = {
  ready: (directory, ids) => readyAzure(directory, ids),
  /**
   * Nothing to read each run: a role that does not exist at the scope is named by ARM's own answer to
   * the write that needs it (RoleDefinitionDoesNotExist), doctor reads each entry's definition at its
   * scope, and the holders' listing shows whether the scope can be read. A read here would cost a call
   * per entry every run, and a definition read at the subscription needs rights there that the app,
   * given its role at a resource group, does not have.
   */
  async checkTargets(directory, entries) {
    const out = /* @__PURE__ */ new Map();
    const why = directory.armReadAll ? void 0 : "grants an Azure role, and no Azure Resource Manager endpoint is configured (arm-endpoint).";
    for (const e of entries) out.set(e.id.toLowerCase(), why && `${e.name} ${why}`);
    return out;
  },
  async readHolders(directory, entries) {
    const targets = entries.map((e) => azureTarget(e.id));
    const listed = await assignmentsAt(
      directory,
      targets.map((t) => t.scope)
    );
    return new Map(
      entries.map((e, i) => {
        const t = targets[i];
        const all = listed.get(t.scope.toLowerCase());
        return [
          e.id.toLowerCase(),
          all instanceof DirectoryError || all === void 0 ? all ?? new DirectoryError(0, "not read") : heldAt(all, t.scope, t.roleId).map(memberOf)
        ];
      })
    );
  },
  check: (directory, checks) => checkAzure(directory, checks)
};
async function checkAzure(directory, checks) {
  if (checks.length === 0) return [];
  const targets = checks.map((c) => azureTarget(c.groupId));
  const listed = await assignmentsAt(
    directory,
    targets.map((t) => t.scope)
  );
  const groupIds = /* @__PURE__ */ new Set();
  checks.forEach((c, i) => {
    const all = listed.get(targets[i].scope.toLowerCase());
    if (c.kind === "verify-removal" && Array.isArray(all)) {
      for (const a of all)
        if (a.principalType === "Group" && (a.roleId === targets[i].roleId || isBroader(a, targets[i].roleId))) groupIds.add(a.principalId);
    }
  });
  const members = groupIds.size > 0 && directory.transitiveUsers ? await directory.transitiveUsers([...groupIds]) : /* @__PURE__ */ new Map();
  const removals = checks.flatMap((c, i) => c.kind === "verify-removal" ? [targets[i].scope] : []);
  const eligible = await eligibilitiesAt(directory, removals);
  return checks.map((c, i) => {
    const t = targets[i];
    const all = listed.get(t.scope.toLowerCase());
    if (!Array.isArray(all))
      return c.kind === "verify-removal" ? {
        id: c.id,
        result: "unanswered",
        unverified: `the removal could not be verified: ${all?.message ?? "not read"}. Check by hand, or let the next run check again.`
      } : { id: c.id, result: "skipped" };
    const role = all.filter((a) => a.roleId === t.roleId);
    if (c.kind === "confirm-add")
      return role.some((a) => a.principalId === c.member && sameScope(a.scope, t.scope)) ? { id: c.id, result: "passed" } : {
        id: c.id,
        result: "found",
        lagging: "Azure accepted the role assignment, but its listing does not show it yet (role assignments take up to a few minutes to replicate); nothing needs to be done."
      };
    const owners = all.filter((a) => isBroader(a, t.roleId));
    const broader = owners.filter((a) => a.principalId === c.member);
    const byGroup = owners.filter((a) => a.principalType === "Group" && inGroup(members, a.principalId, c.member));
    const unread = owners.filter((a) => a.principalType === "Group" && !(members.get(a.principalId) instanceof Set));
    const found = verifiedRemoval(c, t.scope, role, members);
    const more = [];
    if (broader.length > 0)
      more.push(
        `still holds Owner at ${broader.map((a) => a.scope).join(", ")}, which includes this role's rights at ${t.scope}. Remove that assignment if the access should be gone.`
      );
    for (const a of byGroup)
      more.push(
        `still holds Owner through the group ${a.principalId}, assigned Owner at ${a.scope}, which includes this role's rights at ${t.scope}. Remove them from that group, or remove its assignment.`
      );
    if (more.length === 0 && unread.length > 0 && found.result === "passed")
      return {
        id: c.id,
        result: "unanswered",
        unverified: `the removal could not be verified: Graph did not answer whether they are in ${unread.map((a) => `the group ${a.principalId}, assigned Owner at ${a.scope}`).join(", nor ")}. Check by hand, or let the next run check again.`
      };
    const canActivate = eligible.get(t.scope.toLowerCase());
    if (Array.isArray(canActivate) && canActivate.some((e) => e.principalId === c.member && e.roleId === t.roleId))
      more.push(
        `can activate the role at ${t.scope} again through a PIM for Azure resources eligibility. End the eligibility in PIM if the access should be gone.`
      );
    if (more.length === 0) return withUnreadEligibility(found, canActivate);
    return { id: c.id, result: "found", stillHeld: [found.stillHeld, ...more].filter(Boolean).join(" It also ") };
  });
}
function withUnreadEligibility(found, read) {
  if (!(read instanceof DirectoryError) || read.status === 403 || found.result !== "passed") return found;
  return {
    ...found,
    result: "unanswered",
    unverified: `the removal could not be verified: Azure did not answer whether they can activate the role again through PIM (${read.message}). Check by hand, or let the next run check again.`
  };
}
async function eligibilitiesAt(directory, scopes) {
  if (scopes.length === 0 || !directory.armReadAll) return /* @__PURE__ */ new Map();
  const listed = await listAtScope(directory, scopes, "roleEligibilityScheduleInstances", (_, status, message) => `${status}: ${message}`);
  return parsed(new Map([...listed].map(([scope, l]) => [scope, l instanceof DirectoryError ? l : l.map((v) => ({ name: "eligibility", ...v }))])));
}
function verifiedRemoval(c, scope, role, members) {
  const paths = [];
  const unknown = [];
  for (const a of role) {
    if (a.principalId === c.member && !sameScope(a.scope, scope))
      paths.push(`still holds the role at ${scope} through an assignment at ${a.scope} (inherited). Remove that assignment if the access should be gone.`);
    if (a.principalType !== "Group") continue;
    const holders = members.get(a.principalId);
    if (holders instanceof Set && holders.has(c.member))
      paths.push(
        `still holds the role at ${scope} through the group ${a.principalId}, assigned it at ${a.scope}. Remove them from that group, or remove its assignment.`
      );
    else if (!(holders instanceof Set)) unknown.push(`whether they are in the group ${a.principalId}, assigned the role at ${a.scope}`);
  }
  if (sameScopeHeld(c, scope, role))
    paths.push(`is still assigned the role at ${scope}: the removal has not shown yet, or another assignment was made. The next run removes it.`);
  if (paths.length > 0) return { id: c.id, result: "found", stillHeld: paths.join(" It also ") };
  if (unknown.length > 0)
    return {
      id: c.id,
      result: "unanswered",
      unverified: `the removal could not be verified: Graph did not answer ${unknown.join(", nor ")}. Check by hand, or let the next run check again.`
    };
  return { id: c.id, result: "passed" };
}
var inGroup = (members, group, user) => {
  const m = members.get(group);
  return m instanceof Set && m.has(user);
};
var isBroader = (a, roleId) => a.roleId === OWNER_ROLE_ID && roleId !== OWNER_ROLE_ID && a.condition === void 0;
var sameScopeHeld = (c, scope, role) => role.some((a) => a.principalId === c.member && sameScope(a.scope, scope));

export {
  azureTarget,
  listAtScope,
  assignmentsAt,
  heldAt,
  usersOnly,
  readyAzure,
  azureTargetParts
};
