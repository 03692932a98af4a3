// The one rule for Graph pages (src/entra/pages.ts): every page read, the request's headers on each,
// a failed page fails the listing, a link elsewhere is not followed. Pure: `send` is a plain function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advancedQuery, nextPath, readEveryPage, type GraphAnswer, type GraphGet } from '../../src/entra/pages.ts';

const ENDPOINT = 'https://graph.microsoft.com';
const page = (value: unknown[], next?: string): GraphAnswer => ({
  status: 200,
  message: 'ok',
  body: { '@odata.context': 'x', value, ...(next ? { '@odata.nextLink': `${ENDPOINT}/v1.0${next}` } : {}) },
});

/** A Graph that answers from a table of url -> answer, recording what it was sent. */
function graph(table: Record<string, GraphAnswer>) {
  const sent: GraphGet[][] = [];
  const send = async (requests: readonly GraphGet[]) => {
    sent.push([...requests]);
    return requests.map((r) => table[r.url] ?? { status: 404, message: 'not found' });
  };
  return { send, sent };
}

test('every page is read, in rounds, with the headers of the request on each page; the answer holds all items and no next link', async () => {
  const g = graph({
    '/a?$count=true': page([1, 2], '/a?$count=true&$skiptoken=2'),
    '/a?$count=true&$skiptoken=2': page([3, 4], '/a?$count=true&$skiptoken=4'),
    '/a?$count=true&$skiptoken=4': page([5]),
    '/b': page(['x'], '/b?$skiptoken=1'),
    '/b?$skiptoken=1': page(['y']),
    '/c': { status: 200, message: 'ok', body: { id: 'c' } },
  });
  const [a, b, c] = await readEveryPage(g.send, [{ url: '/a?$count=true', headers: { ConsistencyLevel: 'eventual' } }, { url: '/b' }, { url: '/c' }], ENDPOINT);
  assert.deepEqual((a!.body as { value: unknown[] }).value, [1, 2, 3, 4, 5]);
  assert.equal((a!.body as Record<string, unknown>)['@odata.nextLink'], undefined);
  assert.deepEqual((b!.body as { value: unknown[] }).value, ['x', 'y']);
  assert.deepEqual(c!.body, { id: 'c' });
  assert.equal(g.sent.length, 3, 'first pages, then second pages together, then the third');
  assert.deepEqual(
    g.sent[1]!.map((r) => r.url),
    ['/a?$count=true&$skiptoken=2', '/b?$skiptoken=1'],
  );
  assert.deepEqual(g.sent[2]![0]!.headers, { ConsistencyLevel: 'eventual' });
});

test('a page that fails makes the listing fail, saying which page: half a listing is never the whole', async () => {
  const g = graph({ '/m': page([1, 2, 3], '/m?$skiptoken=3'), '/m?$skiptoken=3': { status: 503, message: 'gave up after 5 attempts' } });
  const [m] = await readEveryPage(g.send, [{ url: '/m' }], ENDPOINT);
  assert.equal(m!.status, 503);
  assert.equal(m!.message, 'page 2 of /m: gave up after 5 attempts');
  assert.equal(m!.body, undefined);
});

test('a next link to another host or version is not followed, and the listing fails instead', async () => {
  const g = graph({ '/m': { status: 200, message: 'ok', body: { value: [1], '@odata.nextLink': 'https://evil.example/v1.0/m?$skiptoken=1' } } });
  const [m] = await readEveryPage(g.send, [{ url: '/m' }], ENDPOINT);
  assert.equal(m!.status, 502);
  assert.match(m!.message, /not on https:\/\/graph\.microsoft\.com: not followed/);
  assert.equal(g.sent.length, 1);
  assert.equal(nextPath('https://graph.microsoft.com/beta/groups', ENDPOINT), undefined);
  assert.equal(nextPath('https://graph.microsoft.com/v1.0/groups?$skiptoken=x', ENDPOINT), '/groups?$skiptoken=x');
  assert.equal(nextPath('https://graph.example.cn/v1.0/groups', 'https://graph.example.cn'), '/groups');
});

test('onePage leaves the next link unread (a count with $top=1)', async () => {
  const g = graph({ '/groups?$top=1': page(['g'], '/groups?$top=1&$skiptoken=1') });
  const [a] = await readEveryPage(g.send, [{ url: '/groups?$top=1', onePage: true }], ENDPOINT);
  assert.deepEqual((a!.body as { value: unknown[] }).value, ['g']);
  assert.equal(g.sent.length, 1);
});

test('an advanced query carries ConsistencyLevel: eventual and $count=true, once', () => {
  assert.deepEqual(advancedQuery('/groups/g/transitiveMembers/microsoft.graph.user?$select=id'), {
    url: '/groups/g/transitiveMembers/microsoft.graph.user?$select=id&$count=true',
    headers: { ConsistencyLevel: 'eventual' },
  });
  assert.equal(advancedQuery('/x/microsoft.graph.group?$count=true').url, '/x/microsoft.graph.group?$count=true');
  assert.equal(advancedQuery('/x/microsoft.graph.group').url, '/x/microsoft.graph.group?$count=true');
});
