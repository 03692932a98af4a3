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

// Two removals from one group in one sweep, each with its own other path: hubot through a nested
// group, octocat through a PIM eligibility. Each warning is matched on its own user, so that one path
// found cannot stand for the other.
test('removed users who still hold the group are named on the run: through a nested group (also in its summary), and through a PIM eligibility', async () => {
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
    // octocat can activate k8s-prod-operators again through PIM; reading that needs the optional permission.
    s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.pimEligible = new Set([USERS.octocat]);
    s.twin.state.apps[0]!.roles.push('PrivilegedEligibilitySchedule.Read.AzureADGroup');
    s.approvedRequest('octocat', 'k8s-prod-operators', -HOUR);
    s.addMember('k8s-prod-operators', 'octocat');

    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    // Nested group: the direct membership is removed, and the path that keeps it is named.
    assert.ok(!s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.members.has(USERS.hubot), 'nested group: the direct membership is removed');
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === 'warning' &&
          a.title === 'access-as-code: removed access is not gone' &&
          a.message.includes(USERS.hubot) &&
          /still holds k8s-prod-operators through a nested group/.test(a.message),
      ),
      `nested group: ${run.stdout}`,
    );
    assert.match(run.summary, /still holds k8s-prod-operators through a nested group/, 'nested group: in the summary');
    // PIM eligibility: octocat is removed too; only the standing nested group is left.
    assert.deepEqual(s.members('k8s-prod-operators'), [NESTED], 'PIM eligibility: the membership is removed');
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === 'warning' &&
          a.message.includes(USERS.octocat) &&
          /can activate k8s-prod-operators again through a PIM for Groups eligibility/.test(a.message),
      ),
      `PIM eligibility: ${run.stdout}`,
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
