// What Microsoft Graph really answers, end to end: service principals missing from v1.0 member
// listings (group-list-members, known issue), user principal names that start with "$" (user-get),
// and both answers Graph gives for removing an absent member (group-delete-members).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml, GROUPS } from '../helpers/scenario.ts';
import { directoryFor, seed, GROUP, Twin, userId } from '../helpers/twin.ts';

const APP = '6a1e0c2b-9d8f-4e7a-b3c5-0f1e2d3c4b5a';
type Sweep = { group: string; dispositions: { id: string; type: string; action: string; reason: string; outcome?: string }[] }[];

// One sweep over every kind of member Graph lists apart from users: the app in both modes, and the
// other kinds in enforce mode.
test('THREATS 38: an app (service principal) added out of band is removed from an enforce-mode group and reported in an audit-mode one; a nested group, a device or an org contact is seen and removed', async () => {
  const s = await Scenario.begin();
  try {
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
    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    const sweep = JSON.parse(run.outputs.sweep!) as Sweep;
    const k8s = sweep.find((g) => g.group === 'k8s-prod-operators')!;
    assert.deepEqual(k8s.dispositions.map((d) => [d.type, d.reason, d.outcome]).sort(), [
      ['other', 'drift', 'removed'],
      ['other', 'drift', 'removed'],
      ['other', 'drift', 'removed'],
      ['servicePrincipal', 'drift', 'removed'],
    ]);
    assert.deepEqual(s.twin.members(GROUPS['k8s-prod-operators']), [], 'enforce: all removed');
    const billing = sweep.find((g) => g.group === 'billing-readers')!.dispositions.find((x) => x.id === APP)!;
    assert.deepEqual([billing.type, billing.reason, billing.action], ['servicePrincipal', 'drift', 'report']);
    assert.ok(s.twin.members(GROUPS['billing-readers']).includes(APP), 'audit: reported, kept');
  } finally {
    await s.stop();
  }
});

test('a user principal name that starts with "$" resolves (written /users(\'$...\')) and is granted', async () => {
  const s = await Scenario.begin();
  try {
    const id = '7b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d';
    s.twin.state.users.set(id, { id, kind: 'user', userPrincipalName: '$ops@contoso.com', displayName: 'ops' });
    const identities = s.repo.git('show', 'HEAD:.github/access-identities.yaml');
    s.approvedConfigChange({ '.github/access-identities.yaml': `${identities}\n  dollar: { upn: "$ops@contoso.com" }\n` });
    const pull = s.openPull('dollar', {
      files: { 'requests/k8s-prod-operators/dollar-x.yaml': requestYaml({ requester: 'dollar', group: 'k8s-prod-operators' }) },
    });
    s.review(pull, 'lead1');
    const run = await s.grant(s.merge(pull));
    assert.equal(run.exitCode, 0, run.stdout);
    assert.ok(s.twin.members(GROUPS['k8s-prod-operators']).includes(id));
    assert.ok(
      s.twin.log.records.some((r) => r.path === "/users('%24ops%40contoso.com')" || r.path === "/users('$ops@contoso.com')"),
      'the parenthesised form was used',
    );
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
// here, one doctor run names all three kinds, and a grant into one of them is refused before any write.
test('THREATS 39: dynamic, synced and mail-enabled groups are refused by doctor and by grant with the reason, not a permission', async () => {
  const s = await Scenario.begin();
  try {
    const kinds = {
      'k8s-prod-operators': [
        { groupTypes: ['DynamicMembership'], membershipRule: '(user.department -eq "Ops")' },
        /has dynamic membership: a rule decides its members/,
      ],
      'billing-readers': [{ onPremisesSyncEnabled: true }, /is synced from on-premises Active Directory/],
      'prod-db-admins': [{ mailEnabled: true }, /is a mail-enabled security group: Microsoft Graph cannot change its members/],
    } as const;
    for (const [name, [props]] of Object.entries(kinds)) Object.assign(s.twin.state.groups.get(GROUPS[name as keyof typeof kinds])!, props);
    const doctor = await s.doctor();
    const groups = JSON.parse(doctor.outputs.groups!) as { name: string; problem?: string }[];
    for (const [name, [, says]] of Object.entries(kinds)) {
      const problem = groups.find((g) => g.name === name)?.problem ?? '';
      assert.match(problem, says, name);
      assert.doesNotMatch(problem, /permission/);
    }
    const pull = s.openPull('hubot', {
      files: { 'requests/k8s-prod-operators/hubot-x.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) },
    });
    s.review(pull, 'lead1');
    const run = await s.grant(s.merge(pull));
    const [item] = JSON.parse(run.outputs.changes!) as { outcome: string; detail: string }[];
    assert.equal(item!.outcome, 'refused');
    assert.match(item!.detail, kinds['k8s-prod-operators'][1]);
    assert.equal(s.twin.log.records.filter((r) => r.inBatch && r.method === 'POST').length, 0, 'no write was tried');
  } finally {
    await s.stop();
  }
});

test('doctor checks that the ruleset on main requires approval of the most recent reviewable push, and that only main deploys to the grant environment', async () => {
  const s = await Scenario.begin();
  try {
    const rules = s.twin.state.repos.get('acme/access')!.rules;
    rules.length = 0;
    const none = await s.doctor();
    assert.ok(
      none.annotations.some((a) => a.level === 'warning' && /no ruleset requires a pull request before merging into main/.test(a.message)),
      none.stdout,
    );
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
    rules[0]!.parameters!.require_last_push_approval = true;
    rules[0]!.parameters!.required_approving_review_count = most;
    const good = await s.doctor();
    assert.ok(!good.annotations.some((a) => /ruleset/.test(a.message)), good.stdout);
    assert.ok(!good.annotations.some((a) => /environment/.test(a.message)), good.stdout);
    // The grant environment must let only main deploy: a tag named main, or any protected branch, would get a token.
    const envs = s.twin.state.repos.get('acme/access')!.environments;
    envs.get('access-grant')!.patterns.push({ name: 'main', type: 'tag' });
    assert.ok(
      (await s.doctor()).annotations.some((a) =>
        /the environment "access-grant" lets tag "main" deploy; it should allow the branch "main" alone/.test(a.message),
      ),
    );
    envs.set('access-grant', { policy: null, patterns: [] });
    assert.ok((await s.doctor()).annotations.some((a) => /lets any branch or tag deploy/.test(a.message)));
    envs.clear();
    assert.ok((await s.doctor()).annotations.some((a) => /the environment "access-grant" does not exist/.test(a.message)));
    // Issue forms apply only labels that exist.
    s.twin.state.repos.get('acme/access')!.labels!.delete('access-request');
    assert.ok(
      (await s.doctor()).annotations.some((a) =>
        /the label "access-request" does not exist in the repository\. GitHub applies an issue form's labels only when they exist/.test(a.message),
      ),
    );
  } finally {
    await s.stop();
  }
});

test('a standing exemption past its review date is flagged by doctor (on its line) and by the report, and still kept', async () => {
  const s = await Scenario.begin();
  try {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml').replace('review: "2099-01-31"', 'review: "2026-01-31"');
    s.approvedConfigChange({ '.github/access-policy.yaml': `${policy}\n` });
    s.addMember('prod-db-admins', 'breakglass');
    const doctor = await s.doctor();
    const flag = doctor.annotations.find((a) => /was due for review on 2026-01-31/.test(a.message));
    assert.ok(flag, doctor.stdout);
    assert.equal(flag.file, '.github/access-policy.yaml');
    assert.equal(flag.line, 11);
    const report = await s.report();
    assert.match(
      report.outputs.report!,
      /Standing exemptions due for review[\s\S]*\| prod-db-admins \| 0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60 \| Break-glass account for database outages \| 2026-01-31 \|/,
    );
    await s.revoke();
    assert.deepEqual(s.members('prod-db-admins'), ['breakglass'], 'flagged, not removed: a break-glass account must work when needed');
  } finally {
    await s.stop();
  }
});
