// Sessions ended for sensitive groups: with revokeSessions: true, the run that ends a membership also
// revokes the user's Entra sign-in sessions (user-revokesigninsessions), so a refresh token cannot keep
// what the membership gave; without the permission the removal stands and the run fails, saying which.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Scenario, USERS, requestYaml } from '../helpers/scenario.ts';
import { iso, runCli } from '../helpers/cli.ts';

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

    // With it: the next removal (a member nobody requested) revokes that user's sessions, once. Whether
    // hubot's sessions were revoked since his access ended cannot be read without User.Read.All: said,
    // and the run fails (nothing is revoked blindly).
    s.twin.state.apps[0]!.roles.push('User.RevokeSessions.All');
    s.addMember('k8s-prod-operators', 'outsider');
    run = await s.revoke();
    assert.equal(run.exitCode, 1, run.stdout);
    assert.ok(
      run.annotations.some(
        (a) => a.level === 'error' && /requests\/k8s-prod-operators\/hubot.*sign-in sessions were revoked since cannot be read/.test(a.message),
      ),
      run.stdout,
    );
    assert.deepEqual(s.members('k8s-prod-operators'), []);
    assert.deepEqual(
      s.twin.state.sessionRevocations.map((r) => r.userId),
      [USERS.outsider],
    );
    // And with User.Read.All: hubot's sessions, left open when his access ended, are revoked now, once.
    assert.match(run.summary, /sign-in sessions revoked/);
    s.twin.state.apps[0]!.roles.push('User.Read.All');
    run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(
      s.twin.state.sessionRevocations.map((r) => r.userId),
      [USERS.outsider, USERS.hubot],
    );
  } finally {
    await s.stop();
  }
});

test('THREATS 64: when Entra itself ends a PIM assignment at its end, the next sweep revokes the sessions, once', async () => {
  const s = await Scenario.begin();
  try {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml');
    s.approvedConfigChange({
      '.github/access-policy.yaml': policy.replace('    maxDuration: 2h\n', '    maxDuration: 2h\n    backend: pim\n    revokeSessions: true\n'),
    });
    s.twin.state.apps[0]!.roles.push('User.RevokeSessions.All', 'User.Read.All');
    // PIM makes no assignment shorter than 5 minutes: 10 minutes, then the twin's clock moves past its end.
    const expires = new Date(Date.now() + 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const pull = s.openPull('hubot', {
      files: { 'requests/k8s-prod-operators/hubot-pim.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', expires }) },
    });
    s.review(pull, 'lead1');
    assert.equal((await s.grant(s.merge(pull))).exitCode, 0);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot']);
    s.twin.advance(Date.parse(expires) - Date.now() + 1_000);
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'Entra ended the assignment by itself');
    assert.equal(s.twin.state.sessionRevocations.length, 0, 'no run of ours ended it');

    const at = iso(Date.parse(expires) + 60_000);
    const dry = await runCli(s, ['revoke', '--dry-run', '--format', 'json', '--at', at]);
    assert.equal(dry.code, 0, dry.err);
    const plan = JSON.parse(dry.out) as { changes: { id: string; backend: string; reason: string }[] };
    assert.deepEqual(
      plan.changes.map((c) => [c.id, c.backend]),
      [[`revoke-sessions:k8s-prod-operators:${USERS.hubot}`, 'sessions']],
    );
    assert.match(plan.changes[0]!.reason, /access ended at/);
    assert.equal(s.twin.state.sessionRevocations.length, 0, 'the dry run revoked nothing');

    const sweep = await runCli(s, ['revoke', '--at', at]);
    assert.equal(sweep.code, 0, sweep.err + sweep.out);
    assert.deepEqual(
      s.twin.state.sessionRevocations.map((r) => r.userId),
      [USERS.hubot],
    );
    // Idempotent: the sessions were revoked after the end, so no later run revokes them again.
    const again = await runCli(s, ['revoke', '--at', iso(Date.parse(expires) + 20 * 60_000)]);
    assert.equal(again.code, 0, again.err + again.out);
    assert.equal(s.twin.state.sessionRevocations.length, 1);
  } finally {
    await s.stop();
  }
});
