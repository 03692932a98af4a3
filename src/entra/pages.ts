/**
 * Microsoft Graph pages, one rule for every listing the product reads: a listing is whole only when
 * every page was read. Graph pages server-side ("Paging Microsoft Graph data in your app": a page may
 * hold fewer items than $top asks for, and the next one is at @odata.nextLink until a page has none),
 * so a reader that stops at the first page misses whoever is listed later: an eligible user on page 2,
 * Global Administrator on page 2. A page that fails makes the whole listing fail: half a listing is
 * never taken for all of it.
 */

/** One GET, relative to the endpoint's /v1.0, with its headers (advanced queries need ConsistencyLevel on every page). */
export interface GraphGet {
  url: string;
  headers?: Record<string, string>;
  /** Only the first page is wanted (a count with $top=1): its nextLink is not followed. */
  onePage?: boolean;
}

export interface GraphAnswer {
  status: number;
  body?: unknown;
  message: string;
}

/** More pages than any listing the product reads can have (999 per page); a loop beyond it is Graph misbehaving. */
export const MAX_PAGES = 1000;

/**
 * The path of a nextLink relative to the endpoint's /v1.0 (what $batch takes), or undefined when the
 * link leads anywhere else: an API answer is not trusted to send the app's requests elsewhere.
 */
export function nextPath(link: unknown, endpoint: string): string | undefined {
  if (typeof link !== 'string') return undefined;
  let url: URL;
  let base: URL;
  try {
    url = new URL(link);
    base = new URL(endpoint);
  } catch {
    return undefined;
  }
  const prefix = `${base.pathname.replace(/\/$/, '')}/v1.0/`;
  if (url.origin !== base.origin || !url.pathname.startsWith(prefix)) return undefined;
  return `/${url.pathname.slice(prefix.length)}${url.search}`;
}

const nextLinkOf = (a: GraphAnswer): unknown =>
  a.status >= 200 && a.status < 300 && a.body && typeof a.body === 'object' ? (a.body as Record<string, unknown>)['@odata.nextLink'] : undefined;

/**
 * Every page of each listing, read in rounds (all second pages at once, then all third pages), with the
 * request's headers on each page. Each answer is the first page's with `value` holding every page's
 * items and no nextLink, or the failure of the page that failed (which page, and why).
 */
export async function readEveryPage<A extends GraphAnswer>(
  send: (requests: readonly GraphGet[]) => Promise<A[]>,
  requests: readonly GraphGet[],
  endpoint: string,
): Promise<A[]> {
  const answers = await send(requests);
  const values = answers.map((a) => [...(((a.body as { value?: unknown } | undefined)?.value as unknown[] | undefined) ?? [])]);
  const current = [...answers];
  const pages = answers.map(() => 1);
  for (;;) {
    const pending: { i: number; path: string }[] = [];
    current.forEach((a, i) => {
      const link = nextLinkOf(a);
      if (link === undefined || requests[i]!.onePage) return;
      const path = nextPath(link, endpoint);
      const what = requests[i]!.url.split('?')[0];
      if (path === undefined) current[i] = { ...a, status: 502, body: undefined, message: `Graph's next page of ${what} is not on ${endpoint}: not followed` };
      else if (pages[i]! >= MAX_PAGES)
        current[i] = { ...a, status: 502, body: undefined, message: `${what} has more than ${MAX_PAGES} pages: not read to the end` };
      else pending.push({ i, path });
    });
    if (pending.length === 0) break;
    const next = await send(pending.map(({ i, path }) => ({ url: path, ...(requests[i]!.headers ? { headers: requests[i]!.headers } : {}) })));
    pending.forEach(({ i }, k) => {
      const a = next[k]!;
      pages[i]! += 1;
      if (a.status < 200 || a.status >= 300) {
        current[i] = { ...a, message: `page ${pages[i]} of ${requests[i]!.url.split('?')[0]}: ${a.message}` };
        return;
      }
      values[i]!.push(...(((a.body as { value?: unknown } | undefined)?.value as unknown[] | undefined) ?? []));
      current[i] = a;
    });
  }
  return current.map((a, i) => {
    if (a.status < 200 || a.status >= 300 || pages[i] === 1) return a;
    const first = { ...((answers[i]!.body ?? {}) as Record<string, unknown>) };
    delete first['@odata.nextLink'];
    return { ...answers[i]!, body: { ...first, value: values[i] } };
  });
}

/**
 * An advanced query ("Advanced query capabilities on Microsoft Entra ID objects"): an OData cast on a
 * directory object's relationship (transitiveMembers/microsoft.graph.user,
 * transitiveMemberOf/microsoft.graph.group, members/microsoft.graph.servicePrincipal) is answered only
 * with the ConsistencyLevel: eventual header and $count=true; without them Graph answers 400
 * Request_UnsupportedQuery.
 */
export function advancedQuery(url: string): GraphGet {
  const counted = /[?&]\$count=true(&|$)/.test(url) ? url : `${url}${url.includes('?') ? '&' : '?'}$count=true`;
  return { url: counted, headers: { ConsistencyLevel: 'eventual' } };
}
