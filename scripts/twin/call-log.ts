/**
 * The calls clients send the twin, written to disk for the conformance test (test/conformance/): when
 * TWIN_CALL_LOG names a directory, each GitHub, Graph and ARM request (the method, the path as sent,
 * the query, the headers that change meaning, the body; Graph `$batch` items as calls of their own) is
 * appended to `<dir>/<pid>.ndjson`. `npm test` sets the variable for every test process and checks
 * the collected calls against GitHub's and Microsoft's references afterwards (scripts/test.ts).
 *
 * The same call made again (by number, GUID, text) is written once per process, so a test making
 * thousands of like calls costs a few lines. A request a test sends on purpose outside the reference
 * (to show the twin refuses it) carries the header `x-twin-probe` and is not written.
 */
import { appendFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';

export interface LoggedCall {
  service: 'github' | 'graph' | 'arm';
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  path: string;
  query: [string, string][];
  /** Lower-cased; only those that change what a call means (ConsistencyLevel, Content-Type, Accept). */
  headers: Record<string, string>;
  /** Parsed JSON, or the text; absent when empty. */
  body?: unknown;
  inBatch?: boolean;
  /** The test file whose process made the call (the files, where files share a process: scripts/test.ts). */
  from: string;
}

/** The test files this process runs: one, or a batch of them sharing the process (worked out once, not per call). */
const testFiles = (() => {
  const files = process.argv.slice(1).filter((a) => a.endsWith('.test.ts'));
  return (files.length > 0 ? files : [process.argv[1] ?? '']).map((f) => relative(process.cwd(), f)).join(', ');
})();

const KEPT_HEADERS = ['consistencylevel', 'content-type', 'accept', 'prefer'];
const LOGGED = new Set(['github', 'graph', 'arm']);
const seen = new Set<string>();

/** Appends the call (and, for a Graph `$batch`, each call inside it) to the log, if one is asked for. */
export function logCall(call: { service: string; method: string; rawPath: string; query: URLSearchParams; headers: IncomingHttpHeaders; body: Buffer }): void {
  const dir = process.env.TWIN_CALL_LOG;
  if (!dir || !LOGGED.has(call.service) || call.headers['x-twin-probe'] !== undefined) return;
  const body = parseBody(call.body);
  const record: LoggedCall = {
    service: call.service as LoggedCall['service'],
    method: call.method,
    path: call.rawPath,
    query: [...call.query],
    headers: keptHeaders(call.headers as Record<string, unknown>),
    ...(body !== undefined ? { body } : {}),
    from: testFiles,
  };
  const records = [record, ...(call.service === 'graph' && /\/\$batch$/.test(call.rawPath) ? batchItems(body, record.from) : [])];
  const lines = records.filter(isNew).map((r) => JSON.stringify(r) + '\n');
  if (lines.length > 0) appendFileSync(join(dir, `${process.pid}.ndjson`), lines.join(''));
}

function parseBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function keptHeaders(headers: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (KEPT_HEADERS.includes(name.toLowerCase())) kept[name.toLowerCase()] = String(value);
  return kept;
}

/** json-batching: each item's url is relative to the version root, e.g. "/groups/{id}/members". */
function batchItems(body: unknown, from: string): LoggedCall[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) return [];
  const probe = (item: { headers?: unknown }) => Object.keys((item.headers ?? {}) as object).some((h) => h.toLowerCase() === 'x-twin-probe');
  return requests.flatMap((item: { method?: unknown; url?: unknown; headers?: unknown; body?: unknown }): LoggedCall[] => {
    if (probe(item)) return [];
    const url = new URL(`/v1.0${String(item.url ?? '').startsWith('/') ? '' : '/'}${String(item.url ?? '')}`, 'https://batch.invalid');
    return [
      {
        service: 'graph',
        method: String(item.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: [...url.searchParams],
        headers: keptHeaders((item.headers ?? {}) as Record<string, unknown>),
        ...(item.body !== undefined ? { body: item.body } : {}),
        inBatch: true,
        from,
      },
    ];
  });
}

/** The same call again, told apart only by numbers, ids or free text, is not written twice. */
function isNew(call: LoggedCall): boolean {
  const key = JSON.stringify([
    call.service,
    call.method,
    shape(call.path),
    call.query.map(([k, v]) => [k, k.startsWith('$') || k === 'api-version' ? shape(v) : typeof v]),
    call.headers,
    graphqlDocument(call) ?? shapeOf(call.body),
    call.inBatch === true,
  ]);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** Ids, numbers and commit hashes as placeholders. */
function shape(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\b[0-9a-f]{40}\b/gi, '<sha>')
    .replace(/\d+/g, '<n>');
}

/** A body's structure: keys, and only word-like strings (enums) kept as they are. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 3).map(shapeOf);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  if (typeof value === 'string') return /^[A-Za-z_]{1,32}$/.test(value) ? value : 'text';
  return typeof value;
}

/** A GraphQL request is told apart by its document and the shape of its variables. */
function graphqlDocument(call: LoggedCall): unknown {
  const body = call.body as { query?: unknown; variables?: unknown } | undefined;
  return call.service === 'github' && typeof body?.query === 'string' ? [body.query, shapeOf(body.variables)] : undefined;
}
