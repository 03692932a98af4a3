import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  accessLines,
  appRolePrivilege,
  azureReaderOf,
  heaviest,
  readCatalogue
} from "./chunk-KFLSN3TF.js";
import {
  advancedQuery,
  answered,
  listed,
  unreadable
} from "./chunk-CV5RMOLZ.js";
import {
  builtInRoleById,
  roleIdOf
} from "./chunk-24XPZQ64.js";
import "./chunk-JV5PSVP2.js";

// src/commands/discover.ts
var str = (v) => typeof v === "string" ? v : void 0;
var DAY = 864e5;
async function listAll(read, url) {
  const [a] = await read([{ url }]);
  return answered(a) ? { values: listed(a) } : { why: a ?? { status: 0, message: "no answer" } };
}
async function privilegedPrincipals(read, azure, unknown) {
  const found = /* @__PURE__ */ new Map();
  const add = (id, why) => found.set(id.toLowerCase(), /* @__PURE__ */ new Set([...found.get(id.toLowerCase()) ?? [], why]));
  for (const [path, what] of [
    ["/roleManagement/directory/roleAssignments?$select=principalId,roleDefinitionId,directoryScopeId", "an Entra role"],
    ["/roleManagement/directory/roleEligibilitySchedules?$select=principalId,roleDefinitionId,directoryScopeId", "an Entra role through PIM"]
  ]) {
    const listed2 = await listAll(read, path);
    if ("why" in listed2) unknown.push(unreadable(`tenant role assignments (${what})`, listed2.why, "RoleManagement.Read.Directory"));
    else for (const r of listed2.values) if (str(r.principalId)) add(String(r.principalId), what);
  }
  const apps = await listAll(read, "/servicePrincipals?$select=id,displayName,appRoles&$top=999");
  if ("why" in apps) unknown.push(unreadable("applications' administrator roles", apps.why, "Application.Read.All"));
  else {
    const adminApps = apps.values.flatMap((sp) => {
      const roles = Array.isArray(sp.appRoles) ? sp.appRoles : [];
      const admin = new Set(
        roles.filter((r) => appRolePrivilege(str(r.value) ?? "", str(r.displayName) ?? "").privileged).map((r) => String(r.id).toLowerCase())
      );
      return admin.size > 0 && str(sp.id) ? [{ id: String(sp.id), name: str(sp.displayName) ?? String(sp.id), admin }] : [];
    });
    const answers = await read(adminApps.map((app) => ({ url: `/servicePrincipals/${app.id}/appRoleAssignedTo?$top=999` })));
    adminApps.forEach((app, i) => {
      const a = answers[i];
      if (!answered(a)) return;
      for (const v of listed(a))
        if (v.principalType === "Group" && str(v.principalId) && app.admin.has(String(v.appRoleId).toLowerCase()))
          add(String(v.principalId), `an administrator role of ${app.name}`);
    });
  }
  for (const scope of azure?.scopes ?? []) {
    const [a] = await azure.read([`${scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`]);
    if (!answered(a)) {
      unknown.push(`Azure role assignments at ${scope}: not readable (needs Reader at that scope, read-only)`);
      continue;
    }
    for (const v of listed(a)) {
      const p = v.properties ?? {};
      if (p.principalType === "Group" && str(p.principalId)) add(String(p.principalId), `an Azure role at ${scope}`);
    }
  }
  return found;
}
async function standingAzureRoles(read, azure, policy, taken, unknown) {
  if (!azure) return [];
  const managed = new Set([...policy.groups.values()].flatMap((g) => g.azureRole ? [`${g.azureRole.scope.toLowerCase()}|${g.azureRole.roleId}`] : []));
  const found = /* @__PURE__ */ new Map();
  for (const scope of azure.scopes) {
    const [a] = await azure.read([`${scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`]);
    if (!answered(a)) continue;
    for (const v of listed(a)) {
      const p = v.properties ?? {};
      const definition = str(p.roleDefinitionId);
      const roleId = definition && roleIdOf(definition);
      const at = str(p.scope);
      if (p.principalType !== "User" || !str(p.principalId) || !roleId || !at || !builtInRoleById(roleId)?.privileged) continue;
      const key = `${at.toLowerCase()}|${roleId}`;
      if (managed.has(key)) continue;
      const entry = found.get(key) ?? { scope: at, roleId, holders: /* @__PURE__ */ new Set() };
      entry.holders.add(String(p.principalId).toLowerCase());
      found.set(key, entry);
    }
  }
  const users = [...new Set([...found.values()].flatMap((f) => [...f.holders]))];
  const names = /* @__PURE__ */ new Map();
  const answers = await read(users.map((id) => ({ url: `/users/${id}?$select=id,displayName,userPrincipalName` })));
  users.forEach((id, i) => {
    const body = answered(answers[i]) ? answers[i].body : void 0;
    names.set(id, str(body?.userPrincipalName) ?? str(body?.displayName) ?? id);
  });
  if (users.some((id) => names.get(id) === id)) unknown.push("some Azure role holders' names: not readable (needs User.ReadBasic.All, read-only)");
  return [...found.values()].map((f) => {
    const roleName = builtInRoleById(f.roleId).name;
    const name = folderName(`${roleName} ${f.scope.split("/").pop() ?? ""}`, taken);
    taken.add(name);
    return { scope: f.scope, roleId: f.roleId, roleName, name, holders: [...f.holders].map((id) => ({ id, name: names.get(id) ?? id })) };
  }).sort((a, b) => a.scope.localeCompare(b.scope) || a.roleName.localeCompare(b.roleName));
}
function folderName(displayName, taken) {
  const base = displayName.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-._]+|[-._]+$/g, "").slice(0, 60) || "group";
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}
function classify(member, now) {
  if (member.appDays !== void 0) return member.appDays >= 15 ? "daily" : member.appDays >= 3 ? "weekly" : member.appDays >= 1 ? "rare" : "never";
  if (member.activeDays !== void 0)
    return member.activeDays >= 15 ? "daily" : member.activeDays >= 3 ? "weekly" : member.activeDays >= 1 ? "rare" : lastOnly(member.lastSignIn, now);
  return lastOnly(member.lastSignIn, now);
}
function lastOnly(lastSignIn, now) {
  if (lastSignIn === void 0) return "unknown";
  if (lastSignIn === "") return "never";
  const age = now - Date.parse(lastSignIn);
  return age > 90 * DAY ? "never" : age > 30 * DAY ? "rare" : "unknown";
}
function propose(m) {
  if (m.kind === "servicePrincipal")
    return { proposal: "standing", reason: "a service principal cannot open a request: keep it standing while its owners justify it, and review it" };
  if (m.apps && m.appDays !== void 0 && m.usage !== "unknown") {
    if (!m.activeDays)
      return { proposal: "just-in-time", reason: `no sign-in in the last 30 days${m.lastSignIn ? `; the last on ${m.lastSignIn.slice(0, 10)}` : ""}` };
    return proposeByApps(m.usage, m.apps, m.appDays, m.activeDays);
  }
  switch (m.usage) {
    case "daily":
      return { proposal: "standing", reason: `signs in on ${m.activeDays} of the last 30 days: review whether the work needs the privilege every day` };
    case "unknown":
      return { proposal: "standing", reason: "usage unknown (no sign-in data): kept standing until it can be judged" };
    default:
      return {
        proposal: "just-in-time",
        reason: m.usage === "never" ? "no sign-in in 90 days" : m.usage === "rare" ? "signs in rarely" : "signs in some days a week"
      };
  }
}
function proposeByApps(usage, apps, appDays, activeDays) {
  const names = apps.map((a) => a.app).join(", ");
  if (usage === "daily")
    return { proposal: "standing", reason: `uses ${names} on ${appDays} of the last 30 days: review whether the work needs the privilege every day` };
  const elsewhere = activeDays !== void 0 && activeDays > appDays ? ` (signs in on ${activeDays} days, to other applications)` : "";
  if (appDays === 0) return { proposal: "just-in-time", reason: `did not use ${names} in the last 30 days${elsewhere}` };
  return { proposal: "just-in-time", reason: `uses ${names} on ${appDays} of the last 30 days${elsewhere}` };
}
function dailySpan(times) {
  const byDay = /* @__PURE__ */ new Map();
  for (const t of times) {
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) continue;
    const day = t.slice(0, 10);
    byDay.set(day, [...byDay.get(day) ?? [], ms]);
  }
  const spans = [...byDay.values()].map((v) => (Math.max(...v) - Math.min(...v)) / 36e5).sort((a, b) => a - b);
  if (spans.length === 0) return void 0;
  return Math.round(spans[Math.floor(spans.length / 2)] * 10) / 10;
}
function proposeMaxDuration(weight, spans) {
  const cap = weight >= 100 ? 2 : weight >= 10 ? 4 : 8;
  const capWhy = weight >= 100 ? "a path to control of the tenant" : weight >= 10 ? "privileged access" : "access";
  if (spans.length === 0) return { maxDuration: `${cap}h`, maxDurationWhy: `no use in the sign-in logs to learn from: the most for ${capWhy}` };
  const observed = Math.max(1, Math.ceil(Math.max(...spans)));
  const hours = Math.min(cap, observed);
  return {
    maxDuration: `${hours}h`,
    maxDurationWhy: observed > cap ? `members' days span up to ${observed}h, capped at ${cap}h for ${capWhy}` : `members' days span up to ${observed}h (first to last sign-in, median day)`
  };
}
async function readMembers(read, groupId, now, unknown, apps) {
  const [users, sps] = await read([
    advancedQuery(`/groups/${groupId}/members/microsoft.graph.user?$select=id,displayName,userPrincipalName&$top=999`),
    advancedQuery(`/groups/${groupId}/members/microsoft.graph.servicePrincipal?$select=id,displayName&$top=999`)
  ]);
  const people = answered(users) ? listed(users) : [];
  const machines = answered(sps) ? listed(sps) : [];
  if (!answered(users)) unknown.add(unreadable("members", users, "GroupMember.Read.All"));
  const since = new Date(now - 30 * DAY).toISOString();
  const usage = await read([
    ...people.map((u) => ({ url: `/users/${String(u.id)}?$select=id,signInActivity` })),
    ...people.map((u) => ({
      // signin-list supports $top (at most 1,000), $skiptoken and $filter only: no $select.
      url: `/auditLogs/signIns?$filter=${encodeURIComponent(`userId eq '${String(u.id)}' and createdDateTime ge ${since}`)}&$top=1000`
    })),
    ...machines.map((s) => ({ url: `/servicePrincipals/${String(s.id)}/owners?$select=id,displayName,userPrincipalName` }))
  ]);
  const out = [];
  people.forEach((u, i) => {
    const activity = usage[i];
    const logs = usage[people.length + i];
    const member = {
      id: String(u.id).toLowerCase(),
      kind: "user",
      name: str(u.userPrincipalName) ?? str(u.displayName) ?? String(u.id)
    };
    if (answered(activity)) {
      const a = activity.body.signInActivity;
      const times = [str(a?.lastSignInDateTime), str(a?.lastNonInteractiveSignInDateTime)].filter((t) => t !== void 0).sort();
      member.lastSignIn = times[times.length - 1] ?? "";
    } else unknown.add(unreadable("last sign-ins (signInActivity)", activity, "AuditLog.Read.All"));
    if (answered(logs)) Object.assign(member, usageFromLogs(listed(logs), apps));
    else unknown.add(unreadable("sign-in logs", logs, "AuditLog.Read.All"));
    const usageOf = classify(member, now);
    out.push({ ...member, usage: usageOf, ...propose({ ...member, usage: usageOf }) });
  });
  machines.forEach((s, i) => {
    const owners = usage[2 * people.length + i];
    out.push({
      id: String(s.id).toLowerCase(),
      kind: "servicePrincipal",
      name: str(s.displayName) ?? String(s.id),
      usage: "unknown",
      ...answered(owners) ? { owners: listed(owners).map((o) => str(o.userPrincipalName) ?? str(o.displayName) ?? String(o.id)) } : {},
      ...propose({ kind: "servicePrincipal", usage: "unknown" })
    });
  });
  return out;
}
function usageFromLogs(entries, apps) {
  const signIns = entries.flatMap(
    (e) => typeof e.createdDateTime === "string" && e.createdDateTime !== "" ? [{ at: e.createdDateTime, appId: String(e.appId ?? "").toLowerCase() }] : []
  );
  const days = (times) => new Set(times.map((t) => t.slice(0, 10))).size;
  const out = { activeDays: days(signIns.map((e) => e.at)) };
  const ofApps = signIns.filter((e) => apps.some((a) => a.appId === e.appId)).map((e) => e.at);
  if (apps.length > 0) {
    out.apps = apps.map((a) => {
      const mine = signIns.filter((e) => e.appId === a.appId).map((e) => e.at).sort();
      return { app: a.name, activeDays: days(mine), ...mine.length > 0 ? { last: mine[mine.length - 1] } : {} };
    });
    out.appDays = days(ofApps);
  }
  const span = dailySpan(apps.length > 0 ? ofApps : signIns.map((e) => e.at));
  if (span !== void 0) out.dailySpanHours = span;
  return out;
}
async function appsOf(read, accesses) {
  const ids = [...new Set(accesses.flatMap((a) => a.confers.flatMap((c) => c.kind === "app-role" && c.resourceId ? [c.resourceId] : [])))];
  const answers = await read(ids.map((id) => ({ url: `/servicePrincipals/${id}?$select=id,appId,displayName` })));
  const byResource = /* @__PURE__ */ new Map();
  ids.forEach((id, i) => {
    const a = answers[i];
    const body = answered(a) ? a.body : void 0;
    if (body && str(body.appId)) byResource.set(id, { appId: String(body.appId).toLowerCase(), name: str(body.displayName) ?? id });
  });
  return new Map(
    accesses.map((a) => [
      a.id,
      [
        ...new Map(
          a.confers.flatMap((c) => c.resourceId && byResource.has(c.resourceId) ? [[c.resourceId, byResource.get(c.resourceId)]] : [])
        ).values()
      ]
    ])
  );
}
async function discover(source, policy, now) {
  const read = (r) => source.readAll(r);
  const scopes = [
    ...new Map(
      [...policy.azureScopes, ...[...policy.groups.values()].flatMap((g) => g.azureRole ? [g.azureRole.scope] : [])].map((x) => [x.toLowerCase(), x])
    ).values()
  ];
  const azure = azureReaderOf(source, scopes);
  const unknown = [];
  const managed = new Set([...policy.groups.values()].filter((g) => !g.azureRole).map((g) => g.id.toLowerCase()));
  const direct = await privilegedPrincipals(read, azure, unknown);
  const ids = [...direct.keys()];
  const looked = await read(ids.map((id) => ({ url: `/groups/${id}?$select=id,displayName,isAssignableToRole` })));
  const groups = /* @__PURE__ */ new Map();
  ids.forEach((id, i) => {
    const a = looked[i];
    if (!answered(a)) return;
    const body = a.body;
    groups.set(id, {
      displayName: str(body.displayName) ?? id,
      roleAssignable: body.isAssignableToRole === true,
      why: new Set([...direct.get(id)].map((w) => `holds ${w}`))
    });
  });
  const nested = await read(
    [...groups.keys()].map((id) => advancedQuery(`/groups/${id}/members/microsoft.graph.group?$select=id,displayName,isAssignableToRole&$top=999`))
  );
  [...groups.entries()].forEach(([, parent], i) => {
    const a = nested[i];
    if (!answered(a)) return;
    for (const g of listed(a)) {
      const id = String(g.id).toLowerCase();
      const known = groups.get(id) ?? { displayName: str(g.displayName) ?? id, roleAssignable: g.isAssignableToRole === true, why: /* @__PURE__ */ new Set() };
      known.why.add(`is nested in ${parent.displayName}`);
      groups.set(id, known);
    }
  });
  const candidates = [...groups.entries()].filter(([id]) => !managed.has(id));
  const taken = /* @__PURE__ */ new Set([...policy.groups.keys()]);
  const named = candidates.map(([id, g]) => {
    const name = folderName(g.displayName, taken);
    taken.add(name);
    return { id, name, ...g };
  });
  const catalogue = await readCatalogue(
    { readAll: read },
    named.map((g) => ({ name: g.name, id: g.id })),
    now,
    azure
  );
  const pim = await read(
    named.map((g) => ({
      url: `/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances?$filter=${encodeURIComponent(`groupId eq '${g.id}'`)}`
    }))
  );
  const memberUnknown = /* @__PURE__ */ new Set();
  const apps = await appsOf(read, catalogue.groups);
  const out = [];
  for (const [i, g] of named.entries()) {
    const access = catalogue.groups[i];
    const weight = heaviest(access);
    const p = pim[i];
    const members = await readMembers(read, g.id, now, memberUnknown, apps.get(access.id) ?? []);
    out.push({
      id: g.id,
      displayName: g.displayName,
      name: g.name,
      roleAssignable: g.roleAssignable,
      why: [...g.why],
      access,
      weight,
      ...answered(p) ? { pimEligible: listed(p).length } : {},
      members,
      onboard: g.roleAssignable ? {
        ok: false,
        why: "role-assignable: its members receive Entra roles directly; govern it with PIM for Groups (eligible assignments), which access-as-code does not replace"
      } : {
        ok: true,
        ...proposeMaxDuration(
          weight,
          members.flatMap((m) => m.dailySpanHours !== void 0 ? [m.dailySpanHours] : [])
        )
      }
    });
  }
  out.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  const azureRoles = await standingAzureRoles(read, azure, policy, taken, unknown);
  return { readAt: new Date(now).toISOString(), groups: out, azureRoles, unknown: [...unknown, ...memberUnknown] };
}
function renderDiscovery(d) {
  return renderLines(d).map((line) => line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?"));
}
function renderLines(d) {
  const out = [];
  if (d.groups.length === 0)
    out.push(
      d.unknown.length === 0 ? "No privileged group outside the policy was found." : "No privileged group outside the policy was found among what could be read (what could not be read is listed below)."
    );
  for (const g of d.groups) {
    out.push(`${g.displayName} (${g.id})${g.weight >= 10 ? " PRIVILEGED" : ""}: proposed folder "${g.name}"`);
    out.push(`  found because it ${g.why.join("; ")}`);
    for (const line of accessLines({ ...g.access, unknown: [] }).slice(0, 5)) out.push(`  confers: ${line}`);
    out.push(
      `  PIM for Groups: ${g.pimEligible === void 0 ? "not known" : g.pimEligible > 0 ? `governs it (${g.pimEligible} eligible)` : "not used (no eligible assignments)"}`
    );
    const standing = g.members.length;
    out.push(`  standing members: ${standing === 0 ? "none" : standing}`);
    for (const m of g.members) {
      out.push(
        `    ${m.kind === "servicePrincipal" ? "app " : ""}${m.name.padEnd(32)} ${m.usage.padEnd(8)} -> ${m.proposal}: ${m.reason}${m.owners ? ` (owners: ${m.owners.join(", ") || "none"})` : ""}`
      );
      for (const a of m.apps ?? []) out.push(`      ${a.app}: ${a.activeDays} of 30 days${a.last ? `, last ${a.last}` : ", not used"}`);
    }
    out.push(
      g.onboard.ok ? `  proposal: onboard in audit mode, maxDuration ${g.onboard.maxDuration} (${g.onboard.maxDurationWhy})` : `  not onboarded: ${g.onboard.why}`
    );
  }
  out.push(...azureRoleLines(d.azureRoles));
  for (const u of d.unknown) out.push(`not known: ${u}`);
  return out;
}
function azureRoleLines(roles) {
  return roles.flatMap((r) => [
    `Azure role ${r.roleName} at ${r.scope} PRIVILEGED: held around the clock by ${r.holders.length} user${r.holders.length === 1 ? "" : "s"}; proposed entry "${r.name}" (azureRole, audit first)`,
    ...r.holders.map((h) => `    ${h.name.padEnd(32)} -> just-in-time: a standing assignment of a privileged role`)
  ]);
}
export {
  classify,
  dailySpan,
  discover,
  folderName,
  propose,
  proposeMaxDuration,
  renderDiscovery,
  usageFromLogs
};
