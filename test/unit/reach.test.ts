// The automation identity's reach, judged from facts (THREATS 41): one case per rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeReach, ROLES, type IdentityFacts } from '../../src/entra/reach.ts';

const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '22222222-2222-4222-8222-222222222222';
const UNIT = '33333333-3333-4333-8333-333333333333';
const groups = [
  { name: 'db', id: G1, writesMembers: true, permissions: [] },
  { name: 'k8s', id: G2, writesMembers: true, permissions: [] },
];
const facts = (f: Partial<IdentityFacts>): IdentityFacts => ({
  kind: 'app',
  permissions: [],
  roleAssignments: [],
  units: new Map(),
  unitsOfGroup: new Map(),
  ...f,
});

test("a person signed in (the CLI) is told the reach is theirs, not the app's", () => {
  const reach = judgeReach(facts({ kind: 'user', permissions: undefined }), groups);
  assert.match(reach.lines[0]!, /Signed in as a person, not as the automation/);
});

test('Directory.ReadWrite.All reaches the tenant and is more than membership writes need', () => {
  const reach = judgeReach(facts({ permissions: ['Directory.ReadWrite.All'] }), groups);
  assert.equal(reach.scope, 'tenant');
  assert.ok(
    reach.findings.some((f) => f.severity === 'warning' && /Directory\.ReadWrite\.All can also change or delete the groups themselves/.test(f.message)),
  );
});

test('a tenant-scoped Groups Administrator role reaches the tenant like the permission does', () => {
  const reach = judgeReach(facts({ roleAssignments: [{ roleDefinitionId: ROLES.groupsAdministrator, directoryScopeId: '/' }] }), groups);
  assert.equal(reach.scope, 'tenant');
  assert.match(reach.lines.join('\n'), /Groups Administrator \(whole tenant\)/);
});

test('permissions access-as-code never uses are named for removal', () => {
  const reach = judgeReach(facts({ permissions: ['GroupMember.Read.All', 'Mail.Send', 'User.ReadWrite.All'] }), groups);
  assert.ok(reach.findings.some((f) => f.message.includes('does not use: Mail.Send, User.ReadWrite.All')));
});

test('a unit whose restriction cannot be read is not called restricted', () => {
  const reach = judgeReach(
    facts({
      roleAssignments: [{ roleDefinitionId: ROLES.groupsAdministrator, directoryScopeId: `/administrativeUnits/${UNIT}` }],
      units: new Map([[UNIT, { id: UNIT, displayName: UNIT }]]),
      unitsOfGroup: new Map([
        [G1, [UNIT]],
        [G2, [UNIT]],
      ]),
    }),
    groups,
  );
  assert.equal(reach.scope, 'unit');
  assert.ok(reach.findings.some((f) => f.severity === 'info' && /AdministrativeUnit\.Read\.All \(read-only\) lets doctor read it/.test(f.message)));
  assert.deepEqual(
    reach.findings.filter((f) => f.severity === 'error'),
    [],
  );
});

test('with nothing that writes, every membership group is named as refused', () => {
  const reach = judgeReach(facts({ permissions: ['GroupMember.Read.All'] }), groups);
  assert.equal(reach.scope, 'none');
  assert.deepEqual(
    reach.findings.filter((f) => f.severity === 'error').map((f) => /group "(\w+)"/.exec(f.message)?.[1]),
    ['db', 'k8s'],
  );
});
