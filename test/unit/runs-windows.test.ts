// Run listings split by creation time so no window reaches GitHub's 1,000-result cap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createdQualifier, splitWindow } from '../../src/github/runs.ts';

const T = Date.parse('2026-12-01T00:00:00Z');

test('a window is split at whole seconds into halves that do not overlap; the upper half of an open window stays open', () => {
  assert.equal(createdQualifier({ from: T }), '>=2026-12-01T00:00:00Z');
  assert.deepEqual(splitWindow({ from: T, to: T + 10_000 }), [
    { from: T, to: T + 5_000 },
    { from: T + 6_000, to: T + 10_000 },
  ]);
  assert.equal(createdQualifier({ from: T + 6_000, to: T + 10_000 }), '2026-12-01T00:00:06Z..2026-12-01T00:00:10Z');
  assert.deepEqual(splitWindow({ from: T }, T + 4_500), [{ from: T, to: T + 2_000 }, { from: T + 3_000 }]);
  assert.equal(splitWindow({ from: T, to: T }, T), undefined, 'one second cannot be split');
});
