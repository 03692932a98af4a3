/**
 * Chat notifications: Slack and Microsoft Teams incoming webhooks, per group or a default, on grant,
 * refusal, reminder, removal and drift. A notification is a courtesy: it is sent after the change was
 * made, a webhook that fails or hangs never blocks or fails a run (it is reported), and the URLs are
 * secrets, never printed. Text that came from a request or a pull request is escaped so that it cannot
 * mention a channel or carry a link: Slack's documented escaping of &, < and > (its mentions and links
 * are written <...>) inside code formatting, and Teams Adaptive Card TextRuns, which render no Markdown.
 */
import { ConfigError } from '../diagnostics.ts';

export type Service = 'slack' | 'teams';

export interface Webhook {
  /** A group name, or "default" for groups with no line of their own. */
  target: string;
  service: Service;
  url: string;
}

export type NotifyEvent =
  | { kind: 'granted'; group: string; who: string; until: string; file: string; pull?: number }
  | { kind: 'refused'; group: string; who: string; file: string; pull?: number; reason: string }
  | { kind: 'reminder'; group: string; who: string; until: string; pull: number }
  | { kind: 'removed'; group: string; who: string; why: 'ended' | 'drift'; file?: string }
  | { kind: 'break-glass'; group: string; who: string; until: string; issue: number; reason: string };

/**
 * The `webhooks` input (a secret): one line per webhook, "<group or default> <slack or teams> <https URL>".
 * Errors name the line, never the URL.
 */
export function parseWebhooks(text: string): Webhook[] {
  const hooks: Webhook[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [target, service, url, ...rest] = line.split(/\s+/);
    const where = `line ${i + 1} of the webhooks input`;
    if (rest.length > 0 || !url) throw new ConfigError(`${where} must read "<group or default> <slack or teams> <https URL>".`);
    if (service !== 'slack' && service !== 'teams') throw new ConfigError(`${where}: the service must be slack or teams.`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`${where}: the webhook is not a URL.`);
    }
    if (parsed.protocol !== 'https:') throw new ConfigError(`${where}: the webhook must use https.`);
    hooks.push({ target: target!, service, url });
  });
  return hooks;
}

/** The webhooks for a group: its own lines, else the default ones. */
export function hooksFor(hooks: readonly Webhook[], group: string): Webhook[] {
  const own = hooks.filter((h) => h.target === group);
  return own.length > 0 ? own : hooks.filter((h) => h.target === 'default');
}

/** Break-glass is loud: Slack marks it with a siren. */
const LOUD = (e: NotifyEvent) => (e.kind === 'break-glass' ? ':rotating_light: ' : '');
const HEADLINE: Record<NotifyEvent['kind'], string> = {
  granted: 'Access granted',
  refused: 'Access request refused',
  reminder: 'Access ends soon',
  removed: 'Access removed',
  'break-glass': 'BREAK-GLASS access granted',
};

/** What happened, in our words: group names, logins, ids, paths and times are validated forms. */
function summary(e: NotifyEvent): string {
  const pull = 'pull' in e && e.pull !== undefined ? ` (#${e.pull})` : '';
  switch (e.kind) {
    case 'granted':
      return `${e.who} is a member of ${e.group} until ${e.until}${pull}.`;
    case 'refused':
      return `${e.who}'s request for ${e.group} was not granted${pull}.`;
    case 'reminder':
      return `${e.who}'s membership of ${e.group} ends at ${e.until}${pull}.`;
    case 'break-glass':
      return `${e.who} granted themselves ${e.group} until ${e.until} with break-glass, without review; code owners review it in #${e.issue}.`;
    case 'removed':
      return e.why === 'drift'
        ? `${e.who} was removed from ${e.group}: no request covered the membership (drift).`
        : `${e.who}'s membership of ${e.group} ended and was removed.`;
  }
}

/** Slack: & < > escaped as Slack documents; untrusted text in code formatting, backticks removed. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slackCode = (text: string) => `\`${slackEscape(text.replace(/`/g, "'").replace(/[\r\n]+/g, ' '))}\``;

export function slackPayload(e: NotifyEvent): unknown {
  const detail =
    e.kind === 'refused'
      ? `\nWhy: ${slackCode(e.reason)}`
      : e.kind === 'break-glass'
        ? `\nReason: ${slackCode(e.reason)}`
        : 'file' in e && e.file
          ? `\nRequest: ${slackCode(e.file)}`
          : '';
  return { text: `${LOUD(e)}*${HEADLINE[e.kind]}*: ${slackEscape(summary(e))}${detail}`, unfurl_links: false, unfurl_media: false };
}

/** Teams (Workflows webhook): an Adaptive Card; untrusted text only in TextRuns, which render no Markdown. */
export function teamsPayload(e: NotifyEvent): unknown {
  const plain = (text: string) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] });
  const body: unknown[] = [
    { type: 'TextBlock', text: HEADLINE[e.kind], weight: 'Bolder', wrap: true, ...(e.kind === 'break-glass' ? { color: 'Attention', size: 'Large' } : {}) },
    plain(summary(e)),
  ];
  if (e.kind === 'refused') body.push(plain(`Why: ${e.reason}`));
  else if (e.kind === 'break-glass') body.push(plain(`Reason: ${e.reason}`));
  else if ('file' in e && e.file) body.push(plain(`Request: ${e.file}`));
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body },
      },
    ],
  };
}

export interface Delivery {
  /** The event it carried (the same object that was passed in). */
  event: NotifyEvent;
  target: string;
  service: Service;
  ok: boolean;
  detail: string;
}

/** Slack allows about one message a second per webhook; Teams is paced the same, which costs nothing. */
const PER_WEBHOOK_INTERVAL_MS = 1_000;
/** How long a 429's Retry-After may ask us to wait before the notice is given up (a run must not sit). */
const MAX_RETRY_AFTER_MS = 10_000;
const ATTEMPTS = 3;

/**
 * What a webhook's answer means, as each service documents it. Slack: 200 "ok"; 429 with Retry-After;
 * 400/403/404/410 with the reason as plain text (invalid_payload, action_prohibited, no_service,
 * channel_is_archived). Teams: a Workflows webhook answers 202 (delivery failures happen later, inside
 * the workflow, where no sender sees them); a retired Office 365 connector answers 200 "1", and 200
 * with "Webhook message delivery failed" when it failed, which is not a delivery.
 */
export function judgeAnswer(service: Service, status: number, text: string): { ok: boolean; retryAfterMs?: number; detail: string } {
  const reason = text
    .replace(/[\u0000-\u001f]+/g, ' ')
    .trim()
    .slice(0, 200);
  if (status === 429) return { ok: false, retryAfterMs: 0, detail: `the webhook answered 429${reason ? ` ${reason}` : ''} (rate limited)` };
  if (status < 200 || status >= 300) return { ok: false, detail: `the webhook answered ${status}${reason ? ` ${reason}` : ''}` };
  if (service === 'teams' && /delivery failed/i.test(reason)) return { ok: false, detail: `Teams answered ${status} but did not deliver it: ${reason}` };
  return { ok: true, detail: status === 202 ? 'accepted' : 'sent' };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends each event to its group's webhooks, each webhook's messages one at a time and at most one a
 * second (different webhooks side by side), each with a time limit, retrying a 429 after its
 * Retry-After; never throws. The result says what failed and why, in the service's words, without the URL.
 */
export async function notify(
  hooks: readonly Webhook[],
  events: readonly NotifyEvent[],
  options: { timeoutMs?: number; fetch?: typeof fetch; intervalMs?: number } = {},
): Promise<Delivery[]> {
  const send = options.fetch ?? fetch;
  const interval = options.intervalMs ?? PER_WEBHOOK_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const byUrl = new Map<string, { e: NotifyEvent; h: Webhook }[]>();
  for (const e of events) for (const h of hooksFor(hooks, e.group)) byUrl.set(h.url, [...(byUrl.get(h.url) ?? []), { e, h }]);
  const out: Delivery[] = [];
  const deliver = async (e: NotifyEvent, h: Webhook): Promise<Delivery> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await send(h.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(h.service === 'slack' ? slackPayload(e) : teamsPayload(e)),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const judged = judgeAnswer(h.service, res.status, await res.text().catch(() => ''));
        if (judged.retryAfterMs !== undefined) {
          const after = Number(res.headers.get('retry-after'));
          const wait = Number.isFinite(after) && after >= 0 ? after * 1000 : interval;
          if (attempt < ATTEMPTS && wait <= MAX_RETRY_AFTER_MS) {
            await sleep(Math.max(wait, interval));
            continue;
          }
        }
        return { event: e, target: h.target, service: h.service, ok: judged.ok, detail: `${e.kind}: ${judged.detail}` };
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        return {
          event: e,
          target: h.target,
          service: h.service,
          ok: false,
          detail: `${e.kind}: ${timedOut ? `no answer within ${timeoutMs / 1000} s` : 'the webhook could not be reached'}`,
        };
      }
    }
  };
  await Promise.all(
    [...byUrl.values()].map(async (jobs) => {
      for (const [i, { e, h }] of jobs.entries()) {
        if (i > 0) await sleep(interval);
        out.push(await deliver(e, h));
      }
    }),
  );
  return out;
}
