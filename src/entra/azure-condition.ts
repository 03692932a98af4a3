/**
 * The delegation condition that keeps the automation's own Azure reach to what the policy grants
 * (Azure ABAC, conditionVersion 2.0: "Delegate Azure role assignment management to others with
 * conditions", example "Constrain roles and principal types"): on the app's Role Based Access Control
 * Administrator assignment, role assignments may be written and deleted only for the policy's roles and
 * only for users. The write action is judged on the request's attributes, the delete action on the
 * existing assignment's, so each needs its own clause.
 */

const ATTRIBUTE = 'Microsoft.Authorization/roleAssignments';

/** The condition for these role definition ids (GUIDs), in one line as ARM stores it. */
export function delegationCondition(roleIds: readonly string[]): string {
  const ids = [...new Set(roleIds.map((r) => r.toLowerCase()))].sort().join(', ');
  const clause = (action: 'write' | 'delete', source: 'Request' | 'Resource') =>
    `((!(ActionMatches{'${ATTRIBUTE}/${action}'})) OR (@${source}[${ATTRIBUTE}:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${ids}} AND @${source}[${ATTRIBUTE}:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'User'}))`;
  return `${clause('write', 'Request')} AND ${clause('delete', 'Resource')}`;
}
