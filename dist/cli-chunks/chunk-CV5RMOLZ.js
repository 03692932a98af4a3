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
var NO_PREMIUM_LICENCE = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";
var errorCode = (a) => {
  const code = a.body?.error?.code;
  return typeof code === "string" ? code : "";
};
var unreadable = (what, a, permission) => errorCode(a) === NO_PREMIUM_LICENCE ? `${what}: not available in this tenant (it needs a Microsoft Entra ID P1 or P2 licence; the app's permission ${permission} is not what is missing)` : a.status === 403 ? `${what}: not readable (needs ${permission}, read-only)` : `${what}: Graph answered ${a.status}: ${a.message}`;
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
    const [count] = await graph.readAll([{ url: "/groups?$count=true&$top=1&$select=id", headers: { ConsistencyLevel: "eventual" }, onePage: true }]);
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

// src/entra/pages.ts
var MAX_PAGES = 1e3;
function nextPath(link, endpoint) {
  if (typeof link !== "string") return void 0;
  let url;
  let base;
  try {
    url = new URL(link);
    base = new URL(endpoint);
  } catch {
    return void 0;
  }
  const prefix = `${base.pathname.replace(/\/$/, "")}/v1.0/`;
  if (url.origin !== base.origin || !url.pathname.startsWith(prefix)) return void 0;
  return `/${url.pathname.slice(prefix.length)}${url.search}`;
}
var nextLinkOf = (a) => a.status >= 200 && a.status < 300 && a.body && typeof a.body === "object" ? a.body["@odata.nextLink"] : void 0;
async function readEveryPage(send, requests, endpoint) {
  const answers = await send(requests);
  const values = answers.map((a) => [...a.body?.value ?? []]);
  const current = [...answers];
  const pages = answers.map(() => 1);
  for (; ; ) {
    const pending = [];
    current.forEach((a, i) => {
      const link = nextLinkOf(a);
      if (link === void 0 || requests[i].onePage) return;
      const path = nextPath(link, endpoint);
      const what = requests[i].url.split("?")[0];
      if (path === void 0) current[i] = { ...a, status: 502, body: void 0, message: `Graph's next page of ${what} is not on ${endpoint}: not followed` };
      else if (pages[i] >= MAX_PAGES)
        current[i] = { ...a, status: 502, body: void 0, message: `${what} has more than ${MAX_PAGES} pages: not read to the end` };
      else pending.push({ i, path });
    });
    if (pending.length === 0) break;
    const next = await send(pending.map(({ i, path }) => ({ url: path, ...requests[i].headers ? { headers: requests[i].headers } : {} })));
    pending.forEach(({ i }, k) => {
      const a = next[k];
      pages[i] += 1;
      if (a.status < 200 || a.status >= 300) {
        current[i] = { ...a, message: `page ${pages[i]} of ${requests[i].url.split("?")[0]}: ${a.message}` };
        return;
      }
      values[i].push(...a.body?.value ?? []);
      current[i] = a;
    });
  }
  return current.map((a, i) => {
    if (a.status < 200 || a.status >= 300 || pages[i] === 1) return a;
    const first = { ...answers[i].body ?? {} };
    delete first["@odata.nextLink"];
    return { ...answers[i], body: { ...first, value: values[i] } };
  });
}
function advancedQuery(url) {
  const counted = /[?&]\$count=true(&|$)/.test(url) ? url : `${url}${url.includes("?") ? "&" : "?"}$count=true`;
  return { url: counted, headers: { ConsistencyLevel: "eventual" } };
}

export {
  tokenClaims,
  answered,
  listed,
  unreadable,
  readIdentity,
  readEveryPage,
  advancedQuery
};
