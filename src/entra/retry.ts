/**
 * The one retry policy for Graph (Microsoft Graph throttling guidance): honour Retry-After on 429 and
 * 503; otherwise back off exponentially with full jitter. Pure, so it is tested without a network.
 */
import { scaledMs } from '../wait.ts';
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

// Ten attempts: under a sustained 10% of calls throttled (the envelope or the item, so about 19% of
// attempts fail), eight attempts left a change undone in about 1 run in 100 at 6,000 changes (0.19^8
// per change); ten leave one in about 2,700. Throttled attempts wait Retry-After, so this costs time
// only while Graph is throttling.
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, scaledMs(ms))),
};

/** Statuses worth another try: throttled, unavailable, gateway timeout (and 0 for a dropped connection). */
export function isTransient(status: number): boolean {
  return status === 0 || status === 429 || status === 503 || status === 504 || status === 502;
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A Retry-After longer than this is treated as this (a misbehaving proxy must not stall a run for hours). */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/**
 * How long to wait before attempt number `attempt` (1 = the first retry): the server's Retry-After
 * when it gave one, else exponential backoff with full jitter up to maxDelayMs.
 */
export function delayBeforeRetry(attempt: number, policy: RetryPolicy, retryAfter?: number): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * policy.random());
}
