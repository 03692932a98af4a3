// What Microsoft Graph really answers, end to end: service principals missing from v1.0 member
// listings (group-list-members, known issue), user principal names that start with "$" (user-get),
// and both answers Graph gives for removing an absent member (group-delete-members).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml, GROUPS } from '../helpers/scenario.ts';
import { directoryFor, seed, GROUP, Twin, userId } from '../helpers/twin.ts';

const APP = '6a1e0c2b-9d8f-4e7a-b3c5-0f1e2d3c4b5a';
const DOLLAR = '7b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d';
type Sweep = { group: string; dispositions: { id: string; type: string; action: string; reason: string; outcome?: string }[] }[];

// One sweep over every kind of member Graph lists apart from users: the app in both modes, and the
// other kinds in enforce mode. The same world has a standing exemption past its review date (its
// doctor flag is in the doctor test below): the report lists it and the sweep keeps its member. The
// same sweep grants an approved request whose requester's user principal name starts with "$" (DOLLAR):
// a sweep grants what is approved and missing, as a grant run does, and looks the user up the same way.
test('THREATS 38: an app (service principal) added out of band is removed from an enforce-mode group and reported in an audit-mode one; a nested group, a device or an org contact is seen and removed; a standing exemption past its review date is in the report, and still kept; a user principal name that starts with "$" resolves (written /users(\'$...\')) and is granted', async () => {
  const s = await Scenario.begin();
  try {
    // STANDING: the break-glass account's exemption in prod-db-admins was due for review in January.
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml').replace('review: "2099-01-31"', 'review: "2026-01-31"');
    // DOLLAR: a user whose user principal name starts with "$", mapped in the identities.
    s.twin.state.users.set(DOLLAR, { id: DOLLAR, kind: 'user', userPrincipalName: '$ops@contoso.com', displayName: 'ops' });
    const identities = s.repo.git('show', 'HEAD:.github/access-identities.yaml');
    s.approvedConfigChange({
      '.github/access-policy.yaml': `${policy}\n`,
      '.github/access-identities.yaml': `${identities}\n  dollar: { upn: "$ops@contoso.com" }\n`,
    });
    const pull = s.openPull('dollar', {
      files: { 'requests/k8s-prod-operators/dollar-x.yaml': requestYaml({ requester: 'dollar', group: 'k8s-prod-operators' }) },
    });
    s.review(pull, 'lead1');
    s.merge(pull);
    s.addMember('prod-db-admins', 'breakglass');
    // THREATS 38: the app in k8s-prod-operators (enforce) and billing-readers (audit); the other kinds in k8s-prod-operators.
    s.twin.state.users.set(APP, { id: APP, kind: 'servicePrincipal', displayName: 'deploy-bot' });
    for (const group of ['k8s-prod-operators', 'billing-readers'] as const) s.twin.state.groups.get(GROUPS[group])!.members.add(APP);
    const others = {
      group: '1a2b3c4d-0000-4000-8000-00000000000a',
      device: '1a2b3c4d-0000-4000-8000-00000000000b',
      orgContact: '1a2b3c4d-0000-4000-8000-00000000000c',
    } as const;
    for (const [kind, id] of Object.entries(others)) {
      s.twin.state.users.set(id, { id, kind: kind as keyof typeof others, displayName: kind });
      s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.members.add(id);
    }

    const report = await s.report();
    assert.match(
      report.outputs.report!,
      /Standing exemptions due for review[\s\S]*\| prod-db-admins \| 0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60 \| Break-glass account for database outages \| 2026-01-31 \|/,
      'STANDING',
    );

    s.twin.log.clear(); // DOLLAR: the calls below are the sweep's
    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    const sweep = JSON.parse(run.outputs.sweep!) as Sweep;
    const k8s = sweep.find((g) => g.group === 'k8s-prod-operators')!;
    assert.deepEqual(
      k8s.dispositions
        .filter((d) => d.id !== DOLLAR)
        .map((d) => [d.type, d.reason, d.outcome])
        .sort(),
      [
        ['other', 'drift', 'removed'],
        ['other', 'drift', 'removed'],
        ['other', 'drift', 'removed'],
        ['servicePrincipal', 'drift', 'removed'],
      ],
    );
    assert.deepEqual(s.twin.members(GROUPS['k8s-prod-operators']), [DOLLAR], 'enforce: all removed (DOLLAR: and the approved request granted)');
    const dollar = k8s.dispositions.filter((d) => d.id === DOLLAR);
    assert.deepEqual(
      dollar.map((d) => [d.type, d.reason, d.action, d.outcome]),
      [['user', 'active', 'add', 'added']],
      'DOLLAR: granted',
    );
    assert.ok(
      s.twin.log.records.some((r) => r.path === "/users('%24ops%40contoso.com')" || r.path === "/users('$ops@contoso.com')"),
      'DOLLAR: the parenthesised form was used',
    );
    const billing = sweep.find((g) => g.group === 'billing-readers')!.dispositions.find((x) => x.id === APP)!;
    assert.deepEqual([billing.type, billing.reason, billing.action], ['servicePrincipal', 'drift', 'report']);
    assert.ok(s.twin.members(GROUPS['billing-readers']).includes(APP), 'audit: reported, kept');
    assert.deepEqual(s.members('prod-db-admins'), ['breakglass'], 'STANDING: flagged, not removed: a break-glass account must work when needed');
  } finally {
    await s.stop();
  }
});

test('removing an absent member is done whether Graph answers 404 or 400 "... do not exist"', async () => {
  const twin = await Twin.start({ seed: seed({ users: 5, members: 1 }) });
  try {
    twin.state.absentRemoval = 400;
    const [outcome] = await directoryFor(twin).apply([{ op: 'remove', groupId: GROUP, memberId: userId(3) }]);
    assert.equal(outcome!.done, true);
    assert.equal(outcome!.status, 400);
    assert.equal(outcome!.detail, 'already not a member');
  } finally {
    await twin.stop();
  }
});

// Each kind of group Graph will not change is one rule (unmanageable, test/unit/unmanageable.test.ts);
// here, a grant into one of them is refused before any write, and one doctor run names all three
// kinds. Doctor reads each set-up fact on its own (src/commands/doctor.ts, githubProblems), so each of
// its three runs shows one state of the ruleset and one of the grant environment, and the first a
// missing label; the first also shows the groups and a standing exemption past its review date (its
// report and sweep are in the THREATS 38 test above). The last run's ruleset is the recommended one and
// nothing is said of it, while the run names the environment: its silence is not a check left unmade.
// The fourth state of the environment, the recommended one, is quiet in the first doctor run of
// test/e2e/identity-reach.test.ts (the set-up this world starts from).
test('THREATS 39: dynamic, synced and mail-enabled groups are refused by grant and by doctor with the reason, not a permission; doctor checks that the ruleset on main requires approval of the most recent reviewable push, that only main deploys to the grant environment, and that the issue form’s label exists; it flags a standing exemption past its review date on its line', async () => {
  const s = await Scenario.begin();
  try {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml').replace('review: "2099-01-31"', 'review: "2026-01-31"');
    s.approvedConfigChange({ '.github/access-policy.yaml': `${policy}\n` });
    const kinds = {
      'k8s-prod-operators': [
        { groupTypes: ['DynamicMembership'], membershipRule: '(user.department -eq "Ops")' },
        /has dynamic membership: a rule decides its members/,
      ],
      'billing-readers': [{ onPremisesSyncEnabled: true }, /is synced from on-premises Active Directory/],
      'prod-db-admins': [{ mailEnabled: true }, /is a mail-enabled security group: Microsoft Graph cannot change its members/],
    } as const;
    for (const [name, [props]] of Object.entries(kinds)) Object.assign(s.twin.state.groups.get(GROUPS[name as keyof typeof kinds])!, props);
    // THREATS 39: the grant, in the recommended set-up (the grant relies on the ruleset for who pushed).
    const pull = s.openPull('hubot', {
      files: { 'requests/k8s-prod-operators/hubot-x.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) },
    });
    s.review(pull, 'lead1');
    const run = await s.grant(s.merge(pull));
    const [item] = JSON.parse(run.outputs.changes!) as { outcome: string; detail: string }[];
    assert.equal(item!.outcome, 'refused');
    assert.match(item!.detail, kinds['k8s-prod-operators'][1]);
    assert.equal(s.twin.log.records.filter((r) => r.inBatch && r.method === 'POST').length, 0, 'no write was tried');

    const repo = s.twin.state.repos.get('acme/access')!;
    const rules = repo.rules;
    const envs = repo.environments;
    // No ruleset; the grant environment lets a tag named main deploy, and a tag named main would get a
    // token. Issue forms apply only labels that exist: one is missing.
    rules.length = 0;
    envs.get('access-grant')!.patterns.push({ name: 'main', type: 'tag' });
    repo.labels!.delete('access-request');
    const none = await s.doctor();
    assert.ok(
      none.annotations.some((a) => a.level === 'warning' && /no ruleset requires a pull request before merging into main/.test(a.message)),
      none.stdout,
    );
    assert.ok(
      none.annotations.some((a) => /the environment "access-grant" lets tag "main" deploy; it should allow the branch "main" alone/.test(a.message)),
      none.stdout,
    );
    // THREATS 39: doctor names all three kinds.
    const groups = JSON.parse(none.outputs.groups!) as { name: string; problem?: string }[];
    for (const [name, [, says]] of Object.entries(kinds)) {
      const problem = groups.find((g) => g.name === name)?.problem ?? '';
      assert.match(problem, says, name);
      assert.doesNotMatch(problem, /permission/);
    }
    // STANDING: flagged on its line.
    const flag = none.annotations.find((a) => /was due for review on 2026-01-31/.test(a.message));
    assert.ok(flag, none.stdout);
    assert.equal(flag.file, '.github/access-policy.yaml');
    assert.equal(flag.line, 11);
    assert.ok(
      none.annotations.some((a) =>
        /the label "access-request" does not exist in the repository\. GitHub applies an issue form's labels only when they exist/.test(a.message),
      ),
      none.stdout,
    );

    // A ruleset that does not require approval of the last push; an environment any branch or tag may deploy to.
    rules.push({
      type: 'pull_request',
      parameters: {
        required_approving_review_count: 1,
        require_code_owner_review: true,
        dismiss_stale_reviews_on_push: true,
        require_last_push_approval: false,
        required_review_thread_resolution: false,
      },
    });
    envs.set('access-grant', { policy: null, patterns: [] });
    const partial = await s.doctor();
    assert.ok(partial.annotations.some((a) => /does not require approval of the most recent reviewable push/.test(a.message)));
    // Fewer approvals than the most demanding group asks: pull requests merge and are then refused.
    const policyText = s.repo.git('show', 'HEAD:.github/access-policy.yaml');
    const most = Math.max(...[...policyText.matchAll(/^\s+approvals: (\d+)$/gm)].map((m) => Number(m[1])));
    assert.ok(most > 1, 'the test policy has a group that asks for more than one approval');
    assert.ok(
      partial.annotations.some((a) => new RegExp(`requires 1 approval, and \\S+ asks for ${most}: .*Set "Required approvals" to ${most}\\.`).test(a.message)),
      partial.stdout,
    );
    assert.ok(
      partial.annotations.some((a) => /lets any branch or tag deploy/.test(a.message)),
      partial.stdout,
    );

    // The recommended ruleset: nothing to say of it. The grant environment is gone.
    rules[0]!.parameters!.require_last_push_approval = true;
    rules[0]!.parameters!.required_approving_review_count = most;
    envs.clear();
    const gone = await s.doctor();
    assert.ok(!gone.annotations.some((a) => /ruleset/.test(a.message)), gone.stdout);
    assert.ok(
      gone.annotations.some((a) => /the environment "access-grant" does not exist/.test(a.message)),
      gone.stdout,
    );
  } finally {
    await s.stop();
  }
});
