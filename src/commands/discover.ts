/**
 * `discover`: the privilege held outside the workflow. Reads the tenant (read-only) for groups that
 * lead to privileged access and that the policy does not manage yet, who holds them around the clock
 * (users and service principals), how much those members really sign in, and proposes, per group,
 * who moves to just-in-time requests and who stays standing (with a reason and a review date).
 *
 * Where candidates come from (Graph v1.0 and ARM reference pages): directory role assignments and
 * eligibilities of the tenant whose principal is a group (rbacapplication-list-roleassignments,
 * -roleeligibilityschedules; RoleManagement.Read.Directory), app roles named like an administrator's
 * assigned to groups (serviceprincipal-list, serviceprincipal-list-approleassignedto;
 * Application.Read.All), Azure role assignments to groups at the policy's azureScopes (Reader there),
 * and groups nested into any of those (group-list-members cast to groups). What a group confers is the
 * effective-access catalogue's. Usage: a user's signInActivity (user resource; AuditLog.Read.All and
 * Entra ID P1) and the days with a sign-in in the last 30 (signIn list, $filter on userId and
 * createdDateTime; AuditLog.Read.All); without them usage is "unknown", never "never".
 */
import { answered, listed, unreadable, type RawAnswer } from '../entra/identity.ts';
import { advancedQuery, type GraphGet } from '../entra/pages.ts';
import { builtInRoleById, roleIdOf } from '../entra/azure-built-in-roles.ts';
import {
  accessLines,
  appRolePrivilege,
  azureReaderOf,
  heaviest,
  readCatalogue,
  type AzureReader,
  type CatalogueSource,
  type GroupAccess,
} from '../entra/catalogue.ts';

export type Usage = 'daily' | 'weekly' | 'rare' | 'never' | 'unknown';

export interface DiscoveredMember {
  id: string;
  kind: 'user' | 'servicePrincipal';
  name: string;
  /** ISO time of the last sign-in (interactive or not), when known. */
  lastSignIn?: string;
  /** Days with a sign-in in the last 30, when the sign-in logs could be read. */
  activeDays?: number;
  /** The median, over active days, of the time from the day's first sign-in to its last (hours). */
  dailySpanHours?: number;
  /**
   * Where the group grants app roles, the member's use of those applications in the last 30 days, from
   * the sign-in logs: per application, days with a sign-in and the last one. The usage is judged from
   * these (signing in daily to other apps is not using this group's privilege).
   */
  apps?: { app: string; activeDays: number; last?: string }[];
  /** Days in the last 30 with a sign-in to any of the group's applications. */
  appDays?: number;
  usage: Usage;
  /** Service principals: their owners, by name. */
  owners?: string[];
  /** The proposal for this member. */
  proposal: 'just-in-time' | 'standing';
  reason: string;
}

export interface DiscoveredGroup {
  id: string;
  displayName: string;
  /** The folder name it would get in the policy. */
  name: string;
  roleAssignable: boolean;
  /** Why it was found: the privileged access it leads to, or the group it is nested in. */
  why: string[];
  access: GroupAccess;
  /** The heaviest privilege it leads to (100: control of the tenant, 10: privileged). */
  weight: number;
  /** Principals eligible through PIM for Groups (it is already governed by PIM when any). */
  pimEligible?: number;
  members: DiscoveredMember[];
  /** What to do with it: onboard (audit first), or why not. */
  onboard: { ok: true; maxDuration: string; maxDurationWhy: string } | { ok: false; why: string };
}

/** Users who hold a privileged Azure role at a scope around the clock, where no policy entry grants that role there. */
export interface DiscoveredAzureRole {
  scope: string;
  roleId: string;
  roleName: string;
  /** The entry name it would get in the policy. */
  name: string;
  holders: { id: string; name: string }[];
}

export interface Discovery {
  readAt: string;
  groups: DiscoveredGroup[];
  /** Standing privileged Azure role assignments to users at the policy's scopes, by role and scope. */
  azureRoles: DiscoveredAzureRole[];
  /** What could not be read, with the read-only permission that would show it. */
  unknown: string[];
}

type Reader = (requests: readonly GraphGet[]) => Promise<RawAnswer[]>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const DAY = 86_400_000;
/** A Graph listing with all its pages (the reader follows them: src/entra/pages.ts), or why not. */
async function listAll(read: Reader, url: string): Promise<{ values: Record<string, unknown>[] } | { why: RawAnswer }> {
  const [a] = await read([{ url }]);
  return answered(a) ? { values: listed(a) } : { why: a ?? { status: 0, message: 'no answer' } };
}

/** Group ids that hold privileged access directly, each with why. */
async function privilegedPrincipals(read: Reader, azure: AzureReader | undefined, unknown: string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  const add = (id: string, why: string) => found.set(id.toLowerCase(), new Set([...(found.get(id.toLowerCase()) ?? []), why]));
  for (const [path, what] of [
    ['/roleManagement/directory/roleAssignments?$select=principalId,roleDefinitionId,directoryScopeId', 'an Entra role'],
    ['/roleManagement/directory/roleEligibilitySchedules?$select=principalId,roleDefinitionId,directoryScopeId', 'an Entra role through PIM'],
  ] as const) {
    const listed = await listAll(read, path);
    if ('why' in listed) unknown.push(unreadable(`tenant role assignments (${what})`, listed.why, 'RoleManagement.Read.Directory'));
    else for (const r of listed.values) if (str(r.principalId)) add(String(r.principalId), what);
  }
  const apps = await listAll(read, '/servicePrincipals?$select=id,displayName,appRoles&$top=999');
  if ('why' in apps) unknown.push(unreadable("applications' administrator roles", apps.why, 'Application.Read.All'));
  else {
    const adminApps = apps.values.flatMap((sp) => {
      const roles = (Array.isArray(sp.appRoles) ? sp.appRoles : []) as { id?: unknown; value?: unknown; displayName?: unknown }[];
      const admin = new Set(
        roles.filter((r) => appRolePrivilege(str(r.value) ?? '', str(r.displayName) ?? '').privileged).map((r) => String(r.id).toLowerCase()),
      );
      return admin.size > 0 && str(sp.id) ? [{ id: String(sp.id), name: str(sp.displayName) ?? String(sp.id), admin }] : [];
    });
    const answers = await read(adminApps.map((app) => ({ url: `/servicePrincipals/${app.id}/appRoleAssignedTo?$top=999` })));
    adminApps.forEach((app, i) => {
      const a = answers[i];
      if (!answered(a)) return;
      for (const v of listed(a))
        if (v.principalType === 'Group' && str(v.principalId) && app.admin.has(String(v.appRoleId).toLowerCase()))
          add(String(v.principalId), `an administrator role of ${app.name}`);
    });
  }
  for (const scope of azure?.scopes ?? []) {
    const [a] = await azure!.read([`${scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`]);
    if (!answered(a)) {
      unknown.push(`Azure role assignments at ${scope}: not readable (needs Reader at that scope, read-only)`);
      continue;
    }
    for (const v of listed(a)) {
      const p = (v.properties ?? {}) as { principalType?: unknown; principalId?: unknown; roleDefinitionId?: unknown };
      if (p.principalType === 'Group' && str(p.principalId)) add(String(p.principalId), `an Azure role at ${scope}`);
    }
  }
  return found;
}

/**
 * Standing privileged Azure role assignments of users at and below the policy's scopes (its
 * azureScopes and the scopes of its azureRole entries), grouped by role and scope; those an entry of
 * the policy already grants there are managed, not standing. Privileged: Owner, User Access
 * Administrator, Role Based Access Control Administrator and Contributor.
 */
async function standingAzureRoles(
  read: Reader,
  azure: AzureReader | undefined,
  policy: { groups: ReadonlyMap<string, { azureRole?: { scope: string; roleId: string } }> },
  taken: Set<string>,
  unknown: string[],
): Promise<DiscoveredAzureRole[]> {
  if (!azure) return [];
  const managed = new Set([...policy.groups.values()].flatMap((g) => (g.azureRole ? [`${g.azureRole.scope.toLowerCase()}|${g.azureRole.roleId}`] : [])));
  const found = new Map<string, { scope: string; roleId: string; holders: Set<string> }>();
  for (const scope of azure.scopes) {
    const [a] = await azure.read([`${scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`]);
    if (!answered(a)) continue;
    for (const v of listed(a)) {
      const p = (v.properties ?? {}) as { principalType?: unknown; principalId?: unknown; roleDefinitionId?: unknown; scope?: unknown };
      const definition = str(p.roleDefinitionId);
      const roleId = definition && roleIdOf(definition);
      const at = str(p.scope);
      if (p.principalType !== 'User' || !str(p.principalId) || !roleId || !at || !builtInRoleById(roleId)?.privileged) continue;
      const key = `${at.toLowerCase()}|${roleId}`;
      if (managed.has(key)) continue;
      const entry = found.get(key) ?? { scope: at, roleId, holders: new Set<string>() };
      entry.holders.add(String(p.principalId).toLowerCase());
      found.set(key, entry);
    }
  }
  const users = [...new Set([...found.values()].flatMap((f) => [...f.holders]))];
  const names = new Map<string, string>();
  const answers = await read(users.map((id) => ({ url: `/users/${id}?$select=id,displayName,userPrincipalName` })));
  users.forEach((id, i) => {
    const body = answered(answers[i]) ? (answers[i]!.body as { userPrincipalName?: unknown; displayName?: unknown }) : undefined;
    names.set(id, str(body?.userPrincipalName) ?? str(body?.displayName) ?? id);
  });
  if (users.some((id) => names.get(id) === id)) unknown.push("some Azure role holders' names: not readable (needs User.ReadBasic.All, read-only)");
  return [...found.values()]
    .map((f) => {
      const roleName = builtInRoleById(f.roleId)!.name;
      const name = folderName(`${roleName} ${f.scope.split('/').pop() ?? ''}`, taken);
      taken.add(name);
      return { scope: f.scope, roleId: f.roleId, roleName, name, holders: [...f.holders].map((id) => ({ id, name: names.get(id) ?? id })) };
    })
    .sort((a, b) => a.scope.localeCompare(b.scope) || a.roleName.localeCompare(b.roleName));
}

/** A folder name for a group: its display name in lower case, with what a folder cannot hold as dashes. */
export function folderName(displayName: string, taken: ReadonlySet<string>): string {
  const base =
    displayName
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-._]+$/g, '')
      .slice(0, 60) || 'group';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

/**
 * How much a member uses its access, from what Entra records: days with a sign-in in the last 30 when
 * the sign-in logs can be read, else the last sign-in alone. Pure.
 */
export function classify(member: { lastSignIn?: string; activeDays?: number; appDays?: number }, now: number): Usage {
  // The group's own applications say more than sign-ins anywhere: none in 30 days is "never" for them.
  if (member.appDays !== undefined) return member.appDays >= 15 ? 'daily' : member.appDays >= 3 ? 'weekly' : member.appDays >= 1 ? 'rare' : 'never';
  if (member.activeDays !== undefined)
    return member.activeDays >= 15 ? 'daily' : member.activeDays >= 3 ? 'weekly' : member.activeDays >= 1 ? 'rare' : lastOnly(member.lastSignIn, now);
  return lastOnly(member.lastSignIn, now);
}

function lastOnly(lastSignIn: string | undefined, now: number): Usage {
  if (lastSignIn === undefined) return 'unknown';
  if (lastSignIn === '') return 'never';
  const age = now - Date.parse(lastSignIn);
  return age > 90 * DAY ? 'never' : age > 30 * DAY ? 'rare' : 'unknown';
}

/** The proposal for one member, and why. Pure. */
export function propose(
  m: Pick<DiscoveredMember, 'kind' | 'usage' | 'activeDays' | 'apps' | 'appDays' | 'lastSignIn'>,
): Pick<DiscoveredMember, 'proposal' | 'reason'> {
  if (m.kind === 'servicePrincipal')
    return { proposal: 'standing', reason: 'a service principal cannot open a request: keep it standing while its owners justify it, and review it' };
  if (m.apps && m.appDays !== undefined && m.usage !== 'unknown') {
    if (!m.activeDays)
      return { proposal: 'just-in-time', reason: `no sign-in in the last 30 days${m.lastSignIn ? `; the last on ${m.lastSignIn.slice(0, 10)}` : ''}` };
    return proposeByApps(m.usage, m.apps, m.appDays, m.activeDays);
  }
  switch (m.usage) {
    case 'daily':
      return { proposal: 'standing', reason: `signs in on ${m.activeDays} of the last 30 days: review whether the work needs the privilege every day` };
    case 'unknown':
      return { proposal: 'standing', reason: 'usage unknown (no sign-in data): kept standing until it can be judged' };
    default:
      return {
        proposal: 'just-in-time',
        reason: m.usage === 'never' ? 'no sign-in in 90 days' : m.usage === 'rare' ? 'signs in rarely' : 'signs in some days a week',
      };
  }
}

/** The proposal from the use of the group's applications, naming them. Pure. */
function proposeByApps(
  usage: Usage,
  apps: NonNullable<DiscoveredMember['apps']>,
  appDays: number,
  activeDays: number | undefined,
): Pick<DiscoveredMember, 'proposal' | 'reason'> {
  const names = apps.map((a) => a.app).join(', ');
  if (usage === 'daily')
    return { proposal: 'standing', reason: `uses ${names} on ${appDays} of the last 30 days: review whether the work needs the privilege every day` };
  const elsewhere = activeDays !== undefined && activeDays > appDays ? ` (signs in on ${activeDays} days, to other applications)` : '';
  if (appDays === 0) return { proposal: 'just-in-time', reason: `did not use ${names} in the last 30 days${elsewhere}` };
  return { proposal: 'just-in-time', reason: `uses ${names} on ${appDays} of the last 30 days${elsewhere}` };
}

/** The median, over days, of the span from the day's first sign-in to its last, in hours (undefined without sign-ins). */
export function dailySpan(times: readonly string[]): number | undefined {
  const byDay = new Map<string, number[]>();
  for (const t of times) {
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) continue;
    const day = t.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), ms]);
  }
  const spans = [...byDay.values()].map((v) => (Math.max(...v) - Math.min(...v)) / 3_600_000).sort((a, b) => a - b);
  if (spans.length === 0) return undefined;
  return Math.round(spans[Math.floor(spans.length / 2)]! * 10) / 10;
}

/**
 * The group's maximum: the longest typical working span its members show (a day's first to last
 * sign-in, rounded up to the hour, at least 1h), capped by what it leads to (2h for control of the
 * tenant, 4h privileged, 8h otherwise). Without sign-in logs, the cap. Pure.
 */
export function proposeMaxDuration(weight: number, spans: readonly number[]): { maxDuration: string; maxDurationWhy: string } {
  const cap = weight >= 100 ? 2 : weight >= 10 ? 4 : 8;
  const capWhy = weight >= 100 ? 'a path to control of the tenant' : weight >= 10 ? 'privileged access' : 'access';
  if (spans.length === 0) return { maxDuration: `${cap}h`, maxDurationWhy: `no use in the sign-in logs to learn from: the most for ${capWhy}` };
  const observed = Math.max(1, Math.ceil(Math.max(...spans)));
  const hours = Math.min(cap, observed);
  return {
    maxDuration: `${hours}h`,
    maxDurationWhy:
      observed > cap
        ? `members' days span up to ${observed}h, capped at ${cap}h for ${capWhy}`
        : `members' days span up to ${observed}h (first to last sign-in, median day)`,
  };
}

/** Reads members with their usage and owners. */
async function readMembers(
  read: Reader,
  groupId: string,
  now: number,
  unknown: Set<string>,
  apps: readonly { appId: string; name: string }[],
): Promise<DiscoveredMember[]> {
  const [users, sps] = await read([
    advancedQuery(`/groups/${groupId}/members/microsoft.graph.user?$select=id,displayName,userPrincipalName&$top=999`),
    advancedQuery(`/groups/${groupId}/members/microsoft.graph.servicePrincipal?$select=id,displayName&$top=999`),
  ]);
  const people = answered(users) ? listed(users) : [];
  const machines = answered(sps) ? listed(sps) : [];
  if (!answered(users)) unknown.add(unreadable('members', users!, 'GroupMember.Read.All'));
  const since = new Date(now - 30 * DAY).toISOString();
  const usage = await read([
    ...people.map((u) => ({ url: `/users/${String(u.id)}?$select=id,signInActivity` })),
    ...people.map((u) => ({
      // signin-list supports $top (at most 1,000), $skiptoken and $filter only: no $select.
      url: `/auditLogs/signIns?$filter=${encodeURIComponent(`userId eq '${String(u.id)}' and createdDateTime ge ${since}`)}&$top=1000`,
    })),
    ...machines.map((s) => ({ url: `/servicePrincipals/${String(s.id)}/owners?$select=id,displayName,userPrincipalName` })),
  ]);
  const out: DiscoveredMember[] = [];
  people.forEach((u, i) => {
    const activity = usage[i]!;
    const logs = usage[people.length + i]!;
    const member: Omit<DiscoveredMember, 'usage' | 'proposal' | 'reason'> = {
      id: String(u.id).toLowerCase(),
      kind: 'user',
      name: str(u.userPrincipalName) ?? str(u.displayName) ?? String(u.id),
    };
    if (answered(activity)) {
      const a = (activity.body as { signInActivity?: { lastSignInDateTime?: unknown; lastNonInteractiveSignInDateTime?: unknown } | null }).signInActivity;
      const times = [str(a?.lastSignInDateTime), str(a?.lastNonInteractiveSignInDateTime)].filter((t): t is string => t !== undefined).sort();
      member.lastSignIn = times[times.length - 1] ?? '';
    } else unknown.add(unreadable('last sign-ins (signInActivity)', activity, 'AuditLog.Read.All'));
    if (answered(logs)) Object.assign(member, usageFromLogs(listed(logs), apps));
    else unknown.add(unreadable('sign-in logs', logs, 'AuditLog.Read.All'));
    const usageOf = classify(member, now);
    out.push({ ...member, usage: usageOf, ...propose({ ...member, usage: usageOf }) });
  });
  machines.forEach((s, i) => {
    const owners = usage[2 * people.length + i]!;
    out.push({
      id: String(s.id).toLowerCase(),
      kind: 'servicePrincipal',
      name: str(s.displayName) ?? String(s.id),
      usage: 'unknown',
      ...(answered(owners) ? { owners: listed(owners).map((o) => str(o.userPrincipalName) ?? str(o.displayName) ?? String(o.id)) } : {}),
      ...propose({ kind: 'servicePrincipal', usage: 'unknown' }),
    });
  });
  return out;
}

/**
 * A member's usage from their sign-in log entries of the last 30 days: days active, the working span
 * (over the group's applications when it has any and they were used), and each application's use. Pure.
 */
export function usageFromLogs(
  entries: readonly Record<string, unknown>[],
  apps: readonly { appId: string; name: string }[],
): Pick<DiscoveredMember, 'activeDays' | 'dailySpanHours' | 'apps' | 'appDays'> {
  const signIns = entries.flatMap((e) =>
    typeof e.createdDateTime === 'string' && e.createdDateTime !== '' ? [{ at: e.createdDateTime, appId: String(e.appId ?? '').toLowerCase() }] : [],
  );
  const days = (times: readonly string[]) => new Set(times.map((t) => t.slice(0, 10))).size;
  const out: ReturnType<typeof usageFromLogs> = { activeDays: days(signIns.map((e) => e.at)) };
  const ofApps = signIns.filter((e) => apps.some((a) => a.appId === e.appId)).map((e) => e.at);
  if (apps.length > 0) {
    out.apps = apps.map((a) => {
      const mine = signIns
        .filter((e) => e.appId === a.appId)
        .map((e) => e.at)
        .sort();
      return { app: a.name, activeDays: days(mine), ...(mine.length > 0 ? { last: mine[mine.length - 1]! } : {}) };
    });
    out.appDays = days(ofApps);
  }
  // The working span of the privilege: from the group's applications when it has any (no use, no span).
  const span = dailySpan(apps.length > 0 ? ofApps : signIns.map((e) => e.at));
  if (span !== undefined) out.dailySpanHours = span;
  return out;
}

/** The application ids and names of the app roles each group leads to (its own and through the groups it is nested in). */
async function appsOf(read: Reader, accesses: readonly GroupAccess[]): Promise<Map<string, { appId: string; name: string }[]>> {
  const ids = [...new Set(accesses.flatMap((a) => a.confers.flatMap((c) => (c.kind === 'app-role' && c.resourceId ? [c.resourceId] : []))))];
  const answers = await read(ids.map((id) => ({ url: `/servicePrincipals/${id}?$select=id,appId,displayName` })));
  const byResource = new Map<string, { appId: string; name: string }>();
  ids.forEach((id, i) => {
    const a = answers[i];
    const body = answered(a) ? (a.body as { appId?: unknown; displayName?: unknown }) : undefined;
    if (body && str(body.appId)) byResource.set(id, { appId: String(body.appId).toLowerCase(), name: str(body.displayName) ?? id });
  });
  return new Map(
    accesses.map((a) => [
      a.id,
      [
        ...new Map(
          a.confers.flatMap((c) => (c.resourceId && byResource.has(c.resourceId) ? [[c.resourceId, byResource.get(c.resourceId)!] as const] : [])),
        ).values(),
      ],
    ]),
  );
}

export async function discover(
  source: CatalogueSource & { readAll: Reader },
  policy: { groups: ReadonlyMap<string, { id: string; azureRole?: { scope: string; roleId: string } }>; azureScopes: readonly string[] },
  now: number,
): Promise<Discovery> {
  const read: Reader = (r) => source.readAll(r);
  // The policy's scopes: those it shows reviewers, and those its Azure role entries grant at.
  const scopes = [
    ...new Map(
      [...policy.azureScopes, ...[...policy.groups.values()].flatMap((g) => (g.azureRole ? [g.azureRole.scope] : []))].map((x) => [x.toLowerCase(), x]),
    ).values(),
  ];
  const azure = azureReaderOf(source, scopes);
  const unknown: string[] = [];
  const managed = new Set([...policy.groups.values()].filter((g) => !g.azureRole).map((g) => g.id.toLowerCase()));
  const direct = await privilegedPrincipals(read, azure, unknown);
  // Which principals are groups (the others are users and apps holding roles themselves), and the groups nested in them.
  const ids = [...direct.keys()];
  const looked = await read(ids.map((id) => ({ url: `/groups/${id}?$select=id,displayName,isAssignableToRole` })));
  const groups = new Map<string, { displayName: string; roleAssignable: boolean; why: Set<string> }>();
  ids.forEach((id, i) => {
    const a = looked[i];
    if (!answered(a)) return;
    const body = a.body as { displayName?: unknown; isAssignableToRole?: unknown };
    groups.set(id, {
      displayName: str(body.displayName) ?? id,
      roleAssignable: body.isAssignableToRole === true,
      why: new Set([...direct.get(id)!].map((w) => `holds ${w}`)),
    });
  });
  const nested = await read(
    [...groups.keys()].map((id) => advancedQuery(`/groups/${id}/members/microsoft.graph.group?$select=id,displayName,isAssignableToRole&$top=999`)),
  );
  [...groups.entries()].forEach(([, parent], i) => {
    const a = nested[i];
    if (!answered(a)) return;
    for (const g of listed(a)) {
      const id = String(g.id).toLowerCase();
      const known = groups.get(id) ?? { displayName: str(g.displayName) ?? id, roleAssignable: g.isAssignableToRole === true, why: new Set<string>() };
      known.why.add(`is nested in ${parent.displayName}`);
      groups.set(id, known);
    }
  });
  const candidates = [...groups.entries()].filter(([id]) => !managed.has(id));
  const taken = new Set([...policy.groups.keys()]);
  const named = candidates.map(([id, g]) => {
    const name = folderName(g.displayName, taken);
    taken.add(name);
    return { id, name, ...g };
  });
  const catalogue = await readCatalogue(
    { readAll: read },
    named.map((g) => ({ name: g.name, id: g.id })),
    now,
    azure,
  );
  const pim = await read(
    named.map((g) => ({
      url: `/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances?$filter=${encodeURIComponent(`groupId eq '${g.id}'`)}`,
    })),
  );
  const memberUnknown = new Set<string>();
  const apps = await appsOf(read, catalogue.groups);
  const out: DiscoveredGroup[] = [];
  for (const [i, g] of named.entries()) {
    const access = catalogue.groups[i]!;
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
      ...(answered(p) ? { pimEligible: listed(p).length } : {}),
      members,
      onboard: g.roleAssignable
        ? {
            ok: false,
            why: 'role-assignable: its members receive Entra roles directly; govern it with PIM for Groups (eligible assignments), which access-as-code does not replace',
          }
        : {
            ok: true,
            ...proposeMaxDuration(
              weight,
              members.flatMap((m) => (m.dailySpanHours !== undefined ? [m.dailySpanHours] : [])),
            ),
          },
    });
  }
  out.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  const azureRoles = await standingAzureRoles(read, azure, policy, taken, unknown);
  return { readAt: new Date(now).toISOString(), groups: out, azureRoles, unknown: [...unknown, ...memberUnknown] };
}

/** The discovery for people: per group, why, what it leads to, each member with usage and the proposal. */
export function renderDiscovery(d: Discovery): string[] {
  // Names are the tenant's text: no control characters reach the terminal.
  return renderLines(d).map((line) => line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?'));
}

function renderLines(d: Discovery): string[] {
  const out: string[] = [];
  // No false green: "none found" only when everything that could hold one was read.
  if (d.groups.length === 0)
    out.push(
      d.unknown.length === 0
        ? 'No privileged group outside the policy was found.'
        : 'No privileged group outside the policy was found among what could be read (what could not be read is listed below).',
    );
  for (const g of d.groups) {
    out.push(`${g.displayName} (${g.id})${g.weight >= 10 ? ' PRIVILEGED' : ''}: proposed folder "${g.name}"`);
    out.push(`  found because it ${g.why.join('; ')}`);
    for (const line of accessLines({ ...g.access, unknown: [] }).slice(0, 5)) out.push(`  confers: ${line}`);
    out.push(
      `  PIM for Groups: ${g.pimEligible === undefined ? 'not known' : g.pimEligible > 0 ? `governs it (${g.pimEligible} eligible)` : 'not used (no eligible assignments)'}`,
    );
    const standing = g.members.length;
    out.push(`  standing members: ${standing === 0 ? 'none' : standing}`);
    for (const m of g.members) {
      out.push(
        `    ${m.kind === 'servicePrincipal' ? 'app ' : ''}${m.name.padEnd(32)} ${m.usage.padEnd(8)} -> ${m.proposal}: ${m.reason}${m.owners ? ` (owners: ${m.owners.join(', ') || 'none'})` : ''}`,
      );
      for (const a of m.apps ?? []) out.push(`      ${a.app}: ${a.activeDays} of 30 days${a.last ? `, last ${a.last}` : ', not used'}`);
    }
    out.push(
      g.onboard.ok
        ? `  proposal: onboard in audit mode, maxDuration ${g.onboard.maxDuration} (${g.onboard.maxDurationWhy})`
        : `  not onboarded: ${g.onboard.why}`,
    );
  }
  out.push(...azureRoleLines(d.azureRoles));
  for (const u of d.unknown) out.push(`not known: ${u}`);
  return out;
}

/** Standing privileged Azure role assignments, each with its holders and the entry proposed for it. */
function azureRoleLines(roles: readonly DiscoveredAzureRole[]): string[] {
  return roles.flatMap((r) => [
    `Azure role ${r.roleName} at ${r.scope} PRIVILEGED: held around the clock by ${r.holders.length} user${r.holders.length === 1 ? '' : 's'}; proposed entry "${r.name}" (azureRole, audit first)`,
    ...r.holders.map((h) => `    ${h.name.padEnd(32)} -> just-in-time: a standing assignment of a privileged role`),
  ]);
}
