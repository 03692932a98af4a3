// When a pim group's assignment ends, as the pure decision (src/reconcile/decide.ts): the last of the
// member's approved requests. test/e2e/pim.test.ts shows Entra's assignment moved both ways through the
// bundled action; the direction of each move is this rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, type RequestResult } from '../../src/reconcile/decide.ts';
import type { AccessRequest } from '../../src/request/request.ts';
import { NOW, fixtureConfig } from '../helpers/config.ts';

const base = await fixtureConfig();
const k8s = base.policy.groups.get('k8s-prod-operators')!;
const config = { ...base, policy: { ...base.policy, groups: new Map([...base.policy.groups, ['k8s-prod-operators', { ...k8s, backend: 'pim' as const }]]) } };
const M = 60_000;
const HUBOT = '2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40';
const iso = (ms: number) => new Date(ms).toISOString();

/** An approved, active request of hubot's for k8s-prod-operators ending `minutes` from NOW. */
const approved = (file: string, minutes: number): RequestResult => ({
  file: `requests/k8s-prod-operators/${file}`,
  group: 'k8s-prod-operators',
  state: 'active',
  requester: 'hubot',
  request: { file, requester: 'hubot', group: 'k8s-prod-operators', expires: iso(NOW + minutes * M), expiresAt: NOW + minutes * M } as AccessRequest,
  userId: HUBOT,
  verification: { approved: true, reasons: [], approvers: ['lead1'], pull: 7 },
});

/** hubot's disposition when the assignment in force ends `current` minutes from NOW. */
function hubot(requests: RequestResult[], current: number) {
  const d = decide({
    config,
    groups: [{ name: 'k8s-prod-operators', id: k8s.id, members: [{ id: HUBOT, type: 'user' }], state: new Map([[HUBOT, iso(NOW + current * M)]]) }],
    requests,
    breakGlass: [],
    phase: 'verified',
  });
  return d.groups[0]!.dispositions.find((x) => x.id === HUBOT)!;
}

test('a pim assignment ends with the last of its member’s approved requests: a longer request moves the end later, deleting it moves the end back', () => {
  const first = approved('hubot-1.yaml', 60);
  const longer = approved('hubot-2.yaml', 100);
  const extended = hubot([first, longer], 60);
  assert.equal(extended.action, 'update');
  assert.equal(extended.end, iso(NOW + 100 * M), 'extended to the later request');
  const back = hubot([first], 100);
  assert.equal(back.action, 'update');
  assert.equal(back.end, iso(NOW + 60 * M), 'back to the remaining request');
  assert.equal(hubot([first, longer], 100).action, 'keep', 'already ending with the last request: nothing to move');
});
