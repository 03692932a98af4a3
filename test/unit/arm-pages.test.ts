// ARM list pages (Role Assignments - List For Scope: nextLink): followed on the same endpoint only,
// and a page that fails fails the whole read, so a partial list is never taken as whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { armReadPages, type ArmAnswer } from '../../src/entra/arm-pages.ts';

const ARM = 'https://management.azure.com';
const pages = (answers: Record<string, ArmAnswer>) => {
  const asked: string[] = [];
  return { asked, get: async (url: string) => (asked.push(url), answers[url] ?? { status: 404, message: 'not found' }) };
};

test('every page of a list is read and joined; a single resource comes back as it was', async () => {
  const { asked, get } = pages({
    [`${ARM}/s/list`]: { status: 200, body: { value: [1, 2], nextLink: `${ARM}/s/list?$skipToken=a` }, message: 'OK' },
    [`${ARM}/s/list?$skipToken=a`]: { status: 200, body: { value: [3], nextLink: `${ARM}/s/list?$skipToken=b` }, message: 'OK' },
    [`${ARM}/s/list?$skipToken=b`]: { status: 200, body: { value: [4] }, message: 'OK' },
    [`${ARM}/s/def`]: { status: 200, body: { properties: { roleName: 'Owner' } }, message: 'OK' },
  });
  assert.deepEqual((await armReadPages(get, ARM, '/s/list')).body, { value: [1, 2, 3, 4] });
  assert.equal(asked.length, 3);
  assert.deepEqual((await armReadPages(get, ARM, '/s/def')).body, { properties: { roleName: 'Owner' } });
});

test('a nextLink to another host is not followed, a failed page or too many pages fail the read', async () => {
  const away = await armReadPages(
    pages({ [`${ARM}/l`]: { status: 200, body: { value: [1], nextLink: 'https://evil.example/l?$skipToken=a' }, message: 'OK' } }).get,
    ARM,
    '/l',
  );
  assert.equal(away.status, 0);
  assert.match(away.message, /leaves https:\/\/management\.azure\.com; not followed/);
  const failed = await armReadPages(
    pages({
      [`${ARM}/l`]: { status: 200, body: { value: [1], nextLink: `${ARM}/l?$skipToken=a` }, message: 'OK' },
      [`${ARM}/l?$skipToken=a`]: { status: 429, message: 'TooManyRequests' },
    }).get,
    ARM,
    '/l',
  );
  assert.equal(failed.status, 429);
  const endless = await armReadPages(async () => ({ status: 200, body: { value: [1], nextLink: `${ARM}/l?again` }, message: 'OK' }), ARM, '/l', 3);
  assert.equal(endless.status, 0);
  assert.match(endless.message, /more than 3 pages/);
});
