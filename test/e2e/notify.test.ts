// Notifications end to end: the bundled action's grant and sweep post to Slack and Teams webhooks
// (the twin's, over HTTPS); a webhook that fails or hangs is reported and never blocks the change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml } from '../helpers/scenario.ts';

type Slack = { text: string };
type Teams = { attachments: { content: { body: { type: string; text?: string; inlines?: { text: string }[] }[] } }[] };

function hooks(s: Scenario): string {
  return `default slack ${s.twin.urls.hooks}/slack/access\nk8s-prod-operators teams ${s.twin.urls.hooks}/teams/sre\n`;
}

test("grant, refusal and removal are announced in each service's format, per group or by default, with the URLs masked", async () => {
  const s = await Scenario.begin();
  try {
    const granted = s.openPull('hubot', {
      files: { 'requests/k8s-prod-operators/hubot-x.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '1h' }) },
    });
    s.review(granted, 'lead1');
    const run = await s.grant(s.merge(granted), { env: { INPUT_WEBHOOKS: hooks(s) } });
    assert.equal(run.exitCode, 0, run.stdout);
    const teams = s.twin.state.hookMessages.filter((m) => m.service === 'teams' && m.channel === 'sre');
    assert.equal(teams.length, 1, 'k8s-prod-operators goes to its own Teams webhook');
    const card = (teams[0]!.body as Teams).attachments[0]!.content.body;
    assert.equal(card[0]!.text, 'Access granted');
    assert.match(card[1]!.inlines![0]!.text, /^hubot is a member of k8s-prod-operators until \S+ \(#1\)\.$/);
    assert.equal(s.twin.state.hookMessages.filter((m) => m.service === 'slack').length, 0);
    assert.match(run.stdout, /::add-mask::https:\/\/127\.0\.0\.1:\d+\/slack\/access/);
    assert.match(run.stdout, /Notifications: 1 of 1 delivered\./);

    // A refusal in another group goes to the default (Slack), its reason escaped.
    const refused = s.openPull('monalisa', {
      files: { 'requests/billing-readers/monalisa-x.yaml': requestYaml({ requester: 'monalisa', group: 'billing-readers', duration: '1h' }) },
    });
    s.review(refused, 'monalisa');
    await s.grant(s.merge(refused), { env: { INPUT_WEBHOOKS: hooks(s) } });
    const slack = s.twin.state.hookMessages.filter((m) => m.service === 'slack').map((m) => (m.body as Slack).text);
    assert.equal(slack.length, 1);
    assert.match(slack[0]!, /^\*Access request refused\*: monalisa's request for billing-readers was not granted \(#2\)\.\nWhy: `/);

    // A member added by hand is removed by the sweep as drift, and that is announced.
    s.addMember('prod-db-admins', 'octocat');
    const sweep = await s.revoke({ inputs: { webhooks: hooks(s) } });
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    assert.ok(
      s.twin.state.hookMessages.some(
        (m) =>
          m.service === 'slack' &&
          /^\*Access removed\*: \S+ was removed from prod-db-admins: no request covered the membership \(drift\)\./.test((m.body as Slack).text),
      ),
    );
  } finally {
    await s.stop();
  }
});

test('a webhook that fails or hangs is a warning; the grant is made and the run succeeds', async () => {
  const s = await Scenario.begin();
  try {
    s.twin.faults.add({ service: 'hooks', match: /^POST \/slack\//, kind: 'unavailable' });
    s.twin.faults.add({ service: 'hooks', match: /^POST \/teams\//, kind: 'latency', latencyMs: 7_000 });
    const pull = s.openPull('hubot', {
      files: { 'requests/k8s-prod-operators/hubot-x.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '1h' }) },
    });
    s.review(pull, 'lead1');
    const both = `default slack ${s.twin.urls.hooks}/slack/access\nk8s-prod-operators slack ${s.twin.urls.hooks}/slack/sre\nk8s-prod-operators teams ${s.twin.urls.hooks}/teams/sre\n`;
    const run = await s.grant(s.merge(pull), { env: { INPUT_WEBHOOKS: both } });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot']);
    const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    assert.ok(
      warnings.some((w) => /a slack notification for k8s-prod-operators was not delivered \(granted: the webhook answered 503 rate_limited\)/.test(w)),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((w) => /a teams notification for k8s-prod-operators was not delivered \(granted: no answer within 5 s\)/.test(w)),
      warnings.join('\n'),
    );
    assert.ok(!warnings.join().includes(s.twin.urls.hooks), 'no URL in the warnings');
  } finally {
    await s.stop();
  }
});

test("THREATS 54: Slack pacing and refusals, Teams connector failures: reported with the service's reason, never counted as delivered", async () => {
  const s = await Scenario.begin();
  try {
    s.addMember('prod-db-admins', 'octocat');
    s.addMember('prod-db-admins', 'monalisa');
    s.addMember('prod-db-admins', 'hubot');
    const hooks = `prod-db-admins slack ${s.twin.urls.hooks}/slack/dba\nprod-db-admins slack ${s.twin.urls.hooks}/slack/archived\nprod-db-admins teams ${s.twin.urls.hooks}/connector/broken\n`;
    const sweep = await s.revoke({ inputs: { webhooks: hooks } });
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    assert.equal(s.twin.state.hookMessages.filter((m) => m.channel === 'dba').length, 3, "three removals, paced under Slack's one a second: all delivered");
    const warnings = sweep.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    assert.ok(
      warnings.some((w) => /a slack notification for prod-db-admins was not delivered \(removed: the webhook answered 410 channel_is_archived\)/.test(w)),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((w) =>
        /a teams notification for prod-db-admins was not delivered \(removed: Teams answered 200 but did not deliver it: Webhook message delivery failed/.test(
          w,
        ),
      ),
      warnings.join('\n'),
    );
    assert.match(sweep.stdout, /Notifications: 3 of 9 delivered\./);
  } finally {
    await s.stop();
  }
});
