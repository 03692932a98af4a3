import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  advancedQuery,
  answered,
  listed,
  unreadable
} from "./chunk-CV5RMOLZ.js";
import {
  AZURE_BUILT_IN_ROLES,
  builtInRoleById,
  roleDefinitionAt
} from "./chunk-24XPZQ64.js";

// src/entra/catalogue.ts
var TENANT_CONTROL = /* @__PURE__ */ new Map([
  ["62e90394-69f5-4237-9190-012177145e10", "Global Administrator"],
  ["e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"],
  ["7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator"]
]);
var PRIVILEGED_ROLES = new Map([
  ...TENANT_CONTROL,
  ["194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator"],
  ["fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"],
  ["9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator"],
  ["158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator"],
  ["b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "Conditional Access Administrator"],
  ["29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator"],
  ["f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator"],
  ["3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator"],
  ["c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator"],
  ["729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"],
  ["8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator"],
  ["fdd7a751-b60b-444a-984c-02652fe8fa1c", "Groups Administrator"],
  ["9360feb5-f418-4baa-8175-e2a00bac4301", "Directory Writers"]
]);
var ADMIN_LIKE = /admin|owner|superuser|root|privileged/i;
var NO_ROLE = "00000000-0000-0000-0000-000000000000";
function directoryRolePrivilege(templateId, isPrivileged) {
  const id = templateId.toLowerCase();
  if (TENANT_CONTROL.has(id)) return { privileged: true, weight: 100 };
  const privileged = isPrivileged ?? PRIVILEGED_ROLES.has(id);
  return { privileged, weight: privileged ? 10 : 1 };
}
function appRolePrivilege(value, name) {
  const privileged = ADMIN_LIKE.test(value) || ADMIN_LIKE.test(name);
  return { privileged, weight: privileged ? 10 : 1 };
}
var str = (v) => typeof v === "string" ? v : void 0;
var filter = (clause) => `$filter=${encodeURIComponent(clause)}`;
var MAX_GROUPS = 300;
function groupRequests(id) {
  const principal = filter(`principalId eq '${id}'`);
  return [
    advancedQuery(`/groups/${id}/transitiveMemberOf/microsoft.graph.group?$select=id,displayName&$top=999`),
    { url: `/roleManagement/directory/roleAssignments?${principal}&$select=roleDefinitionId,directoryScopeId` },
    { url: `/roleManagement/directory/roleEligibilitySchedules?${principal}&$select=roleDefinitionId,directoryScopeId` },
    { url: `/groups/${id}/appRoleAssignments?$select=appRoleId,resourceId,resourceDisplayName` },
    { url: `/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances?${principal}` }
  ];
}
function readGroup(answers) {
  const [parents, roles, eligible, appRoles, pim] = answers;
  const facts = { parents: [], roles: [], eligibleRoles: [], appRoles: [], pimTargets: [], unknown: [] };
  const roleOf = (v) => ({ roleDefinitionId: String(v.roleDefinitionId ?? "").toLowerCase(), scope: str(v.directoryScopeId) ?? "/" });
  if (answered(parents))
    facts.parents = listed(parents).flatMap((v) => str(v.id) ? [{ id: String(v.id).toLowerCase(), name: str(v.displayName) ?? String(v.id) }] : []);
  else facts.unknown.push(unreadable("groups it is nested in", parents, "GroupMember.Read.All"));
  if (answered(roles))
    facts.roles = listed(roles).filter((v) => str(v.roleDefinitionId)).map(roleOf);
  else facts.unknown.push(unreadable("directory roles", roles, "RoleManagement.Read.Directory"));
  if (answered(eligible))
    facts.eligibleRoles = listed(eligible).filter((v) => str(v.roleDefinitionId)).map(roleOf);
  else facts.unknown.push(unreadable("eligible directory roles", eligible, "RoleManagement.Read.Directory"));
  if (answered(appRoles))
    facts.appRoles = listed(appRoles).flatMap(
      (v) => str(v.resourceId) ? [
        {
          resourceId: String(v.resourceId).toLowerCase(),
          resourceName: str(v.resourceDisplayName) ?? String(v.resourceId),
          appRoleId: String(v.appRoleId ?? NO_ROLE).toLowerCase()
        }
      ] : []
    );
  else facts.unknown.push(unreadable("app roles", appRoles, "Directory.Read.All"));
  if (answered(pim))
    facts.pimTargets = listed(pim).flatMap(
      (v) => str(v.groupId) ? [{ groupId: String(v.groupId).toLowerCase(), accessId: str(v.accessId) ?? "member" }] : []
    );
  else facts.unknown.push(unreadable("PIM for Groups eligibilities", pim, "PrivilegedEligibilitySchedule.Read.AzureADGroup"));
  return facts;
}
async function readCatalogueFacts(graph, groupIds) {
  const facts = { groups: /* @__PURE__ */ new Map(), roleNames: /* @__PURE__ */ new Map(), appRoleNames: /* @__PURE__ */ new Map(), appNames: /* @__PURE__ */ new Map(), groupNames: /* @__PURE__ */ new Map(), unknown: [] };
  let frontier = [...new Set(groupIds.map((id) => id.toLowerCase()))];
  while (frontier.length > 0) {
    const answers = await graph.readAll(frontier.flatMap(groupRequests));
    const next = /* @__PURE__ */ new Set();
    frontier.forEach((id, i) => {
      const g = readGroup(answers.slice(i * 5, i * 5 + 5));
      facts.groups.set(id, g);
      for (const p of g.parents) {
        facts.groupNames.set(p.id, p.name);
        next.add(p.id);
      }
      for (const t of g.pimTargets) next.add(t.groupId);
    });
    frontier = [...next].filter((id) => !facts.groups.has(id));
    if (facts.groups.size + frontier.length > MAX_GROUPS) {
      facts.unknown.push(`more than ${MAX_GROUPS} groups are reachable; the ones beyond are not shown`);
      frontier = frontier.slice(0, Math.max(0, MAX_GROUPS - facts.groups.size));
    }
  }
  await readNames(graph, facts);
  return facts;
}
async function readNames(graph, facts) {
  const all = [...facts.groups.values()];
  const needRoles = all.some((g) => g.roles.length + g.eligibleRoles.length > 0);
  const apps = [...new Set(all.flatMap((g) => g.appRoles.filter((a) => a.appRoleId !== NO_ROLE).map((a) => a.resourceId)))];
  const targets = [...new Set(all.flatMap((g) => g.pimTargets.map((t) => t.groupId)))].filter((id) => !facts.groupNames.has(id));
  const requests = [
    ...needRoles ? [{ url: "/roleManagement/directory/roleDefinitions?$select=id,displayName,templateId,isBuiltIn" }] : [],
    ...apps.map((id) => ({ url: `/servicePrincipals/${id}?$select=id,displayName,appRoles` })),
    ...targets.map((id) => ({ url: `/groups/${id}?$select=id,displayName` }))
  ];
  if (requests.length === 0) return;
  const answers = await graph.readAll(requests);
  if (needRoles) readRoleNames(facts, answers.shift());
  for (const app of apps) readAppNames(facts, app, answers.shift());
  for (const id of targets) {
    const a = answers.shift();
    if (answered(a)) facts.groupNames.set(id, str(a.body.displayName) ?? id);
  }
}
function readRoleNames(facts, a) {
  if (!answered(a)) {
    facts.unknown.push(unreadable("role names", a, "RoleManagement.Read.Directory"));
    return;
  }
  for (const v of listed(a)) {
    const id = str(v.id)?.toLowerCase();
    if (!id) continue;
    const isPrivileged = typeof v.isPrivileged === "boolean" ? { isPrivileged: v.isPrivileged } : {};
    facts.roleNames.set(id, { name: str(v.displayName) ?? id, templateId: (str(v.templateId) ?? id).toLowerCase(), ...isPrivileged });
  }
}
function readAppNames(facts, app, a) {
  if (!answered(a)) {
    facts.unknown.push(unreadable(`app role names of ${app}`, a, "Application.Read.All"));
    return;
  }
  const body = a.body;
  if (typeof body.displayName === "string") facts.appNames.set(app, body.displayName);
  for (const r of Array.isArray(body.appRoles) ? body.appRoles : [])
    if (typeof r.id === "string") facts.appRoleNames.set(`${app}/${r.id.toLowerCase()}`, { value: str(r.value) ?? "", name: str(r.displayName) ?? r.id });
}
var AZURE_ROLES = new Map(AZURE_BUILT_IN_ROLES.map((r) => [r.id, r.name]));
var AZURE_PRIVILEGED = new Set(AZURE_BUILT_IN_ROLES.filter((r) => r.privileged).map((r) => r.id));
var ARM_VERSION = "api-version=2022-04-01";
async function readAzureRoles(azure, facts) {
  if (azure.scopes.length === 0) return;
  const ids = [...facts.groups.keys()];
  const paths = ids.flatMap(
    (id) => azure.scopes.map((scope) => `${scope}/providers/Microsoft.Authorization/roleAssignments?${ARM_VERSION}&${filter(`principalId eq '${id}'`)}`)
  );
  const answers = await azure.read(paths);
  const custom = /* @__PURE__ */ new Set();
  ids.forEach((id, i) => {
    const g = facts.groups.get(id);
    const seen = /* @__PURE__ */ new Map();
    azure.scopes.forEach((scope, j) => {
      const a = answers[i * azure.scopes.length + j] ?? { status: 0, message: "no answer" };
      if (a.status < 200 || a.status >= 300) {
        g.unknown.push(
          a.status === 403 ? `Azure roles at ${scope}: not readable (needs Reader at that scope, read-only)` : `Azure roles at ${scope}: Azure answered ${a.status}: ${a.message}`
        );
        return;
      }
      for (const v of listed(a)) {
        const props = v.properties ?? {};
        const definition = str(props.roleDefinitionId);
        if (!definition || str(props.principalId)?.toLowerCase() !== id) continue;
        const guid = definition.split("/").pop().toLowerCase();
        if (!AZURE_ROLES.has(guid)) custom.add(definition);
        seen.set(str(v.id) ?? `${guid}@${String(props.scope)}`, { roleDefinitionId: guid, scope: str(props.scope) ?? scope });
      }
    });
    g.azureRoles = [...seen.values()];
  });
  facts.azureRoleNames = new Map(AZURE_ROLES);
  if (custom.size === 0) return;
  const names = await azure.read([...custom].map((d) => `${d}?${ARM_VERSION}`));
  [...custom].forEach((d, i) => {
    const roleName = str((names[i]?.body?.properties ?? {}).roleName);
    if (answered(names[i]) && roleName) facts.azureRoleNames.set(d.split("/").pop().toLowerCase(), roleName);
  });
}
function roleConferred(facts, r, kind, via) {
  const def = facts.roleNames.get(r.roleDefinitionId);
  const template = def?.templateId ?? r.roleDefinitionId;
  return {
    kind,
    name: def?.name ?? PRIVILEGED_ROLES.get(template) ?? `role ${r.roleDefinitionId}`,
    detail: r.scope === "/" ? "tenant" : r.scope,
    via,
    ...directoryRolePrivilege(template, def?.isPrivileged)
  };
}
function appConferred(facts, a, via) {
  const role = facts.appRoleNames.get(`${a.resourceId}/${a.appRoleId}`);
  const name = a.appRoleId === NO_ROLE ? "default access" : role?.name ?? `app role ${a.appRoleId}`;
  return {
    kind: "app-role",
    name,
    detail: facts.appNames.get(a.resourceId) ?? a.resourceName,
    resourceId: a.resourceId,
    via,
    ...appRolePrivilege(role?.value ?? "", a.appRoleId === NO_ROLE ? "" : name)
  };
}
function composeAccess(facts, group) {
  const id = group.id.toLowerCase();
  const confers = [];
  const unknown = new Set(facts.groups.get(id)?.unknown ?? ["not read"]);
  const seen = /* @__PURE__ */ new Set();
  const nameOf = (g) => facts.groupNames.get(g) ?? facts.groups.get(g)?.name ?? g;
  const own = (gid, via) => {
    const g = facts.groups.get(gid);
    if (!g) return;
    for (const u of g.unknown) if (via.length > 0) unknown.add(`${u} (for ${via[via.length - 1]})`);
    for (const r of g.roles) confers.push(roleConferred(facts, r, "directory-role", via));
    for (const r of g.eligibleRoles) confers.push(roleConferred(facts, r, "eligible-directory-role", via));
    for (const a of g.appRoles) confers.push(appConferred(facts, a, via));
    for (const r of g.azureRoles ?? [])
      confers.push({
        kind: "azure-role",
        name: facts.azureRoleNames?.get(r.roleDefinitionId) ?? `role ${r.roleDefinitionId}`,
        detail: r.scope,
        via,
        privileged: AZURE_PRIVILEGED.has(r.roleDefinitionId),
        weight: AZURE_PRIVILEGED.has(r.roleDefinitionId) ? 10 : 1
      });
    for (const t of g.pimTargets) {
      const target = nameOf(t.groupId);
      confers.push({ kind: "pim-eligible", name: target, detail: t.accessId, via, privileged: false, weight: 1 });
      walk(t.groupId, [...via, `${target} (PIM ${t.accessId}, on activation)`]);
    }
  };
  const walk = (gid, via) => {
    if (seen.has(gid)) return;
    seen.add(gid);
    own(gid, via);
    for (const p of facts.groups.get(gid)?.parents ?? []) {
      if (seen.has(p.id)) continue;
      confers.push({ kind: "member-of", name: p.name, via, privileged: false, weight: 1 });
      seen.add(p.id);
      own(p.id, [...via, p.name]);
    }
  };
  walk(id, []);
  for (const c of confers)
    if ((c.kind === "member-of" || c.kind === "pim-eligible") && confers.some((d) => d.privileged && d.via.some((v) => v === c.name || v.startsWith(`${c.name} (PIM`))))
      c.privileged = true;
  for (const u of facts.unknown) unknown.add(u);
  return { group: group.name, id, confers, unknown: [...unknown] };
}
async function readCatalogue(graph, groups, now, azure) {
  const facts = await readCatalogueFacts(
    graph,
    groups.map((g) => g.id)
  );
  if (azure) await readAzureRoles(azure, facts);
  return { readAt: new Date(now).toISOString(), groups: groups.map((g) => composeAccess(facts, g)) };
}
function heaviest(access) {
  return Math.max(0, ...access.confers.filter((c) => c.privileged).map((c) => c.weight));
}
function accessLines(access) {
  const describe = (c) => {
    const what = c.kind === "directory-role" ? `Entra role ${c.name} (${c.detail})` : c.kind === "eligible-directory-role" ? `eligible for Entra role ${c.name} (${c.detail}), through PIM` : c.kind === "app-role" ? `app role ${c.name} in ${c.detail}` : c.kind === "azure-role" ? `Azure role ${c.name} at ${c.detail}` : c.kind === "member-of" ? `member of group ${c.name}` : `can activate ${c.detail} of group ${c.name} through PIM`;
    return `${c.privileged ? "\u26A0\uFE0F PRIVILEGED: " : ""}${what}${c.via.length > 0 ? `, through ${c.via.join(" \u2192 ")}` : ""}`;
  };
  const sorted = [...access.confers].sort((a, b) => Number(b.privileged) - Number(a.privileged) || b.weight - a.weight);
  return [...sorted.map(describe), ...access.unknown.map((u) => `not known: ${u}`)];
}
var CONFERRED_KINDS = /* @__PURE__ */ new Set(["directory-role", "eligible-directory-role", "app-role", "member-of", "pim-eligible", "azure-role"]);
function parseGroupAccess(value) {
  if (!Array.isArray(value) || value.length > 1e3) return void 0;
  const groups = [];
  for (const g of value) {
    if (!g || typeof g.group !== "string" || typeof g.id !== "string" || !Array.isArray(g.confers) || !Array.isArray(g.unknown)) return void 0;
    const confers = [];
    for (const c of g.confers.slice(0, 200)) {
      if (!c || !CONFERRED_KINDS.has(String(c.kind)) || typeof c.name !== "string" || !Array.isArray(c.via)) return void 0;
      confers.push({
        kind: c.kind,
        name: c.name.slice(0, 256),
        ...typeof c.detail === "string" ? { detail: c.detail.slice(0, 256) } : {},
        via: c.via.filter((x) => typeof x === "string").slice(0, 10),
        privileged: c.privileged === true,
        weight: typeof c.weight === "number" && Number.isFinite(c.weight) ? c.weight : 1
      });
    }
    groups.push({ group: g.group, id: g.id, confers, unknown: g.unknown.filter((x) => typeof x === "string").slice(0, 20) });
  }
  return groups;
}
function azureReaderOf(source, scopes) {
  return source.armReadAll && scopes.length > 0 ? { scopes, read: (p) => source.armReadAll(p) } : void 0;
}
async function catalogueOfPolicy(source, policy, now, only) {
  if (!source.readAll) return void 0;
  const wanted = [...policy.groups.values()].filter((g) => !only || only.includes(g.name));
  const groups = wanted.filter((g) => !g.azureRole).map((g) => ({ name: g.name, id: g.id }));
  const catalogue = await readCatalogue({ readAll: (r) => source.readAll(r) }, groups, now, azureReaderOf(source, policy.azureScopes));
  const azure = wanted.filter((g) => g.azureRole);
  const definitions = await roleDefinitions(
    source,
    azure.map((g) => g.azureRole)
  );
  for (const g of azure) catalogue.groups.push(azureEntryAccess(g.name, g.id, g.azureRole, definitions.get(definitionKey(g.azureRole))));
  return catalogue;
}
var definitionKey = (r) => roleDefinitionAt(r.scope, r.roleId).toLowerCase();
async function roleDefinitions(source, roles) {
  const out = /* @__PURE__ */ new Map();
  if (!source.armReadAll || roles.length === 0) return out;
  const paths = [...new Map(roles.map((r) => [definitionKey(r), roleDefinitionAt(r.scope, r.roleId)])).entries()];
  const answers = await source.armReadAll(paths.map(([, p]) => `${p}?${ARM_VERSION}`));
  paths.forEach(([key], i) => {
    const a = answers[i];
    const permissions = a.body?.properties?.permissions;
    if (a.status < 200 || a.status >= 300 || !Array.isArray(permissions)) {
      out.set(key, { why: `Azure Resource Manager answered ${a.status}: ${a.message}` });
      return;
    }
    const list = (k) => permissions.flatMap((p) => {
      const v = p?.[k];
      return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
    });
    const roleName = a.body.properties?.roleName;
    out.set(key, {
      ...typeof roleName === "string" ? { roleName } : {},
      actions: list("actions"),
      notActions: list("notActions"),
      dataActions: list("dataActions")
    });
  });
  return out;
}
var grantsAccess = (allows) => allows.actions.some((a) => /^(\*|Microsoft\.Authorization\/\*|Microsoft\.Authorization\/roleAssignments\/(\*|write))$/i.test(a)) && !allows.notActions.some((n) => /^Microsoft\.Authorization\/(\*\/Write|roleAssignments\/write|\*)$/i.test(n));
function judgeRole(known, read) {
  const gives = known?.grantsAccess === true || read !== void 0 && grantsAccess(read);
  return { gives, privileged: known?.privileged === true || gives || read?.actions.includes("*") === true };
}
function allowsInWords(read) {
  const shown = (xs) => `${xs.slice(0, 4).join(", ")}${xs.length > 4 ? ` and ${xs.length - 4} more` : ""}`;
  const except = read.notActions.length > 0 ? ` except ${shown(read.notActions)}` : "";
  const data = read.dataActions.length > 0 ? `; data: ${shown(read.dataActions)}` : "";
  return `; allows ${shown(read.actions) || "no control-plane actions"}${except}${data}`;
}
function azureEntryAccess(name, id, role, allows) {
  const known = builtInRoleById(role.roleId);
  const read = allows && "actions" in allows ? allows : void 0;
  const { gives, privileged } = judgeRole(known, read);
  const actions = read ? allowsInWords(read) : "";
  const why = allows && "why" in allows ? allows.why : "not read";
  const label = known?.name ?? read?.roleName ?? role.roleId;
  return {
    group: name,
    id,
    confers: [
      {
        kind: "azure-role",
        name: label,
        detail: `${role.scope}${gives ? " (it can give anyone any role there)" : ""}${actions}`,
        via: [],
        privileged,
        weight: privileged ? 10 : 1
      }
    ],
    unknown: read ? [] : [`what the role ${label} allows: ${why}`]
  };
}

export {
  directoryRolePrivilege,
  appRolePrivilege,
  readCatalogueFacts,
  readAzureRoles,
  composeAccess,
  readCatalogue,
  heaviest,
  accessLines,
  parseGroupAccess,
  azureReaderOf,
  catalogueOfPolicy
};
