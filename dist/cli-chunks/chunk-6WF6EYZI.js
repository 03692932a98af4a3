import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/entra/identity.ts
function tokenClaims(token) {
  const payload = token.split(".")[1];
  if (!payload) return void 0;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return claims && typeof claims === "object" && !Array.isArray(claims) ? claims : void 0;
  } catch {
    return void 0;
  }
}
var answered = (a) => a !== void 0 && a.status >= 200 && a.status < 300;
var listed = (a) => a.body?.value?.filter((v) => v && typeof v === "object") ?? [];
var unreadable = (what, a, permission) => a.status === 403 ? `${what}: not readable (needs ${permission}, read-only)` : `${what}: Graph answered ${a.status}: ${a.message}`;
var strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
async function readIdentity(graph, policyGroupIds) {
  const claims = tokenClaims(await graph.accessToken());
  const kind = identityKind(claims);
  const principalId = typeof claims?.oid === "string" ? claims.oid.toLowerCase() : void 0;
  const facts = {
    kind,
    units: /* @__PURE__ */ new Map(),
    ...principalId ? { principalId } : {},
    ...kind === "app" ? { permissions: strings(claims?.roles) } : {}
  };
  const requests = [
    ...principalId ? [{ url: `/roleManagement/directory/roleAssignments?$filter=principalId%20eq%20'${principalId}'&$select=roleDefinitionId,directoryScopeId` }] : [],
    ...policyGroupIds.map((id) => ({
      url: `/groups/${encodeURIComponent(id)}/memberOf/microsoft.graph.administrativeUnit?$select=id,displayName,isMemberManagementRestricted&$count=true`,
      headers: { ConsistencyLevel: "eventual" }
    }))
  ];
  const answers = await graph.readAll(requests);
  if (principalId) readRoleAssignments(facts, answers.shift());
  else facts.roleAssignmentsUnreadable = "the access token names no principal";
  readUnitsOfGroups(facts, policyGroupIds, answers);
  await readScopedUnits(graph, facts);
  const writesTenantWide = (facts.permissions ?? []).some((p) => ["GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"].includes(p)) || (facts.roleAssignments ?? []).some((r) => r.directoryScopeId === "/");
  if (writesTenantWide) {
    const [count] = await graph.readAll([{ url: "/groups?$count=true&$top=1&$select=id", headers: { ConsistencyLevel: "eventual" } }]);
    const n = answered(count) ? count.body["@odata.count"] : void 0;
    if (typeof n === "number") facts.tenantGroups = n;
  }
  return facts;
}
function identityKind(claims) {
  if (claims?.idtyp === "app" || !claims?.scp && claims?.roles) return "app";
  return claims?.idtyp === "user" || claims?.scp ? "user" : "unknown";
}
function readRoleAssignments(facts, a) {
  if (!answered(a)) {
    facts.roleAssignmentsUnreadable = a.status === 403 ? "reading them needs RoleManagement.Read.Directory, read-only and optional" : `Graph answered ${a.status}: ${a.message}`;
    return;
  }
  const value = a.body.value ?? [];
  facts.roleAssignments = value.filter((r) => typeof r.roleDefinitionId === "string" && typeof r.directoryScopeId === "string").map((r) => ({ roleDefinitionId: String(r.roleDefinitionId).toLowerCase(), directoryScopeId: String(r.directoryScopeId) }));
}
function readUnitsOfGroups(facts, policyGroupIds, answers) {
  const unitsOfGroup = /* @__PURE__ */ new Map();
  let groupsReadable = true;
  policyGroupIds.forEach((id, i) => {
    const a = answers[i];
    if (!answered(a)) {
      if (a.status !== 404) groupsReadable = false;
      return;
    }
    const value = a.body.value ?? [];
    const ids = [];
    for (const u of value) {
      if (typeof u.id !== "string") continue;
      const unitId = u.id.toLowerCase();
      ids.push(unitId);
      if (!facts.units.has(unitId))
        facts.units.set(unitId, {
          id: unitId,
          displayName: typeof u.displayName === "string" ? u.displayName : unitId,
          ...typeof u.isMemberManagementRestricted === "boolean" ? { restricted: u.isMemberManagementRestricted } : {}
        });
    }
    unitsOfGroup.set(id.toLowerCase(), ids);
  });
  if (groupsReadable) facts.unitsOfGroup = unitsOfGroup;
}
async function readScopedUnits(graph, facts) {
  const scoped = [
    ...new Set(
      (facts.roleAssignments ?? []).map((r) => /^\/administrativeUnits\/([0-9a-fA-F-]{36})$/.exec(r.directoryScopeId)?.[1]?.toLowerCase()).filter((u) => u !== void 0)
    )
  ];
  if (scoped.length === 0) return;
  const unitAnswers = await graph.readAll(
    scoped.flatMap((u) => [
      { url: `/directory/administrativeUnits/${u}?$select=id,displayName,isMemberManagementRestricted` },
      { url: `/directory/administrativeUnits/${u}/members/microsoft.graph.group?$select=id&$top=999&$count=true`, headers: { ConsistencyLevel: "eventual" } }
    ])
  );
  scoped.forEach((u, i) => {
    const detail = unitAnswers[2 * i];
    const members = unitAnswers[2 * i + 1];
    const known = facts.units.get(u) ?? { id: u, displayName: u };
    if (answered(detail)) {
      const d = detail.body;
      if (typeof d.displayName === "string") known.displayName = d.displayName;
      known.restricted = d.isMemberManagementRestricted === true;
    }
    if (answered(members)) {
      const body = members.body;
      known.groupIds = (body.value ?? []).map((g) => String(g.id ?? "").toLowerCase()).filter((g) => g !== "");
    }
    facts.units.set(u, known);
  });
}

export {
  answered,
  listed,
  unreadable,
  readIdentity
};
