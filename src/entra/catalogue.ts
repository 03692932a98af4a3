/**
 * Effective access: what membership of each policy group confers, read from Microsoft Graph, so that a
 * code owner sees what approving a request really gives (shared/DESIGN.md, "What the reviewer and the
 * auditor see"). Read-only; every read is optional: a read Graph refuses is named with the read-only
 * permission that would show it, and nothing is claimed about it.
 *
 * What is read, per group (Graph v1.0 reference pages):
 * - directory roles assigned to the group, and eligible through PIM for Microsoft Entra roles
 *   (rbacapplication-list-roleassignments, rbacapplication-list-roleeligibilityschedules, $filter on
 *   principalId; RoleManagement.Read.Directory). Only role-assignable groups can hold them.
 * - app roles assigned to the group (group-list-approleassignments; Directory.Read.All), with the
 *   role's name from the resource's service principal (serviceprincipal-get, appRoles).
 * - groups it is nested in, at any depth (group-list-transitivememberof cast to groups;
 *   GroupMember.Read.All), and what those confer in turn.
 * - PIM for Groups eligibilities where the group is the principal (privilegedaccessgroup-list-
 *   eligibilityscheduleinstances, $filter on principalId; PrivilegedEligibilitySchedule.Read.AzureADGroup):
 *   members can activate membership or ownership of another group, and so what it confers.
 */
import { AZURE_BUILT_IN_ROLES, builtInRoleById, roleDefinitionAt } from './azure-built-in-roles.ts';
import { advancedQuery } from './pages.ts';
import { answered, listed, unreadable, type GraphReader, type RawAnswer } from './identity.ts';

export interface Conferred {
  kind: 'directory-role' | 'eligible-directory-role' | 'app-role' | 'member-of' | 'pim-eligible' | 'azure-role';
  /** The role or group, by name. */
  name: string;
  /** The scope of a directory role, the application of an app role, member or owner for PIM. */
  detail?: string;
  /** The groups the access comes through, nearest first (empty: the group itself holds it). */
  via: string[];
  privileged: boolean;
  /** For the blast radius: 100 for a path to the tenant's control (Global Administrator and the like), 10 privileged, 1 other. */
  weight: number;
  /** An app role's application: its service principal's object id (for discover's usage per application; not published). */
  resourceId?: string;
}

export interface GroupAccess {
  group: string;
  id: string;
  confers: Conferred[];
  /** What could not be read, each with the permission that would show it. */
  unknown: string[];
}

export interface Catalogue {
  /** When Graph was read (ISO 8601). */
  readAt: string;
  groups: GroupAccess[];
}

/**
 * Built-in directory roles Microsoft labels privileged ("Microsoft Entra built-in roles", the
 * PRIVILEGED label), by template id; the first three control the tenant (weight 100).
 */
const TENANT_CONTROL = new Map([
  ['62e90394-69f5-4237-9190-012177145e10', 'Global Administrator'],
  ['e8611ab8-c189-46e8-94e1-60213ab1f814', 'Privileged Role Administrator'],
  ['7be44c8a-adaf-4e2a-84d6-ab2649e08a13', 'Privileged Authentication Administrator'],
]);
const PRIVILEGED_ROLES = new Map([
  ...TENANT_CONTROL,
  ['194ae4cb-b126-40b2-bd5b-6091b380977d', 'Security Administrator'],
  ['fe930be7-5e62-47db-91af-98c3a49a38b1', 'User Administrator'],
  ['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'Application Administrator'],
  ['158c047a-c907-4556-b7ef-446551a6b5f7', 'Cloud Application Administrator'],
  ['b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', 'Conditional Access Administrator'],
  ['29232cdf-9323-42fd-ade2-1d097af3e4de', 'Exchange Administrator'],
  ['f28a1f50-f6e7-4571-818b-6a12f2af6b6c', 'SharePoint Administrator'],
  ['3a2c62db-5318-420d-8d74-23affee5d9d5', 'Intune Administrator'],
  ['c4e39bd9-1100-46d3-8c65-fb160da0071f', 'Authentication Administrator'],
  ['729827e3-9c14-49f7-bb1b-9608f156bbb8', 'Helpdesk Administrator'],
  ['8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', 'Hybrid Identity Administrator'],
  ['fdd7a751-b60b-444a-984c-02652fe8fa1c', 'Groups Administrator'],
  ['9360feb5-f418-4baa-8175-e2a00bac4301', 'Directory Writers'],
]);
/** App roles are the application's own: one named like an administrator's is marked privileged. */
const ADMIN_LIKE = /admin|owner|superuser|root|privileged/i;
const NO_ROLE = '00000000-0000-0000-0000-000000000000';

/** Privilege of a directory role: Graph's own isPrivileged where it says, else the built-in labels. */
export function directoryRolePrivilege(templateId: string, isPrivileged?: boolean): { privileged: boolean; weight: number } {
  const id = templateId.toLowerCase();
  if (TENANT_CONTROL.has(id)) return { privileged: true, weight: 100 };
  const privileged = isPrivileged ?? PRIVILEGED_ROLES.has(id);
  return { privileged, weight: privileged ? 10 : 1 };
}

/** Privilege of an app role, from its value and name. */
export function appRolePrivilege(value: string, name: string): { privileged: boolean; weight: number } {
  const privileged = ADMIN_LIKE.test(value) || ADMIN_LIKE.test(name);
  return { privileged, weight: privileged ? 10 : 1 };
}

/** What Graph said about one group (raw facts, before paths are composed). */
export interface GroupFacts {
  name?: string;
  parents: { id: string; name: string }[];
  roles: { roleDefinitionId: string; scope: string }[];
  eligibleRoles: { roleDefinitionId: string; scope: string }[];
  appRoles: { resourceId: string; resourceName: string; appRoleId: string }[];
  pimTargets: { groupId: string; accessId: string }[];
  /** Azure role assignments at the policy's Azure scopes (role definition GUID, scope). */
  azureRoles?: { roleDefinitionId: string; scope: string }[];
  unknown: string[];
}

export interface CatalogueFacts {
  groups: Map<string, GroupFacts>;
  roleNames: Map<string, { name: string; templateId: string; isPrivileged?: boolean }>;
  appRoleNames: Map<string, { value: string; name: string }>;
  appNames: Map<string, string>;
  groupNames: Map<string, string>;
  /** Azure role names by definition GUID. */
  azureRoleNames?: Map<string, string>;
  unknown: string[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const filter = (clause: string) => `$filter=${encodeURIComponent(clause)}`;
/** At most this many groups are followed from the policy's (nesting and PIM), so a read is bounded. */
const MAX_GROUPS = 300;

function groupRequests(id: string): { url: string; headers?: Record<string, string> }[] {
  const principal = filter(`principalId eq '${id}'`);
  return [
    advancedQuery(`/groups/${id}/transitiveMemberOf/microsoft.graph.group?$select=id,displayName&$top=999`),
    { url: `/roleManagement/directory/roleAssignments?${principal}&$select=roleDefinitionId,directoryScopeId` },
    { url: `/roleManagement/directory/roleEligibilitySchedules?${principal}&$select=roleDefinitionId,directoryScopeId` },
    { url: `/groups/${id}/appRoleAssignments?$select=appRoleId,resourceId,resourceDisplayName` },
    { url: `/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances?${principal}` },
  ];
}

function readGroup(answers: RawAnswer[]): GroupFacts {
  const [parents, roles, eligible, appRoles, pim] = answers as [RawAnswer, RawAnswer, RawAnswer, RawAnswer, RawAnswer];
  const facts: GroupFacts = { parents: [], roles: [], eligibleRoles: [], appRoles: [], pimTargets: [], unknown: [] };
  const roleOf = (v: Record<string, unknown>) => ({ roleDefinitionId: String(v.roleDefinitionId ?? '').toLowerCase(), scope: str(v.directoryScopeId) ?? '/' });
  if (answered(parents))
    facts.parents = listed(parents).flatMap((v) => (str(v.id) ? [{ id: String(v.id).toLowerCase(), name: str(v.displayName) ?? String(v.id) }] : []));
  else facts.unknown.push(unreadable('groups it is nested in', parents, 'GroupMember.Read.All'));
  if (answered(roles))
    facts.roles = listed(roles)
      .filter((v) => str(v.roleDefinitionId))
      .map(roleOf);
  else facts.unknown.push(unreadable('directory roles', roles, 'RoleManagement.Read.Directory'));
  if (answered(eligible))
    facts.eligibleRoles = listed(eligible)
      .filter((v) => str(v.roleDefinitionId))
      .map(roleOf);
  else facts.unknown.push(unreadable('eligible directory roles', eligible, 'RoleManagement.Read.Directory'));
  if (answered(appRoles))
    facts.appRoles = listed(appRoles).flatMap((v) =>
      str(v.resourceId)
        ? [
            {
              resourceId: String(v.resourceId).toLowerCase(),
              resourceName: str(v.resourceDisplayName) ?? String(v.resourceId),
              appRoleId: String(v.appRoleId ?? NO_ROLE).toLowerCase(),
            },
          ]
        : [],
    );
  else facts.unknown.push(unreadable('app roles', appRoles, 'Directory.Read.All'));
  // Not onboarded to PIM for Groups answers with an empty list; a refusal is a missing permission.
  if (answered(pim))
    facts.pimTargets = listed(pim).flatMap((v) =>
      str(v.groupId) ? [{ groupId: String(v.groupId).toLowerCase(), accessId: str(v.accessId) ?? 'member' }] : [],
    );
  else facts.unknown.push(unreadable('PIM for Groups eligibilities', pim, 'PrivilegedEligibilitySchedule.Read.AzureADGroup'));
  return facts;
}

/** Reads the facts: the policy's groups, then every group they lead to (nesting, PIM), batched by rounds. */
export async function readCatalogueFacts(graph: Pick<GraphReader, 'readAll'>, groupIds: readonly string[]): Promise<CatalogueFacts> {
  const facts: CatalogueFacts = { groups: new Map(), roleNames: new Map(), appRoleNames: new Map(), appNames: new Map(), groupNames: new Map(), unknown: [] };
  let frontier = [...new Set(groupIds.map((id) => id.toLowerCase()))];
  while (frontier.length > 0) {
    const answers = await graph.readAll(frontier.flatMap(groupRequests));
    const next = new Set<string>();
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

/** Names of roles, applications and groups reached through PIM, read only when something needs them. */
async function readNames(graph: Pick<GraphReader, 'readAll'>, facts: CatalogueFacts): Promise<void> {
  const all = [...facts.groups.values()];
  const needRoles = all.some((g) => g.roles.length + g.eligibleRoles.length > 0);
  const apps = [...new Set(all.flatMap((g) => g.appRoles.filter((a) => a.appRoleId !== NO_ROLE).map((a) => a.resourceId)))];
  const targets = [...new Set(all.flatMap((g) => g.pimTargets.map((t) => t.groupId)))].filter((id) => !facts.groupNames.has(id));
  const requests = [
    ...(needRoles ? [{ url: '/roleManagement/directory/roleDefinitions?$select=id,displayName,templateId,isBuiltIn' }] : []),
    ...apps.map((id) => ({ url: `/servicePrincipals/${id}?$select=id,displayName,appRoles` })),
    ...targets.map((id) => ({ url: `/groups/${id}?$select=id,displayName` })),
  ];
  if (requests.length === 0) return;
  const answers = await graph.readAll(requests);
  if (needRoles) readRoleNames(facts, answers.shift()!);
  for (const app of apps) readAppNames(facts, app, answers.shift()!);
  for (const id of targets) {
    const a = answers.shift()!;
    if (answered(a)) facts.groupNames.set(id, str((a.body as { displayName?: unknown }).displayName) ?? id);
  }
}

function readRoleNames(facts: CatalogueFacts, a: RawAnswer): void {
  if (!answered(a)) {
    facts.unknown.push(unreadable('role names', a, 'RoleManagement.Read.Directory'));
    return;
  }
  for (const v of listed(a)) {
    const id = str(v.id)?.toLowerCase();
    if (!id) continue;
    const isPrivileged = typeof v.isPrivileged === 'boolean' ? { isPrivileged: v.isPrivileged } : {};
    facts.roleNames.set(id, { name: str(v.displayName) ?? id, templateId: (str(v.templateId) ?? id).toLowerCase(), ...isPrivileged });
  }
}

function readAppNames(facts: CatalogueFacts, app: string, a: RawAnswer): void {
  if (!answered(a)) {
    facts.unknown.push(unreadable(`app role names of ${app}`, a, 'Application.Read.All'));
    return;
  }
  const body = a.body as { displayName?: unknown; appRoles?: { id?: unknown; value?: unknown; displayName?: unknown }[] };
  if (typeof body.displayName === 'string') facts.appNames.set(app, body.displayName);
  for (const r of Array.isArray(body.appRoles) ? body.appRoles : [])
    if (typeof r.id === 'string') facts.appRoleNames.set(`${app}/${r.id.toLowerCase()}`, { value: str(r.value) ?? '', name: str(r.displayName) ?? r.id });
}

const AZURE_ROLES = new Map(AZURE_BUILT_IN_ROLES.map((r) => [r.id, r.name]));
const AZURE_PRIVILEGED = new Set(AZURE_BUILT_IN_ROLES.filter((r) => r.privileged).map((r) => r.id));
const ARM_VERSION = 'api-version=2022-04-01';

/** Where to read Azure role assignments (the policy's azureScopes) and how (ARM GETs). */
export interface AzureReader {
  scopes: readonly string[];
  read(paths: readonly string[]): Promise<RawAnswer[]>;
}

/**
 * Azure role assignments of every group the facts hold, at each scope (roleassignments list for a
 * scope with $filter=principalId eq: assignments at, above and below the scope), and the names of
 * roles that are not built in. Needs Reader (or Microsoft.Authorization/roleAssignments/read) there.
 */
export async function readAzureRoles(azure: AzureReader, facts: CatalogueFacts): Promise<void> {
  if (azure.scopes.length === 0) return;
  const ids = [...facts.groups.keys()];
  const paths = ids.flatMap((id) =>
    azure.scopes.map((scope) => `${scope}/providers/Microsoft.Authorization/roleAssignments?${ARM_VERSION}&${filter(`principalId eq '${id}'`)}`),
  );
  const answers = await azure.read(paths);
  const custom = new Set<string>();
  ids.forEach((id, i) => {
    const g = facts.groups.get(id)!;
    const seen = new Map<string, { roleDefinitionId: string; scope: string }>();
    azure.scopes.forEach((scope, j) => {
      const a: RawAnswer = answers[i * azure.scopes.length + j] ?? { status: 0, message: 'no answer' };
      if (a.status < 200 || a.status >= 300) {
        g.unknown.push(
          a.status === 403
            ? `Azure roles at ${scope}: not readable (needs Reader at that scope, read-only)`
            : `Azure roles at ${scope}: Azure answered ${a.status}: ${a.message}`,
        );
        return;
      }
      for (const v of listed(a)) {
        const props = (v.properties ?? {}) as { roleDefinitionId?: unknown; scope?: unknown; principalId?: unknown };
        const definition = str(props.roleDefinitionId);
        if (!definition || str(props.principalId)?.toLowerCase() !== id) continue;
        const guid = definition.split('/').pop()!.toLowerCase();
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
    const roleName = str(((names[i]?.body as { properties?: { roleName?: unknown } } | undefined)?.properties ?? {}).roleName);
    if (answered(names[i]) && roleName) facts.azureRoleNames!.set(d.split('/').pop()!.toLowerCase(), roleName);
  });
}

/** A directory role assignment or eligibility, named and weighed. */
function roleConferred(facts: CatalogueFacts, r: { roleDefinitionId: string; scope: string }, kind: Conferred['kind'], via: string[]): Conferred {
  const def = facts.roleNames.get(r.roleDefinitionId);
  const template = def?.templateId ?? r.roleDefinitionId;
  return {
    kind,
    name: def?.name ?? PRIVILEGED_ROLES.get(template) ?? `role ${r.roleDefinitionId}`,
    detail: r.scope === '/' ? 'tenant' : r.scope,
    via,
    ...directoryRolePrivilege(template, def?.isPrivileged),
  };
}

function appConferred(facts: CatalogueFacts, a: { resourceId: string; resourceName: string; appRoleId: string }, via: string[]): Conferred {
  const role = facts.appRoleNames.get(`${a.resourceId}/${a.appRoleId}`);
  const name = a.appRoleId === NO_ROLE ? 'default access' : (role?.name ?? `app role ${a.appRoleId}`);
  return {
    kind: 'app-role',
    name,
    detail: facts.appNames.get(a.resourceId) ?? a.resourceName,
    resourceId: a.resourceId,
    via,
    ...appRolePrivilege(role?.value ?? '', a.appRoleId === NO_ROLE ? '' : name),
  };
}

/** What one group confers, composed from the facts: its own grants, its parents', and through PIM. Pure. */
export function composeAccess(facts: CatalogueFacts, group: { name: string; id: string }): GroupAccess {
  const id = group.id.toLowerCase();
  const confers: Conferred[] = [];
  const unknown = new Set<string>(facts.groups.get(id)?.unknown ?? ['not read']);
  const seen = new Set<string>();
  const nameOf = (g: string) => facts.groupNames.get(g) ?? facts.groups.get(g)?.name ?? g;

  const own = (gid: string, via: string[]) => {
    const g = facts.groups.get(gid);
    if (!g) return;
    for (const u of g.unknown) if (via.length > 0) unknown.add(`${u} (for ${via[via.length - 1]})`);
    for (const r of g.roles) confers.push(roleConferred(facts, r, 'directory-role', via));
    for (const r of g.eligibleRoles) confers.push(roleConferred(facts, r, 'eligible-directory-role', via));
    for (const a of g.appRoles) confers.push(appConferred(facts, a, via));
    for (const r of g.azureRoles ?? [])
      confers.push({
        kind: 'azure-role',
        name: facts.azureRoleNames?.get(r.roleDefinitionId) ?? `role ${r.roleDefinitionId}`,
        detail: r.scope,
        via,
        privileged: AZURE_PRIVILEGED.has(r.roleDefinitionId),
        weight: AZURE_PRIVILEGED.has(r.roleDefinitionId) ? 10 : 1,
      });
    for (const t of g.pimTargets) {
      const target = nameOf(t.groupId);
      confers.push({ kind: 'pim-eligible', name: target, detail: t.accessId, via, privileged: false, weight: 1 });
      walk(t.groupId, [...via, `${target} (PIM ${t.accessId}, on activation)`]);
    }
  };
  const walk = (gid: string, via: string[]) => {
    if (seen.has(gid)) return;
    seen.add(gid);
    own(gid, via);
    for (const p of facts.groups.get(gid)?.parents ?? []) {
      if (seen.has(p.id)) continue;
      confers.push({ kind: 'member-of', name: p.name, via, privileged: false, weight: 1 });
      seen.add(p.id);
      own(p.id, [...via, p.name]);
    }
  };
  walk(id, []);
  // A group that leads to privileged access is privileged itself, on the path.
  for (const c of confers)
    if (
      (c.kind === 'member-of' || c.kind === 'pim-eligible') &&
      confers.some((d) => d.privileged && d.via.some((v) => v === c.name || v.startsWith(`${c.name} (PIM`)))
    )
      c.privileged = true;
  for (const u of facts.unknown) unknown.add(u);
  return { group: group.name, id, confers, unknown: [...unknown] };
}

export async function readCatalogue(
  graph: Pick<GraphReader, 'readAll'>,
  groups: readonly { name: string; id: string }[],
  now: number,
  azure?: AzureReader,
): Promise<Catalogue> {
  const facts = await readCatalogueFacts(
    graph,
    groups.map((g) => g.id),
  );
  if (azure) await readAzureRoles(azure, facts);
  return { readAt: new Date(now).toISOString(), groups: groups.map((g) => composeAccess(facts, g)) };
}

/** The heaviest privilege a group confers (0 when none): what the blast radius and the approval rule weigh. */
export function heaviest(access: GroupAccess): number {
  return Math.max(0, ...access.confers.filter((c) => c.privileged).map((c) => c.weight));
}

/** One line per thing conferred, for people: privileged ones first and marked. */
export function accessLines(access: GroupAccess): string[] {
  const describe = (c: Conferred): string => {
    const what =
      c.kind === 'directory-role'
        ? `Entra role ${c.name} (${c.detail})`
        : c.kind === 'eligible-directory-role'
          ? `eligible for Entra role ${c.name} (${c.detail}), through PIM`
          : c.kind === 'app-role'
            ? `app role ${c.name} in ${c.detail}`
            : c.kind === 'azure-role'
              ? `Azure role ${c.name} at ${c.detail}`
              : c.kind === 'member-of'
                ? `member of group ${c.name}`
                : `can activate ${c.detail} of group ${c.name} through PIM`;
    return `${c.privileged ? '⚠️ PRIVILEGED: ' : ''}${what}${c.via.length > 0 ? `, through ${c.via.join(' → ')}` : ''}`;
  };
  const sorted = [...access.confers].sort((a, b) => Number(b.privileged) - Number(a.privileged) || b.weight - a.weight);
  return [...sorted.map(describe), ...access.unknown.map((u) => `not known: ${u}`)];
}

const CONFERRED_KINDS = new Set(['directory-role', 'eligible-directory-role', 'app-role', 'member-of', 'pim-eligible', 'azure-role']);

/**
 * What each group confers, read back from where it was published (an issue body: the check on who
 * last edited it comes first): only the expected shape, bounded, or nothing.
 */
export function parseGroupAccess(value: unknown): GroupAccess[] | undefined {
  if (!Array.isArray(value) || value.length > 1000) return undefined;
  const groups: GroupAccess[] = [];
  for (const g of value as Record<string, unknown>[]) {
    if (!g || typeof g.group !== 'string' || typeof g.id !== 'string' || !Array.isArray(g.confers) || !Array.isArray(g.unknown)) return undefined;
    const confers: Conferred[] = [];
    for (const c of (g.confers as Record<string, unknown>[]).slice(0, 200)) {
      if (!c || !CONFERRED_KINDS.has(String(c.kind)) || typeof c.name !== 'string' || !Array.isArray(c.via)) return undefined;
      confers.push({
        kind: c.kind as Conferred['kind'],
        name: c.name.slice(0, 256),
        ...(typeof c.detail === 'string' ? { detail: c.detail.slice(0, 256) } : {}),
        via: c.via.filter((x): x is string => typeof x === 'string').slice(0, 10),
        privileged: c.privileged === true,
        weight: typeof c.weight === 'number' && Number.isFinite(c.weight) ? c.weight : 1,
      });
    }
    groups.push({ group: g.group, id: g.id, confers, unknown: g.unknown.filter((x): x is string => typeof x === 'string').slice(0, 20) });
  }
  return groups;
}

/** Where the catalogue is read from: Graph (batched GETs) and, for Azure scopes, Resource Manager. */
export interface CatalogueSource {
  readAll?(requests: readonly { url: string; headers?: Record<string, string> }[]): Promise<RawAnswer[]>;
  armReadAll?(paths: readonly string[]): Promise<RawAnswer[]>;
}

/** Resource Manager for the policy's Azure scopes, when the source can read it and the policy names any. */
export function azureReaderOf(source: CatalogueSource, scopes: readonly string[]): AzureReader | undefined {
  return source.armReadAll && scopes.length > 0 ? { scopes, read: (p: readonly string[]) => source.armReadAll!(p) } : undefined;
}

/** What the policy's groups confer, or undefined when the directory cannot read it (no Graph reader). */
export async function catalogueOfPolicy(
  source: CatalogueSource,
  policy: { groups: ReadonlyMap<string, { name: string; id: string; azureRole?: { scope: string; roleId: string } }>; azureScopes: readonly string[] },
  now: number,
  only?: readonly string[],
): Promise<Catalogue | undefined> {
  if (!source.readAll) return undefined;
  const wanted = [...policy.groups.values()].filter((g) => !only || only.includes(g.name));
  // What an Entra group confers is read; an entry that grants an Azure role confers that role, nothing to read.
  const groups = wanted.filter((g) => !g.azureRole).map((g) => ({ name: g.name, id: g.id }));
  const catalogue = await readCatalogue({ readAll: (r) => source.readAll!(r) }, groups, now, azureReaderOf(source, policy.azureScopes));
  const azure = wanted.filter((g) => g.azureRole);
  const definitions = await roleDefinitions(
    source,
    azure.map((g) => g.azureRole!),
  );
  for (const g of azure) catalogue.groups.push(azureEntryAccess(g.name, g.id, g.azureRole!, definitions.get(definitionKey(g.azureRole!))));
  return catalogue;
}

/** What a role definition allows (Role Definitions - Get: properties.permissions), or why it could not be read. */
type RoleAllows = { roleName?: string; actions: string[]; notActions: string[]; dataActions: string[] } | { why: string };

/** A definition is read at the entry's own scope, where the app's role lets it read (a role at a resource group cannot read at the subscription). */
const definitionKey = (r: { scope: string; roleId: string }) => roleDefinitionAt(r.scope, r.roleId).toLowerCase();

/** Each role's definition, read once per role and scope. */
async function roleDefinitions(source: CatalogueSource, roles: readonly { scope: string; roleId: string }[]): Promise<Map<string, RoleAllows>> {
  const out = new Map<string, RoleAllows>();
  if (!source.armReadAll || roles.length === 0) return out;
  const paths = [...new Map(roles.map((r) => [definitionKey(r), roleDefinitionAt(r.scope, r.roleId)])).entries()];
  const answers = await source.armReadAll(paths.map(([, p]) => `${p}?${ARM_VERSION}`));
  paths.forEach(([key], i) => {
    const a = answers[i]!;
    const permissions = (a.body as { properties?: { permissions?: unknown } } | undefined)?.properties?.permissions;
    if (a.status < 200 || a.status >= 300 || !Array.isArray(permissions)) {
      out.set(key, { why: `Azure Resource Manager answered ${a.status}: ${a.message}` });
      return;
    }
    const list = (k: string) =>
      permissions.flatMap((p: unknown) => {
        const v = (p as Record<string, unknown> | null)?.[k];
        return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      });
    const roleName = (a.body as { properties?: { roleName?: unknown } }).properties?.roleName;
    out.set(key, {
      ...(typeof roleName === 'string' ? { roleName } : {}),
      actions: list('actions'),
      notActions: list('notActions'),
      dataActions: list('dataActions'),
    });
  });
  return out;
}

/** Whether actions let their holder write role assignments (give access to anyone): `*`, `Microsoft.Authorization/*`, or the write itself. */
const grantsAccess = (allows: { actions: string[]; notActions: string[] }) =>
  allows.actions.some((a) => /^(\*|Microsoft\.Authorization\/\*|Microsoft\.Authorization\/roleAssignments\/(\*|write))$/i.test(a)) &&
  !allows.notActions.some((n) => /^Microsoft\.Authorization\/(\*\/Write|roleAssignments\/write|\*)$/i.test(n));

/** Whether a role can give access to others, and whether it is privileged (Microsoft's list, or actions that reach everything or role assignments). */
function judgeRole(known: { grantsAccess: boolean; privileged: boolean } | undefined, read: { actions: string[]; notActions: string[] } | undefined) {
  const gives = known?.grantsAccess === true || (read !== undefined && grantsAccess(read));
  return { gives, privileged: known?.privileged === true || gives || read?.actions.includes('*') === true };
}

/** A role's actions in a few words: the first few allowed, those excluded, and its data actions. */
function allowsInWords(read: { actions: string[]; notActions: string[]; dataActions: string[] }): string {
  const shown = (xs: string[]) => `${xs.slice(0, 4).join(', ')}${xs.length > 4 ? ` and ${xs.length - 4} more` : ''}`;
  const except = read.notActions.length > 0 ? ` except ${shown(read.notActions)}` : '';
  const data = read.dataActions.length > 0 ? `; data: ${shown(read.dataActions)}` : '';
  return `; allows ${shown(read.actions) || 'no control-plane actions'}${except}${data}`;
}

/**
 * What an Azure role entry confers: the role at its scope and what its definition allows (its actions,
 * the first few, and those it excludes), privileged when it is one of Microsoft's privileged
 * administrator roles or its actions can write role assignments (a custom role with `*` included).
 */
function azureEntryAccess(name: string, id: string, role: { scope: string; roleId: string }, allows: RoleAllows | undefined): GroupAccess {
  const known = builtInRoleById(role.roleId);
  const read = allows && 'actions' in allows ? allows : undefined;
  const { gives, privileged } = judgeRole(known, read);
  const actions = read ? allowsInWords(read) : '';
  const why = allows && 'why' in allows ? allows.why : 'not read';
  const label = known?.name ?? read?.roleName ?? role.roleId;
  return {
    group: name,
    id,
    confers: [
      {
        kind: 'azure-role',
        name: label,
        detail: `${role.scope}${gives ? ' (it can give anyone any role there)' : ''}${actions}`,
        via: [],
        privileged,
        weight: privileged ? 10 : 1,
      },
    ],
    unknown: read ? [] : [`what the role ${label} allows: ${why}`],
  };
}
