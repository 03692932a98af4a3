// Chat notifications as pure functions: the webhook lines, routing per group, and payloads in each
// service's format with untrusted text unable to mention a channel or carry a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/diagnostics.ts';
import { hooksFor, parseWebhooks, slackPayload, teamsPayload } from '../../src/notify/notify.ts';

const SECRET = 'https://hooks.slack.com/services/T000/B000/very-secret';

test('webhook lines: group or default, slack or teams, https only; errors name the line, never the URL', () => {
  const hooks = parseWebhooks(`# comment\ndefault slack ${SECRET}\n\nk8s-prod-operators teams https://prod.example.logic.azure.com/workflows/x\n`);
  assert.deepEqual(
    hooks.map((h) => [h.target, h.service]),
    [
      ['default', 'slack'],
      ['k8s-prod-operators', 'teams'],
    ],
  );
  assert.deepEqual(
    hooksFor(hooks, 'k8s-prod-operators').map((h) => h.service),
    ['teams'],
    'a group with its own line',
  );
  assert.deepEqual(
    hooksFor(hooks, 'prod-db-admins').map((h) => h.service),
    ['slack'],
    'the default otherwise',
  );
  for (const bad of [`default discord ${SECRET}`, 'default slack http://hooks.example/x', `default slack ${SECRET} extra`, 'default slack']) {
    assert.throws(
      () => parseWebhooks(bad),
      (e: unknown) =>
        e instanceof ConfigError &&
        /^line 1 of the webhooks input/.test(e.message) &&
        !e.message.includes('very-secret') &&
        !e.message.includes('hooks.example'),
    );
  }
});

const hostile = 'urgent <!channel> @channel @here <https://evil.example|click here> [x](https://evil.example) `code` & more\nsecond line';

test('Slack: &, < and > escaped as Slack documents, untrusted text in code formatting, no unfurling', () => {
  const payload = slackPayload({
    kind: 'refused',
    group: 'k8s-prod-operators',
    who: 'hubot',
    file: 'requests/k8s-prod-operators/hubot-x.yaml',
    pull: 7,
    reason: hostile,
  }) as { text: string; unfurl_links: boolean };
  assert.equal(payload.unfurl_links, false);
  assert.match(payload.text, /^\*Access request refused\*: hubot's request for k8s-prod-operators was not granted \(#7\)\.\nWhy: `/);
  assert.ok(!/<[!@#]/.test(payload.text) && !payload.text.includes('<https'), 'no Slack mention or link syntax survives');
  assert.match(payload.text, /&lt;!channel&gt;/);
  const why = /Why: (`[^`]*`)$/.exec(payload.text)?.[1];
  assert.ok(why, 'the reason is one code span');
  assert.ok(!why.slice(1, -1).includes('`') && !why.includes('\n'));
});

test('Teams: an Adaptive Card whose untrusted text is only in TextRuns (no Markdown rendering)', () => {
  const card = teamsPayload({
    kind: 'refused',
    group: 'k8s-prod-operators',
    who: 'hubot',
    file: 'requests/k8s-prod-operators/hubot-x.yaml',
    reason: hostile,
  }) as {
    type: string;
    attachments: { contentType: string; content: { type: string; body: { type: string; text?: string; inlines?: { type: string; text: string }[] }[] } }[];
  };
  assert.equal(card.type, 'message');
  assert.equal(card.attachments[0]!.contentType, 'application/vnd.microsoft.card.adaptive');
  const body = card.attachments[0]!.content.body;
  for (const block of body.filter((b) => b.type === 'TextBlock')) assert.ok(!block.text!.includes('evil'), 'no untrusted text where Markdown renders');
  assert.ok(
    body.some((b) => b.type === 'RichTextBlock' && b.inlines!.some((r) => r.type === 'TextRun' && r.text.includes('<!channel>'))),
    'kept verbatim, as plain text',
  );
});

test('THREATS 54: answers judged as each service documents them: Slack reasons, 429 retried after Retry-After, Teams 200 that did not deliver', async () => {
  const { judgeAnswer, notify } = await import('../../src/notify/notify.ts');
  assert.deepEqual(judgeAnswer('slack', 410, 'channel_is_archived'), { ok: false, detail: 'the webhook answered 410 channel_is_archived' });
  assert.equal(judgeAnswer('slack', 200, 'ok').ok, true);
  assert.equal(judgeAnswer('teams', 202, '').detail, 'accepted');
  assert.equal(judgeAnswer('teams', 200, '1').ok, true);
  const failed = judgeAnswer('teams', 200, 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 404');
  assert.equal(failed.ok, false);
  assert.match(failed.detail, /Teams answered 200 but did not deliver it: Webhook message delivery failed/);
  // One webhook: paced one at a time, a 429 waited out and retried; the messages all arrive, in order.
  const seen: number[] = [];
  let calls = 0;
  const fake = (async () => {
    calls++;
    seen.push(Date.now());
    return calls === 2 ? new Response('rate_limited', { status: 429, headers: { 'retry-after': '0' } }) : new Response('ok', { status: 200 });
  }) as typeof fetch;
  const hooks = [{ target: 'default', service: 'slack' as const, url: 'https://hooks.example/one' }];
  const events = [1, 2, 3].map((n) => ({ kind: 'removed' as const, group: 'g', who: `u${n}`, why: 'ended' as const }));
  const deliveries = await notify(hooks, events, { fetch: fake, intervalMs: 50 });
  assert.deepEqual(
    deliveries.map((d) => d.ok),
    [true, true, true],
  );
  assert.equal(calls, 4, 'the throttled message was sent again');
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! - seen[i - 1]! >= 45, 'never two at once to one webhook');
});
