/**
 * An Azure Resource Manager call checked against the operations the product uses, each listed with
 * its reference page (ARM's descriptions are not in a package here): the scope forms of "Role
 * assignments - List For Scope" and "Role definitions - Get", the api-version those pages document,
 * and the query parameters they list.
 */
import type { LoggedCall } from '../../scripts/twin/call-log.ts';

const REST = 'https://learn.microsoft.com/en-us/rest/api/authorization';
/** A scope: the root, a management group, a subscription, a resource group or a resource under it. */
const SCOPE = String.raw`(?:/providers/Microsoft\.Management/managementGroups/[^/]+|/subscriptions/[^/]+(?:/resourceGroups/[^/]+(?:/providers/[^/]+/[^/]+/[^/]+(?:/[^/]+/[^/]+)*)?)?)?`;

interface ArmOperation {
  name: string;
  page: string;
  method: string;
  path: RegExp;
  versions: string[];
  query: string[];
  filter?: RegExp;
  /** For a PUT: the request body's `properties` the page lists (anything else is named). */
  properties?: string[];
}

const GUID = '[0-9a-f-]{36}';

export const ARM_OPERATIONS: ArmOperation[] = [
  {
    name: 'Role Assignments - List For Scope',
    page: `${REST}/role-assignments/list-for-scope?view=rest-authorization-2022-04-01`,
    method: 'GET',
    path: new RegExp(`^${SCOPE}/providers/Microsoft\\.Authorization/roleAssignments$`),
    versions: ['2022-04-01'],
    query: ['$filter', 'tenantId', '$skipToken'],
    // The page's filters: atScope(), assignedTo('{id}'), principalId eq '{id}'.
    filter: /^(?:atScope\(\)|assignedTo\('[0-9a-f-]{36}'\)|principalId eq '[0-9a-f-]{36}')$/i,
  },
  {
    name: 'Role Definitions - Get',
    page: `${REST}/role-definitions/get?view=rest-authorization-2022-04-01`,
    method: 'GET',
    path: new RegExp(`^${SCOPE}/providers/Microsoft\\.Authorization/roleDefinitions/[0-9a-f-]{36}$`, 'i'),
    versions: ['2022-04-01'],
    query: [],
  },
  {
    name: 'Role Assignments - Create',
    page: `${REST}/role-assignments/create?view=rest-authorization-2022-04-01`,
    method: 'PUT',
    path: new RegExp(`^${SCOPE}/providers/Microsoft\\.Authorization/roleAssignments/${GUID}$`, 'i'),
    versions: ['2022-04-01'],
    query: [],
    properties: ['roleDefinitionId', 'principalId', 'principalType', 'description', 'condition', 'conditionVersion', 'delegatedManagedIdentityResourceId'],
  },
  {
    name: 'Role Assignments - Delete',
    page: `${REST}/role-assignments/delete?view=rest-authorization-2022-04-01`,
    method: 'DELETE',
    path: new RegExp(`^${SCOPE}/providers/Microsoft\\.Authorization/roleAssignments/${GUID}$`, 'i'),
    versions: ['2022-04-01'],
    query: ['tenantId'],
  },
  {
    name: 'Role Assignment Schedule Requests - Create',
    page: `${REST}/role-assignment-schedule-requests/create?view=rest-authorization-2020-10-01`,
    method: 'PUT',
    path: new RegExp(`^${SCOPE}/providers/Microsoft\\.Authorization/roleAssignmentScheduleRequests/${GUID}$`, 'i'),
    versions: ['2020-10-01'],
    query: [],
    properties: [
      'principalId',
      'roleDefinitionId',
      'requestType',
      'justification',
      'scheduleInfo',
      'condition',
      'conditionVersion',
      'linkedRoleEligibilityScheduleId',
      'targetRoleAssignmentScheduleId',
      'targetRoleAssignmentScheduleInstanceId',
      'ticketInfo',
    ],
  },
  {
    name: 'Role Assignment Schedule Instances - List For Scope',
    page: `${REST}/role-assignment-schedule-instances/list-for-scope?view=rest-authorization-2020-10-01`,
    method: 'GET',
    path: new RegExp(`^${SCOPE}/providers/Microsoft\\.Authorization/roleAssignmentScheduleInstances$`, 'i'),
    versions: ['2020-10-01'],
    // $skipToken only as the twin's nextLink carries it (the result has nextLink; a client sends it back as given).
    query: ['$filter', '$skipToken'],
    // The page's filters: atScope(), principalId eq '{id}', assignedTo('{id}'), asTarget().
    filter: /^(?:atScope\(\)|asTarget\(\)|assignedTo\('[0-9a-f-]{36}'\)|principalId eq '[0-9a-f-]{36}')$/i,
  },
  {
    name: 'Role Eligibility Schedule Instances - List For Scope',
    page: `${REST}/role-eligibility-schedule-instances/list-for-scope?view=rest-authorization-2020-10-01`,
    method: 'GET',
    path: new RegExp(`^${SCOPE}/providers/Microsoft\\.Authorization/roleEligibilityScheduleInstances$`, 'i'),
    versions: ['2020-10-01'],
    // $skipToken only as the twin's nextLink carries it.
    query: ['$filter', '$skipToken'],
    filter: /^(?:atScope\(\)|asTarget\(\)|assignedTo\('[0-9a-f-]{36}'\)|principalId eq '[0-9a-f-]{36}')$/i,
  },
];

export function checkArm(call: LoggedCall): string[] {
  const path = decodeURIComponent(call.path);
  const op = ARM_OPERATIONS.find((o) => o.method === call.method && o.path.test(path));
  if (!op) return [`${call.method} ${call.path}: no ARM operation listed in the conformance test (test/conformance/arm.ts) has this path`];
  const where = `${call.method} ${call.path} (${op.name}, ${op.page})`;
  const problems: string[] = [];
  const versions = call.query.filter(([k]) => k === 'api-version').map(([, v]) => v);
  if (versions.length !== 1 || !op.versions.includes(versions[0]!))
    problems.push(`api-version ${versions.join(',') || 'missing'}; the page documents ${op.versions.join(', ')}`);
  for (const [name, value] of call.query) {
    if (name === 'api-version') continue;
    if (!op.query.includes(name)) problems.push(`query parameter "${name}" is not listed`);
    else if (name === '$filter' && op.filter && !op.filter.test(value)) problems.push(`$filter "${value}" is none of the page's filters`);
  }
  if (op.method !== 'PUT' && call.body !== undefined) problems.push(`a body on a ${op.method}`);
  if (op.method === 'PUT') {
    const properties = (call.body as { properties?: Record<string, unknown> } | undefined)?.properties;
    if (!properties || typeof properties !== 'object') problems.push('no "properties" in the body');
    else for (const k of Object.keys(properties)) if (!op.properties?.includes(k)) problems.push(`body property "properties.${k}" is not listed`);
  }
  return problems.map((p) => `${where}: ${p}`);
}
