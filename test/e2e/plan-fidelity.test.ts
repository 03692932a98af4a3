// The plan is shown, and it is what runs (issue 31, item 2): the bundled action's dry run and then its
// real run on the same world. The dry run changes nothing and prints a plan; the real run prints the
// same plan (by id) and makes exactly its changes and effects, each with an outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionRun } from '../../scripts/lib/actions-runner.ts';
import { dispatchBreakGlass } from '../helpers/break-glass.ts';
import { Scenario, requestYaml, GROUPS, USERS } from '../helpers/scenario.ts';

const HOUR = 3_600_000;
type Plan = {
  head: string;
  changes: { id: string; kind: string; backend: string }[];
  checks: { id: string; kind: string; after: string }[];
  effects: { id: string; kind: string }[];
};
type Outcome = { id: string; status: string; detail?: string };

const planOf = (run: ActionRun) => JSON.parse(run.outputs.plan ?? 'null') as Plan;
const outcomesOf = (run: ActionRun) => JSON.parse(run.outputs.outcomes ?? '[]') as Outcome[];
/** Ids of the changes that write (an audit-mode report is shown, never made), of the checks that follow them, and of every effect. */
const planIds = (plan: Plan) =>
  [...plan.changes.filter((c) => c.kind !== 'report-member').map((c) => c.id), ...plan.checks.map((c) => c.id), ...plan.effects.map((e) => e.id)].sort();

function hooks(s: Scenario) {
  return { webhooks: `default slack ${s.twin.urls.hooks}/slack/access` };
}

/** Nothing of the world changed by a dry run: members, comments, issues, chat, Entra writes. */
function snapshot(s: Scenario) {
  const repo = s.twin.state.repos.get('acme/access')!;
  return JSON.stringify({
    members: Object.keys(GROUPS).map((g) => s.members(g as keyof typeof GROUPS)),
    comments: repo.comments.length,
    issues: repo.issues.size,
    hooks: s.twin.state.hookMessages.length,
    sessions: s.twin.state.sessionRevocations.length,
  });
}

/**
 * The dry run, then the real run: the same plan by id; the dry run changed nothing and made no
 * outcome; the real run's outcomes are exactly the planned ids, none failed. Returns both runs.
 */
async function dryThenReal(s: Scenario, run: (dry: boolean) => Promise<ActionRun>, dryExit = 0): Promise<{ dry: ActionRun; real: ActionRun; plan: Plan }> {
  const before = snapshot(s);
  const dry = await run(true);
  assert.equal(dry.exitCode, dryExit, dry.stdout);
  assert.equal(snapshot(s), before, 'the dry run changed nothing');
  assert.deepEqual(outcomesOf(dry), [], 'the dry run made nothing');
  assert.match(dry.summary, /Plan \(dry run: nothing is changed\)/);
  const real = await run(false);
  assert.equal(real.exitCode, 0, real.stdout);
  const plan = planOf(real);
  assert.deepEqual(planIds(plan), planIds(planOf(dry)), 'the real run planned what the dry run showed');
  const outcomes = outcomesOf(real);
  assert.deepEqual(outcomes.map((o) => o.id).sort(), planIds(plan), 'every planned change and effect was made, and nothing else');
  for (const o of outcomes) assert.ok(['made', 'already', 'done', 'passed'].includes(o.status), `${o.id}: ${o.status} ${o.detail ?? ''}`);
  // The plan comes first in the job summary, the outcomes after it.
  assert.ok(real.summary.indexOf('Plan') < real.summary.indexOf('Outcomes'), real.summary);
  return { dry, real, plan };
}

test('THREATS 70: dry-run: true on grant adds nobody and comments nowhere; the real run then makes exactly the plan (add-member, "granted" comment and notice)', async () => {
  const s = await Scenario.begin();
  try {
    const pull = s.openPull('octocat', {
      files: { 'requests/k8s-prod-operators/octocat-x.yaml': requestYaml({ requester: 'octocat', group: 'k8s-prod-operators' }) },
    });
    s.review(pull, 'lead1');
    const push = s.merge(pull);
    const { dry, real, plan } = await dryThenReal(s, (dry) => s.grant(push, { inputs: { 'dry-run': String(dry), ...hooks(s) } }));
    const changes = (run: ActionRun) => JSON.parse(run.outputs.changes ?? '[]') as { outcome: string; planned: string }[];
    assert.equal(changes(dry)[0]!.planned, 'granted', 'the dry run plans the grant, not "already a member"');
    assert.deepEqual(
      plan.changes.map((c) => [c.kind, c.backend]),
      [['add-member', 'membership']],
    );
    assert.equal(plan.changes[0]!.id, `add-member:k8s-prod-operators:${USERS.octocat}`);
    assert.deepEqual(plan.effects.map((e) => e.kind).sort(), ['comment', 'notice']);
    assert.ok(plan.effects.some((e) => e.id.startsWith('notice:granted:k8s-prod-operators:octocat')));
    assert.equal(changes(real)[0]!.outcome, 'granted');
    assert.deepEqual(s.members('k8s-prod-operators'), ['octocat']);
    assert.match(s.comments(pull)[0] ?? '', /✅ granted/);
  } finally {
    await s.stop();
  }
});

// Two independent sweep cases in one world and one dry run + real run: an expired membership and a
// reminder in k8s-prod-operators (backend membership), and an ended request in prod-db-admins made
// backend pim. Each assertion names its group.
test('one sweep: an expired request and a reminder (backend membership), and the end of a PIM assignment of an ended request (backend pim): dry-run, then made exactly as planned', async () => {
  const s = await Scenario.begin();
  try {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml').replace('    maxDuration: 4h\n', '    maxDuration: 4h\n    backend: pim\n');
    assert.match(policy, /prod-db-admins:\n.*\n {4}maxDuration: 4h\n {4}backend: pim\n/, 'prod-db-admins is a pim group');
    s.approvedConfigChange({ '.github/access-policy.yaml': `${policy}\n` });
    s.approvedRequest('octocat', 'k8s-prod-operators', -HOUR);
    s.addMember('k8s-prod-operators', 'octocat');
    const { pull: soon } = s.approvedRequest('monalisa', 'k8s-prod-operators', 30 * 60_000);
    s.addMember('k8s-prod-operators', 'monalisa');
    s.approvedRequest('hubot', 'prod-db-admins', -HOUR, { ticket: 'INC-7' });
    s.addMember('prod-db-admins', 'hubot');
    // With a memory key the facts to remember are planned too, in the dry run as in the real run.
    s.memoryKey = 'plan-fidelity-memory-key-0123456789abcdef';
    const { plan } = await dryThenReal(s, (dry) => s.revoke({ dryRun: dry, inputs: hooks(s) }));
    const of = (group: string) => plan.changes.filter((c) => c.id.includes(`:${group}:`));
    assert.deepEqual(
      of('k8s-prod-operators').map((c) => [c.id, c.backend]),
      [[`remove-member:k8s-prod-operators:${USERS.octocat}`, 'membership']],
    );
    assert.deepEqual(
      of('prod-db-admins').map((c) => [c.id, c.backend]),
      [[`pim-remove:prod-db-admins:${USERS.hubot}`, 'pim']],
    );
    assert.equal(plan.changes.length, 2, 'no other change');
    assert.deepEqual(plan.effects.map((e) => e.kind).sort(), ['notice', 'notice', 'notice', 'remember', 'reminder']);
    const notices = (group: string) => plan.effects.filter((e) => e.kind === 'notice' && e.id.includes(`:${group}:`)).map((e) => e.id.split(':')[1]);
    assert.deepEqual(notices('k8s-prod-operators').sort(), ['reminder', 'removed'], 'k8s-prod-operators: the removal and the reminder are announced');
    assert.deepEqual(notices('prod-db-admins'), ['removed'], 'prod-db-admins: the end of the assignment is announced');
    assert.ok(
      plan.effects.some((e) => e.kind === 'reminder' && e.id.startsWith(`reminder:#${soon.number}:requests/k8s-prod-operators/`)),
      "the reminder is on monalisa's pull request",
    );
    assert.deepEqual(s.members('k8s-prod-operators'), ['monalisa']);
    assert.equal(s.comments(soon).length, 1, 'the reminder was posted');
    assert.deepEqual(s.members('prod-db-admins'), []);
  } finally {
    await s.stop();
  }
});

test('a break-glass use: the dry run plans the grant, the review issue and the notice, and fails so that its record covers nobody; the re-run makes exactly them', async () => {
  const s = await Scenario.begin();
  try {
    const id = 7001;
    const inputs = { group: 'k8s-prod-operators', duration: '30m', ticket: 'INC-9', reason: 'The API servers are down' };
    // The real run is a re-run of the dry one (the same run, so the same plan ids), as GitHub keeps it.
    const breakGlass = async (dry: boolean) =>
      (await dispatchBreakGlass(s, 'hubot', inputs, { run: id, attempt: 2, inputs: { 'dry-run': String(dry), ...hooks(s) } })).run;
    const { dry, plan } = await dryThenReal(s, breakGlass, 1);
    assert.match(dry.stdout, /dry run: hubot would be granted k8s-prod-operators until .*this run fails so that its record covers nobody/);
    assert.deepEqual(
      plan.changes.map((c) => c.id),
      [`add-member:k8s-prod-operators:${USERS.hubot}`],
    );
    assert.deepEqual(
      plan.effects.map((e) => e.id),
      [`review-issue:${id}`, 'notice:break-glass:k8s-prod-operators:hubot'],
    );
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot']);
  } finally {
    await s.stop();
  }
});
