/**
 * Microsoft Graph v1.0, the part access-as-code uses, after the Graph API reference pages:
 * group-list-members (paging with @odata.nextLink and $top up to 999), group-post-members (204; 400
 * when the reference already exists; 404 for an unknown object), group-delete-members (204; 404 when
 * absent), user-get, group-get, json-batching (at most 20 requests; each answered on its own, faults
 * included, inside a 200), throttling (429 with Retry-After) and the error body
 * { error: { code, message, innerError } }. Bearer tokens are checked against the twin's Entra issuer,
 * and application permissions (roles) are enforced per call.
 */
import { json, type CallLog, type TwinRequest, type TwinResponse } from './http.ts';
import type { Faults } from './faults.ts';
import { twinNow, type Group, type TwinState } from './state.ts';
import { verify, type Issuer } from './tokens.ts';
import { accessRoutes, noPremium } from './graph-access.ts';
import { pageOf, refusedAdvancedQuery } from './graph-pages.ts';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
const READ_MEMBERS = ['GroupMember.Read.All', 'GroupMember.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All'];
const WRITE_MEMBERS = ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All'];
const READ_USERS = ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'];
// user-revokesigninsessions: User.RevokeSessions.All is the least privileged application permission.
const REVOKE_SESSIONS = ['User.RevokeSessions.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'];
const ROLE_GROUPS = ['RoleManagement.ReadWrite.Directory'];
const PIM_READ = ['PrivilegedAssignmentSchedule.Read.AzureADGroup', 'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup'];
// privilegedaccessgroup-list-eligibilityscheduleinstances.
const PIM_ELIGIBILITY_READ = ['PrivilegedEligibilitySchedule.Read.AzureADGroup', 'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup'];
const PIM_WRITE = ['PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup'];
const READ_ROLES = ['RoleManagement.Read.Directory', 'RoleManagement.Read.All', 'RoleManagement.ReadWrite.Directory', 'Directory.Read.All'];
const READ_UNITS = ['AdministrativeUnit.Read.All', 'AdministrativeUnit.ReadWrite.All', 'Directory.Read.All'];
// Built-in role template ids: roles that change security group members at tenant scope, and the ones
// of them that can be assigned at an administrative unit's scope.
const GROUPS_ADMINISTRATOR = 'fdd7a751-b60b-444a-984c-02652fe8fa1c';
const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const TENANT_GROUP_WRITERS = [
  '62e90394-69f5-4237-9190-012177145e10',
  GROUPS_ADMINISTRATOR,
  USER_ADMINISTRATOR,
  '9360feb5-f418-4baa-8175-e2a00bac4301',
  '3a2c62db-5318-420d-8d74-23affee5d9d5',
];
const UNIT_GROUP_WRITERS = [GROUPS_ADMINISTRATOR, USER_ADMINISTRATOR];

/**
 * PIM for Groups ends an assignment at its end time with no call from anyone: memberships whose end
 * has passed are gone before anything reads the group (and from Twin.members()).
 */
export function expirePimAssignments(state: TwinState, now = twinNow(state)): void {
  for (const group of state.groups.values()) {
    for (const [id, end] of group.pimEnds) {
      if (end > now) continue;
      group.pimEnds.delete(id);
      group.pimStarts.delete(id);
      if (group.members.delete(id)) group.recent.push({ op: 'remove', id, at: end });
    }
  }
}

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): TwinResponse {
  const date = new Date().toISOString().replace(/\.\d{3}Z$/, '');
  return json(status, { error: { code, message, innerError: { date, 'request-id': crypto.randomUUID(), 'client-request-id': crypto.randomUUID() } } }, headers);
}

export function graphFault(rule: { kind: string; retryAfterSeconds?: number }): TwinResponse {
  if (rule.kind === 'unsupported-query') return graphError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
  const headers: Record<string, string> = rule.retryAfterSeconds !== undefined ? { 'Retry-After': String(rule.retryAfterSeconds) } : {};
  return rule.kind === 'throttle'
    ? graphError(429, 'TooManyRequests', 'Too many requests. Please retry after some time.', headers)
    : graphError(503, 'ServiceUnavailable', 'Service is temporarily unavailable. Please try again later.', headers);
}

const notFound = (id: string) =>
  graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
const denied = () => graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

interface Call {
  method: string;
  /** Relative to /v1.0, e.g. /groups/{id}/members */
  path: string;
  query: URLSearchParams;
  body: unknown;
  roles: string[];
  /** The caller's object id (the token's oid), for its directory roles. */
  oid: string | undefined;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  base: string;
}

/**
 * Groups whose membership Graph refuses to change whatever the app's permissions (403
 * Authorization_RequestDenied): dynamic (rule-based), synced from on-premises, mail-enabled
 * security and distribution groups (group-post-members, group-delete-members).
 */
/** What the twin answers for a group's $select (GROUP_SELECT in src/entra/graph.ts asks for these). */
const GROUP_PROPERTIES = 'id,displayName,isAssignableToRole,groupTypes,membershipRule,onPremisesSyncEnabled,mailEnabled,securityEnabled';
function groupProperties(group: Group) {
  return {
    id: group.id,
    displayName: group.displayName,
    isAssignableToRole: group.isAssignableToRole,
    groupTypes: group.groupTypes,
    membershipRule: group.membershipRule,
    onPremisesSyncEnabled: group.onPremisesSyncEnabled,
    mailEnabled: group.mailEnabled,
    securityEnabled: true,
  };
}

function unwritable(group: Group): boolean {
  return group.groupTypes.includes('DynamicMembership') || group.onPremisesSyncEnabled === true || (group.mailEnabled && !group.groupTypes.includes('Unified'));
}

export function graphHandler(state: TwinState, entraIssuer: Issuer, faults: Faults, log: CallLog) {
  const now = () => twinNow(state);
  const access = accessRoutes(state);

  /** Membership as a reader sees it: changes younger than the lag are not visible yet. */
  function visibleMembers(group: Group): string[] {
    if (faults.readLagMs <= 0) return [...group.members];
    const cutoff = now() - faults.readLagMs;
    const visible = new Set(group.members);
    for (let i = group.recent.length - 1; i >= 0; i--) {
      const change = group.recent[i]!;
      if (change.at <= cutoff) break;
      if (change.op === 'add') visible.delete(change.id);
      else visible.add(change.id);
    }
    return [...visible];
  }

  function record(group: Group, op: 'add' | 'remove', id: string) {
    group.recent.push({ op, id, at: now() });
    if (group.recent.length > 10_000) group.recent.splice(0, 5_000);
  }

  /**
   * Who may change a group's members (admin-units-restricted-management, "Who can modify objects" and
   * "Programmability"): for a group in a restricted management unit only a principal holding a role
   * scoped to that unit, whatever its application permissions or tenant roles; otherwise the
   * application permission, a tenant-scoped role, or a role scoped to a unit holding the group.
   */
  function mayWriteMembers(call: Call, group: Group): boolean {
    const units = [...state.administrativeUnits.values()].filter((u) => u.groups.has(group.id));
    const assigned = state.roleAssignments.filter((r) => call.oid !== undefined && r.principalId === call.oid);
    const scopedTo = (unitId: string) =>
      assigned.some((r) => UNIT_GROUP_WRITERS.includes(r.roleDefinitionId) && r.directoryScopeId === `/administrativeUnits/${unitId}`);
    const restricted = units.filter((u) => u.restricted);
    if (restricted.length > 0) return restricted.some((u) => scopedTo(u.id));
    return (
      call.roles.some((r) => WRITE_MEMBERS.includes(r)) ||
      assigned.some((r) => r.directoryScopeId === '/' && TENANT_GROUP_WRITERS.includes(r.roleDefinitionId)) ||
      units.some((u) => scopedTo(u.id))
    );
  }

  // PIM for Groups: no active assignment shorter than 5 minutes, and none ended within 5 minutes of
  // being made (ActiveDurationTooShort).
  const PIM_FLOOR_MS = 5 * 60_000;

  function pimRemove(group: Group, principal: string, action: string): TwinResponse {
    if (!group.members.has(principal)) return graphError(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.');
    if (now() - (group.pimStarts.get(principal) ?? -Infinity) < PIM_FLOOR_MS)
      return graphError(400, 'ActiveDurationTooShort', 'The role assignment duration is too short. Minimum duration is 5 minutes.');
    group.members.delete(principal);
    group.pimEnds.delete(principal);
    group.pimStarts.delete(principal);
    record(group, 'remove', principal);
    return json(201, { id: crypto.randomUUID(), status: 'Revoked', action, accessId: 'member', principalId: principal, groupId: group.id });
  }

  /** adminAssign makes an assignment, adminUpdate and adminExtend move the end of one in force. */
  function pimAssign(
    group: Group,
    principal: string,
    action: string,
    b: { justification?: unknown; scheduleInfo?: { expiration?: { type?: unknown; endDateTime?: unknown } } },
  ): TwinResponse {
    const exp = b.scheduleInfo?.expiration;
    const end = exp?.type === 'afterDateTime' && typeof exp.endDateTime === 'string' ? Date.parse(exp.endDateTime) : NaN;
    const policyFailed = () => graphError(400, 'RoleAssignmentRequestPolicyValidationFailed', 'The following policy rules failed: ["ExpirationRule"]');
    if (Number.isNaN(end)) return policyFailed();
    if (end - now() < PIM_FLOOR_MS)
      return graphError(400, 'ActiveDurationTooShort', 'The role assignment duration is too short. Minimum duration is 5 minutes.');
    if (group.pimMaxMs !== undefined && end - now() > group.pimMaxMs) return policyFailed();
    const assigned = group.members.has(principal);
    if (action === 'adminAssign' && assigned) return graphError(400, 'RoleAssignmentExists', 'The Role assignment already exists.');
    if (action !== 'adminAssign' && !assigned) return graphError(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.');
    if (!assigned) {
      record(group, 'add', principal);
      group.pimStarts.set(principal, now());
    }
    group.members.add(principal);
    group.pimEnds.set(principal, end);
    return json(201, {
      id: crypto.randomUUID(),
      status: 'Provisioned',
      action,
      accessId: 'member',
      principalId: principal,
      groupId: group.id,
      justification: typeof b.justification === 'string' ? b.justification : null,
      scheduleInfo: b.scheduleInfo,
      targetScheduleId: `${group.id}_member_${principal}`,
    });
  }

  function dispatch(call: Call): TwinResponse {
    const has = (allowed: string[]) => call.roles.some((r) => allowed.includes(r));
    const page = (values: readonly unknown[], context: string, limits?: { maxTop?: number; defaultTop?: number }) =>
      pageOf(call, state.graphPageSize, values, context, limits);
    expirePimAssignments(state);
    const refused = refusedAdvancedQuery(call);
    if (refused) return refused;
    let m: RegExpExecArray | null;
    const listPimInstances = (): TwinResponse | undefined => {
      // PIM for Groups (privilegedaccessgroup-list-assignmentscheduleinstances): the $filter on groupId
      // (or principalId) is required. Every member is an instance: a permanent one (no dates) for a
      // direct member, one with its end for a PIM assignment.
      if (call.path === '/identityGovernance/privilegedAccess/group/assignmentScheduleInstances' && call.method === 'GET') {
        if (!has(PIM_READ)) return denied();
        const groupId = /^groupId eq '([0-9a-fA-F-]{36})'$/.exec(call.query.get('$filter') ?? '')?.[1]?.toLowerCase();
        if (!groupId) return graphError(400, 'BadRequest', 'The $filter query parameter with groupId or principalId is required.');
        const group = state.groups.get(groupId);
        const value = [...(group?.members ?? [])].sort().map((principalId) => {
          const end = group!.pimEnds.get(principalId);
          const id = `${group!.id}_member_${principalId}`;
          return {
            id,
            principalId,
            groupId: group!.id,
            accessId: 'member',
            assignmentType: 'Assigned',
            memberType: 'Direct',
            startDateTime: end !== undefined ? new Date(end - 3_600_000).toISOString() : null,
            endDateTime: end !== undefined ? new Date(end).toISOString() : null,
            assignmentScheduleId: id,
          };
        });
        return page(value, 'identityGovernance/privilegedAccess/group/assignmentScheduleInstances');
      }
      return undefined;
    };
    const requestPimAssignment = (): TwinResponse | undefined => {
      // privilegedaccessgroup-post-assignmentschedulerequests: adminAssign, adminUpdate, adminRemove.
      if (call.path === '/identityGovernance/privilegedAccess/group/assignmentScheduleRequests' && call.method === 'POST') {
        if (!has(PIM_WRITE)) return denied();
        const b = (call.body ?? {}) as {
          accessId?: unknown;
          principalId?: unknown;
          groupId?: unknown;
          action?: unknown;
          justification?: unknown;
          scheduleInfo?: { expiration?: { type?: unknown; endDateTime?: unknown } };
        };
        const group = typeof b.groupId === 'string' ? state.groups.get(b.groupId.toLowerCase()) : undefined;
        const principal = typeof b.principalId === 'string' ? b.principalId.toLowerCase() : '';
        if (b.accessId !== 'member' && b.accessId !== 'owner') return graphError(400, 'InvalidRequest', 'accessId is required: member or owner.');
        if (!group) return notFound(String(b.groupId));
        if (!state.users.has(principal)) return notFound(principal);
        const action = String(b.action ?? '');
        if (action === 'adminRemove') return pimRemove(group, principal, action);
        if (action !== 'adminAssign' && action !== 'adminUpdate' && action !== 'adminExtend')
          return graphError(400, 'InvalidRequest', `The action ${action} is not supported for this request.`);
        return pimAssign(group, principal, action, b);
      }
      return undefined;
    };
    const listRoleAssignments = (): TwinResponse | undefined => {
      // unifiedroleassignment list: $filter on principalId.
      if (call.path === '/roleManagement/directory/roleAssignments' && call.method === 'GET') {
        if (!has(READ_ROLES)) return denied();
        const principal = /^principalId eq '([0-9a-fA-F-]{36})'$/.exec(call.query.get('$filter') ?? '')?.[1]?.toLowerCase();
        const value = state.roleAssignments
          .filter((r) => principal === undefined || r.principalId === principal)
          .map((r) => ({ id: r.id, principalId: r.principalId, roleDefinitionId: r.roleDefinitionId, directoryScopeId: r.directoryScopeId }));
        return page(value, 'roleManagement/directory/roleAssignments');
      }
      return undefined;
    };
    const listGroupUnits = (): TwinResponse | undefined => {
      // group-list-memberof, cast to administrative units. Without a permission to read units, Graph
      // returns them with the id and type only ("limited information returned for inaccessible member objects").
      if ((m = /^\/groups\/([^/]+)\/memberOf\/microsoft\.graph\.administrativeUnit$/.exec(call.path)) && call.method === 'GET') {
        if (!has(READ_MEMBERS)) return denied();
        const group = state.groups.get(m[1]!.toLowerCase());
        if (!group) return notFound(m[1]!);
        const full = has(READ_UNITS);
        const value = [...state.administrativeUnits.values()]
          .filter((u) => u.groups.has(group.id))
          .map((u) => ({
            '@odata.type': '#microsoft.graph.administrativeUnit',
            id: u.id,
            displayName: full ? u.displayName : null,
            isMemberManagementRestricted: full ? u.restricted : null,
          }));
        return page(value, 'administrativeUnits');
      }
      return undefined;
    };
    const getUnit = (): TwinResponse | undefined => {
      if ((m = /^\/directory\/administrativeUnits\/([^/]+)(\/members\/microsoft\.graph\.group)?$/.exec(call.path)) && call.method === 'GET') {
        if (!has(READ_UNITS)) return denied();
        const unit = state.administrativeUnits.get(m[1]!.toLowerCase());
        if (!unit) return notFound(m[1]!);
        if (!m[2])
          return json(200, {
            '@odata.context': `${call.base}/v1.0/$metadata#directory/administrativeUnits/$entity`,
            id: unit.id,
            displayName: unit.displayName,
            isMemberManagementRestricted: unit.restricted,
          });
        const value = [...unit.groups].sort().map((id) => ({ '@odata.type': '#microsoft.graph.group', id }));
        return page(value, 'groups(id)');
      }
      return undefined;
    };
    // group-list with $filter=id in (...): "by default limited to 15 expressions" (the $filter query
    // parameter page); groups that do not exist are left out of the answer, not refused.
    const groupsById = (filter: string): TwinResponse => {
      const clause = /^id in \((.*)\)$/.exec(filter.trim());
      if (!clause) return graphError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
      const values = clause[1]!.split(',').map((v) => v.trim());
      if (values.length > 15)
        return graphError(
          400,
          'Request_UnsupportedQuery',
          `Too many child clauses specified in search filter expression containing 'OR' operators: ${values.length}. Max allowed: 15.`,
        );
      const ids: string[] = [];
      for (const v of values) {
        const id = /^'([0-9a-fA-F-]{36})'$/.exec(v);
        if (!id) return graphError(400, 'Request_BadRequest', `Invalid object identifier ${v}.`);
        ids.push(id[1]!.toLowerCase());
      }
      const value = [...new Set(ids)].flatMap((id) => {
        const group = state.groups.get(id);
        return group ? [groupProperties(group)] : [];
      });
      return page(value, `groups(${GROUP_PROPERTIES})`);
    };
    const listGroups = (): TwinResponse | undefined => {
      // group-list with $count: an advanced query, answered only with ConsistencyLevel: eventual.
      if (call.path === '/groups' && call.method === 'GET') {
        if (!has(READ_MEMBERS)) return denied();
        if (call.query.has('$filter')) return groupsById(call.query.get('$filter')!);
        if (call.query.get('$count') === 'true' && call.headers['consistencylevel'] !== 'eventual')
          return graphError(400, 'Request_BadRequest', '$count is not currently supported.');
        const value = [...state.groups.keys()].sort().map((id) => ({ id }));
        return page(value, 'groups(id)');
      }
      return undefined;
    };
    // user-revokesigninsessions: invalidates the user's refresh tokens and session cookies; 200 with a boolean.
    const revokeSessions = (): TwinResponse | undefined => {
      if (!((m = /^\/users\/([^/(]+)\/revokeSignInSessions$/.exec(call.path)) && call.method === 'POST')) return undefined;
      if (!has(REVOKE_SESSIONS)) return denied();
      const user = state.users.get(m[1]!.toLowerCase());
      if (!user || user.kind !== 'user') return notFound(m[1]!);
      state.sessionRevocations.push({ userId: user.id, at: now() });
      // It resets signInSessionsValidFromDateTime to the current time (user-revokesigninsessions).
      user.signInSessionsValidFrom = now();
      return json(200, { '@odata.context': `${call.base}/v1.0/$metadata#Edm.Boolean`, value: true });
    };
    /** What selecting sign-in properties of a user needs: AuditLog.Read.All and a P1 licence; a permission beyond User.ReadBasic.All. */
    const selectRefusal = (activity: boolean, sessions: boolean): TwinResponse | undefined => {
      if (activity && !has(['AuditLog.Read.All'])) return denied();
      if (activity && !state.premiumLicence) return noPremium();
      // signInSessionsValidFromDateTime: returned only on $select, and not one of the basic properties
      // User.ReadBasic.All reads (user resource; permissions reference, User.ReadBasic.All).
      if (sessions && !has(['User.Read.All', 'Directory.Read.All', 'User.ReadWrite.All'])) return denied();
      return undefined;
    };
    const getUser = (): TwinResponse | undefined => {
      if ((m = /^\/users(?:\/([^/(]+)|\('((?:[^']|'')+)'\))$/.exec(call.path)) && call.method === 'GET') {
        if (!has(READ_USERS)) return denied();
        // user-get: a userPrincipalName that starts with $ must be written /users('$x@contoso.com');
        // after a slash Graph reads it as a system query option and answers 400.
        if (m[1]?.startsWith('$')) return graphError(400, 'Request_BadRequest', `Invalid object identifier '${m[1]}'.`);
        const key = (m[1] ?? m[2]!.replace(/''/g, "'")).toLowerCase();
        const user = state.users.get(key) ?? [...state.users.values()].find((u) => u.userPrincipalName?.toLowerCase() === key);
        if (!user || user.kind !== 'user') return notFound(m[1]!);
        // signInActivity: only when selected, and only with AuditLog.Read.All (user resource, signInActivity).
        const selected = (call.query.get('$select') ?? '').split(',');
        const activity = selected.includes('signInActivity');
        const sessions = selected.includes('signInSessionsValidFromDateTime');
        const refused = selectRefusal(activity, sessions);
        if (refused) return refused;
        return json(200, {
          '@odata.context': `${call.base}/v1.0/$metadata#users(id,userPrincipalName,displayName)/$entity`,
          id: user.id,
          userPrincipalName: user.userPrincipalName ?? null,
          displayName: user.displayName,
          ...(activity ? { signInActivity: user.signInActivity ?? null } : {}),
          ...(sessions
            ? {
                signInSessionsValidFromDateTime:
                  user.signInSessionsValidFrom === undefined ? null : new Date(user.signInSessionsValidFrom).toISOString().replace(/\.\d{3}Z$/, 'Z'),
              }
            : {}),
        });
      }
      return undefined;
    };
    const getGroup = (): TwinResponse | undefined => {
      if ((m = /^\/groups\/([^/]+)$/.exec(call.path)) && call.method === 'GET') {
        if (!has(READ_MEMBERS)) return denied();
        const group = state.groups.get(m[1]!.toLowerCase());
        if (!group) return notFound(m[1]!);
        return json(200, { '@odata.context': `${call.base}/v1.0/$metadata#groups(${GROUP_PROPERTIES})/$entity`, ...groupProperties(group) });
      }
      return undefined;
    };
    // group-list-transitivemembers, cast to users: members through any path, nested groups included.
    // privilegedaccessgroup-list-eligibilityscheduleinstances: the $filter on groupId is required.
    const listPimEligibilities = (): TwinResponse | undefined => {
      if (!(call.path === '/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances' && call.method === 'GET')) return undefined;
      if (!has(PIM_ELIGIBILITY_READ)) return denied();
      const filter = /^(groupId|principalId) eq '([0-9a-fA-F-]{36})'$/.exec(call.query.get('$filter') ?? '');
      if (!filter) return graphError(400, 'BadRequest', 'The $filter query parameter with groupId or principalId is required.');
      const key = filter[2]!.toLowerCase();
      const instances = [...state.groups.values()].flatMap((g) => [
        ...[...(g.pimEligible ?? [])].map((principalId) => ({ groupId: g.id, principalId, accessId: 'member' })),
        ...[...(g.pimEligibleOwners ?? [])].map((principalId) => ({ groupId: g.id, principalId, accessId: 'owner' })),
      ]);
      const value = instances
        .filter((e) => (filter[1] === 'groupId' ? e.groupId === key : e.principalId === key))
        .sort((a, b) => a.principalId.localeCompare(b.principalId))
        .map((e) => ({
          id: `${e.groupId}_${e.accessId}_${e.principalId}`,
          ...e,
          memberType: 'direct',
          startDateTime: null,
          endDateTime: null,
        }));
      return page(value, 'identityGovernance/privilegedAccess/group/eligibilityScheduleInstances');
    };
    const listTransitiveUsers = (): TwinResponse | undefined => {
      if (!((m = /^\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(call.path)) && call.method === 'GET')) return undefined;
      if (!has(READ_MEMBERS)) return denied();
      const group = state.groups.get(m[1]!.toLowerCase());
      if (!group) return notFound(m[1]!);
      const users = new Set<string>();
      const seen = new Set<string>([group.id]);
      const walk = (g: Group) => {
        for (const id of visibleMembers(g)) {
          const nested = state.groups.get(id);
          if (nested && !seen.has(id)) {
            seen.add(id);
            walk(nested);
          } else if (!nested && (state.users.get(id)?.kind ?? 'user') === 'user') users.add(id);
        }
      };
      walk(group);
      return page(
        [...users].sort().map((id) => ({ '@odata.type': '#microsoft.graph.user', id })),
        'users(id)',
      );
    };
    // The properties a listing selects: names, and whether a group is role-assignable.
    const describe = (id: string) => {
      const g = state.groups.get(id);
      if (g) return { displayName: g.displayName, isAssignableToRole: g.isAssignableToRole };
      const u = state.users.get(id);
      return u ? { displayName: u.displayName, ...(u.userPrincipalName ? { userPrincipalName: u.userPrincipalName } : {}) } : {};
    };
    const listMembers = (): TwinResponse | undefined => {
      // group-list-members, v1.0: "Service principals are not listed in group membership" (a known
      // issue on the page), so the plain listing leaves them out; the OData cast
      // /members/microsoft.graph.servicePrincipal lists them (and /microsoft.graph.user only users).
      if ((m = /^\/groups\/([^/]+)\/members(?:\/microsoft\.graph\.(user|servicePrincipal|group))?$/.exec(call.path)) && call.method === 'GET') {
        if (!has(READ_MEMBERS)) return denied();
        const group = state.groups.get(m[1]!.toLowerCase());
        if (!group) return notFound(m[1]!);
        const cast = m[2];
        const kindOf = (id: string) => (state.groups.has(id) ? 'group' : (state.users.get(id)?.kind ?? 'user'));
        const all = visibleMembers(group)
          .filter((id) => (cast ? kindOf(id) === cast : kindOf(id) !== 'servicePrincipal'))
          .sort();
        return page(
          all.map((id) => ({ '@odata.type': `#microsoft.graph.${kindOf(id)}`, id, ...describe(id) })),
          `${cast ? `${cast}s` : 'directoryObjects'}(id)`,
        );
      }
      return undefined;
    };
    const addMember = (): TwinResponse | undefined => {
      if ((m = /^\/groups\/([^/]+)\/members\/\$ref$/.exec(call.path)) && call.method === 'POST') {
        const group = state.groups.get(m[1]!.toLowerCase());
        if (!group) return has(WRITE_MEMBERS) ? notFound(m[1]!) : denied();
        if (!mayWriteMembers(call, group)) return denied();
        if (group.isAssignableToRole && !has(ROLE_GROUPS)) return denied();
        if (unwritable(group)) return denied();
        const ref = (call.body as { '@odata.id'?: unknown } | null)?.['@odata.id'];
        const id = typeof ref === 'string' ? /\/directoryObjects\/([0-9a-fA-F-]{36})$/.exec(ref)?.[1]?.toLowerCase() : undefined;
        if (!id) return graphError(400, 'Request_BadRequest', "Invalid object identifier in '@odata.id'.");
        if (!state.users.has(id)) return notFound(id);
        if (group.members.has(id))
          return graphError(400, 'Request_BadRequest', "One or more added object references already exist for the following modified properties: 'members'.");
        group.members.add(id);
        record(group, 'add', id);
        return { status: 204 };
      }
      return undefined;
    };
    const removeMember = (): TwinResponse | undefined => {
      if ((m = /^\/groups\/([^/]+)\/members\/([^/]+)\/\$ref$/.exec(call.path)) && call.method === 'DELETE') {
        const group = state.groups.get(m[1]!.toLowerCase());
        if (!group) return has(WRITE_MEMBERS) ? notFound(m[1]!) : denied();
        if (!mayWriteMembers(call, group)) return denied();
        if (group.isAssignableToRole && !has(ROLE_GROUPS)) return denied();
        if (unwritable(group)) return denied();
        const id = m[2]!.toLowerCase();
        // group-delete-members: an absent member answers 404, or (seen for references that never
        // existed) 400 "One or more removed object references do not exist".
        if (!group.members.has(id))
          return state.absentRemoval === 400
            ? graphError(400, 'Request_BadRequest', "One or more removed object references do not exist for the following modified properties: 'members'.")
            : notFound(id);
        group.members.delete(id);
        record(group, 'remove', id);
        return { status: 204 };
      }
      return undefined;
    };
    const deleteMemberObject = (): TwinResponse | undefined => {
      if ((m = /^\/groups\/([^/]+)\/members\/([^/]+)$/.exec(call.path)) && call.method === 'DELETE') {
        // Without /$ref this addresses the member object itself. The twin is pessimistic on purpose: it
        // deletes the directory object, so a URL builder that drops /$ref loses a user in tests
        // (docs/threat-model.md 22) instead of passing silently.
        const id = m[2]!.toLowerCase();
        if (!state.users.has(id)) return notFound(id);
        state.users.delete(id);
        for (const group of state.groups.values()) group.members.delete(id);
        return { status: 204 };
      }
      return undefined;
    };
    for (const route of [
      revokeSessions,
      listPimEligibilities,
      listTransitiveUsers,
      listPimInstances,
      requestPimAssignment,
      listRoleAssignments,
      listGroupUnits,
      getUnit,
      listGroups,
      getUser,
      getGroup,
      listMembers,
      addMember,
      removeMember,
      deleteMemberObject,
    ]) {
      const answer = route();
      if (answer) return answer;
    }
    const accessCall = { ...call, has, denied, notFound, page };
    for (const route of access) {
      const answer = route(accessCall);
      if (answer) return answer;
    }
    return graphError(400, 'BadRequest', `Resource not found for the segment '${call.path.split('/')[1] ?? ''}'.`);
  }

  return async (req: TwinRequest): Promise<TwinResponse> => {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ')) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    let roles: string[];
    let oid: string | undefined;
    try {
      const claims = await verify(entraIssuer, auth.slice(7), { audience: [GRAPH_RESOURCE, req.base] });
      roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
      oid = typeof claims.oid === 'string' ? claims.oid.toLowerCase() : undefined;
    } catch (error) {
      return graphError(401, 'InvalidAuthenticationToken', `Access token validation failure. ${(error as Error).message}`);
    }
    if (!req.path.startsWith('/v1.0/')) return graphError(400, 'BadRequest', 'Invalid version.');
    const path = req.path.slice('/v1.0'.length);
    let body: unknown = null;
    if (req.body.length > 0) {
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        return graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
      }
    }
    if (path === '/$batch' && req.method === 'POST') return batch(body, roles, oid, req.base);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    return dispatch({ method: req.method, path, query: req.query, body, roles, oid, headers, base: req.base });
  };

  function batch(body: unknown, roles: string[], oid: string | undefined, base: string): TwinResponse & { batchSize?: number } {
    const requests = (body as { requests?: unknown } | null)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > 20) return graphError(400, 'BadRequest', 'Too many requests in a batch. Batches are limited to 20 requests.');
    // json-batching: "Request IDs must be unique within a batch"; a duplicate fails the whole batch.
    const ids = requests.map((r: { id?: unknown }) => String(r.id ?? ''));
    if (new Set(ids).size !== ids.length || ids.some((id) => id === ''))
      return graphError(400, 'BadRequest', 'Batch request contains duplicate or missing request ids.');
    const responses = requests.map((item: { id?: unknown; method?: unknown; url?: unknown; body?: unknown; headers?: Record<string, unknown> }) => {
      const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const id = String(item.id ?? '');
      const method = String(item.method ?? 'GET').toUpperCase();
      const url = new URL(String(item.url ?? ''), 'https://batch.invalid/');
      const path = decodeURIComponent(url.pathname);
      const fault = faults.pick('graph', method, path, true);
      const faulted = fault && (fault.kind === 'throttle' || fault.kind === 'unavailable' || fault.kind === 'unsupported-query');
      const answer = faulted ? graphFault(fault) : dispatch({ method, path, query: url.searchParams, body: item.body ?? null, roles, oid, headers, base });
      log.add({ service: 'graph', method, path, status: answer.status, inBatch: true, ...(faulted ? { fault: fault.kind } : {}) });
      return {
        id,
        status: answer.status,
        headers: { 'Cache-Control': 'no-cache', ...(answer.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...answer.headers },
        ...(answer.body !== undefined ? { body: answer.body } : {}),
      };
    });
    // json-batching: "the responses might not be in the same order as the requests"; the twin always
    // answers in reverse order, so a client that matches by position fails every test.
    return { ...json(200, { responses: responses.reverse() }), batchSize: requests.length };
  }
}
