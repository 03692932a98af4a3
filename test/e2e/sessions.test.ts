// Sessions ended for sensitive groups: with revokeSessions: true, the run that ends a membership also
// revokes the user's Entra sign-in sessions (user-revokesigninsessions), so a refresh token cannot keep
// what the membership gave; without the permission the removal stands and the run fails, saying which.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Scenario, USERS } from '../helpers/scenario.ts';

const HOUR = 3_600_000;

test("a removal from a group with revokeSessions ends the user's sign-in sessions; without the permission the run fails and doctor names it", async () => {
  const s = await Scenario.begin();
  try {
    const policy = readFileSync(join(s.repo.dir, '.github/access-policy.yaml'), 'utf8');
    s.approvedConfigChange({ '.github/access-policy.yaml': policy.replace('    maxDuration: 2h\n', '    maxDuration: 2h\n    revokeSessions: true\n') });
    // hubot's request ended: the sweep removes him.
    s.approvedRequest('hubot', 'k8s-prod-operators', -HOUR);
    s.addMember('k8s-prod-operators', 'hubot');

    // Without User.RevokeSessions.All: doctor says so before any removal, and a removal fails the run.
    const doctor = await s.doctor();
    assert.ok(
      doctor.annotations.some(
        (a) =>
          a.level === 'error' &&
          /k8s-prod-operators has revokeSessions: true, but the app cannot revoke sign-in sessions.*User\.RevokeSessions\.All/.test(a.message),
      ),
      doctor.stdout,
    );
    let run = await s.revoke();
    assert.equal(run.exitCode, 1, 'the run fails so that it is seen');
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'the removal itself stands');
    assert.ok(
      run.annotations.some((a) => a.level === 'error' && /was removed, but its sign-in sessions were not revoked: .*User\.RevokeSessions\.All/.test(a.message)),
      run.stdout,
    );
    assert.equal(s.twin.state.sessionRevocations.length, 0);

    // With it: the next removal (a member nobody requested) revokes that user's sessions, once.
    s.twin.state.apps[0]!.roles.push('User.RevokeSessions.All');
    s.addMember('k8s-prod-operators', 'outsider');
    run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), []);
    assert.deepEqual(
      s.twin.state.sessionRevocations.map((r) => r.userId),
      [USERS.outsider],
    );
    assert.match(run.summary, /sign-in sessions revoked/);
  } finally {
    await s.stop();
  }
});
