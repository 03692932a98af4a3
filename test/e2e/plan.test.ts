// A run's plan as a value: `grant` and `revoke` with --dry-run --format json print every Entra change
// and every GitHub and chat effect, with ids and reasons, removals first, and change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, USERS } from '../helpers/scenario.ts';
import { runCli } from '../helpers/cli.ts';

const HOUR = 3_600_000;
type Plan = {
  head: string;
  changes: { id: string; kind: string; group: string; member: string; reason: string; sources: string[] }[];
  effects: { id: string; kind: string; pull?: number; after?: string; reason: string }[];
  configIgnored: unknown[];
};

test('revoke --dry-run --format json prints the plan (removals first, reminders with their notices) and changes nothing', async () => {
  const s = await Scenario.begin();
  try {
    const { file: ended } = s.approvedRequest('octocat', 'k8s-prod-operators', -HOUR);
    s.addMember('k8s-prod-operators', 'octocat');
    const { pull: soon } = s.approvedRequest('monalisa', 'k8s-prod-operators', 30 * 60_000);
    const run = await runCli(s, ['revoke', '--dry-run', '--format', 'json']);
    assert.equal(run.code, 0, run.err);
    const plan = JSON.parse(run.out) as Plan;
    assert.deepEqual(
      plan.changes.map((c) => [c.kind, c.member, c.reason]),
      [
        ['remove-member', USERS.octocat, 'ended'],
        ['add-member', USERS.monalisa, 'active'],
      ],
    );
    assert.deepEqual(plan.changes[0]!.sources, [ended]);
    assert.equal(plan.changes[0]!.id, `remove-member:k8s-prod-operators:${USERS.octocat}`);
    const reminder = plan.effects.find((e) => e.kind === 'reminder');
    assert.equal(reminder?.pull, soon.number);
    assert.ok(
      plan.effects.some((e) => e.kind === 'notice' && e.after === reminder!.id),
      'the reminder notice goes with the reminder',
    );
    assert.deepEqual(s.members('k8s-prod-operators'), ['octocat'], 'nothing changed');
    assert.equal(s.comments(soon).length, 0, 'no reminder posted');
    const refused = await runCli(s, ['revoke', '--format', 'json']);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /--format json prints the plan of a dry run: add --dry-run/);
  } finally {
    await s.stop();
  }
});
