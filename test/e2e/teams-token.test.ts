// The template as shipped: code owners are teams, and the job token cannot read teams. With a token
// that can (the teams-token input, a GitHub App's with Members: read), a team member's approval counts;
// without it, the run and doctor say which team could not be read and what to set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Scenario } from '../helpers/scenario.ts';
import { TEAMS_APP_PERMISSIONS } from '../../scripts/lib/world.ts';

const HOUR = 3_600_000;

// One world, one story: no teams token, then the template's App token, then the step as it was (Members:
// read alone). The template's token is the one run with a token that can read teams, so that it shows
// both that such a token makes the team approval count and that the template's step asks for enough.
test("a team approval is explained without a teams-token, counts with the template's App token (Members: read and Pull requests: read), and with Members: read alone the run names the permission to add", async () => {
  const s = await Scenario.begin();
  try {
    // As on GitHub: the job token cannot read the organisation's teams; the App's token can.
    s.teamsApp = false;
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

    // The template's own step, as the runner gives it: exactly what it asks for.
    s.teamsApp = true;
    const inputs = s.jobInputs('revoke');
    const teamsToken = inputs['teams-token']!;
    s.twin.state.rateUsed.clear();
    run = await s.revoke({ inputs });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'the team member approval counts with the template as shipped');
    // Masked: the runner is told to hide it (add-mask), and it is printed nowhere else.
    const lines = run.stdout.split('\n').filter((l) => l.includes(teamsToken));
    assert.deepEqual(lines, [`::add-mask::${teamsToken}`]);
    // Everything else is still done with the job token: the App only reads teams.
    const used = [...s.twin.state.rateUsed.keys()];
    assert.ok(used.includes(teamsToken) && used.length === 2, `tokens used: ${used.length}`);

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
