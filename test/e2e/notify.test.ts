// Notifications end to end: the bundled action's grant and sweep post to Slack and Teams webhooks
// (the twin's, over HTTPS); a webhook that fails or hangs is reported and never blocks the change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml } from '../helpers/scenario.ts';

type Slack = { text: string };
type Teams = { attachments: { content: { body: { type: string; text?: string; inlines?: { text: string }[] }[] } }[] };

// One grant and one sweep, each case in a group and on webhooks of its own: the grant announces
// k8s-prod-operators on its own Teams channel, a refusal in billing-readers on the default Slack, and
// prod-db-admins to two webhooks that fail (the faults name their paths alone); the sweep announces a
// drift removal from prod-db-admins on the default Slack, and THREATS 54's three removals from
// k8s-prod-operators on Slack channels and a retired Teams connector of their own. Messages are read
// by service and channel, warnings by group, so that no case's delivery or failure stands for another's.
test("grant, refusal and removal are announced in each service's format, per group or by default, with the URLs masked; a webhook that fails or hangs is a warning, the grant is made and the run succeeds; THREATS 54: Slack pacing and refusals, Teams connector failures: reported with the service's reason, never counted as delivered", async () => {
  const s = await Scenario.begin();
  try {
    const url = (path: string) => `${s.twin.urls.hooks}/${path}`;
    // Failing or hanging: prod-db-admins' webhooks.
    s.twin.faults.add({ service: 'hooks', match: /^POST \/slack\/db$/, kind: 'unavailable' });
    s.twin.faults.add({ service: 'hooks', match: /^POST \/teams\/db$/, kind: 'latency', latencyMs: 7_000 });

    // Both grants last 2h, longer than the policy's 1h reminder window: the sweep sends no reminder that
    // would count among its messages.
    const granted = s.openPull('hubot', {
      files: { 'requests/k8s-prod-operators/hubot-x.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '2h' }) },
    });
    s.review(granted, 'lead1');
    // A refusal in another group goes to the default (Slack), its reason escaped.
    const refused = s.openPull('monalisa', {
      files: { 'requests/billing-readers/monalisa-x.yaml': requestYaml({ requester: 'monalisa', group: 'billing-readers', duration: '1h' }) },
    });
    s.review(refused, 'monalisa');
    const failing = s.openPull('hubot', {
      files: {
        'requests/prod-db-admins/hubot-x.yaml': requestYaml({ requester: 'hubot', group: 'prod-db-admins', duration: '2h', ticket: 'INC-1' }),
      },
    });
    s.review(failing, 'dba1');
    s.review(failing, 'monalisa');
    const before = s.merge(granted).before;
    s.merge(refused);
    const webhooks = [
      `default slack ${url('slack/access')}`,
      `k8s-prod-operators teams ${url('teams/sre')}`,
      `prod-db-admins slack ${url('slack/db')}`,
      `prod-db-admins teams ${url('teams/db')}`,
      '',
    ].join('\n');
    const run = await s.grant({ before, after: s.merge(failing).after }, { env: { INPUT_WEBHOOKS: webhooks } });
    assert.equal(run.exitCode, 0, run.stdout);

    // Granted, on its group's own Teams webhook.
    const teams = s.twin.state.hookMessages.filter((m) => m.service === 'teams' && m.channel === 'sre');
    assert.equal(teams.length, 1, 'k8s-prod-operators goes to its own Teams webhook');
    const card = (teams[0]!.body as Teams).attachments[0]!.content.body;
    assert.equal(card[0]!.text, 'Access granted');
    assert.match(card[1]!.inlines![0]!.text, /^hubot is a member of k8s-prod-operators until \S+ \(#1\)\.$/);
    assert.match(run.stdout, /::add-mask::https:\/\/127\.0\.0\.1:\d+\/slack\/access/);
    // Refused, on the default Slack: the only Slack message of the grant, so the grant went to Teams alone.
    const slack = s.twin.state.hookMessages.filter((m) => m.service === 'slack').map((m) => (m.body as Slack).text);
    assert.equal(slack.length, 1, 'the refusal alone went to Slack');
    assert.match(slack[0]!, /^\*Access request refused\*: monalisa's request for billing-readers was not granted \(#2\)\.\nWhy: `/);
    // The grant's and the refusal's messages delivered; prod-db-admins' two not.
    assert.match(run.stdout, /Notifications: 2 of 4 delivered\./);

    // Failing or hanging webhooks: warnings, and the grant is made.
    assert.deepEqual(s.members('prod-db-admins'), ['hubot'], 'failing webhooks: the grant is made');
    const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    assert.ok(
      warnings.some((w) => /a slack notification for prod-db-admins was not delivered \(granted: the webhook answered 503 rate_limited\)/.test(w)),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((w) => /a teams notification for prod-db-admins was not delivered \(granted: no answer within 5 s\)/.test(w)),
      warnings.join('\n'),
    );
    assert.ok(!warnings.join().includes(s.twin.urls.hooks), 'no URL in the warnings');

    // A member added by hand to prod-db-admins is removed by the sweep as drift, and that is announced
    // on the default Slack. THREATS 54: three members nobody requested in k8s-prod-operators, announced
    // on a Slack webhook, an archived Slack channel and a retired Teams connector.
    s.addMember('prod-db-admins', 'octocat');
    s.addMember('k8s-prod-operators', 'octocat');
    s.addMember('k8s-prod-operators', 'monalisa');
    s.addMember('k8s-prod-operators', 'outsider');
    const sweepHooks = [
      `default slack ${url('slack/access')}`,
      `k8s-prod-operators slack ${url('slack/ops')}`,
      `k8s-prod-operators slack ${url('slack/archived')}`,
      `k8s-prod-operators teams ${url('connector/broken')}`,
      '',
    ].join('\n');
    const sweep = await s.revoke({ inputs: { webhooks: sweepHooks } });
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    assert.ok(
      s.twin.state.hookMessages.some(
        (m) =>
          m.service === 'slack' &&
          /^\*Access removed\*: \S+ was removed from prod-db-admins: no request covered the membership \(drift\)\./.test((m.body as Slack).text),
      ),
      'drift: announced on the default Slack',
    );
    assert.equal(s.twin.state.hookMessages.filter((m) => m.channel === 'ops').length, 3, "three removals, paced under Slack's one a second: all delivered");
    const sweepWarnings = sweep.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    assert.ok(
      sweepWarnings.some((w) =>
        /a slack notification for k8s-prod-operators was not delivered \(removed: the webhook answered 410 channel_is_archived\)/.test(w),
      ),
      sweepWarnings.join('\n'),
    );
    assert.ok(
      sweepWarnings.some((w) =>
        /a teams notification for k8s-prod-operators was not delivered \(removed: Teams answered 200 but did not deliver it: Webhook message delivery failed/.test(
          w,
        ),
      ),
      sweepWarnings.join('\n'),
    );
    // THREATS 54's 3 of 9, and the drift removal's 1 of 1 on the default Slack.
    assert.match(sweep.stdout, /Notifications: 4 of 10 delivered\./);
  } finally {
    await s.stop();
  }
});
