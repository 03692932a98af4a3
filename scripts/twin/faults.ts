/**
 * Faults the twin can inject, switchable per test: throttling (429, with or without Retry-After),
 * unavailability (503), connection resets, latency, per-item failures inside a 200 $batch, and
 * read-after-write lag, and GitHub GraphQL answers in part (data and errors together). Random faults
 * use a seeded generator so a failing run can be repeated.
 */
export type Service = 'graph' | 'entra' | 'github' | 'actions' | 'hooks' | 'arm';

export interface FaultRule {
  service: Service | '*';
  /** Matched against "METHOD /path" (path without query), e.g. /^DELETE .*\/\$ref$/. */
  match?: RegExp;
  /**
   * throttle: 429; unavailable: 503; reset: the connection is dropped before the call is handled;
   * drop-after: the call takes effect, then the connection is dropped (a timeout that happened);
   * partial: a GitHub GraphQL field fails inside a 200 answer, so the answer has both `data` (that
   * field null, and any non-null parent up to the nearest nullable one) and `errors` naming its path,
   * as the GraphQL specification's "Errors" and "Handling Field Errors" sections describe and GitHub
   * answers (for example "Something went wrong while executing your query", cli/cli#6013).
   * unsupported-query (Graph, inside a $batch): 400 Request_UnsupportedQuery, as Graph answers a query
   * it will not serve (an advanced query in a tenant without them: graph-pages.ts).
   */
  kind: 'throttle' | 'unavailable' | 'reset' | 'drop-after' | 'latency' | 'partial' | 'unsupported-query';
  /** For partial: the fields that fail, matched against the answer's path joined with dots (e.g. /^repository\.p0\.reviews$/). */
  path?: RegExp;
  /** For partial: the error's message (default: GitHub's message for a field that failed). */
  message?: string;
  /** For throttle/unavailable: the Retry-After header in seconds; absent means no header. */
  retryAfterSeconds?: number;
  latencyMs?: number;
  /** Probability per matching call (default 1). */
  rate?: number;
  /** How many more times the rule fires (default unlimited). */
  times?: number;
  /** Graph: apply to the requests inside a $batch (the envelope answers 200), not to the envelope. */
  inBatch?: boolean;
}

export class Faults {
  rules: FaultRule[] = [];
  /** Graph member reads lag writes by this much. */
  readLagMs = 0;
  /** Latency added to every call. */
  latencyMs = 0;
  private seed: number;

  constructor(seed = 42) {
    this.seed = seed >>> 0;
  }

  add(rule: FaultRule): this {
    this.rules.push(rule);
    return this;
  }

  clear(): void {
    this.rules = [];
    this.readLagMs = 0;
    this.latencyMs = 0;
  }

  /** The partial-answer fault for a GraphQL field at `path` (dotted), if any (a rule with `times` is consumed per field). */
  partial(path: string): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.kind !== 'partial' || (rule.service !== '*' && rule.service !== 'github')) continue;
      if (!rule.path?.test(path)) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      if (rule.times !== undefined) rule.times--;
      return rule;
    }
    return undefined;
  }

  /** mulberry32: small, seeded, good enough to spread faults. */
  random(): number {
    let t = (this.seed = (this.seed + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** The fault for this call, if any (a rule with `times` is consumed). */
  pick(service: Service, method: string, path: string, inBatch: boolean): FaultRule | undefined {
    const line = `${method} ${path}`;
    for (const rule of this.rules) {
      if (rule.service !== '*' && rule.service !== service) continue;
      if (rule.kind === 'partial' || (rule.inBatch ?? false) !== inBatch) continue;
      if (rule.match && !rule.match.test(line)) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      if (rule.times !== undefined) rule.times--;
      return rule;
    }
    return undefined;
  }
}
