// Thousands of adds and removes under a 20% fault rate converge to exactly the intended membership.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MembershipChange } from '../../src/entra/directory.ts';
import { GROUP, Twin, directoryFor, seed, userId } from '../helpers/twin.ts';

test('3,000 changes with 20% of calls failing (429, 503, resets, dropped-after-success) end exactly as intended', async (t) => {
  const twin = await Twin.start({ seed: seed({ users: 4000, members: 2000 }), faultSeed: 7 });
  try {
    // Intended: users 1..1000 leave, 2001..4000 join; 1001..2000 stay.
    const changes: MembershipChange[] = [
      ...Array.from({ length: 1000 }, (_, i) => ({ op: 'remove' as const, groupId: GROUP, memberId: userId(i + 1) })),
      ...Array.from({ length: 2000 }, (_, i) => ({ op: 'add' as const, groupId: GROUP, memberId: userId(2001 + i) })),
    ];
    twin.faults
      .add({ service: 'graph', inBatch: true, kind: 'throttle', retryAfterSeconds: 0, rate: 0.1 })
      .add({ service: 'graph', inBatch: true, kind: 'unavailable', rate: 0.04 })
      .add({ service: 'graph', match: /\$batch$/, kind: 'unavailable', retryAfterSeconds: 0, rate: 0.02 })
      .add({ service: 'graph', match: /\$batch$/, kind: 'reset', rate: 0.02 })
      .add({ service: 'graph', match: /\$batch$/, kind: 'drop-after', rate: 0.02 });
    const outcomes = await directoryFor(twin, {
      retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 12, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    }).apply(changes);

    const failed = outcomes.filter((o) => !o.done);
    assert.deepEqual(failed, [], 'every change done');
    const expected = Array.from({ length: 3000 }, (_, i) => userId(1001 + i)).sort();
    assert.deepEqual(twin.members(GROUP), expected, 'exactly the intended membership');

    const envelopes = twin.log.count('graph', (r) => r.path === '/v1.0/$batch');
    const items = twin.log.records.filter((r) => r.inBatch).length;
    const faulted = twin.log.records.filter((r) => r.fault).length;
    const least = Math.ceil(changes.length / 20);
    t.diagnostic(`changes=${changes.length} batches=${envelopes} (least ${least}) batch items sent=${items} faults injected=${faulted}`);
    assert.ok(faulted > 0.1 * (envelopes + items) * 0.5, 'faults really happened');
    assert.ok(envelopes >= least);
  } finally {
    await twin.stop();
  }
});
