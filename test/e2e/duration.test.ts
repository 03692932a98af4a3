// Relative requests (`duration: 2h`): the clock starts at the merge, so a slow approval does not eat
// the access window; the grant states the resulting end, and the sweep ends it then. The merge time
// comes from the landing commit, checked against GitHub's record of the merge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml } from '../helpers/scenario.ts';
import { iso, runCli } from '../helpers/cli.ts';

const FILE = 'requests/k8s-prod-operators/hubot-drain.yaml';
type Item = { file: string; outcome: string; detail: string };
const sweepAt = (s: Scenario, at: number) => runCli(s, ['revoke', '--at', iso(at)]);

/** Runs `body` with git writing commit dates `offsetMs` from now. */
function dated<T>(offsetMs: number, body: () => T): T {
  const when = iso(Date.now() + offsetMs);
  process.env.GIT_AUTHOR_DATE = when;
  process.env.GIT_COMMITTER_DATE = when;
  try {
    return body();
  } finally {
    delete process.env.GIT_AUTHOR_DATE;
    delete process.env.GIT_COMMITTER_DATE;
  }
}

test('a duration counts from the merge, not from when the file was written: the grant states the end, the sweep ends it then', async () => {
  const s = await Scenario.begin();
  try {
    // Written three hours ago (longer than the group's 2h maximum), approved and merged now.
    const pull = dated(-3 * 3_600_000, () =>
      s.openPull('hubot', { files: { [FILE]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '1h' }) } }),
    );
    s.review(pull, 'lead1');
    const push = s.merge(pull);
    const mergedAt = Number(s.repo.git('log', '-1', '--format=%ct', push.after)) * 1000;
    const run = await s.grant(push);
    assert.equal(run.exitCode, 0, run.stdout);
    const item = (JSON.parse(run.outputs.changes!) as Item[])[0]!;
    assert.equal(item.outcome, 'granted', item.detail);
    assert.match(item.detail, new RegExp(`until ${iso(mergedAt + 3_600_000)} \\(1h from the merge\\)`));
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot']);

    const before = await sweepAt(s, mergedAt + 59 * 60_000);
    assert.equal(before.code, 0, before.err);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'kept a minute before the end');
    const after = await sweepAt(s, mergedAt + 61 * 60_000);
    assert.equal(after.code, 0, after.err);
    assert.match(after.out, /user .* removed \(ended: requests\/k8s-prod-operators\/hubot-drain\.yaml\)/);
    assert.deepEqual(s.members('k8s-prod-operators'), []);
  } finally {
    await s.stop();
  }
});

test("a landing commit dated after GitHub's merge would stretch a duration: refused", async () => {
  const s = await Scenario.begin();
  try {
    const pull = s.openPull('hubot', { files: { [FILE]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '1h' }) } });
    s.review(pull, 'lead1');
    const push = dated(24 * 3_600_000, () => s.merge(pull));
    const run = await s.grant(push);
    const item = (JSON.parse(run.outputs.changes!) as Item[])[0]!;
    assert.equal(item.outcome, 'refused');
    assert.match(item.detail, /after GitHub merged #1 at .*; a duration counts from the merge/);
    assert.deepEqual(s.members('k8s-prod-operators'), []);
  } finally {
    await s.stop();
  }
});

test("a duration over the group's maximum is refused on the pull request with the line, and never granted", async () => {
  const s = await Scenario.begin();
  try {
    const pull = s.openPull('hubot', { files: { [FILE]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '3h', ticket: 'CHG-1' }) } });
    const check = await s.validate(pull);
    assert.notEqual(check.exitCode, 0);
    assert.ok(
      check.annotations.some((a) => a.file === FILE && a.line === 4 && /"duration" is 3h; k8s-prod-operators allows at most 2h/.test(a.message)),
      JSON.stringify(check.annotations),
    );
    s.review(pull, 'lead1');
    const run = await s.grant(s.merge(pull));
    assert.equal((JSON.parse(run.outputs.changes!) as Item[])[0]!.outcome, 'refused');
    assert.deepEqual(s.members('k8s-prod-operators'), []);
  } finally {
    await s.stop();
  }
});
