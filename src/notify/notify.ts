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
const HEADLINE: Record<NotifyEvent['kind'], string> = { granted: 'Access granted', refused: 'Access request refused', reminder: 'Access ends soon', removed: 'Access removed', 'break-glass': 'BREAK-GLASS access granted' };

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
      return e.why === 'drift' ? `${e.who} was removed from ${e.group}: no request covered the membership (drift).` : `${e.who}'s membership of ${e.group} ended and was removed.`;
  }
}

/** Slack: & < > escaped as Slack documents; untrusted text in code formatting, backticks removed. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slackCode = (text: string) => `\`${slackEscape(text.replace(/`/g, "'").replace(/[\r\n]+/g, ' '))}\``;

export function slackPayload(e: NotifyEvent): unknown {
  const detail = e.kind === 'refused' ? `\nWhy: ${slackCode(e.reason)}` : e.kind === 'break-glass' ? `\nReason: ${slackCode(e.reason)}` : 'file' in e && e.file ? `\nRequest: ${slackCode(e.file)}` : '';
  return { text: `${LOUD(e)}*${HEADLINE[e.kind]}*: ${slackEscape(summary(e))}${detail}`, unfurl_links: false, unfurl_media: false };
}

/** Teams (Workflows webhook): an Adaptive Card; untrusted text only in TextRuns, which render no Markdown. */
export function teamsPayload(e: NotifyEvent): unknown {
  const plain = (text: string) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] });
  const body: unknown[] = [{ type: 'TextBlock', text: HEADLINE[e.kind], weight: 'Bolder', wrap: true, ...(e.kind === 'break-glass' ? { color: 'Attention', size: 'Large' } : {}) }, plain(summary(e))];
  if (e.kind === 'refused') body.push(plain(`Why: ${e.reason}`));
  else if (e.kind === 'break-glass') body.push(plain(`Reason: ${e.reason}`));
  else if ('file' in e && e.file) body.push(plain(`Request: ${e.file}`));
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body } }] };
}

export interface Delivery {
  target: string;
  service: Service;
  ok: boolean;
  detail: string;
}

/**
 * Sends each event to its group's webhooks, a few at a time, each with a time limit; never throws.
 * The result says what failed, without the URL.
 */
export async function notify(hooks: readonly Webhook[], events: readonly NotifyEvent[], options: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<Delivery[]> {
  const send = options.fetch ?? fetch;
  const jobs = events.flatMap((e) => hooksFor(hooks, e.group).map((h) => ({ e, h })));
  const out: Delivery[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { e, h } = jobs[next++]!;
      try {
        const res = await send(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(h.service === 'slack' ? slackPayload(e) : teamsPayload(e)), signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
        out.push({ target: h.target, service: h.service, ok: res.ok, detail: res.ok ? `${e.kind} sent` : `${e.kind}: the webhook answered ${res.status}` });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        out.push({ target: h.target, service: h.service, ok: false, detail: `${e.kind}: ${timedOut ? `no answer within ${(options.timeoutMs ?? 5_000) / 1000} s` : 'the webhook could not be reached'}` });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, jobs.length) }, worker));
  return out;
}
