// Graph pages, advanced queries and licences, with the real Graph client against the twin
// (docs/threat-model.md 69): the twin pages every listing, refuses an OData cast sent without
// ConsistencyLevel: eventual and $count=true, refuses $select on sign-ins, and answers premium data
// without a P1 licence as Graph does; the adapter reads every page through one helper.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { advancedQuery } from '../../src/entra/pages.ts';
import { unreadable } from '../../src/entra/identity.ts';
import { GROUP, Twin, directoryFor, seed, userId } from '../helpers/twin.ts';

const NESTED = '6c0ffee0-0000-4000-8000-000000000001';
let twin: Twin;
// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('graph-pages', () => {
  before(async () => {
    twin = await Twin.start({ seed: seed({ users: 20, members: 10, roles: ['GroupMember.Read.All', 'AuditLog.Read.All', 'User.Read.All'] }) });
    twin.state.groups.set(NESTED, { ...twin.state.groups.get(GROUP)!, id: NESTED, displayName: 'nested', members: new Set([userId(15), userId(16)]) });
    twin.state.groups.get(GROUP)!.members.add(NESTED);
  });
  after(() => twin.stop());
  beforeEach(() => {
    twin.faults.clear();
    twin.log.clear();
    twin.state.graphPageSize = 3;
    twin.state.premiumLicence = true;
  });

  const transitive = `/groups/${GROUP}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`;

  test('the twin serves a listing in pages of 3 with @odata.nextLink; readAll reads them all, in rounds of $batch', async () => {
    const [answer] = await directoryFor(twin).readAll([{ url: `/groups/${GROUP}/members?$select=id&$top=999` }]);
    assert.equal(answer!.status, 200);
    const body = answer!.body as { value: { id: string }[]; '@odata.nextLink'?: string };
    assert.equal(body.value.length, 11, '10 users and the nested group');
    assert.equal(body['@odata.nextLink'], undefined);
    assert.equal(twin.log.records.filter((r) => r.inBatch === true && r.path.endsWith('/members')).length, 4, '4 pages of 3');
    assert.equal(
      twin.log.count('graph', (r) => r.path === '/v1.0/$batch'),
      4,
      'each page in a $batch: a round per page',
    );
  });

  test('the members listing honours $top up to 999 and refuses more, as group-list-members says', async () => {
    twin.state.graphPageSize = 999;
    const [two, tooMany] = await directoryFor(twin).readAll([
      { url: `/groups/${GROUP}/members?$top=2`, onePage: true },
      { url: `/groups/${GROUP}/members?$top=1000` },
    ]);
    assert.equal((two!.body as { value: unknown[] }).value.length, 2);
    assert.ok((two!.body as { '@odata.nextLink'?: string })['@odata.nextLink'], 'onePage leaves the next link unread');
    assert.equal(tooMany!.status, 400);
  });

  test('an OData cast without ConsistencyLevel: eventual and $count=true is refused with Request_UnsupportedQuery; as an advanced query it is answered', async () => {
    const dir = directoryFor(twin);
    const [plain, noCount, advanced] = await dir.readAll([
      // Sent against the reference on purpose, to show the twin refuses them (kept out of the conformance log).
      { url: transitive, headers: { 'x-twin-probe': 'cast-without-advanced-query' } },
      { url: transitive, headers: { ConsistencyLevel: 'eventual', 'x-twin-probe': 'cast-without-count' } },
      advancedQuery(transitive),
    ]);
    for (const refused of [plain!, noCount!]) {
      assert.equal(refused.status, 400);
      assert.equal((refused.body as { error: { code: string } }).error.code, 'Request_UnsupportedQuery');
    }
    assert.equal(advanced!.status, 200);
    assert.deepEqual(
      ((advanced!.body as { value: { id: string }[] }).value ?? []).map((u) => u.id).sort(),
      [...Array.from({ length: 10 }, (_, i) => userId(i + 1)), userId(15), userId(16)].sort(),
    );
    const users = await dir.transitiveUsers([GROUP]);
    assert.equal((users.get(GROUP) as Set<string>).size, 12);
  });

  test('a refused transitive listing is answered as unread with why, never as an empty set', async () => {
    twin.faults.add({ service: 'graph', inBatch: true, match: /transitiveMembers/, kind: 'unsupported-query' });
    const users = await directoryFor(twin).transitiveUsers([GROUP]);
    const answer = users.get(GROUP);
    assert.ok(!(answer instanceof Set), 'not a set of holders');
    assert.match(String((answer as Error).message), /400.*Unsupported Query/);
  });

  test('sign-ins: $select is refused (signin-list supports $top, $skiptoken and $filter); pages of up to 1,000 are read', async () => {
    const now = Date.now();
    twin.state.signIns = Array.from({ length: 7 }, (_, i) => ({ userId: userId(1), appId: 'app', createdDateTime: new Date(now - i * 60_000).toISOString() }));
    const filter = encodeURIComponent(`userId eq '${userId(1)}'`);
    const [selected, plain, tooMany] = await directoryFor(twin).readAll([
      { url: `/auditLogs/signIns?$filter=${filter}&$select=createdDateTime,appId&$top=999`, headers: { 'x-twin-probe': 'select-on-sign-ins' } },
      { url: `/auditLogs/signIns?$filter=${filter}&$top=1000` },
      { url: `/auditLogs/signIns?$filter=${filter}&$top=1001` },
    ]);
    assert.equal(selected!.status, 400);
    assert.match(selected!.message, /\$select/);
    assert.equal(plain!.status, 200);
    assert.equal((plain!.body as { value: unknown[] }).value.length, 7, 'all 3 pages');
    assert.equal(tooMany!.status, 400);
  });

  test('without Entra ID P1, sign-in data answers 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant; it is told from a missing permission', async () => {
    twin.state.premiumLicence = false;
    const [logs, activity] = await directoryFor(twin).readAll([
      { url: `/auditLogs/signIns?$filter=${encodeURIComponent(`userId eq '${userId(1)}'`)}` },
      { url: `/users/${userId(1)}?$select=id,signInActivity` },
    ]);
    for (const a of [logs!, activity!]) {
      assert.equal(a.status, 403);
      assert.equal((a.body as { error: { code: string } }).error.code, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant');
      assert.match(
        unreadable('sign-in logs', a, 'AuditLog.Read.All'),
        /needs a Microsoft Entra ID P1 or P2 licence; the app's permission AuditLog\.Read\.All is not what is missing/,
      );
    }
    twin.state.apps[0]!.roles = twin.state.apps[0]!.roles.filter((r) => r !== 'AuditLog.Read.All');
    try {
      const [denied] = await directoryFor(twin).readAll([{ url: `/auditLogs/signIns?$filter=${encodeURIComponent(`userId eq '${userId(1)}'`)}` }]);
      assert.equal(denied!.status, 403);
      assert.equal(unreadable('sign-in logs', denied!, 'AuditLog.Read.All'), 'sign-in logs: not readable (needs AuditLog.Read.All, read-only)');
    } finally {
      twin.state.apps[0]!.roles.push('AuditLog.Read.All');
    }
  });
});
