/**
 * How the twin answers Graph listings and the queries Graph answers only as advanced queries.
 *
 * Pages ("Paging Microsoft Graph data in your app"): Graph pages server-side; a page may hold fewer
 * items than $top asks for, and `@odata.nextLink` (with an opaque $skiptoken) leads to the next one
 * until a page has none. The twin serves every listing in pages of at most `state.graphPageSize` (3
 * unless a test says otherwise), or $top when it is smaller, so a reader that stops at the first page
 * fails its tests. $top above the maximum a reference page gives (999 for directory objects, 1,000
 * for sign-ins) is refused.
 *
 * Advanced queries ("Advanced query capabilities on Microsoft Entra ID objects"): an OData cast, like
 * /me/transitiveMemberOf/microsoft.graph.group, needs the ConsistencyLevel: eventual header and
 * $count=true; without either Graph answers 400 Request_UnsupportedQuery "Unsupported Query.".
 */
import { json, type TwinResponse } from './http.ts';
import { graphError } from './graph.ts';

export interface ListCall {
  path: string;
  query: URLSearchParams;
  base: string;
  headers?: Record<string, string>;
}

/** The largest $top of directory-object listings (group-list-members: "between 1 and 999 inclusive"). */
export const DIRECTORY_MAX_TOP = 999;

const token = (offset: number) => Buffer.from(`twin:${offset}`).toString('base64url');
const offsetOf = (skiptoken: string): number | undefined => {
  const m = /^twin:(\d+)$/.exec(Buffer.from(skiptoken, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
};

/**
 * One page of a listing: `values` in the order Graph would give them, `context` its @odata.context
 * (after $metadata#). `@odata.count` (all items, not the page's) only when $count=true is asked.
 */
export function pageOf(
  call: ListCall,
  pageSize: number,
  values: readonly unknown[],
  context: string,
  limits: { maxTop?: number; defaultTop?: number } = {},
): TwinResponse {
  const maxTop = limits.maxTop ?? DIRECTORY_MAX_TOP;
  const topText = call.query.get('$top');
  const top = topText === null ? (limits.defaultTop ?? 100) : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > maxTop)
    return graphError(400, 'Request_BadRequest', `Invalid page size specified: '${topText}'. Must be between 1 and ${maxTop} inclusive.`);
  const skiptoken = call.query.get('$skiptoken');
  const skip = skiptoken === null ? 0 : offsetOf(skiptoken);
  if (skip === undefined) return graphError(400, 'Request_BadRequest', `Invalid $skiptoken '${skiptoken}'.`);
  const size = Math.max(1, Math.min(top, pageSize));
  const body: Record<string, unknown> = { '@odata.context': `${call.base}/v1.0/$metadata#${context}` };
  if (call.query.get('$count') === 'true') body['@odata.count'] = values.length;
  if (skip + size < values.length) {
    const next = new URLSearchParams(call.query);
    next.set('$skiptoken', token(skip + size));
    body['@odata.nextLink'] = `${call.base}/v1.0${call.path}?${next.toString()}`;
  }
  body.value = values.slice(skip, skip + size);
  return json(200, body);
}

/** A relationship of a directory object cast to a type: the OData casts the advanced-query page lists. */
const CAST = /\/(members|transitiveMembers|memberOf|transitiveMemberOf)\/microsoft\.graph\.[A-Za-z]+$/;

/** 400 Request_UnsupportedQuery for an advanced query sent without its header or $count=true, else undefined. */
export function refusedAdvancedQuery(call: ListCall & { method: string }): TwinResponse | undefined {
  if (call.method !== 'GET' || !CAST.test(call.path)) return undefined;
  const eventual = (call.headers?.['consistencylevel'] ?? '').toLowerCase() === 'eventual';
  if (eventual && call.query.get('$count') === 'true') return undefined;
  return graphError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
}
