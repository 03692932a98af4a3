/**
 * What a group confers, as Graph v1.0 answers it (the effective-access catalogue reads these):
 * group-list-transitivememberof cast to groups, rbacapplication-list-roleeligibilityschedules,
 * rbacapplication-list-roledefinitions, group-list-approleassignments and serviceprincipal-get.
 * Each enforces its application permissions as its reference page lists them.
 */
import { json, type TwinResponse } from './http.ts';
import type { TwinState } from './state.ts';
import { graphError } from './graph.ts';

/** What Graph answers for premium data in a tenant without Entra ID P1 or P2 (signin-list; user signInActivity). */
export const noPremium = (): TwinResponse =>
  graphError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");

const READ_MEMBERS = ['GroupMember.Read.All', 'GroupMember.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All'];
const READ_ROLES = ['RoleManagement.Read.Directory', 'RoleManagement.Read.All', 'RoleManagement.ReadWrite.Directory', 'Directory.Read.All'];
const READ_ELIGIBILITY = [
  'RoleEligibilitySchedule.Read.Directory',
  'RoleEligibilitySchedule.ReadWrite.Directory',
  'RoleManagement.Read.Directory',
  'RoleManagement.Read.All',
  'RoleManagement.ReadWrite.Directory',
];
// group-list-approleassignments: Directory.Read.All is the least privileged application permission.
const READ_APP_ROLE_ASSIGNMENTS = ['Directory.Read.All', 'AppRoleAssignment.ReadWrite.All', 'Directory.ReadWrite.All'];
const READ_APPLICATIONS = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All'];

/** Built-in directory roles the twin knows by template id (for built-in roles the id is the template id). */
export const BUILT_IN_ROLES: Record<string, string> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  'fdd7a751-b60b-444a-984c-02652fe8fa1c': 'Groups Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  '9360feb5-f418-4baa-8175-e2a00bac4301': 'Directory Writers',
  '3a2c62db-5318-420d-8d74-23affee5d9d5': 'Intune Administrator',
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b': 'Directory Readers',
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451': 'Global Reader',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
};

export interface AccessCall {
  method: string;
  path: string;
  query: URLSearchParams;
  base: string;
  has(allowed: string[]): boolean;
  denied(): TwinResponse;
  notFound(id: string): TwinResponse;
  /** One page of a listing (graph-pages.ts). */
  page(values: readonly unknown[], context: string, limits?: { maxTop?: number; defaultTop?: number }): TwinResponse;
}

const principalFilter = (query: URLSearchParams) => /^principalId eq '([0-9a-fA-F-]{36})'$/.exec(query.get('$filter') ?? '')?.[1]?.toLowerCase();

export function accessRoutes(state: TwinState): ((call: AccessCall) => TwinResponse | undefined)[] {
  const transitiveMemberOf = (call: AccessCall): TwinResponse | undefined => {
    const m = /^\/groups\/([^/]+)\/transitiveMemberOf\/microsoft\.graph\.group$/.exec(call.path);
    if (!m || call.method !== 'GET') return undefined;
    if (!call.has(READ_MEMBERS)) return call.denied();
    const start = m[1]!.toLowerCase();
    if (!state.groups.has(start)) return call.notFound(m[1]!);
    const ancestors = new Set<string>();
    let frontier = [start];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const g of state.groups.values())
        if (!ancestors.has(g.id) && g.id !== start && frontier.some((f) => g.members.has(f))) {
          ancestors.add(g.id);
          next.push(g.id);
        }
      frontier = next;
    }
    const value = [...ancestors].sort().map((id) => ({ '@odata.type': '#microsoft.graph.group', id, displayName: state.groups.get(id)!.displayName }));
    return call.page(value, 'groups(id,displayName)');
  };
  const eligibilitySchedules = (call: AccessCall): TwinResponse | undefined => {
    if (call.path !== '/roleManagement/directory/roleEligibilitySchedules' || call.method !== 'GET') return undefined;
    if (!call.has(READ_ELIGIBILITY)) return call.denied();
    const principal = principalFilter(call.query);
    const value = state.roleEligibilities
      .filter((r) => principal === undefined || r.principalId === principal)
      .map((r) => ({
        id: r.id,
        principalId: r.principalId,
        roleDefinitionId: r.roleDefinitionId,
        directoryScopeId: r.directoryScopeId,
        memberType: 'Direct',
        status: 'Provisioned',
      }));
    return call.page(value, 'roleManagement/directory/roleEligibilitySchedules');
  };
  const roleDefinitions = (call: AccessCall): TwinResponse | undefined => {
    if (call.path !== '/roleManagement/directory/roleDefinitions' || call.method !== 'GET') return undefined;
    if (!call.has(READ_ROLES)) return call.denied();
    const value = Object.entries(BUILT_IN_ROLES).map(([id, displayName]) => ({ id, displayName, templateId: id, isBuiltIn: true }));
    return call.page(value, 'roleManagement/directory/roleDefinitions');
  };
  const appRoleAssignments = (call: AccessCall): TwinResponse | undefined => {
    const m = /^\/groups\/([^/]+)\/appRoleAssignments$/.exec(call.path);
    if (!m || call.method !== 'GET') return undefined;
    if (!call.has(READ_APP_ROLE_ASSIGNMENTS)) return call.denied();
    const group = state.groups.get(m[1]!.toLowerCase());
    if (!group) return call.notFound(m[1]!);
    const value = state.appRoleAssignments
      .filter((a) => a.principalId === group.id)
      .map((a) => ({
        id: a.id,
        appRoleId: a.appRoleId,
        principalId: a.principalId,
        principalType: 'Group',
        principalDisplayName: group.displayName,
        resourceId: a.resourceId,
        resourceDisplayName: state.users.get(a.resourceId)?.displayName ?? null,
      }));
    return call.page(value, `groups('${group.id}')/appRoleAssignments`);
  };
  const servicePrincipal = (call: AccessCall): TwinResponse | undefined => {
    const m = /^\/servicePrincipals\/([^/]+)$/.exec(call.path);
    if (!m || call.method !== 'GET') return undefined;
    if (!call.has(READ_APPLICATIONS)) return call.denied();
    const sp = state.users.get(m[1]!.toLowerCase());
    if (!sp || sp.kind !== 'servicePrincipal') return call.notFound(m[1]!);
    return json(200, {
      '@odata.context': `${call.base}/v1.0/$metadata#servicePrincipals/$entity`,
      id: sp.id,
      appId: sp.appId ?? sp.id,
      displayName: sp.displayName,
      appRoles: (sp.appRoles ?? []).map((r) => ({ ...r, isEnabled: true, allowedMemberTypes: ['User'], description: r.displayName, origin: 'Application' })),
    });
  };
  // serviceprincipal-list (with appRoles), serviceprincipal-list-approleassignedto, serviceprincipal-list-owners.
  const servicePrincipals = (call: AccessCall): TwinResponse | undefined => {
    const m = /^\/servicePrincipals(?:\/([^/]+)\/(appRoleAssignedTo|owners))?$/.exec(call.path);
    if (!m || call.method !== 'GET') return undefined;
    if (!call.has(READ_APPLICATIONS)) return call.denied();
    if (!m[1]) {
      const value = [...state.users.values()]
        .filter((u) => u.kind === 'servicePrincipal')
        .map((sp) => ({
          id: sp.id,
          appId: sp.appId ?? sp.id,
          displayName: sp.displayName,
          appRoles: (sp.appRoles ?? []).map((r) => ({ ...r, isEnabled: true, allowedMemberTypes: ['User'] })),
        }));
      return call.page(value, 'servicePrincipals');
    }
    const sp = state.users.get(m[1].toLowerCase());
    if (!sp || sp.kind !== 'servicePrincipal') return call.notFound(m[1]);
    if (m[2] === 'owners')
      return call.page(
        (sp.owners ?? []).map((id) => ({
          '@odata.type': '#microsoft.graph.user',
          id,
          displayName: state.users.get(id)?.displayName ?? null,
          userPrincipalName: state.users.get(id)?.userPrincipalName ?? null,
        })),
        'directoryObjects',
      );
    const value = state.appRoleAssignments
      .filter((a) => a.resourceId === sp.id)
      .map((a) => ({
        id: a.id,
        appRoleId: a.appRoleId,
        principalId: a.principalId,
        principalType: state.groups.has(a.principalId) ? 'Group' : 'User',
        resourceId: sp.id,
        resourceDisplayName: sp.displayName,
      }));
    // serviceprincipal-list-approleassignedto: at most 999 a page.
    return call.page(value, `servicePrincipals('${sp.id}')/appRoleAssignedTo`);
  };
  // signin-list: $filter on userId and createdDateTime (ge); AuditLog.Read.All; "supports the $top,
  // $skiptoken, and $filter OData query parameters", so any other ($select included) is refused;
  // "the maximum and default page size is 1,000". Without Entra ID P1 the tenant has no sign-in
  // data for Graph: 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant.
  const signIns = (call: AccessCall): TwinResponse | undefined => {
    if (call.path !== '/auditLogs/signIns' || call.method !== 'GET') return undefined;
    if (!call.has(['AuditLog.Read.All'])) return call.denied();
    const unsupported = [...call.query.keys()].find((k) => k.startsWith('$') && !['$top', '$skiptoken', '$filter'].includes(k));
    if (unsupported)
      return graphError(400, 'BadRequest', `Query option '${unsupported}' is not supported on auditLogs/signIns; it supports $top, $skiptoken and $filter.`);
    if (!state.premiumLicence) return noPremium();
    const f = call.query.get('$filter') ?? '';
    const user = /userId eq '([0-9a-fA-F-]{36})'/.exec(f)?.[1]?.toLowerCase();
    const since = /createdDateTime ge (\S+)/.exec(f)?.[1];
    const value = state.signIns
      .filter((e) => (user === undefined || e.userId === user) && (since === undefined || e.createdDateTime >= since))
      .map((e, i) => ({ id: `signin-${i}`, userId: e.userId, appId: e.appId, createdDateTime: e.createdDateTime }));
    return call.page(value, 'auditLogs/signIns', { maxTop: 1000, defaultTop: 1000 });
  };
  return [transitiveMemberOf, eligibilitySchedules, roleDefinitions, appRoleAssignments, servicePrincipal, servicePrincipals, signIns];
}
