/** The twin's HTTP plumbing: one HTTPS listener per service, fault injection, and a call log. */
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Faults, Service } from './faults.ts';
import { logCall } from './call-log.ts';

export interface TwinRequest {
  service: Service;
  method: string;
  /** Path without query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** https://127.0.0.1:PORT of this service. */
  base: string;
}

export interface TwinResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
}

export type Handler = (req: TwinRequest) => Promise<TwinResponse> | TwinResponse;

export interface CallRecord {
  service: Service;
  method: string;
  path: string;
  status: number;
  /** For Graph $batch envelopes: how many requests were inside. */
  batchSize?: number;
  inBatch?: boolean;
  fault?: string;
}

export class CallLog {
  records: CallRecord[] = [];
  add(record: CallRecord): void {
    this.records.push(record);
  }
  clear(): void {
    this.records = [];
  }
  /** Calls that reached the service over HTTP (batch items not counted separately). */
  count(service?: Service, filter?: (r: CallRecord) => boolean): number {
    return this.records.filter((r) => !r.inBatch && (!service || r.service === service) && (!filter || filter(r))).length;
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): TwinResponse {
  return { status, body, headers };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function listen(
  service: Service,
  tls: { key: string; cert: string },
  handler: Handler,
  faults: Faults,
  log: CallLog,
  faultResponse: (rule: { kind: string; retryAfterSeconds?: number }) => TwinResponse,
): Promise<{ server: Server; base: string }> {
  let base = '';
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', base);
        const method = req.method ?? 'GET';
        const path = decodeURIComponent(url.pathname);
        logCall({ service, method, rawPath: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks) });
        if (faults.latencyMs > 0) await sleep(faults.latencyMs);
        const fault = faults.pick(service, method, path, false);
        if (fault?.kind === 'latency') await sleep(fault.latencyMs ?? 0);
        if (fault?.kind === 'reset') {
          log.add({ service, method, path, status: 0, fault: 'reset' });
          req.socket.destroy();
          return;
        }
        let response: TwinResponse;
        if (fault && (fault.kind === 'throttle' || fault.kind === 'unavailable')) {
          response = faultResponse(fault);
          log.add({ service, method, path, status: response.status, fault: fault.kind });
        } else {
          try {
            response = await handler({ service, method, path, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks), base });
          } catch (error) {
            response = json(500, { message: `twin: ${(error as Error).message}` });
          }
          const batchSize = (response as { batchSize?: number }).batchSize;
          log.add({
            service,
            method,
            path,
            status: response.status,
            ...(batchSize !== undefined ? { batchSize } : {}),
            ...(fault?.kind === 'drop-after' ? { fault: 'drop-after' } : {}),
          });
          if (fault?.kind === 'drop-after') {
            req.socket.destroy();
            return;
          }
        }
        send(res, response);
      })();
    });
  });
  // Connections are kept open between calls, as the real services keep them. Node's fetch (undici)
  // keeps an idle connection for the server's Keep-Alive hint less a margin of about a second, so the
  // 1 s this was set to made it close every connection at once: every call paid a new TLS handshake
  // that no real service costs (327 handshakes in figure 2's sweep; 7 now).
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base };
}

/** Writes an answer: JSON unless the body is text. */
function send(res: ServerResponse, response: TwinResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | undefined;
  if (response.body !== undefined) {
    payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    headers['content-type'] ??= typeof response.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
