// Break-glass as pure functions: which runs cover whom until when, and the decision on a dispatch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grantsFromRuns, runTitle, type BreakGlassRun } from '../../src/breakglass/breakglass.ts';
import { decideBreakGlass } from '../../src/commands/break-glass.ts';
import { fixtureConfig } from '../helpers/config.ts';

const config = await fixtureConfig();
const NOW = Date.parse('2030-01-01T08:00:00Z');
const M = 60_000;
const run = (more: Partial<BreakGlassRun> = {}): BreakGlassRun => ({ id: 1, createdAt: NOW - 10 * M, title: runTitle('k8s-prod-operators', '30m', 'hubot'), actor: 'hubot', headBranch: 'main', path: '.github/workflows/access-break-glass.yml', event: 'workflow_dispatch', conclusion: 'success', ...more });

test('a successful run on main covers its actor until its first attempt plus the duration', () => {
  assert.deepEqual(grantsFromRuns([run()], config.policy, 'main', NOW), [{ run: 1, group: 'k8s-prod-operators', login: 'hubot', start: NOW - 10 * M, end: NOW + 20 * M }]);
});

test('nothing covered by: a failed run, another branch, another workflow, a title naming someone else, a duration over the maximum, an ended window, a group without break-glass', () => {
  const bad = [
    run({ conclusion: 'failure' }),
    run({ headBranch: 'feature' }),
    run({ path: '.github/workflows/other.yml' }),
    run({ actor: 'octocat' }),
    run({ title: runTitle('k8s-prod-operators', '3h', 'hubot') }),
    run({ createdAt: NOW - 31 * M }),
    run({ title: runTitle('prod-db-admins', '30m', 'hubot') }),
    run({ title: 'break-glass k8s-prod-operators for 30m by hubot; extra' }),
  ];
  for (const r of bad) assert.deepEqual(grantsFromRuns([r], config.policy, 'main', NOW), [], JSON.stringify(r));
});

const facts = { actor: 'hubot', run: 7, runCreatedAt: NOW, now: NOW, config, teamMembers: async () => new Set(['lead1']), previous: [] };
const inputs = { group: 'k8s-prod-operators', duration: '30m', ticket: 'INC-1', reason: 'The ingress is down' };

test('a dispatch is granted within the rules, until the run\'s first attempt plus the duration', async () => {
  const d = await decideBreakGlass(inputs, facts);
  assert.ok(d.ok);
  assert.equal(d.end, NOW + 30 * M);
});

test('a team member is allowed through the team; anyone else is refused; inputs of the wrong type are refused', async () => {
  assert.ok((await decideBreakGlass(inputs, { ...facts, actor: 'lead1', config: { ...config, identities: { ...config.identities, users: new Map([...config.identities.users, ['lead1', { upn: 'lead1@contoso.com' }]]) } } })).ok);
  const refused = await decideBreakGlass(inputs, { ...facts, actor: 'octocat' });
  assert.ok(!refused.ok && /octocat may not break glass/.test(refused.reasons.join()));
  const typed = await decideBreakGlass({ group: ['k8s-prod-operators'], duration: 30, reason: {} }, facts);
  assert.ok(!typed.ok);
});
