/**
 * Chat incoming webhooks, as Slack and Microsoft Teams receive them: Slack's incoming webhook
 * (POST JSON with text or blocks; answers 200 "ok", 400 "invalid_payload" for a body it cannot
 * read) and a Teams Workflows webhook (POST JSON with an Adaptive Card attachment; answers 202).
 * Paths: /slack/<channel> and /teams/<channel>. Messages are kept for tests to read.
 */
import type { TwinRequest, TwinResponse } from './http.ts';
import type { TwinState } from './state.ts';

export function hooksHandler(state: TwinState) {
  return async (req: TwinRequest): Promise<TwinResponse> => {
    const m = /^\/(slack|teams)\/([A-Za-z0-9_-]+)$/.exec(req.path);
    if (!m || req.method !== 'POST') return { status: 404, body: 'no_service', headers: { 'content-type': 'text/plain' } };
    let body: unknown;
    try {
      body = JSON.parse(req.body.toString('utf8'));
    } catch {
      return { status: 400, body: 'invalid_payload' };
    }
    const service = m[1] as 'slack' | 'teams';
    if (service === 'slack' && typeof (body as { text?: unknown }).text !== 'string' && !Array.isArray((body as { blocks?: unknown }).blocks)) return { status: 400, body: 'no_text' };
    if (service === 'teams' && !Array.isArray((body as { attachments?: unknown }).attachments)) return { status: 400, body: 'invalid_payload' };
    state.hookMessages.push({ service, channel: m[2]!, body });
    return service === 'slack' ? { status: 200, body: 'ok' } : { status: 202, body: '' };
  };
}
