// Verified revocation: after a run removes a user, it lists the group transitively; a user who still
// holds it through a nested group (here one kept as a standing exemption) is said loudly, not taken as gone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applySeed } from '../../scripts/twin/state.ts';
import { GROUPS, Scenario, USERS } from '../helpers/scenario.ts';

const HOUR = 3_600_000;
const NESTED = '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

test('a removed user who still holds the group through a nested group is named on the run and in its summary', async () => {
  const s = await Scenario.begin();
  try {
    // "k8s on-call", a group kept in k8s-prod-operators as a standing exemption, has hubot in it.
    applySeed(s.twin.state, { groups: [{ id: NESTED, displayName: 'k8s on-call', members: [USERS.hubot] }] });
    s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.members.add(NESTED);
    const policy = readFileSync(join(s.repo.dir, '.github/access-policy.yaml'), 'utf8');
    s.approvedConfigChange({
      '.github/access-policy.yaml': policy.replace(
        '    maxDuration: 2h\n',
        `    maxDuration: 2h\n    standing: [{ id: ${NESTED}, reason: "The on-call rotation's group", review: "2099-01-31" }]\n`,
      ),
    });
    s.approvedRequest('hubot', 'k8s-prod-operators', -HOUR);
    s.addMember('k8s-prod-operators', 'hubot');

    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.ok(!s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.members.has(USERS.hubot), 'the direct membership is removed');
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === 'warning' &&
          a.title === 'access-as-code: removed access is not gone' &&
          /still holds k8s-prod-operators through a nested group/.test(a.message),
      ),
      run.stdout,
    );
    assert.match(run.summary, /still holds k8s-prod-operators through a nested group/);
  } finally {
    await s.stop();
  }
});

test('a removed user who can activate the group again through a PIM eligibility is named too', async () => {
  const s = await Scenario.begin();
  try {
    s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.pimEligible = new Set([USERS.hubot]);
    s.twin.state.apps[0]!.roles.push('PrivilegedEligibilitySchedule.Read.AzureADGroup');
    s.approvedRequest('hubot', 'k8s-prod-operators', -HOUR);
    s.addMember('k8s-prod-operators', 'hubot');
    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), []);
    assert.ok(
      run.annotations.some((a) => a.level === 'warning' && /can activate k8s-prod-operators again through a PIM for Groups eligibility/.test(a.message)),
      run.stdout,
    );
  } finally {
    await s.stop();
  }
});

test('a removed user with no other path is verified gone: nothing more is said', async () => {
  const s = await Scenario.begin();
  try {
    s.approvedRequest('hubot', 'k8s-prod-operators', -HOUR);
    s.addMember('k8s-prod-operators', 'hubot');
    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), []);
    assert.ok(!run.annotations.some((a) => /removed access is not gone/.test(a.title ?? '')), run.stdout);
    // The removal was checked: the run's own listing held no nested group, so no transitive listing
    // was needed; the PIM eligibilities of the group were read once after the removal.
    const graph = (pattern: RegExp) => s.twin.log.records.filter((r) => r.service === 'graph' && pattern.test(r.path)).length;
    assert.equal(graph(/\/transitiveMembers\//), 0);
    assert.equal(graph(/\/eligibilityScheduleInstances$/), 1);
  } finally {
    await s.stop();
  }
});
