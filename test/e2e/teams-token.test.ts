// The template as shipped: code owners are teams, and the job token cannot read teams. With a token
// that can (the teams-token input, a GitHub App's with Members: read), a team member's approval counts;
// without it, the run and doctor say which team could not be read and what to set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Scenario } from '../helpers/scenario.ts';
import { TEAMS_APP_PERMISSIONS } from '../../scripts/lib/world.ts';

const HOUR = 3_600_000;

test('a team approval counts with a teams-token that can read teams, and is explained without one', async () => {
  const s = await Scenario.begin();
  try {
    // As on GitHub: the job token cannot read the organisation's teams; the App's token can.
    s.teamsApp = false;
    const teamsToken = s.twin.issueAppToken(TEAMS_APP_PERMISSIONS, TEAMS_APP_PERMISSIONS);
    // k8s-prod-operators is owned by the team @acme/sre-leads; lead1 approves as its member.
    s.approvedRequest('hubot', 'k8s-prod-operators', HOUR);

    let run = await s.revoke();
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'without a token that reads teams the approval cannot count');
    assert.match(run.summary + run.stdout, /hubot/);

    const doctor = await s.doctor();
    assert.ok(
      doctor.annotations.some((a) => a.level === 'warning' && /could not read the team @acme\/sre-leads.*teams-token/.test(a.message)),
      doctor.stdout,
    );

    s.twin.state.rateUsed.clear();
    run = await s.revoke({ inputs: { 'teams-token': teamsToken } });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'the team member approval counts');
    // Masked: the runner is told to hide it (add-mask), and it is printed nowhere else.
    const lines = run.stdout.split('\n').filter((l) => l.includes(teamsToken));
    assert.deepEqual(lines, [`::add-mask::${teamsToken}`]);
    // Everything else is still done with the job token: the App only reads teams.
    const used = [...s.twin.state.rateUsed.keys()];
    assert.ok(used.includes(teamsToken) && used.length === 2, `tokens used: ${used.length}`);
  } finally {
    await s.stop();
  }
});

test("the template's App token (Members: read and Pull requests: read) counts a team approval; with Members: read alone the run names the permission to add", async () => {
  const s = await Scenario.begin();
  try {
    s.approvedRequest('hubot', 'k8s-prod-operators', HOUR);
    // The template's own step, as the runner gives it: exactly what it asks for.
    let run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'the team approval counts with the template as shipped');

    // The step as it was: Members: read alone cannot read the reviews the on-behalf-of teams hang on.
    s.twin.state.groups.get('8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13')!.members.clear();
    const membersOnly = s.twin.issueAppToken({ members: 'read' }, TEAMS_APP_PERMISSIONS);
    run = await s.revoke({ inputs: { 'teams-token': membersOnly } });
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'no team approval counted without reading the reviews');
    assert.match(run.stdout, /permission-pull-requests: read.*access-revoke\.yml/);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at .+\(.*\.js:\d+:\d+\)/, 'no stack trace');
  } finally {
    await s.stop();
  }
});
