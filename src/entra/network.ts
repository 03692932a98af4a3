/**
 * Network failures said plainly (docs/threat-model.md 57): the Graph client reports a connection that
 * could not be made as "fetch failed" with no host and no cause, and the retry policy would then try
 * eight times in silence. This middleware, placed before the client's HTTP handler, names the host and
 * the cause, and marks the failures another try within a run will not fix (a name that does not
 * resolve, a refused connection, a certificate that is not trusted) so that they are not retried.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** A marker in the message of failures that retrying will not fix (the Graph client keeps only the message). */
export const UNREACHABLE = 'cannot be reached';

const PERMANENT: Record<string, string> = {
  ENOTFOUND: 'its host name does not resolve (check the graph-endpoint setting and DNS)',
  ECONNREFUSED: 'it refused the connection (nothing listens there: check the graph-endpoint setting, proxy and firewall)',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate is not trusted (a proxy that inspects TLS? set NODE_EXTRA_CA_CERTS)',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not trusted (a proxy that inspects TLS? set NODE_EXTRA_CA_CERTS)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed and not trusted (set NODE_EXTRA_CA_CERTS)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

/** The code of a network error, from the error or its causes (undici puts it on `cause`). */
export function networkCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What to say about a failed connection to `url`, and whether retrying can help. */
export function describeNetworkFailure(error: unknown, url: string): { message: string; permanent: boolean } {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // a relative URL: the message names it as it is
  }
  const code = networkCode(error);
  if (code && PERMANENT[code]) return { message: `Microsoft Graph at ${host} ${UNREACHABLE}: ${PERMANENT[code]} (${code}).`, permanent: true };
  return {
    message: `the connection to Microsoft Graph at ${host} failed${code ? ` (${code})` : ''}: ${(error as Error)?.message ?? String(error)}`,
    permanent: false,
  };
}

export class NetworkErrorHandler implements Middleware {
  private nextMiddleware: Middleware | undefined;
  async execute(context: Context): Promise<void> {
    try {
      await this.nextMiddleware!.execute(context);
    } catch (error) {
      const url = typeof context.request === 'string' ? context.request : ((context.request as { url?: string }).url ?? '');
      throw new Error(describeNetworkFailure(error, url).message, { cause: error });
    }
  }
  setNext(next: Middleware): void {
    this.nextMiddleware = next;
  }
}
