// The Graph adapter with the real Graph client and @azure/identity over HTTPS against the twin:
// docs/threat-model.md 15, 16, 17, 22, 23 and paging.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { explainSignInError } from '../../src/entra/credential.ts';
import { DirectoryError, type MembershipChange } from '../../src/entra/directory.ts';
import { removeMemberPath } from '../../src/entra/urls.ts';
import { GROUP, Twin, directoryFor, fastRetry, jobCredential, seed, userId } from '../helpers/twin.ts';

const manyGroupId = (n: number) => `11111111-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const MANY_GROUPS = Array.from({ length: 40 }, (_, i) => ({
  id: manyGroupId(i + 1),
  displayName: `team-${i + 1}`,
  ...(i === 6 ? { isAssignableToRole: true } : {}),
  ...(i === 7 ? { membershipRule: 'user.department -eq "ops"', groupTypes: ['DynamicMembership'] } : {}),
}));

let twin: Twin;
// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('graph-adapter', () => {
  before(async () => {
    twin = await Twin.start({ seed: seed({ users: 2600, members: 2500, extraGroups: MANY_GROUPS }) });
    // This file counts calls at Graph's own page size ($top=999); small pages: test/e2e/graph-pages.test.ts.
    twin.state.graphPageSize = 999;
  });
  after(() => twin.stop());
  beforeEach(() => {
    twin.faults.clear();
    twin.log.clear();
  });

  const add = (n: number): MembershipChange => ({ op: 'add', groupId: GROUP, memberId: userId(n) });
  const remove = (n: number): MembershipChange => ({ op: 'remove', groupId: GROUP, memberId: userId(n) });

  test('signs in with the GitHub OIDC token and lists 2,500 members in 3 pages of $top=999', async () => {
    const members = await directoryFor(twin).listMembers(GROUP);
    assert.equal(members.length, 2500);
    assert.equal(new Set(members.map((m) => m.id)).size, 2500);
    assert.ok(members.every((m) => m.type === 'user'));
    const pages = twin.log.records.filter((r) => r.service === 'graph' && r.path.endsWith('/members'));
    assert.equal(pages.length, 3);
    assert.equal(
      twin.log.count('entra', (r) => r.path.endsWith('/token')),
      1,
      'one sign-in for all pages',
    );
    assert.ok(twin.log.count('actions') >= 1, 'the GitHub OIDC token was requested from the Actions endpoint');
  });

  test('resolves users by principal name and by id; unknown users are undefined', async () => {
    const dir = directoryFor(twin);
    assert.deepEqual(await dir.resolveUser({ upn: 'user7@contoso.com' }), { id: userId(7), userPrincipalName: 'user7@contoso.com' });
    assert.deepEqual(await dir.resolveUser({ id: userId(8).toUpperCase() }), { id: userId(8), userPrincipalName: 'user8@contoso.com' });
    assert.equal(await dir.resolveUser({ upn: 'nobody@contoso.com' }), undefined);
    assert.deepEqual(await dir.getGroup(GROUP), {
      id: GROUP,
      displayName: 'prod-db-admins',
      isAssignableToRole: false,
      groupTypes: [],
      onPremisesSyncEnabled: false,
      mailEnabled: false,
      securityEnabled: true,
    });
  });

  test('many groups are looked up 15 to a filtered listing and 20 listings to a $batch: 45 ids in one call', async () => {
    const dir = directoryFor(twin);
    // 40 groups that exist (one given in capitals), 5 that do not: 45 ids, three listings, one $batch.
    const ids = [...MANY_GROUPS.map((g, i) => (i === 3 ? g.id.toUpperCase() : g.id)), ...[41, 42, 43, 44, 45].map(manyGroupId)];
    const found = await dir.getGroups(ids);
    assert.equal(twin.log.count('graph'), 1, 'one $batch for 45 groups');
    assert.equal(found.size, 45);
    assert.deepEqual(
      [...found.values()].map((g) => g?.displayName ?? null),
      [...MANY_GROUPS.map((g) => g.displayName), null, null, null, null, null],
    );
    assert.equal(found.get(manyGroupId(7))?.isAssignableToRole, true);
    assert.deepEqual(found.get(manyGroupId(8))?.groupTypes, ['DynamicMembership']);
    // The same answers as one look-up per group.
    for (const id of [manyGroupId(4), manyGroupId(7), manyGroupId(8), manyGroupId(44)]) assert.deepEqual(found.get(id), await dir.getGroup(id));
  });

  test('batches sent at once share one sign-in (issue 20: one sign-in per run)', async () => {
    // 600 ids: 40 listings of 15, two $batch requests in flight together before any token is held.
    const ids = Array.from({ length: 600 }, (_, i) => manyGroupId(i + 1));
    const found = await directoryFor(twin, { concurrency: 4 }).getGroups(ids);
    assert.equal([...found.values()].filter(Boolean).length, 40);
    assert.equal(twin.log.count('graph'), 2);
    assert.equal(
      twin.log.count('entra', (r) => r.path.endsWith('/token')),
      1,
      'one sign-in for both batches',
    );
  });

  test('the twin refuses an id filter of more than 15 values, as Graph does by default', async () => {
    const list = Array.from({ length: 16 }, (_, i) => `'${manyGroupId(i + 1)}'`).join(',');
    const [answer] = await directoryFor(twin).readAll!([{ url: `/groups?$filter=${encodeURIComponent(`id in (${list})`)}&$select=id` }]);
    assert.equal(answer?.status, 400);
    assert.match(answer?.message ?? '', /Max allowed: 15/);
  });

  test('THREATS 16: adding an existing member and removing an absent one are successes', async () => {
    const outcomes = await directoryFor(twin).apply([add(1), remove(2599)]);
    assert.deepEqual(
      outcomes.map((o) => [o.done, o.status, o.detail]),
      [
        [true, 400, 'already a member'],
        [true, 404, 'already not a member'],
      ],
    );
  });

  test('changes go in $batch requests of at most 20, removals through /members/{id}/$ref', async () => {
    const changes = Array.from({ length: 45 }, (_, i) => remove(2000 + i));
    const outcomes = await directoryFor(twin).apply(changes);
    assert.ok(outcomes.every((o) => o.done && o.detail === 'removed'));
    const envelopes = twin.log.records.filter((r) => r.path === '/v1.0/$batch');
    assert.deepEqual(
      envelopes.map((r) => r.batchSize).sort((a, b) => a! - b!),
      [5, 20, 20],
    );
    const items = twin.log.records.filter((r) => r.inBatch);
    assert.ok(items.every((r) => r.method === 'DELETE' && /^\/groups\/[0-9a-f-]{36}\/members\/[0-9a-f-]{36}\/\$ref$/.test(r.path)));
    assert.equal(twin.members(GROUP).length, 2455);
    await directoryFor(twin).apply(changes.map((c) => ({ ...c, op: 'add' as const })));
    assert.equal(twin.members(GROUP).length, 2500);
  });

  test('THREATS 15: a 429 on some items inside a 200 $batch retries only those items, honouring Retry-After', async () => {
    twin.faults.add({ service: 'graph', inBatch: true, kind: 'throttle', retryAfterSeconds: 1, times: 3 });
    const sleeps: number[] = [];
    const changes = Array.from({ length: 10 }, (_, i) => add(2500 + i + 1));
    const outcomes = await directoryFor(twin, { retry: fastRetry(sleeps) }).apply(changes);
    assert.ok(
      outcomes.every((o) => o.done),
      JSON.stringify(outcomes),
    );
    const items = twin.log.records.filter((r) => r.inBatch);
    assert.equal(items.length, 13, '10 items, 3 of them twice');
    assert.equal(items.filter((r) => r.status === 429).length, 3);
    assert.deepEqual(sleeps, [1000], 'waited the Retry-After once before the retry round');
    assert.equal(outcomes.filter((o) => o.attempts === 2).length, 3);
    await directoryFor(twin).apply(changes.map((c) => ({ ...c, op: 'remove' as const })));
  });

  test('THREATS 15: 429 and 503 on the $batch itself, with and without Retry-After, are retried with backoff', async () => {
    twin.faults.add({ service: 'graph', match: /^POST \/v1\.0\/\$batch$/, kind: 'throttle', times: 1 });
    twin.faults.add({ service: 'graph', match: /^POST \/v1\.0\/\$batch$/, kind: 'unavailable', retryAfterSeconds: 2, times: 1 });
    const sleeps: number[] = [];
    const outcomes = await directoryFor(twin, { retry: fastRetry(sleeps) }).apply([remove(1)]);
    assert.deepEqual(
      outcomes.map((o) => [o.done, o.attempts]),
      [[true, 3]],
    );
    assert.equal(sleeps.length, 2);
    assert.ok(sleeps[0]! <= 2, 'no Retry-After: exponential backoff with jitter (base 2 ms in tests)');
    assert.equal(sleeps[1], 2000, 'Retry-After: 2 honoured');
    assert.ok(!twin.members(GROUP).includes(userId(1)));
    await directoryFor(twin).apply([add(1)]);
  });

  test('THREATS 16: an add that took effect before the connection dropped is a success on retry, not a second change', async () => {
    twin.faults.add({ service: 'graph', match: /^POST \/v1\.0\/\$batch$/, kind: 'drop-after', times: 1 });
    const outcomes = await directoryFor(twin).apply([add(2550)]);
    assert.deepEqual(
      outcomes.map((o) => [o.done, o.detail, o.attempts]),
      [[true, 'already a member', 2]],
    );
    assert.ok(twin.members(GROUP).includes(userId(2550)));
    await directoryFor(twin).apply([remove(2550)]);
  });

  test('a connection reset before anything happened is retried', async () => {
    twin.faults.add({ service: 'graph', match: /^POST \/v1\.0\/\$batch$/, kind: 'reset', times: 2 });
    const outcomes = await directoryFor(twin).apply([add(2551)]);
    assert.deepEqual(
      outcomes.map((o) => [o.done, o.detail, o.attempts]),
      [[true, 'added', 3]],
    );
    await directoryFor(twin).apply([remove(2551)]);
  });

  test('a change is never reported done when Graph kept failing', async () => {
    twin.faults.add({ service: 'graph', inBatch: true, kind: 'unavailable' });
    const outcomes = await directoryFor(twin, { retry: { ...fastRetry(), maxAttempts: 3 } }).apply([add(2552)]);
    assert.equal(outcomes[0]!.done, false);
    assert.match(outcomes[0]!.detail, /gave up after 3 attempts/);
    assert.ok(!twin.members(GROUP).includes(userId(2552)));
  });

  test('THREATS 17: with read-after-write lag, confirm polls reads until the change shows, without writing again', async () => {
    // Longer than reading 2,500 members takes on a loaded machine (three rounds of pages), so the first read is inside the lag.
    twin.faults.readLagMs = 1500;
    const dir = directoryFor(twin, { retry: { ...fastRetry(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) } });
    await dir.apply([add(2553)]);
    assert.ok(!(await dir.listMembers(GROUP)).some((m) => m.id === userId(2553)), 'not visible yet');
    const result = await dir.confirm([add(2553)], { attempts: 10, delayMs: 400 });
    assert.equal(result.visible, true);
    assert.equal(twin.log.records.filter((r) => r.inBatch && r.method === 'POST').length, 1, 'exactly one write');
    twin.faults.readLagMs = 0;
    await dir.apply([remove(2553)]);
  });

  test('THREATS 23: without the permission, the error names it', async () => {
    const readOnly = await Twin.start({ seed: seed({ members: 1, roles: ['GroupMember.Read.All'] }) });
    try {
      const dir = directoryFor(readOnly);
      const [outcome] = await dir.apply([add(2)]);
      assert.equal(outcome!.done, false);
      assert.equal(outcome!.status, 403);
      assert.match(
        outcome!.detail,
        /the Groups Administrator role scoped to an administrative unit that holds the group \(the narrower set-up, docs\/setup\.md\), or the application permission GroupMember\.ReadWrite\.All/,
      );
      await assert.rejects(
        dir.resolveUser({ upn: 'user1@contoso.com' }),
        (e: unknown) => e instanceof DirectoryError && /User\.ReadBasic\.All/.test(e.message),
      );
    } finally {
      await readOnly.stop();
    }
  });

  test('THREATS 22: removal paths always end in /$ref, and ids must be GUIDs', () => {
    assert.equal(removeMemberPath(GROUP.toUpperCase(), userId(3)), `/groups/${GROUP}/members/${userId(3)}/$ref`);
    assert.throws(() => removeMemberPath(GROUP, '../../users/x'), /is not an Entra object id/);
    assert.throws(() => removeMemberPath('x/../y', userId(3)), /is not an Entra object id/);
  });

  test('THREATS 22 (why it matters): in the twin, a DELETE without /$ref deletes the user object itself', async () => {
    const scratch = await Twin.start({ seed: seed({ members: 3 }) });
    try {
      process.env.ACTIONS_ID_TOKEN_REQUEST_URL = scratch.urls.actionsToken;
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = scratch.actionsRequestToken;
      const token = await jobCredential(scratch).getToken(`${scratch.urls.graph}/.default`);
      const res = await fetch(`${scratch.urls.graph}/v1.0/groups/${GROUP}/members/${userId(2)}`, {
        method: 'DELETE',
        // Outside Graph's reference on purpose: the conformance log leaves it out (scripts/twin/call-log.ts).
        headers: { authorization: `Bearer ${token!.token}`, 'x-twin-probe': 'delete-without-ref' },
      });
      assert.equal(res.status, 204);
      assert.equal(scratch.state.users.has(userId(2)), false, 'the user is gone, not just the membership');
    } finally {
      await scratch.stop();
    }
  });

  test('sign-in: a token for another subject gets an error that says which federated credential to add', async () => {
    const other = await Twin.start({ seed: seed({ subjects: ['repo:acme/access:environment:production'] }) });
    try {
      const error = await directoryFor(other)
        .listMembers(GROUP)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(error);
      const text = explainSignInError(error, { subjectHint: 'repo:acme/access:environment:access-grant' });
      assert.match(text, /no federated credential matching this job's token[\s\S]*subject repo:acme\/access:environment:access-grant/);
    } finally {
      await other.stop();
    }
  });

  test('sign-in: without id-token: write the error says so', async () => {
    const saved = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    try {
      const credential = jobCredential(twin);
      const error = await credential.getToken(`${twin.urls.graph}/.default`).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.match(explainSignInError(error), /"permissions: id-token: write"/);
    } finally {
      process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved;
    }
  });
});
