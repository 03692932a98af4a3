/**
 * Azure Resource Manager, as the Azure RBAC reference pages describe it: role assignments at a scope
 * (list with $filter=atScope() or principalId, every list in pages with `nextLink`; create with PUT;
 * delete), role definitions, and PIM for Azure resources (role assignment schedule requests and the
 * active schedule instances, api-version 2020-10-01). Tokens must be Entra's for ARM's audience; every
 * call needs api-version. Reading assignments needs a role at or above the scope that can read them
 * (Reader and above), else 403 AuthorizationFailed; writing them needs Owner, User Access
 * Administrator or Role Based Access Control Administrator there, and a condition on the caller's
 * assignment (a delegation condition) is evaluated on every write and delete: outside it, 403 as ARM
 * answers. Assignments apply down the scope tree (an assignment at a subscription reaches its
 * resource groups); PIM assignments end at their end by the twin's clock.
 */
import { json, type TwinRequest, type TwinResponse } from './http.ts';
import { twinNow, type ArmRoleAssignment, type TwinState } from './state.ts';
import { verify, type Issuer } from './tokens.ts';
import { conditionAllows, parseCondition, type ConditionAction } from './arm-condition.ts';

export const ARM_RESOURCE = 'https://management.azure.com';
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const USER_ACCESS_ADMINISTRATOR = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
const RBAC_ADMINISTRATOR = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168';
/** Roles whose actions include Microsoft.Authorization/roleAssignments/read (Azure built-in roles reference). */
const READERS = new Set(['acdd72a7-3385-48ef-bd42-f606fba81ae7', 'b24988ac-6180-42a0-ab88-20f7382dd24c', OWNER, USER_ACCESS_ADMINISTRATOR, RBAC_ADMINISTRATOR]);
/** Roles whose actions include Microsoft.Authorization/roleAssignments/write and /delete. */
const WRITERS = new Set([OWNER, USER_ACCESS_ADMINISTRATOR, RBAC_ADMINISTRATOR]);
const BUILT_IN: Record<string, string> = {
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  [OWNER]: 'Owner',
  [USER_ACCESS_ADMINISTRATOR]: 'User Access Administrator',
  [RBAC_ADMINISTRATOR]: 'Role Based Access Control Administrator',
  '00482a5a-887f-4fb3-b363-3b7fe8e74483': 'Key Vault Administrator',
};
/** PIM refuses an assignment shorter than 5 minutes, and ending one within 5 minutes of making it. */
const PIM_FLOOR_MS = 5 * 60_000;

/**
 * Whether `inner` is `outer` or below it in the scope tree: by path (a resource group is below its
 * subscription), and through the management group hierarchy (`state.armParents`: a subscription or a
 * management group to its parent management group), as role assignments inherit down the tree.
 */
function inside(state: TwinState, inner: string, outer: string): boolean {
  if (within(inner, outer)) return true;
  const root = /^\/subscriptions\/[^/]+/i.exec(inner)?.[0] ?? /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+/i.exec(inner)?.[0];
  for (let parent = root && state.armParents.get(root.toLowerCase()); parent; parent = state.armParents.get(parent.toLowerCase()))
    if (parent.toLowerCase() === outer.toLowerCase()) return true;
  return false;
}

const armError = (status: number, code: string, message: string): TwinResponse => json(status, { error: { code, message } });
/** Path containment; the root scope "/" holds every other. */
const within = (inner: string, outer: string) =>
  outer === '/' || inner.toLowerCase() === outer.toLowerCase() || inner.toLowerCase().startsWith(`${outer.toLowerCase()}/`);

/**
 * One page of an ARM list: `value`, and while more remain `nextLink`, an absolute URL with `$skipToken`
 * (Role Assignments - List For Scope, api-version 2022-04-01: "Use $skipToken={skiptoken} to return
 * paged role assignments"; RoleAssignmentListResult.nextLink). The token is the twin's own offset; a
 * token it did not issue is refused, as a client must send the nextLink back as given.
 */
function armPage<T>(req: TwinRequest, pageSize: number, values: readonly T[]): TwinResponse {
  const token = req.query.get('$skipToken');
  let start = 0;
  if (token !== null) {
    const offset = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString())?.[1];
    if (offset === undefined || Number(offset) > values.length)
      return armError(400, 'InvalidSkipToken', `twin: the $skipToken '${token}' was not issued by this list; send the nextLink back as given.`);
    start = Number(offset);
  }
  const end = start + Math.max(1, pageSize);
  if (end >= values.length) return json(200, { value: values.slice(start) });
  const next = new URLSearchParams(req.query);
  next.set('$skipToken', Buffer.from(`offset:${end}`).toString('base64url'));
  return json(200, { value: values.slice(start, end), nextLink: `${req.base}${req.path}?${next.toString()}` });
}

export function armHandler(state: TwinState, entraIssuer: Issuer) {
  return async (req: TwinRequest): Promise<TwinResponse> => {
    const auth = req.headers.authorization ?? '';
    let oid: string | undefined;
    try {
      const claims = await verify(entraIssuer, auth.replace(/^Bearer /, ''), { audience: [ARM_RESOURCE, req.base] });
      oid = typeof claims.oid === 'string' ? claims.oid.toLowerCase() : undefined;
    } catch (error) {
      return armError(401, 'InvalidAuthenticationToken', `The access token is invalid. ${(error as Error).message}`);
    }
    if (!req.query.get('api-version'))
      return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
    expirePim(state);
    const caller = oid ?? '';
    const routes = [listAssignments, writeAssignment, deleteAssignment, getDefinition, scheduleRequest, listScheduleInstances, listEligibilityInstances];
    for (const route of routes) {
      const answer = route(state, req, caller);
      if (answer) return answer;
    }
    return armError(404, 'InvalidResourceType', `The resource type could not be found for path '${req.path}'.`);
  };
}

// ARM's paths ignore case (resource providers, types and names), so the routes do too.
const ASSIGNMENTS = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignments$/i;
const ASSIGNMENT = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignments\/([0-9a-fA-F-]{36})$/i;
const SCHEDULE_REQUEST = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignmentScheduleRequests\/([0-9a-fA-F-]{36})$/i;
const SCHEDULE_INSTANCES = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignmentScheduleInstances$/i;
const ELIGIBILITY_INSTANCES = /^(.*)\/providers\/Microsoft\.Authorization\/roleEligibilityScheduleInstances$/i;

/** PIM assignments whose end has passed are gone (Azure ends them by itself). */
export function expirePim(state: TwinState): void {
  const now = twinNow(state);
  state.armRoleAssignments = state.armRoleAssignments.filter((a) => !a.pim || a.pim.end === null || a.pim.end > now);
}

/** Whether the caller holds a role that can read (Reader and above) at or above the scope. */
function mayRead(state: TwinState, caller: string, scope: string): boolean {
  return state.armRoleAssignments.some((a) => a.principalId === caller && READERS.has(a.roleDefinitionId) && inside(state, scope, a.scope));
}

function forbidden(caller: string, action: string, scope: string, extra = ''): TwinResponse {
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${caller}' with object id '${caller}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid.${extra} If access was recently granted, please refresh your credentials.`,
  );
}

const principalTypeOf = (state: TwinState, a: Pick<ArmRoleAssignment, 'principalId' | 'principalType'>) =>
  a.principalType ?? (state.users.has(a.principalId) ? 'User' : state.groups.has(a.principalId) ? 'Group' : 'ServicePrincipal');

const definitionPath = (scope: string, roleId: string) =>
  `${scope.startsWith('/subscriptions/') ? scope.split('/').slice(0, 3).join('/') : ''}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;

function assignmentBody(state: TwinState, a: ArmRoleAssignment) {
  return {
    id: `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${a.id}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name: a.id,
    properties: {
      roleDefinitionId: definitionPath(a.scope, a.roleDefinitionId),
      principalId: a.principalId,
      principalType: principalTypeOf(state, a),
      scope: a.scope,
      ...(a.condition ? { condition: a.condition, conditionVersion: '2.0' } : {}),
    },
  };
}

/**
 * Whether the caller may write or delete an assignment with these attributes at `scope`: a writer role
 * at or above it whose condition (if any) allows the action. A condition the twin cannot read allows
 * nothing.
 */
function mayWrite(
  state: TwinState,
  caller: string,
  scope: string,
  action: ConditionAction,
  target: { roleId: string; principalId: string; principalType: string },
): boolean {
  return state.armRoleAssignments.some((a) => {
    if (a.principalId !== caller || !WRITERS.has(a.roleDefinitionId) || !inside(state, scope, a.scope)) return false;
    if (!a.condition) return true;
    try {
      return conditionAllows(parseCondition(a.condition), {
        action,
        attributes: { RoleDefinitionId: target.roleId, PrincipalType: target.principalType, PrincipalId: target.principalId },
      });
    } catch {
      return false;
    }
  });
}

function listAssignments(state: TwinState, req: TwinRequest, caller: string): TwinResponse | undefined {
  const m = ASSIGNMENTS.exec(req.path);
  if (!m || req.method !== 'GET') return undefined;
  const scope = m[1]!;
  if (!mayRead(state, caller, scope)) return forbidden(caller, 'Microsoft.Authorization/roleAssignments/read', scope);
  const filter = req.query.get('$filter') ?? '';
  const principal = /^principalId eq '([0-9a-fA-F-]{36})'$/.exec(filter)?.[1]?.toLowerCase();
  // atScope(): the assignments at the scope and above it (not below), as the List For Scope page says.
  const atScope = filter === 'atScope()';
  if (filter !== '' && !atScope && principal === undefined)
    return armError(400, 'UnsupportedQuery', `twin: the filter '${filter}' is not one the twin serves (atScope() or principalId eq '<id>').`);
  const value = state.armRoleAssignments
    .filter(
      (a) =>
        (atScope ? inside(state, scope, a.scope) : inside(state, a.scope, scope) || inside(state, scope, a.scope)) &&
        (principal === undefined || a.principalId === principal),
    )
    .map((a) => assignmentBody(state, a));
  return armPage(req, state.armPageSize, value);
}

function bodyOf(req: TwinRequest): { properties?: Record<string, unknown> } | undefined {
  try {
    return JSON.parse(req.body.toString('utf8')) as { properties?: Record<string, unknown> };
  } catch {
    return undefined;
  }
}

const guidOf = (definition: unknown) =>
  typeof definition === 'string'
    ? /\/providers\/Microsoft\.Authorization\/roleDefinitions\/([0-9a-fA-F-]{36})$/i.exec(definition)?.[1]?.toLowerCase()
    : undefined;

/** Role Assignments - Create (PUT): 201, or 409 RoleAssignmentExists for the same role, principal and scope. */
function writeAssignment(state: TwinState, req: TwinRequest, caller: string): TwinResponse | undefined {
  const m = ASSIGNMENT.exec(req.path);
  if (!m || req.method !== 'PUT') return undefined;
  const [, scope, name] = m as unknown as [string, string, string];
  const p = bodyOf(req)?.properties;
  const roleId = guidOf(p?.roleDefinitionId);
  const principalId = typeof p?.principalId === 'string' ? p.principalId.toLowerCase() : '';
  if (!roleId || !principalId)
    return armError(400, 'InvalidRoleAssignmentRequest', 'The request must have properties.roleDefinitionId and properties.principalId.');
  if (!BUILT_IN[roleId] && !state.armCustomRoles.has(roleId))
    return armError(400, 'RoleDefinitionDoesNotExist', 'The specified role definition with ID does not exist.');
  const actual = principalTypeOf(state, { principalId });
  if (!state.users.has(principalId) && !state.groups.has(principalId))
    return armError(400, 'PrincipalNotFound', `Principal ${principalId} does not exist in the directory.`);
  const given = typeof p?.principalType === 'string' ? p.principalType : '';
  if (given && given !== actual)
    return armError(
      400,
      'UnmatchedPrincipalType',
      `The PrincipalId '${principalId}' has type '${actual}', which is different from the one in the request, '${given}'.`,
    );
  // The request's attributes: a condition on PrincipalType sees only what the request says.
  if (!mayWrite(state, caller, scope, 'write', { roleId, principalId, principalType: given }))
    return forbidden(
      caller,
      'Microsoft.Authorization/roleAssignments/write',
      scope,
      " The role assignment is outside the condition of the caller's role assignment, if it has one.",
    );
  if (state.armRoleAssignments.some((a) => a.principalId === principalId && a.roleDefinitionId === roleId && a.scope.toLowerCase() === scope.toLowerCase()))
    return armError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  const made: ArmRoleAssignment = { id: name.toLowerCase(), scope, principalId, roleDefinitionId: roleId, principalType: actual };
  state.armRoleAssignments.push(made);
  return json(201, assignmentBody(state, made));
}

/** Role Assignments - Delete: 200 with the assignment, 204 when there is none by that name. */
function deleteAssignment(state: TwinState, req: TwinRequest, caller: string): TwinResponse | undefined {
  const m = ASSIGNMENT.exec(req.path);
  if (!m || req.method !== 'DELETE') return undefined;
  const [, scope, name] = m as unknown as [string, string, string];
  const a = state.armRoleAssignments.find((x) => x.id === name.toLowerCase() && x.scope.toLowerCase() === scope.toLowerCase());
  if (!a) return { status: 204 };
  if (!mayWrite(state, caller, scope, 'delete', { roleId: a.roleDefinitionId, principalId: a.principalId, principalType: principalTypeOf(state, a) }))
    return forbidden(
      caller,
      'Microsoft.Authorization/roleAssignments/delete',
      scope,
      " The role assignment is outside the condition of the caller's role assignment, if it has one.",
    );
  state.armRoleAssignments = state.armRoleAssignments.filter((x) => x !== a);
  return json(200, assignmentBody(state, a));
}

/**
 * Built-in roles' permissions as the Azure built-in roles reference lists them (Contributor's
 * notActions abridged to the Authorization ones that matter here); a custom role has none unless a
 * test gives them (`armCustomPermissions`).
 */
const PERMISSIONS: Record<string, { actions: string[]; notActions: string[]; dataActions: string[] }> = {
  [OWNER]: { actions: ['*'], notActions: [], dataActions: [] },
  'b24988ac-6180-42a0-ab88-20f7382dd24c': {
    actions: ['*'],
    notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
    dataActions: [],
  },
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': { actions: ['*/read'], notActions: [], dataActions: [] },
  [USER_ACCESS_ADMINISTRATOR]: { actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'], notActions: [], dataActions: [] },
  [RBAC_ADMINISTRATOR]: {
    actions: ['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleAssignments/delete', '*/read', 'Microsoft.Support/*'],
    notActions: [],
    dataActions: [],
  },
};

function getDefinition(state: TwinState, req: TwinRequest, caller: string): TwinResponse | undefined {
  const m = /^(.*)\/providers\/Microsoft\.Authorization\/roleDefinitions\/([0-9a-fA-F-]{36})$/i.exec(req.path);
  if (!m || req.method !== 'GET') return undefined;
  const scope = m[1]!;
  // Reading a definition at a scope needs a role there that can read (Microsoft.Authorization/roleDefinitions/read; */read); the tenant's own path is open.
  if (scope !== '' && !mayRead(state, caller, scope)) return forbidden(caller, 'Microsoft.Authorization/roleDefinitions/read', scope);
  const id = m[2]!.toLowerCase();
  const roleName = BUILT_IN[id] ?? state.armCustomRoles.get(id);
  if (!roleName) return armError(404, 'RoleDefinitionDoesNotExist', 'The specified role definition with ID does not exist.');
  return json(200, {
    id: req.path,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: id,
    properties: {
      roleName,
      type: BUILT_IN[id] ? 'BuiltInRole' : 'CustomRole',
      permissions: [PERMISSIONS[id] ?? state.armCustomPermissions.get(id) ?? { actions: [], notActions: [], dataActions: [] }],
    },
  });
}

/**
 * Role Assignment Schedule Requests - Create (PIM for Azure resources), admin requests: AdminAssign
 * makes an active assignment with an end, AdminUpdate and AdminExtend move the end of one in force,
 * AdminRemove ends it. PIM's answers: RoleAssignmentExists, RoleAssignmentDoesNotExist,
 * ActiveDurationTooShort (under 5 minutes, or ended within 5 minutes of being made), and the role
 * setting's ExpirationRule (no end, or longer than `armPimMaxMs`). The caller needs the write
 * permission (and its condition) at the scope, as for a role assignment.
 */
function scheduleRequest(state: TwinState, req: TwinRequest, caller: string): TwinResponse | undefined {
  const m = SCHEDULE_REQUEST.exec(req.path);
  if (!m || req.method !== 'PUT') return undefined;
  const [, scope, name] = m as unknown as [string, string, string];
  const p = bodyOf(req)?.properties as ScheduleRequestBody | undefined;
  const roleId = guidOf(p?.roleDefinitionId);
  const principalId = typeof p?.principalId === 'string' ? p.principalId.toLowerCase() : '';
  const refused = scheduleRequestRefused(state, caller, scope, p, roleId, principalId);
  if (refused) return refused;
  const target = { scope, roleId: roleId!, principalId };
  const current = state.armRoleAssignments.find(
    (a) => a.principalId === principalId && a.roleDefinitionId === roleId && a.scope.toLowerCase() === scope.toLowerCase(),
  );
  const type = String(p?.requestType ?? '');
  const made = type === 'AdminRemove' ? pimRemove(state, current) : pimAssign(state, target, type, current, p);
  if (made.status >= 400) return made;
  return json(201, {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/${name}`,
    name,
    type: 'Microsoft.Authorization/RoleAssignmentScheduleRequests',
    properties: {
      principalId,
      roleDefinitionId: definitionPath(scope, target.roleId),
      requestType: type,
      status: type === 'AdminRemove' ? 'Revoked' : 'Provisioned',
      scope,
    },
  });
}

type ScheduleRequestBody = {
  principalId?: unknown;
  roleDefinitionId?: unknown;
  requestType?: unknown;
  scheduleInfo?: { expiration?: { type?: unknown; endDateTime?: unknown } };
};

/** What ARM refuses before PIM looks at the request: a malformed one, an unknown role or principal, a caller without the write permission (or outside its condition). */
function scheduleRequestRefused(
  state: TwinState,
  caller: string,
  scope: string,
  p: ScheduleRequestBody | undefined,
  roleId: string | undefined,
  principalId: string,
): TwinResponse | undefined {
  if (!roleId || !principalId)
    return armError(400, 'InvalidRoleAssignmentScheduleRequest', 'The request must have properties.roleDefinitionId and properties.principalId.');
  if (!BUILT_IN[roleId] && !state.armCustomRoles.has(roleId))
    return armError(400, 'RoleDefinitionDoesNotExist', 'The specified role definition with ID does not exist.');
  if (!state.users.has(principalId) && !state.groups.has(principalId))
    return armError(400, 'PrincipalNotFound', `Principal ${principalId} does not exist in the directory.`);
  const principalType = principalTypeOf(state, { principalId });
  if (!mayWrite(state, caller, scope, p?.requestType === 'AdminRemove' ? 'delete' : 'write', { roleId, principalId, principalType }))
    return forbidden(caller, 'Microsoft.Authorization/roleAssignments/write', scope);
  // Microsoft's known issues for delegation with conditions say role assignment management with
  // conditions cannot be delegated through Privileged Identity Management, and PIM's pages do not say
  // that a conditioned caller's requests are honoured: unclear, so the twin refuses them.
  const unconditioned = state.armRoleAssignments.some(
    (a) => a.principalId === caller && WRITERS.has(a.roleDefinitionId) && inside(state, scope, a.scope) && !a.condition,
  );
  if (!unconditioned)
    return forbidden(
      caller,
      'Microsoft.Authorization/roleAssignments/write',
      scope,
      ' twin: the caller may write role assignments here only under a delegation condition, and PIM for Azure resources is not documented to honour one.',
    );
  return undefined;
}

const tooShort = () => armError(400, 'ActiveDurationTooShort', 'The role assignment duration is too short. Minimum duration is 5 minutes.');

function pimRemove(state: TwinState, current: ArmRoleAssignment | undefined): TwinResponse {
  if (!current) return armError(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.');
  if (current.pim && twinNow(state) - current.pim.start < PIM_FLOOR_MS) return tooShort();
  state.armRoleAssignments = state.armRoleAssignments.filter((a) => a !== current);
  return { status: 201 };
}

function pimAssign(
  state: TwinState,
  target: { scope: string; roleId: string; principalId: string },
  type: string,
  current: ArmRoleAssignment | undefined,
  p: ScheduleRequestBody | undefined,
): TwinResponse {
  if (type !== 'AdminAssign' && type !== 'AdminUpdate' && type !== 'AdminExtend')
    return armError(400, 'InvalidRoleAssignmentScheduleRequest', `The request type ${type} is not supported for this request.`);
  const now = twinNow(state);
  const exp = p?.scheduleInfo?.expiration;
  const end = exp?.type === 'AfterDateTime' && typeof exp.endDateTime === 'string' ? Date.parse(exp.endDateTime) : NaN;
  const policyFailed = () => armError(400, 'RoleAssignmentRequestPolicyValidationFailed', 'The following policy rules failed: ["ExpirationRule"]');
  if (Number.isNaN(end)) return policyFailed();
  if (end - now < PIM_FLOOR_MS) return tooShort();
  if (end - now > (state.armPimMaxMs ?? 180 * 86_400_000)) return policyFailed();
  if (type === 'AdminAssign' && current) return armError(400, 'RoleAssignmentExists', 'The Role assignment already exists.');
  if (type !== 'AdminAssign' && !current) return armError(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.');
  if (current) current.pim = { start: current.pim?.start ?? now, end };
  else
    state.armRoleAssignments.push({
      id: crypto.randomUUID(),
      scope: target.scope,
      principalId: target.principalId,
      roleDefinitionId: target.roleId,
      principalType: principalTypeOf(state, target),
      pim: { start: now, end },
    });
  return { status: 201 };
}

/** Role Assignment Schedule Instances - List For Scope: the active assignments at and above the scope (atScope()), with their ends (a plain one: permanent). */
function listScheduleInstances(state: TwinState, req: TwinRequest, caller: string): TwinResponse | undefined {
  const m = SCHEDULE_INSTANCES.exec(req.path);
  if (!m || req.method !== 'GET') return undefined;
  const scope = m[1]!;
  if (!mayRead(state, caller, scope)) return forbidden(caller, 'Microsoft.Authorization/roleAssignmentScheduleInstances/read', scope);
  if ((req.query.get('$filter') ?? '') !== 'atScope()')
    return armError(400, 'UnsupportedQuery', 'twin: roleAssignmentScheduleInstances are served with $filter=atScope() only.');
  const value = state.armRoleAssignments
    .filter((a) => inside(state, scope, a.scope))
    .map((a) => ({
      id: `${a.scope}/providers/Microsoft.Authorization/roleAssignmentScheduleInstances/${a.id}`,
      name: a.id,
      type: 'Microsoft.Authorization/roleAssignmentScheduleInstances',
      properties: {
        scope: a.scope,
        principalId: a.principalId,
        principalType: principalTypeOf(state, a),
        roleDefinitionId: definitionPath(a.scope, a.roleDefinitionId),
        assignmentType: 'Assigned',
        memberType: 'Direct',
        startDateTime: a.pim ? new Date(a.pim.start).toISOString() : null,
        endDateTime: a.pim?.end ? new Date(a.pim.end).toISOString() : null,
      },
    }));
  return armPage(req, state.armPageSize, value);
}

/** Role Eligibility Schedule Instances - List For Scope: who may activate a role at and above the scope (atScope()). */
function listEligibilityInstances(state: TwinState, req: TwinRequest, caller: string): TwinResponse | undefined {
  const m = ELIGIBILITY_INSTANCES.exec(req.path);
  if (!m || req.method !== 'GET') return undefined;
  const scope = m[1]!;
  if (!mayRead(state, caller, scope)) return forbidden(caller, 'Microsoft.Authorization/roleEligibilityScheduleInstances/read', scope);
  if ((req.query.get('$filter') ?? '') !== 'atScope()')
    return armError(400, 'UnsupportedQuery', 'twin: roleEligibilityScheduleInstances are served with $filter=atScope() only.');
  const value = state.armEligibilities
    .filter((e) => inside(state, scope, e.scope))
    .map((e, i) => ({
      id: `${e.scope}/providers/Microsoft.Authorization/roleEligibilityScheduleInstances/${i}`,
      name: String(i),
      type: 'Microsoft.Authorization/roleEligibilityScheduleInstances',
      properties: {
        scope: e.scope,
        principalId: e.principalId,
        principalType: principalTypeOf(state, e),
        roleDefinitionId: definitionPath(e.scope, e.roleDefinitionId),
        memberType: 'Direct',
      },
    }));
  return armPage(req, state.armPageSize, value);
}
