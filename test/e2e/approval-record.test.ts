// Approvals counted from what GitHub itself records: the teams a review was given on behalf of
// (THREATS 47). The bundled action against the twin and a real git repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml } from '../helpers/scenario.ts';

const K8S = 'requests/k8s-prod-operators';

// Two pull requests land in one push and are judged by one grant run: octocat's, approved by lead3
// before joining the team, and monalisa's, approved by lead1 before leaving it. The run starts after
// both changes of the team, so it reads lead3 in it and lead1 out of it: the team list that would turn
// each verdict if the run judged by it (a later sweep would read the same; the rule: test/unit/approval.test.ts
// "THREATS 47: a team approval counts by GitHub's record of the review as made on the team's behalf, not by who is in the team later").
test('THREATS 47: a team approval counts by the team at the time of the review: joining later grants nothing, leaving later takes nothing away', async () => {
  const s = await Scenario.begin();
  try {
    const leads = s.twin.state.teams.get('acme/sre-leads')!;
    const start = s.repo.head();
    // lead3 is not in @acme/sre-leads when approving; joins the team after the merge.
    const early = s.openPull('octocat', { files: { [`${K8S}/octocat-a.yaml`]: requestYaml({ requester: 'octocat', group: 'k8s-prod-operators' }) } });
    s.review(early, 'lead3');
    s.merge(early);
    // lead1 approves as a member of the team, then leaves it before the merge: the approval stands.
    const late = s.openPull('monalisa', { files: { [`${K8S}/monalisa-b.yaml`]: requestYaml({ requester: 'monalisa', group: 'k8s-prod-operators' }) } });
    s.review(late, 'lead1');
    leads.delete('lead1');
    s.merge(late);
    leads.add('lead3');
    const run = await s.grant({ before: start, after: s.repo.head() });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(
      s.members('k8s-prod-operators'),
      ['monalisa'],
      'joining the team later does not turn the refusal into a grant (octocat); leaving it later takes nothing away (monalisa)',
    );
    assert.match(
      s.comments(early).join('\n'),
      /@lead3 is not a code owner of this file \(owners: @acme\/sre-leads\), and GitHub did not record the review as made on behalf of @acme\/sre-leads/,
    );
  } finally {
    await s.stop();
  }
});

test('THREATS 48: a configuration change without an approved pull request is not used; the last approved version stays in force and every run says so', async () => {
  const s = await Scenario.begin();
  try {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml');
    // A bypass push raises k8s-prod-operators' maximum and adds a group; neither may be used.
    s.directPush({
      '.github/access-policy.yaml': `${policy.replace('maxDuration: 2h', 'maxDuration: 24h')}\n  shadow-admins:\n    id: 5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11\n`,
    });
    const bypass = s.repo.head();
    const long = s.openPull('octocat', {
      files: { [`${K8S}/octocat-long.yaml`]: requestYaml({ requester: 'octocat', group: 'k8s-prod-operators', expiresIn: 10 * 3_600_000 }) },
    });
    s.review(long, 'lead1');
    s.merge(long);
    const shadow = s.openPull('octocat', { files: { 'requests/shadow-admins/octocat-x.yaml': requestYaml({ requester: 'octocat', group: 'shadow-admins' }) } });
    s.review(shadow, 'sec1');
    s.merge(shadow);
    // One grant run for the push that lands both requests.
    const run = await s.grant({ before: bypass, after: s.repo.head() });
    assert.equal(run.exitCode, 1, 'the run fails loudly');
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'judged by the approved 2h maximum');
    assert.match(s.comments(long).join('\n'), /k8s-prod-operators allows at most 2h/);
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === 'error' &&
          a.file === '.github/access-policy.yaml' &&
          new RegExp(
            `commit ${bypass.slice(0, 7)} changed \\.github/access-policy\\.yaml without approval, so the change is not used: no merged pull request`,
          ).test(a.message),
      ),
      run.stdout,
    );
    assert.match(run.summary, /Configuration changes not in force/);
    assert.deepEqual(s.members('prod-db-admins'), [], 'a group added by an unreviewed change cannot be requested');

    // A change approved by one code owner of .github/ when the policy asks for two is not used either.
    // It lands before the next sweep, which is told of both changes not in force: each is named by its
    // own commit and reason, so neither can stand in for the other (the run's failure is theirs together).
    const one = s.approvedConfigChange({ '.github/access-policy.yaml': `${policy.replace('maxDuration: 2h', 'maxDuration: 3h')}\n` }, { approvers: ['sec1'] });
    const sweep = await s.revoke({ inputs: { dashboard: 'true' } });
    assert.equal(sweep.exitCode, 1);
    const dashboard = s.twin.state.repos.get('acme/access')!.issues.get((JSON.parse(sweep.outputs.dashboard!) as { issue: number }).issue)!;
    assert.match(
      dashboard.body,
      new RegExp(`### ⚠️ Configuration changes not in force[\\s\\S]*\\| ${bypass.slice(0, 7)} \\| \`\\.github/access-policy\\.yaml\` \\|`),
    );
    assert.match(
      dashboard.body,
      new RegExp(`### ⚠️ Configuration changes not in force[\\s\\S]*\\| ${one.after.slice(0, 7)} \\| \`\\.github/access-policy\\.yaml\` \\|`),
    );
    assert.match(
      sweep.stdout,
      new RegExp(
        `#${one.number} changes \\.github/access-policy\\.yaml, which needs 2 approvals of its merged head from code owners of \\.github/access-policy\\.yaml \\(@acme/platform-security\\)[^\\n]*counted: @sec1`,
      ),
    );
    // Made again through a pull request the code owners approve: in force, and the runs are quiet again
    // (the next run, here the grant of monalisa's request: it reads the same configuration history).
    s.approvedConfigChange({ '.github/access-policy.yaml': `${policy.replace('maxDuration: 2h', 'maxDuration: 12h')}` });
    const again = s.openPull('monalisa', {
      files: { [`${K8S}/monalisa-long.yaml`]: requestYaml({ requester: 'monalisa', group: 'k8s-prod-operators', expiresIn: 10 * 3_600_000 }) },
    });
    s.review(again, 'lead1');
    const quiet = await s.grant(s.merge(again));
    assert.equal(quiet.exitCode, 0, quiet.stdout);
    assert.doesNotMatch(quiet.summary, /Configuration changes not in force/, 'quiet again');
    assert.deepEqual(s.members('k8s-prod-operators'), ['monalisa'], 'the approved 12h maximum is in force');
  } finally {
    await s.stop();
  }
});

test("THREATS 46: who pushed is never taken from commit metadata alone: without the ruleset guarantee, a commit not provably the author's refuses the request, read at every run", async () => {
  const s = await Scenario.begin();
  try {
    const rules = s.twin.state.repos.get('acme/access')!.rules;
    const strict = rules.splice(0);
    const start = s.repo.head();
    // lead1 pushes a commit to octocat's pull request under octocat's name, then approves it.
    const forged = s.openPull('octocat', {
      files: { [`${K8S}/octocat-f.yaml`]: requestYaml({ requester: 'octocat', group: 'k8s-prod-operators' }) },
      signer: 'lead1',
    });
    s.review(forged, 'lead1');
    s.merge(forged);
    // Commits signed by the author, or made in GitHub's web interface, are the author's.
    const signed = s.openPull('monalisa', {
      files: { [`${K8S}/monalisa-s.yaml`]: requestYaml({ requester: 'monalisa', group: 'k8s-prod-operators' }) },
      signer: 'monalisa',
    });
    s.review(signed, 'lead1');
    s.merge(signed);
    // One grant run for the push that lands both.
    const run = await s.grant({ before: start, after: s.repo.head() });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['monalisa'], "octocat's forged commit refused; monalisa's signed commit granted");
    assert.match(
      s.comments(forged).join('\n'),
      /not provably written by octocat[\s\S]*no ruleset on main requires approval of the most recent reviewable push[\s\S]*Require approval of the most recent reviewable push/,
    );
    // With the ruleset back, GitHub guarantees the last push was approved by someone else: the rules are read at each run.
    rules.push(...strict);
    await s.revoke();
    assert.deepEqual(s.members('k8s-prod-operators'), ['monalisa', 'octocat']);
  } finally {
    await s.stop();
  }
});
