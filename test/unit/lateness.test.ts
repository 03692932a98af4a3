// Endings of approved requests and how late their removal was: one case per rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endings, percentile, removalLateness, type RequestVersion } from '../../src/report/lateness.ts';

const M = 60_000;
const v = (file: string, landed: number, expiresAt: number, more: Partial<RequestVersion> = {}): RequestVersion => ({
  file,
  group: 'db',
  requester: 'octocat',
  landed,
  expiresAt,
  approved: true,
  ...more,
});
const none = new Map<string, number[]>();

test('an approved request ends at its expiry, or at the merge that deleted it', () => {
  assert.deepEqual(
    endings([v('a', 0, 60 * M)], none, 0, 1e12).map((e) => e.at),
    [60 * M],
  );
  assert.deepEqual(
    endings([v('a', 0, 60 * M)], new Map([['a', [20 * M]]]), 0, 1e12).map((e) => e.at),
    [20 * M],
  );
});

test('an approved extension moves the end; an unapproved change ends the access when it lands', () => {
  assert.deepEqual(
    endings([v('a', 0, 60 * M), v('a', 30 * M, 120 * M)], none, 0, 1e12).map((e) => e.at),
    [120 * M],
  );
  assert.deepEqual(
    endings([v('a', 0, 60 * M), v('a', 30 * M, 120 * M, { approved: false })], none, 0, 1e12).map((e) => e.at),
    [30 * M],
  );
});

test('no ending while another approved request covers the same person and group; an unapproved request ends nothing', () => {
  const ended = endings(
    [v('a', 0, 60 * M), v('b', 10 * M, 90 * M), v('c', 0, 30 * M, { approved: false }), v('d', 0, 70 * M, { requester: 'hubot' })],
    none,
    0,
    1e12,
  );
  assert.deepEqual(
    ended.map((e) => [e.file, e.at]),
    [
      ['d', 70 * M],
      ['b', 90 * M],
    ],
  );
});

test('only endings inside the window count', () => {
  assert.deepEqual(endings([v('a', 0, 60 * M), v('b', 0, 200 * M, { requester: 'x' })], none, 100 * M, 150 * M), []);
});

test("lateness is measured to the finish of the first successful run started after the end; pim groups are Entra's", () => {
  const ended = [
    { group: 'db', file: 'a', requester: 'o', at: 100 * M },
    { group: 'db', file: 'b', requester: 'p', at: 200 * M },
    { group: 'db', file: 'c', requester: 'q', at: 900 * M },
    { group: 'k8s', file: 'd', requester: 'o', at: 100 * M },
  ];
  const runs = [
    { startedAt: 99 * M, completedAt: 101 * M },
    { startedAt: 103 * M, completedAt: 104 * M },
    { startedAt: 215 * M, completedAt: 217 * M },
  ];
  const [db, k8s] = removalLateness(
    ended,
    runs,
    // db's access is ended by the sweep (membership); k8s's by Entra itself (pim).
    new Map([
      ['db', false],
      ['k8s', true],
    ]),
  );
  assert.deepEqual(db, { group: 'db', enforcedBy: 'sweep', ended: 3, lateness: [4 * M, 17 * M], unconfirmed: 1 });
  assert.deepEqual(k8s, { group: 'k8s', enforcedBy: 'entra', ended: 1, lateness: [], unconfirmed: 0 });
});

test('percentiles are nearest-rank', () => {
  assert.equal(percentile([3, 6, 15], 50), 6);
  assert.equal(percentile([3, 6, 15], 95), 15);
  assert.equal(
    percentile(
      Array.from({ length: 100 }, (_, i) => i + 1),
      95,
    ),
    95,
  );
  assert.equal(percentile([], 50), undefined);
});
