// Honest counts (issue 35): what a run says it sent to GitHub is what GitHub received, every retry
// included; the twin's own log is the witness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario } from '../helpers/scenario.ts';

const HOUR = 3_600_000;
const KEY = 'honest-counts-memory-key-0123456789abcdef0123';

test('the run says how many requests it sent to GitHub, and the twin received exactly that many, retries included', async () => {
  const s = await Scenario.begin();
  try {
    s.memoryKey = KEY;
    s.approvedRequest('octocat', 'prod-db-admins', HOUR / 2, { ticket: 'INC-1' });
    s.approvedRequest('hubot', 'k8s-prod-operators', HOUR);
    // A sweep that verifies, writes the memory and posts a reminder (octocat's ends within the hour).
    s.twin.log.clear();
    let run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(Number(run.outputs['github-requests']), s.twin.log.count('github'), run.stdout);
    assert.match(run.stdout, new RegExp(`GitHub requests this run: ${s.twin.log.count('github')} \\(\\d+ REST, \\d+ GraphQL\\)`));
    // GitHub answering 503 to the first two requests: the retries are requests too.
    s.twin.faults.add({ service: 'github', kind: 'unavailable', retryAfterSeconds: 0, times: 2 });
    s.twin.log.clear();
    run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(Number(run.outputs['github-requests']), s.twin.log.count('github'), run.stdout);
  } finally {
    await s.stop();
  }
});
