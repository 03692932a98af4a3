// The template as shipped: code owners are teams, and the job token cannot read teams. With a token
// that can (the teams-token input, a GitHub App's with Members: read), a team member's approval counts;
// without it, the run and doctor say which team could not be read and what to set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Scenario, TOKEN } from '../helpers/scenario.ts';

const HOUR = 3_600_000;
const TEAMS_TOKEN = 'ghs_app_token_members_read';

test('a team approval counts with a teams-token that can read teams, and is explained without one', async () => {
  const s = await Scenario.begin();
  try {
    // As on GitHub: the job token cannot read the organisation's teams; the App's token can.
    s.twin.state.teamsReadable = false;
    s.twin.state.githubTokens.add(TEAMS_TOKEN);
    s.twin.state.teamReaders.add(TEAMS_TOKEN);
    // k8s-prod-operators is owned by the team @acme/sre-leads; lead1 approves as its member.
    s.approvedRequest('hubot', 'k8s-prod-operators', HOUR);

    let run = await s.revoke();
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'without a token that reads teams the approval cannot count');
    assert.match(run.summary + run.stdout, /hubot/);

    const doctor = await s.doctor({ inputs: { 'github-token': TOKEN } });
    assert.ok(
      doctor.annotations.some((a) => a.level === 'warning' && /could not read the team @acme\/sre-leads.*teams-token/.test(a.message)),
      doctor.stdout,
    );

    run = await s.revoke({ inputs: { 'teams-token': TEAMS_TOKEN } });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'the team member approval counts');
    // Masked: the runner is told to hide it (add-mask), and it is printed nowhere else.
    const lines = run.stdout.split('\n').filter((l) => l.includes(TEAMS_TOKEN));
    assert.deepEqual(lines, [`::add-mask::${TEAMS_TOKEN}`]);
    // Everything else is still done with the job token: the App only reads teams.
    const used = [...s.twin.state.rateUsed.keys()];
    assert.ok(used.includes(TEAMS_TOKEN) && used.length === 2, `tokens used: ${used.length}`);
  } finally {
    await s.stop();
  }
});
