// Relative requests (`duration: 2h`): the clock starts at the merge, so a slow approval does not eat
// the access window; the grant states the resulting end, and the sweep ends it then. The merge time
// comes from the landing commit, checked against GitHub's record of the merge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml } from '../helpers/scenario.ts';
import { iso, runCli } from '../helpers/cli.ts';

const K8S = 'requests/k8s-prod-operators';
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

// Three requests for one group by three people, merged and granted by one push: each case is read from
// its own file's item and its own user's membership, so that no case's outcome stands for another's.
test("a duration counts from the merge, not from when the file was written (the grant states the end, the sweep ends it then); a landing commit dated after GitHub's merge, and a duration over the group's maximum (refused on the pull request with the line), are never granted", async () => {
  const s = await Scenario.begin();
  try {
    // From the merge: written three hours ago (longer than the group's 2h maximum), approved and merged now.
    const FROM_MERGE = `${K8S}/hubot-drain.yaml`;
    const fromMerge = dated(-3 * 3_600_000, () =>
      s.openPull('hubot', { files: { [FROM_MERGE]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '1h' }) } }),
    );
    s.review(fromMerge, 'lead1');
    // Over the maximum: refused by the pull request check, on the line.
    const OVER = `${K8S}/monalisa-drain.yaml`;
    const over = s.openPull('monalisa', {
      files: { [OVER]: requestYaml({ requester: 'monalisa', group: 'k8s-prod-operators', duration: '3h', ticket: 'CHG-1' }) },
    });
    const check = await s.validate(over);
    assert.notEqual(check.exitCode, 0, 'over the maximum: the check fails');
    assert.ok(
      check.annotations.some((a) => a.file === OVER && a.line === 4 && /"duration" is 3h; k8s-prod-operators allows at most 2h/.test(a.message)),
      `over the maximum: ${JSON.stringify(check.annotations)}`,
    );
    s.review(over, 'lead1');
    // Landing commit dated late: the merge commit says a day from now; GitHub recorded the merge now.
    const LATE = `${K8S}/octocat-drain.yaml`;
    const late = s.openPull('octocat', { files: { [LATE]: requestYaml({ requester: 'octocat', group: 'k8s-prod-operators', duration: '1h' }) } });
    s.review(late, 'lead1');

    const first = s.merge(fromMerge);
    const mergedAt = Number(s.repo.git('log', '-1', '--format=%ct', first.after)) * 1000;
    s.merge(over);
    // Merged last, so that main's commit dates still run forward.
    const push = { before: first.before, after: dated(24 * 3_600_000, () => s.merge(late)).after };
    const run = await s.grant(push);
    assert.equal(run.exitCode, 0, run.stdout);
    const items = JSON.parse(run.outputs.changes!) as Item[];
    const item = (file: string) => items.find((i) => i.file === file)!;

    assert.equal(item(FROM_MERGE).outcome, 'granted', item(FROM_MERGE).detail);
    assert.match(item(FROM_MERGE).detail, new RegExp(`until ${iso(mergedAt + 3_600_000)} \\(1h from the merge\\)`));
    assert.equal(item(LATE).outcome, 'refused', 'landing commit dated late');
    assert.match(item(LATE).detail, new RegExp(`after GitHub merged #${late.number} at .*; a duration counts from the merge`));
    assert.equal(item(OVER).outcome, 'refused', 'over the maximum');
    assert.match(item(OVER).detail, /"duration" is 3h; k8s-prod-operators allows at most 2h/, 'over the maximum: refused for its duration');
    // Only the request counted from its merge is granted: neither refused one is.
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
