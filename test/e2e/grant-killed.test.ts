// THREATS 18: a grant killed at any point converges on the next run, with no grant that was not
// approved and no duplicated comment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml } from '../helpers/scenario.ts';

for (const killAfterMs of [250, 600, 1100]) {
  test(`a multi-request grant killed after ${killAfterMs} ms, then re-run, ends with exactly the approved memberships`, async () => {
    const s = await Scenario.begin();
    try {
      const before = s.repo.head();
      const a = s.openPull('octocat', {
        files: { 'requests/k8s-prod-operators/octocat-a.yaml': requestYaml({ requester: 'octocat', group: 'k8s-prod-operators' }) },
      });
      s.review(a, 'lead1');
      s.merge(a);
      const b = s.openPull('monalisa', {
        files: { 'requests/billing-readers/monalisa-b.yaml': requestYaml({ requester: 'monalisa', group: 'billing-readers' }) },
      });
      s.review(b, 'fin1');
      s.merge(b);
      const c = s.openPull('hubot', {
        files: { 'requests/k8s-prod-operators/hubot-c.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) },
      });
      s.review(c, 'fin1'); // not an owner of k8s-prod-operators: must never be granted
      s.merge(c);
      const d = s.openPull('hubot', { files: { 'requests/billing-readers/hubot-d.yaml': requestYaml({ requester: 'hubot', group: 'billing-readers' }) } });
      s.review(d, 'fin1'); // hubot may not request billing-readers (policy requesters)
      const push = { before, after: s.merge(d).after };

      s.twin.faults.latencyMs = 60;
      const killed = await s.grant(push, { killAfterMs });
      assert.notEqual(killed.exitCode, 0, 'the first run was killed');
      s.twin.faults.latencyMs = 0;
      const rerun = await s.grant(push);
      assert.equal(rerun.exitCode, 0, rerun.stdout + rerun.stderr);

      assert.deepEqual(s.members('k8s-prod-operators'), ['octocat']);
      assert.deepEqual(s.members('billing-readers'), ['monalisa']);
      for (const pull of [a, b, c, d]) assert.ok(s.comments(pull).length <= 1, `at most one comment on #${pull.number}`);
      assert.equal(s.comments(a).length, 1);
    } finally {
      await s.stop();
    }
  });
}
