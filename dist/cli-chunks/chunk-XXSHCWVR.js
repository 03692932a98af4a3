import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  RBAC_ADMINISTRATOR_ROLE_ID,
  ROLE_WRITERS,
  builtInRoleById
} from "./chunk-24XPZQ64.js";

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

export {
  delegationCondition,
  allowedBy,
  delegationCommand,
  unconditionedCommand,
  delegations,
  judgeAzureReach
};
