/**
 * Chat incoming webhooks, as Slack and Microsoft Teams receive them: Slack's incoming webhook
 * (POST JSON with text or blocks; answers 200 "ok", 400 "invalid_payload" for a body it cannot
 * read) and a Teams Workflows webhook (POST JSON with an Adaptive Card attachment; answers 202).
 * Paths: /slack/<channel> and /teams/<channel>. Messages are kept for tests to read.
 */
import type { TwinRequest, TwinResponse } from './http.ts';
import type { TwinState } from './state.ts';

/** Slack allows about one message a second per incoming webhook ("Rate limits" in Slack's API docs). */
const SLACK_INTERVAL_MS = 1_000;

/**
 * Paths: /slack/<channel> (Slack incoming webhook: 200 "ok"; 429 with Retry-After past about one
 * message a second; 410 channel_is_archived for a channel named "archived"), /teams/<channel> (a Teams
 * Workflows webhook: 202, whatever happens later) and /connector/<channel> (a retired Office 365
 * connector: 200 "1", and 200 with "Webhook message delivery failed" for a channel named "broken").
 */
export function hooksHandler(state: TwinState) {
  const lastSlack = new Map<string, number>();
  return async (req: TwinRequest): Promise<TwinResponse> => {
    const m = /^\/(slack|teams|connector)\/([A-Za-z0-9_-]+)$/.exec(req.path);
    if (!m || req.method !== 'POST') return { status: 404, body: 'no_service', headers: { 'content-type': 'text/plain' } };
    let body: unknown;
    try {
      body = JSON.parse(req.body.toString('utf8'));
    } catch {
      return { status: 400, body: 'invalid_payload' };
    }
    const kind = m[1] as 'slack' | 'teams' | 'connector';
    const channel = m[2]!;
    if (kind === 'slack') {
      if (typeof (body as { text?: unknown }).text !== 'string' && !Array.isArray((body as { blocks?: unknown }).blocks))
        return { status: 400, body: 'no_text' };
      if (channel === 'archived') return { status: 410, body: 'channel_is_archived' };
      const last = lastSlack.get(channel) ?? 0;
      if (Date.now() - last < SLACK_INTERVAL_MS) return { status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } };
      lastSlack.set(channel, Date.now());
    } else if (!Array.isArray((body as { attachments?: unknown }).attachments)) return { status: 400, body: 'invalid_payload' };
    if (kind === 'connector' && channel === 'broken')
      return { status: 200, body: 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 404 with ContextId MS-CV=twin.' };
    state.hookMessages.push({ service: kind === 'slack' ? 'slack' : 'teams', channel, body });
    return kind === 'slack' ? { status: 200, body: 'ok' } : kind === 'connector' ? { status: 200, body: '1' } : { status: 202, body: '' };
  };
}
