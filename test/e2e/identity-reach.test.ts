// THREATS 41: the automation's own identity is a standing privilege. doctor shows what it reaches and
// the narrower set-up; the narrowest one (Groups Administrator scoped to a restricted management
// administrative unit holding exactly the policy's groups, no tenant-wide write permission) grants
// and removes as before, and a group outside it is named before any grant fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, GROUPS } from '../helpers/scenario.ts';
import { SERVICE_PRINCIPAL } from '../../scripts/lib/world.ts';

const GROUPS_ADMINISTRATOR = 'fdd7a751-b60b-444a-984c-02652fe8fa1c';
const UNIT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const OTHER_GROUP = '7f7f7f7f-1111-4222-8333-944444444444';
const READS = ['GroupMember.Read.All', 'User.ReadBasic.All', 'RoleManagement.Read.Directory', 'AdministrativeUnit.Read.All'];

/** The narrowest set-up: read permissions only, Groups Administrator over a restricted unit. */
function narrow(s: Scenario, groups: string[], options: { restricted?: boolean } = {}): void {
  s.twin.state.apps[0]!.roles = [...READS];
  s.twin.state.administrativeUnits.set(UNIT, {
    id: UNIT,
    displayName: 'access-as-code groups',
    restricted: options.restricted ?? true,
    groups: new Set(groups),
  });
  s.twin.state.roleAssignments.push({
    id: 'ra-1',
    principalId: SERVICE_PRINCIPAL,
    roleDefinitionId: GROUPS_ADMINISTRATOR,
    directoryScopeId: `/administrativeUnits/${UNIT}`,
  });
}

async function world(body: (s: Scenario) => Promise<void>): Promise<void> {
  const s = await Scenario.begin();
  s.twin.state.groups.set(OTHER_GROUP, {
    id: OTHER_GROUP,
    displayName: 'finance-share-writers',
    isAssignableToRole: false,
    groupTypes: [],
    membershipRule: null,
    onPremisesSyncEnabled: null,
    mailEnabled: false,
    members: new Set(),
    pimEnds: new Map(),
    pimStarts: new Map(),
    recent: [],
  });
  try {
    await body(s);
  } finally {
    await s.stop();
  }
}

const warnings = (run: { annotations: { level: string; message: string }[] }) => run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
const errors = (run: { annotations: { level: string; message: string }[] }) => run.annotations.filter((a) => a.level === 'error').map((a) => a.message);

test('THREATS 41: with GroupMember.ReadWrite.All doctor says it reaches every group of the tenant and names the narrower set-up', () =>
  world(async (s) => {
    s.twin.state.apps[0]!.roles.push('RoleManagement.Read.Directory');
    const run = await s.doctor();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.reach, 'tenant');
    const reach = warnings(run).find((w) => /every non-role-assignable group in the tenant/.test(w));
    assert.ok(reach, warnings(run).join('\n'));
    assert.match(reach, /GroupMember\.ReadWrite\.All/);
    assert.match(
      reach,
      /restricted management administrative unit, assign the app Groups Administrator scoped to that unit, then remove GroupMember\.ReadWrite\.All/,
    );
    assert.match(
      run.summary,
      /Application permissions: GroupMember\.ReadWrite\.All, PrivilegedAssignmentSchedule\.ReadWrite\.AzureADGroup, RoleManagement\.Read\.Directory, User\.ReadBasic\.All\./,
    );
    assert.match(run.summary, /Directory roles: none\./);
    assert.match(run.summary, /\(4 groups in the tenant; the policy names 3\)/);
    // No group of the policy uses PIM, so its permission is more than needed.
    assert.ok(warnings(run).some((w) => /PrivilegedAssignmentSchedule\.ReadWrite\.AzureADGroup but no policy group uses backend: pim/.test(w)));
    // The grant environment of the recommended set-up lets main alone deploy: nothing to say of it (its
    // other states are named in test/e2e/graph-fidelity.test.ts, THREATS 39).
    assert.ok(!run.annotations.some((a) => /environment/.test(a.message)), run.stdout);
  }));

test('the narrowest set-up: Groups Administrator over a restricted unit with the policy groups grants, removes, and doctor finds no reach beyond the policy', () =>
  world(async (s) => {
    narrow(s, Object.values(GROUPS));
    const check = await s.doctor();
    assert.equal(check.exitCode, 0, check.stdout);
    assert.equal(check.outputs.reach, 'restricted-unit');
    assert.deepEqual(
      warnings(check).filter((w) => /automation identity/.test(w)),
      [],
    );
    assert.match(check.summary, /Directory roles: Groups Administrator \(restricted management administrative unit &quot;access-as-code groups&quot;\)/);
    assert.match(check.summary, /Reach: the groups of &quot;access-as-code groups&quot;: the policy&#39;s groups and no others\./);

    s.approvedRequest('hubot', 'k8s-prod-operators', 60 * 60_000, { approver: 'lead1' });
    s.addMember('k8s-prod-operators', 'monalisa'); // out of band
    const sweep = await s.revoke();
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'granted and the out-of-band member removed with the scoped role alone');
    assert.deepEqual(s.twin.state.apps[0]!.roles, READS, 'no write permission was needed');
  }));

// The grant that follows such a set-up is refused by Graph (403) and fails, naming the two ways the app can
// change a group's members (the rule: test/unit/identity-reach.test.ts 'a member write Graph
// refuses (403) names both ways to hold the write ...'); a refused write failing a run and reaching a
// person with those words is in the last test of this file.
test("a policy group outside the app's unit, and a unit group outside the policy, are named by doctor", () =>
  world(async (s) => {
    narrow(s, [GROUPS['prod-db-admins'], GROUPS['billing-readers'], OTHER_GROUP], { restricted: false });
    const check = await s.doctor();
    assert.equal(check.exitCode, 1);
    assert.equal(check.outputs.reach, 'unit');
    assert.ok(
      errors(check).some((e) =>
        /group "k8s-prod-operators" is in no administrative unit the app manages, and the app has no tenant-wide permission: every grant and removal will be refused \(403\)/.test(
          e,
        ),
      ),
      errors(check).join('\n'),
    );
    assert.ok(
      warnings(check).some((w) => w.includes(`holds 1 group the policy does not name (${OTHER_GROUP})`)),
      warnings(check).join('\n'),
    );
    assert.match(check.summary, /tenant administrators can still change these groups out of band/);
  }));

// The app here has no RoleManagement.Read.Directory (NO ROLES): the same doctor run says which
// read-only permission would show its directory roles (it fails for the restricted unit; that the
// optional read left out fails nothing is a rule: test/unit/identity-reach.test.ts 'without
// RoleManagement.Read.Directory the roles are not known ...').
test('a policy group in a restricted unit the app has no role in: application permissions do not apply there, and doctor says so; a refused write fails the sweep with the fix; without RoleManagement.Read.Directory doctor says the roles are not known and which read-only permission shows them', () =>
  world(async (s) => {
    // GroupMember.ReadWrite.All (the default set-up), but an administrator moved one group into a restricted unit.
    s.twin.state.apps[0]!.roles.push('AdministrativeUnit.Read.All');
    s.twin.state.administrativeUnits.set(UNIT, { id: UNIT, displayName: 'tier-0', restricted: true, groups: new Set([GROUPS['k8s-prod-operators']]) });
    assert.ok(!s.twin.state.apps[0]!.roles.includes('RoleManagement.Read.Directory'), 'NO ROLES');
    const check = await s.doctor();
    assert.equal(check.exitCode, 1);
    assert.match(check.summary, /Directory roles: not known \(reading them needs RoleManagement\.Read\.Directory, read-only and optional\)/, 'NO ROLES');
    assert.equal(check.outputs.reach, 'tenant', 'NO ROLES: the application permission alone reaches the tenant');
    assert.ok(
      errors(check).some((e) =>
        /group "k8s-prod-operators" is in the restricted management administrative unit "tier-0", where application permissions do not apply/.test(e),
      ),
      errors(check).join('\n'),
    );
    s.approvedRequest('hubot', 'k8s-prod-operators', 60 * 60_000, { approver: 'lead1' });
    const sweep = await s.revoke();
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'Graph refused the write, as Entra does');
    assert.notEqual(sweep.exitCode, 0, 'a write that was not made fails the run');
    assert.match(sweep.stdout, /Groups Administrator role scoped to an administrative unit that holds the group/);
    assert.match(sweep.stdout, /a group in a restricted management administrative unit accepts only the scoped role/);
  }));
