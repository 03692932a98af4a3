// GitHub's GraphQL as it answers, not as a kind twin would (docs/threat-model.md 67 and 69): a GitHub
// App's bot is named without `[bot]` and told only by `__typename: Bot`; and an answer can come in
// part, `data` and `errors` together. The bundled action against the twin, which answers both ways.
// The dashboard edited by the sweep's own bot is the sweep's (THREATS 68): in dashboard.test.ts, whose
// world already has that dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml, type Pull } from '../helpers/scenario.ts';

const changes = (run: { outputs: Record<string, string> }): { file: string; outcome: string; detail: string }[] => JSON.parse(run.outputs.changes ?? '[]');
const lastComment = (s: Scenario, pull: Pull) => s.comments(pull).at(-1) ?? '';

test("THREATS 68: a review by an app whose slug is a code owner's login is not that code owner's approval; the same with the person is, in the same grant run", async () => {
  const s = await Scenario.begin();
  try {
    // prod-db-admins needs two approvals from @acme/dba-leads or @monalisa. An app named "monalisa"
    // reviews as monalisa[bot]; GitHub's GraphQL calls it "monalisa", a Bot.
    const file = 'requests/prod-db-admins/hubot-inc-1.yaml';
    const pull = s.openPull('hubot', { files: { [file]: requestYaml({ requester: 'hubot', group: 'prod-db-admins', ticket: 'INC-1' }) } });
    s.review(pull, 'dba1');
    s.review(pull, 'monalisa[bot]');
    const push = s.merge(pull);
    // The control, merged in the same push: octocat's request approved by dba1 and monalisa the person.
    // A different requester (octocat may ask for prod-db-admins too), so each case's membership is its own.
    const file2 = 'requests/prod-db-admins/octocat-inc-2.yaml';
    const second = s.openPull('octocat', { files: { [file2]: requestYaml({ requester: 'octocat', group: 'prod-db-admins', ticket: 'INC-2' }) } });
    s.review(second, 'dba1');
    s.review(second, 'monalisa');
    const run = await s.grant({ before: push.before, after: s.merge(second).after });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    const outcome = (f: string) => changes(run).find((c) => c.file === f)?.outcome;
    assert.ok(!s.members('prod-db-admins').includes('hubot'), 'bot: one person and a bot are not two approvals');
    assert.equal(outcome(file), 'refused', 'bot');
    assert.match(lastComment(s, pull), /⛔ not granted[\s\S]*prod-db-admins needs 2 approvals of the merged commit[\s\S]*counted: @dba1\./);

    // The same with monalisa the person: granted (the bot was the difference).
    assert.ok(s.members('prod-db-admins').includes('octocat'), 'person: granted');
    assert.equal(outcome(file2), 'granted', 'person');
    assert.doesNotMatch(lastComment(s, second), /not granted/, 'person');
  } finally {
    await s.stop();
  }
});

test('THREATS 69: a pull request GitHub answers in part (reviews failed) is no fact: its approved member is kept, not removed, and the sweep says what was unavailable', async () => {
  const s = await Scenario.begin();
  try {
    const { file } = s.approvedRequest('hubot', 'k8s-prod-operators', 90 * 60_000, { approver: 'lead1' });
    s.addMember('k8s-prod-operators', 'hubot');
    // Every pull request's reviews fail inside a 200 answer: `reviews` null, an error naming its path.
    // (Octokit's retry plugin asks again when the first error says "Something went wrong while executing
    // your query"; other errors it returns as they came, which is the case here.)
    s.twin.faults.add({ service: 'github', kind: 'partial', path: /^repository\.p\d+\.reviews$/, message: 'Timeout on validation of query' });
    const run = await s.revoke();
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'kept: an unread approval is not a missing one');
    assert.match(run.summary, /k8s-prod-operators/);
    assert.ok(run.summary.includes(file), run.summary);
    assert.match(run.summary, /GitHub answered only in part: (INTERNAL: )?Timeout on validation of query \(at repository\.p0\.reviews\)/);
    assert.match(run.summary, /a member it covers is kept and nothing is granted on it until GitHub answers in full/);
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);

    // Once GitHub answers in full, the same request is verified again and nothing is said.
    s.twin.faults.clear();
    const whole = await s.revoke();
    assert.equal(whole.exitCode, 0, whole.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot']);
    assert.doesNotMatch(whole.summary, /answered only in part/);
  } finally {
    await s.stop();
  }
});

test('THREATS 69: a request whose pull request GitHub answers in part is not granted on the strength of it, and the grant says why', async () => {
  const s = await Scenario.begin();
  try {
    const file = 'requests/k8s-prod-operators/octocat-drain.yaml';
    const pull = s.openPull('octocat', { files: { [file]: requestYaml({ requester: 'octocat', group: 'k8s-prod-operators' }) } });
    s.review(pull, 'lead1');
    const push = s.merge(pull);
    // The pull request's commits fail: who pushed is unknown, so nothing can be verified.
    s.twin.faults.add({ service: 'github', kind: 'partial', path: /^repository\.p\d+\.commits$/, message: 'Timeout on validation of query' });
    const run = await s.grant(push);
    assert.ok(!s.members('k8s-prod-operators').includes('octocat'), 'nothing added on partial data');
    const [item] = changes(run);
    assert.equal(item!.outcome, 'failed');
    assert.match(item!.detail, /^not verified yet: GitHub answered only in part: (INTERNAL: )?Timeout on validation of query \(at repository\.p0\.commits\)/);

    s.twin.faults.clear();
    const again = await s.grant(push);
    assert.equal(again.exitCode, 0, again.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['octocat']);
  } finally {
    await s.stop();
  }
});
