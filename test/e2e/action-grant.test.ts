// Grant on merge, end to end: the bundled action on a push to main, against the twin and a real git
// repository with real merge commits. Each scenario asserts who is a member in Entra afterwards, and
// what the requester is told.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml, type Pull } from '../helpers/scenario.ts';
import { runCli } from '../helpers/cli.ts';

let s: Scenario;
// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('action-grant', () => {
  before(async () => {
    s = await Scenario.begin();
  });
  after(() => s.stop());

  const K8S = 'requests/k8s-prod-operators';
  const DB = 'requests/prod-db-admins';

  function changes(run: { outputs: Record<string, string> }): { file: string; outcome: string; detail: string; pull?: number; approvers?: string[] }[] {
    return JSON.parse(run.outputs.changes ?? '[]');
  }

  function lastComment(pull: Pull): string {
    const all = s.comments(pull);
    return all[all.length - 1] ?? '';
  }

  // Pull requests that do not touch each other (each its own requester in a group) merged in one push, as
  // a merge queue does, and one grant run: each case is asserted on its own pull request and member.
  test("one push: an approved request is granted on merge, and the pull request is told until when; THREATS 3: a requester in the owning team cannot count themselves; a group's requesters: a member of a listed team may ask, anyone else is refused even when approved; THREATS 10: the first of two requests for one group; a re-run of the same push changes nothing and does not comment twice", async () => {
    const granted = s.openPull('octocat', { files: { [`${K8S}/octocat-drain.yaml`]: requestYaml({ requester: 'octocat', group: 'k8s-prod-operators' }) } });
    s.review(granted, 'lead1');
    const rerun = s.openPull('monalisa', { files: { [`${K8S}/monalisa-x.yaml`]: requestYaml({ requester: 'monalisa', group: 'k8s-prod-operators' }) } });
    s.review(rerun, 'lead2');
    // THREATS 3: octocat is in @acme/dba-leads, an owner of the folder.
    const self = s.openPull('octocat', {
      files: { [`${DB}/octocat-inc-7.yaml`]: requestYaml({ requester: 'octocat', group: 'prod-db-admins', ticket: 'INC-7' }) },
    });
    s.review(self, 'octocat');
    s.review(self, 'dba1');
    // prod-db-admins' requesters: @acme/sre (hubot is in it) and octocat.
    const inTeam = s.openPull('hubot', {
      files: { [`${DB}/hubot-inc-31.yaml`]: requestYaml({ requester: 'hubot', group: 'prod-db-admins', ticket: 'INC-31' }) },
    });
    s.review(inTeam, 'dba1');
    s.review(inTeam, 'monalisa');
    const notListed = s.openPull('monalisa', {
      files: { [`${DB}/monalisa-inc-32.yaml`]: requestYaml({ requester: 'monalisa', group: 'prod-db-admins', ticket: 'INC-32' }) },
    });
    s.review(notListed, 'dba1');
    s.review(notListed, 'octocat');
    // THREATS 10: the first of hubot's two requests for one group (the next test merges the second and ends both).
    const first = s.openPull('hubot', { files: { [`${K8S}/hubot-a.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) } });
    s.review(first, 'lead1');
    const pulls = [granted, rerun, self, inTeam, notListed, first];
    const pushes = pulls.map((p) => s.merge(p));
    const push = { before: pushes[0]!.before, after: pushes.at(-1)!.after };
    const run = await s.grant(push);
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    const item = (r: typeof run, pull: Pull) => changes(r).find((c) => c.pull === pull.number);

    assert.equal(item(run, granted)?.outcome, 'granted', 'granted on merge');
    assert.deepEqual(item(run, granted)!.approvers, ['lead1'], 'granted on merge');
    assert.match(
      lastComment(granted),
      /✅ granted: `requests\/k8s-prod-operators\/octocat-drain\.yaml` — octocat is a member of k8s-prod-operators until \d{4}-\d\d-\d\dT[\d:]+Z, approved by @lead1\./,
    );
    assert.match(run.summary, /<td>#1<\/td><td>octocat<\/td><td>k8s-prod-operators<\/td>/);
    assert.equal(item(run, first)?.outcome, 'granted', 'THREATS 10: the first request');
    assert.deepEqual(
      s.members('k8s-prod-operators'),
      ['hubot', 'monalisa', 'octocat'],
      'granted on merge: octocat; the re-run case: monalisa; THREATS 10: hubot',
    );

    assert.match(
      item(run, self)!.detail,
      /prod-db-admins needs 2 approvals[\s\S]*counted: @dba1\.[\s\S]*@octocat is the requester/,
      'THREATS 3: the requester does not count',
    );
    assert.equal(item(run, inTeam)?.outcome, 'granted', `requesters, a member of @acme/sre: ${item(run, inTeam)?.detail}`);
    assert.equal(item(run, notListed)?.outcome, 'refused', 'requesters, monalisa is not listed');
    assert.match(item(run, notListed)!.detail, /monalisa may not request prod-db-admins: the policy allows @acme\/sre, octocat/);
    // Nobody but hubot: not octocat (THREATS 3), not monalisa (requesters).
    assert.deepEqual(s.members('prod-db-admins'), ['hubot'], 'THREATS 3 and requesters');

    const again = await s.grant(push);
    assert.equal(again.exitCode, 0);
    assert.equal(item(again, rerun)?.outcome, 'already-member', 're-run');
    for (const p of pulls) assert.equal(s.comments(p).length, 1, `re-run: #${p.number} is told once`);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot', 'monalisa', 'octocat'], 're-run');
  });

  test('THREATS 10: two active requests for the same group are one membership, which ends with the last', async () => {
    // The first, hubot-a.yaml, was granted by the push of the test before (this file's tests share one world).
    assert.ok(s.members('k8s-prod-operators').includes('hubot'), 'precondition: the test before granted hubot-a.yaml');
    const two = s.openPull('hubot', {
      files: { [`${K8S}/hubot-b.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', expiresIn: 90 * 60_000 }) },
    });
    s.review(two, 'lead2');
    const second = await s.grant(s.merge(two));
    assert.equal(changes(second)[0]!.outcome, 'already-member');
    assert.ok(s.members('k8s-prod-operators').includes('hubot'));

    const dropOne = s.openPull('hubot', { files: { [`${K8S}/hubot-a.yaml`]: null } });
    const kept = await s.grant(s.merge(dropOne));
    assert.equal(changes(kept)[0]!.outcome, 'kept');
    assert.match(changes(kept)[0]!.detail, /stays a member of k8s-prod-operators because requests\/k8s-prod-operators\/hubot-b\.yaml still covers it/);
    assert.ok(s.members('k8s-prod-operators').includes('hubot'));

    const dropTwo = s.openPull('hubot', { files: { [`${K8S}/hubot-b.yaml`]: null } });
    const removed = await s.grant(s.merge(dropTwo));
    assert.equal(changes(removed)[0]!.outcome, 'removed');
    assert.ok(!s.members('k8s-prod-operators').includes('hubot'));
    assert.match(
      lastComment(dropTwo),
      /🔒 removed: `requests\/k8s-prod-operators\/hubot-b\.yaml` — the request was deleted \(early revoke\); hubot is no longer a member/,
    );
  });

  // Each rule is a unit test of evaluateApprovals and the request rules (test/unit/approval.test.ts,
  // verify.test.ts); here, one push that merges six pull requests (as a merge queue does) shows that the
  // grant reads each fact from GitHub (who reviewed which commit, as what, who pushed, who wrote the
  // pull request) and tells each pull request why it was refused. A seventh, for another group and
  // requester, is granted beside them. An eighth also changed the policy and src/ (THREATS 6 and 7):
  // its own request is refused, judged by the policy before it, and its policy change is not used,
  // which fails the run (refusals alone do not: the first push of this file ends with 0).
  test('THREATS 1, 2, 4, 5, 3: refusals, each on its own pull request: not a code owner, an earlier commit approved, changes requested, an owner who pushed, a request for someone else, a change to their request; THREATS 3: enough owners other than the requester can approve; THREATS 6 and 7: a merged pull request that also changed the policy is refused, judged by the policy before it, and its policy change is not used', async () => {
    // The world as the tests before left it: hubot holds prod-db-admins (the first push) and no longer
    // k8s-prod-operators (THREATS 10 ended both of his requests).
    assert.ok(!s.members('k8s-prod-operators').includes('hubot'), 'precondition: THREATS 10 removed hubot from k8s-prod-operators');
    assert.deepEqual(s.members('prod-db-admins'), ['hubot'], 'precondition: the first push granted hubot prod-db-admins');
    const ask = (requester: string, expiresIn?: number) =>
      requestYaml({ requester, group: 'k8s-prod-operators', ...(expiresIn !== undefined ? { expiresIn } : {}) });
    // THREATS 5: approved by someone who is not a code owner of the file.
    const notOwner = s.openPull('hubot', { files: { [`${K8S}/hubot-x.yaml`]: ask('hubot') } });
    s.review(notOwner, 'fin1');
    // THREATS 4: approved, then another push.
    const stale = s.openPull('hubot', { files: { [`${K8S}/hubot-y.yaml`]: ask('hubot', 30 * 60_000) } });
    s.review(stale, 'lead1');
    s.push(stale, { [`${K8S}/hubot-y.yaml`]: ask('hubot', 110 * 60_000) });
    // A later "changes requested" or a dismissal withdraws an approval; a comment does not.
    const withdrawn = s.openPull('hubot', { files: { [`${K8S}/hubot-z.yaml`]: ask('hubot') } });
    s.review(withdrawn, 'lead1');
    s.review(withdrawn, 'lead1', 'CHANGES_REQUESTED');
    s.review(withdrawn, 'lead2');
    s.review(withdrawn, 'lead2', 'COMMENTED');
    s.review(withdrawn, 'lead2', 'DISMISSED');
    // THREATS 3: an owner who pushed a commit to the pull request.
    const pusher = s.openPull('hubot', { files: { [`${K8S}/hubot-w.yaml`]: ask('hubot', 30 * 60_000) } });
    s.push(pusher, { [`${K8S}/hubot-w.yaml`]: ask('hubot', 40 * 60_000) }, 'lead1');
    s.review(pusher, 'lead1');
    // THREATS 2: a request naming someone else than the pull request's author.
    const forOther = s.openPull('monalisa', { files: { [`${K8S}/hubot-for-mona.yaml`]: ask('hubot') } });
    s.review(forOther, 'lead1');
    // THREATS 1: a change to someone else's request.
    const theirs = s.openPull('hubot', { files: { [`${K8S}/monalisa-x.yaml`]: ask('hubot') } });
    s.review(theirs, 'lead1');
    // THREATS 3: octocat's own request (refused in the push before), approved by two owners who are not octocat.
    const second = s.openPull('octocat', {
      files: { [`${DB}/octocat-inc-8.yaml`]: requestYaml({ requester: 'octocat', group: 'prod-db-admins', ticket: 'INC-8' }) },
    });
    s.review(second, 'dba1');
    s.review(second, 'monalisa');
    // THREATS 6 and 7: a request that rode in with a raised maximum and a change to the rules' source.
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml').replace('maxDuration: 2h', 'maxDuration: 24h');
    const mixed = s.openPull('hubot', {
      files: {
        [`${K8S}/hubot-long.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', expiresIn: 20 * 3_600_000 }),
        '.github/access-policy.yaml': policy,
        'src/request/rules.ts': '// weakened\n',
      },
    });
    s.review(mixed, 'lead1');
    const pulls = [notOwner, stale, withdrawn, pusher, forOther, theirs];
    const pushes = [...pulls, second, mixed].map((p) => s.merge(p));
    const run = await s.grant({ before: pushes[0]!.before, after: pushes.at(-1)!.after });
    const why = (pull: Pull) => {
      const item = changes(run).find((c) => c.pull === pull.number);
      assert.equal(item?.outcome, 'refused', `#${pull.number}: ${JSON.stringify(item)}`);
      return item!.detail;
    };
    assert.match(
      lastComment(notOwner),
      /⛔ not granted[\s\S]*k8s-prod-operators needs 1 approval of the merged commit from code owners[\s\S]*@fin1 is not a code owner of this file \(owners: @acme\/sre-leads\)/,
    );
    assert.match(lastComment(stale), /@lead1 approved an earlier commit/);
    assert.match(why(notOwner) + why(stale), /@fin1 is not a code owner[\s\S]*@lead1 approved an earlier commit/);
    assert.match(why(withdrawn), /@lead1 requested changes; @lead2 their approval was dismissed/);
    assert.match(why(pusher), /@lead1 pushed commits to the pull request/);
    assert.match(why(forOther), /"requester" is hubot but this pull request is by monalisa/);
    assert.match(why(theirs), /this request belongs to monalisa; only they can change it/);
    for (const p of pulls) assert.equal(s.comments(p).length, 1, `#${p.number} is told once`);
    assert.ok(!s.members('k8s-prod-operators').includes('hubot'));
    const ok = changes(run).find((c) => c.pull === second.number);
    assert.equal(ok?.outcome, 'granted', `THREATS 3: ${ok?.detail}`);
    assert.deepEqual(s.members('prod-db-admins'), ['hubot', 'octocat'], 'THREATS 3: octocat granted (hubot was before)');

    const item = changes(run).find((c) => c.pull === mixed.number);
    assert.equal(item?.outcome, 'refused', `THREATS 6 and 7: ${JSON.stringify(item)}`);
    assert.match(item!.detail, /also \.github\/access-policy\.yaml/);
    assert.match(item!.detail, /also src\/request\/rules\.ts/);
    assert.match(item!.detail, /"expires" is 20h after the merge; k8s-prod-operators allows at most 2h/);
    assert.ok(!s.members('k8s-prod-operators').includes('hubot'));
    // The policy change rode in with a request and no approval from .github/'s owners: it is not used either.
    assert.equal(run.exitCode, 1, run.stdout);
    assert.ok(
      run.annotations.some(
        (a) => a.file === '.github/access-policy.yaml' && /changed \.github\/access-policy\.yaml without approval, so the change is not used/.test(a.message),
      ),
      run.stdout,
    );
    // Put back as it was, so the rest of this file's world has its approved policy on main again.
    s.directPush({ '.github/access-policy.yaml': `${s.repo.git('show', `${mixed.base}:.github/access-policy.yaml`)}\n`, 'src/request/rules.ts': null });
  });

  test('a direct push without a pull request grants nothing and says so loudly', async () => {
    const push = s.directPush({ [`${K8S}/hubot-direct.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) });
    const run = await s.grant(push);
    assert.equal(run.exitCode, 1, 'the run fails, so the bypass is seen');
    assert.ok(!s.members('k8s-prod-operators').includes('hubot'));
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === 'error' &&
          a.file === 'requests/k8s-prod-operators/hubot-direct.yaml' &&
          /changed without a merged pull request: no merged pull request contains this change/.test(a.message),
      ),
    );
    assert.match(run.stdout, /::error::access-as-code: 1 request was pushed to main without a reviewed pull request; nothing was granted for it\./);
  });

  // Each kind of event and ref is a case of one rule, the rule: test/unit/grant-event.test.ts
  // 'THREATS 12: grant runs only on a push to the default branch: a pull request event, another branch
  // and a tag named like the default branch are refused'. Here, what the runner's payload says (its
  // event name, the ref of a push) reaching that rule.
  test('THREATS 12: grant refuses to run for a pull request event or a push to another branch, before any sign-in', async () => {
    s.twin.log.clear();
    const fromPr = await s.grant({ before: s.repo.head(), after: s.repo.head() }, { eventName: 'pull_request' });
    assert.equal(fromPr.exitCode, 1);
    assert.match(fromPr.stdout, /grant runs only on a push to the default branch, not on "pull_request"/);
    const other = await s.grant({ before: s.repo.head(), after: s.repo.head() }, { ref: 'refs/heads/feature' });
    assert.equal(other.exitCode, 1);
    assert.match(other.stdout, /not on refs\/heads\/feature/);
    assert.equal(s.twin.log.count('entra') + s.twin.log.count('actions'), 0, 'no token was requested');
  });

  // THREATS 8, a role-assignable group refused at grant time, is one case of the rule of which groups
  // cannot be managed, the rule: test/unit/unmanageable.test.ts 'THREATS 39: each kind of group Graph
  // will not change is named with the reason and the fix, never as a permission'. A grant refused for
  // such a group, read from Graph, is shown end to end by test/e2e/graph-fidelity.test.ts 'THREATS 39:
  // dynamic, synced and mail-enabled groups are refused by grant and by doctor ...', and a
  // role-assignable group read from Graph by test/e2e/action-doctor.test.ts 'doctor signs in without a
  // secret and reports each group: ok, role-assignable, missing'.

  // Two cases in one world, one after the other: a grant while Graph's reads lag (THREATS 17), then,
  // with Graph reading as it writes again, the command line's grant of another requester.
  test('THREATS 17: when Graph reads lag the write, the grant says so after bounded polling and writes once; the CLI grant does what the job does, signing in with local credentials', async () => {
    const scenario = await Scenario.begin();
    try {
      scenario.twin.faults.readLagMs = 60_000;
      const pull = scenario.openPull('hubot', { files: { [`${K8S}/hubot-lag.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) } });
      scenario.review(pull, 'lead1');
      const run = await scenario.grant(scenario.merge(pull));
      assert.equal(run.exitCode, 0, run.stdout);
      const [item] = changes(run);
      assert.equal(item!.outcome, 'granted');
      assert.match(item!.detail, /its reads do not show it yet \(replication lag\)/);
      assert.equal(scenario.twin.log.records.filter((r) => r.inBatch && r.method === 'POST').length, 1, 'exactly one write');
      const write = scenario.twin.log.records.findIndex((r) => r.inBatch && r.method === 'POST');
      assert.equal(
        scenario.twin.log.records.slice(write).filter((r) => r.path.endsWith('/members') && r.method === 'GET').length,
        3,
        'three reads after the write, then it stops',
      );
      assert.deepEqual(scenario.members('k8s-prod-operators'), ['hubot']);

      // The command line, once Graph reads as it writes again.
      scenario.twin.faults.readLagMs = 0;
      const cli = scenario.openPull('monalisa', {
        files: { [`${K8S}/monalisa-cli.yaml`]: requestYaml({ requester: 'monalisa', group: 'k8s-prod-operators' }) },
      });
      scenario.review(cli, 'lead2');
      const push = scenario.merge(cli);
      // The bundled cli.js, with a developer's environment (test/helpers/cli.ts).
      const { code, out, err } = await runCli(scenario, ['grant', '--before', push.before], { bundled: true });
      assert.equal(code, 0, out + err);
      assert.match(
        out + err,
        /requests\/k8s-prod-operators\/monalisa-cli\.yaml: granted: monalisa is a member of k8s-prod-operators until \S+, approved by @lead2\./,
      );
      assert.deepEqual(scenario.members('k8s-prod-operators'), ['hubot', 'monalisa'], 'the CLI grant: monalisa (hubot was before)');
    } finally {
      await scenario.stop();
    }
  });
});
