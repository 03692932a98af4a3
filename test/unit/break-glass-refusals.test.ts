// Break-glass decisions that test/e2e/break-glass.test.ts no longer re-checks through the bundled action,
// as pure functions: a re-run past its window, an actor with no identity, and an earlier use of the same
// login whose review issue is still open. The end-to-end file still reads each of their facts from GitHub.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideBreakGlass } from '../../src/commands/break-glass.ts';
import { NOW, fixtureConfig } from '../helpers/config.ts';

const config = await fixtureConfig();
const M = 60_000;
const inputs = { group: 'k8s-prod-operators', duration: '30m', ticket: 'INC-77', reason: 'The API servers are down; draining a broken node pool' };
const facts = { actor: 'hubot', run: 7, runCreatedAt: NOW, now: NOW, config, teamMembers: async () => new Set(['lead1']), previous: [] };

test("a re-run after the run's window has passed is refused: a re-run never extends break-glass access", async () => {
  // The run was first created 40 minutes ago for 30 minutes: its window ended 10 minutes ago.
  const late = await decideBreakGlass(inputs, { ...facts, runCreatedAt: NOW - 40 * M });
  assert.ok(!late.ok);
  assert.match(late.reasons.join(), /its access would have ended at 2030-01-01T07:50:00\.000Z\. A re-run never extends break-glass access: start a new run\./);
  // Within its window, a re-run is granted until the first attempt's end, not a new one.
  const within = await decideBreakGlass(inputs, { ...facts, runCreatedAt: NOW - 20 * M });
  assert.ok(within.ok);
  assert.equal(within.end, NOW + 10 * M);
});

test('a member of a break-glass team with no Entra identity is refused, naming the identities file', async () => {
  const refused = await decideBreakGlass(inputs, { ...facts, actor: 'lead1' });
  assert.ok(!refused.ok);
  assert.deepEqual(refused.reasons, ['lead1 has no Entra identity in .github/access-identities.yaml.']);
});

test('an earlier use by the same login whose review issue is still open blocks the next use, naming the issue', async () => {
  const earlier = { run: 5, group: 'k8s-prod-operators', login: 'hubot', issue: 12, review: { reviewed: false as const, why: '#12 is open.' } };
  const refused = await decideBreakGlass(inputs, { ...facts, previous: [earlier] });
  assert.ok(!refused.ok);
  assert.match(refused.reasons.join(), /^your earlier break-glass for k8s-prod-operators \(#12\) has not been reviewed: .*\(#12 is open\.\)\.$/);
});
