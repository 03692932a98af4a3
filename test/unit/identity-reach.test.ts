// The automation identity's set-up (THREATS 41), the rules that test/e2e/identity-reach.test.ts shows
// once with their facts read from the twin's Graph: the words of a member write Graph refuses, and the
// reach judged when the app's directory roles cannot be read. One case per rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forbiddenMessage } from '../../src/entra/graph.ts';
import { judgeReach, type IdentityFacts } from '../../src/entra/reach.ts';

const GROUP = '8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13';

test('a member write Graph refuses (403) names both ways to hold the write, and that a restricted unit accepts only the scoped role; a read names its permission', () => {
  for (const [method, path] of [
    ['POST', `/groups/${GROUP}/members/$ref`],
    ['DELETE', `/groups/${GROUP}/members/3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a01/$ref`],
  ] as const) {
    const said = forbiddenMessage(method, path, 'Insufficient privileges to complete the operation.');
    assert.match(said, new RegExp(`^Microsoft Graph refused ${method} \\S+ \\(403: Insufficient privileges to complete the operation\\.\\)`));
    assert.match(
      said,
      /the Groups Administrator role scoped to an administrative unit that holds the group \(the narrower set-up, docs\/setup\.md\), or the application permission GroupMember\.ReadWrite\.All/,
    );
    assert.match(said, /a group in a restricted management administrative unit accepts only the scoped role/);
    assert.match(said, /Run doctor: it says which\.$/);
  }
  assert.match(
    forbiddenMessage('GET', `/groups/${GROUP}/members`, 'Insufficient privileges to complete the operation.'),
    /Grant the app registration the application permission GroupMember\.Read\.All \(GroupMember\.ReadWrite\.All includes it\) with admin consent\.$/,
  );
});

test('without RoleManagement.Read.Directory the roles are not known and the read-only permission is named; the application permission alone still reaches the tenant, and nothing fails', () => {
  const facts: IdentityFacts = {
    kind: 'app',
    permissions: ['GroupMember.ReadWrite.All', 'User.ReadBasic.All'],
    roleAssignmentsUnreadable: 'reading them needs RoleManagement.Read.Directory, read-only and optional',
    units: new Map(),
    unitsOfGroup: new Map(),
  };
  const reach = judgeReach(facts, [{ name: 'k8s-prod-operators', id: GROUP, writesMembers: true, permissions: [] }]);
  assert.equal(reach.scope, 'tenant');
  assert.ok(
    reach.lines.includes('Directory roles: not known (reading them needs RoleManagement.Read.Directory, read-only and optional).'),
    reach.lines.join('\n'),
  );
  assert.deepEqual(
    reach.findings.filter((f) => f.severity === 'error'),
    [],
    'an optional read left out fails nothing',
  );
});
