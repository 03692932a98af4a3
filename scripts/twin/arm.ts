/**
 * Azure Resource Manager, the part the effective-access catalogue reads (Azure RBAC reference pages):
 * role assignments at a scope filtered by principalId (assignments at, above and below the scope),
 * and a role definition by id. Tokens must be Entra's for ARM's audience; the caller needs a role at
 * or above the scope that can read role assignments (Reader, Contributor, Owner, User Access
 * Administrator), else 403 AuthorizationFailed; every call needs api-version. Lists come in pages
 * (`state.armPageSize`, small) with `nextLink`, as ARM pages them.
 */
import { json, type TwinRequest, type TwinResponse } from './http.ts';
import type { TwinState } from './state.ts';
import { verify, type Issuer } from './tokens.ts';

export const ARM_RESOURCE = 'https://management.azure.com';
const READERS = new Set([
  'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'b24988ac-6180-42a0-ab88-20f7382dd24c',
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
]);
const BUILT_IN: Record<string, string> = {
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
};

const armError = (status: number, code: string, message: string): TwinResponse => json(status, { error: { code, message } });
const within = (inner: string, outer: string) => inner.toLowerCase() === outer.toLowerCase() || inner.toLowerCase().startsWith(`${outer.toLowerCase()}/`);

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
    let m = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignments$/.exec(req.path);
    if (m && req.method === 'GET') {
      const scope = m[1]!;
      const mayRead = state.armRoleAssignments.some((a) => a.principalId === oid && READERS.has(a.roleDefinitionId) && within(scope, a.scope));
      if (!mayRead)
        return armError(
          403,
          'AuthorizationFailed',
          `The client '${oid}' with object id '${oid}' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/read' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
        );
      const principal = /^principalId eq '([0-9a-fA-F-]{36})'$/.exec(req.query.get('$filter') ?? '')?.[1]?.toLowerCase();
      const value = state.armRoleAssignments
        .filter((a) => (within(a.scope, scope) || within(scope, a.scope)) && (principal === undefined || a.principalId === principal))
        .map((a) => ({
          id: `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${a.id}`,
          type: 'Microsoft.Authorization/roleAssignments',
          name: a.id,
          properties: {
            roleDefinitionId: `${a.scope.startsWith('/subscriptions/') ? a.scope.split('/').slice(0, 3).join('/') : ''}/providers/Microsoft.Authorization/roleDefinitions/${a.roleDefinitionId}`,
            principalId: a.principalId,
            principalType: state.groups.has(a.principalId) ? 'Group' : 'ServicePrincipal',
            scope: a.scope,
          },
        }));
      return armPage(req, state.armPageSize, value);
    }
    m = /\/providers\/Microsoft\.Authorization\/roleDefinitions\/([0-9a-fA-F-]{36})$/.exec(req.path);
    if (m && req.method === 'GET') {
      const id = m[1]!.toLowerCase();
      const roleName = BUILT_IN[id] ?? state.armCustomRoles.get(id);
      if (!roleName) return armError(404, 'RoleDefinitionDoesNotExist', 'The specified role definition with ID does not exist.');
      return json(200, {
        id: req.path,
        type: 'Microsoft.Authorization/roleDefinitions',
        name: id,
        properties: { roleName, type: BUILT_IN[id] ? 'BuiltInRole' : 'CustomRole' },
      });
    }
    return armError(404, 'InvalidResourceType', `The resource type could not be found for path '${req.path}'.`);
  };
}
