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
}

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
  if (call.body !== undefined) problems.push('a body on a GET');
  return problems.map((p) => `${where}: ${p}`);
}
