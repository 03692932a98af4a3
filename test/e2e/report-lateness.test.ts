// The report's "how late ended access was removed" per group: the
// CLI (through its door, test/helpers/cli.ts) against the twin, a real repository, and the run history GitHub records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario } from '../helpers/scenario.ts';
import { iso, runCli } from '../helpers/cli.ts';

const M = 60_000;
const report = (s: Scenario, at: number) => runCli(s, ['report', '--at', iso(at)]);

test('the report gives p50 and p95 removal lateness per group from the runs GitHub recorded, and Entra as the enforcer of pim groups', async () => {
  const s = await Scenario.begin();
  try {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml').replace('    maxDuration: 2h\n', '    maxDuration: 2h\n    backend: pim\n');
    s.approvedConfigChange({ '.github/access-policy.yaml': `${policy}\n` });
    const expiry = (file: string) => Date.parse(/expires: "([^"]+)"/.exec(s.repo.git('show', `HEAD:${file}`))![1]!);
    const db = [
      expiry(s.approvedRequest('octocat', 'prod-db-admins', 10 * M, { ticket: 'INC-1' }).file),
      expiry(s.approvedRequest('hubot', 'prod-db-admins', 20 * M, { ticket: 'INC-2' }).file),
    ];
    s.approvedRequest('hubot', 'k8s-prod-operators', 15 * M, { approver: 'lead1' });
    s.approvedRequest('monalisa', 'billing-readers', 40 * M);
    const runs = s.twin.state.repos.get('acme/access')!.workflowRuns;
    let id = 1;
    const run = (workflow: string, startedAt: number, minutes: number, more: Partial<(typeof runs)[number]> = {}) =>
      runs.push({
        workflow,
        id: id++,
        status: 'completed',
        conclusion: 'success',
        created_at: iso(startedAt),
        updated_at: iso(startedAt + minutes * M),
        event: 'schedule',
        ...more,
      });
    run('access-revoke.yml', db[0]! + 2 * M, 1); // removes octocat's: 3 minutes late
    run('access-revoke.yml', db[1]! + 1 * M, 0, { event: 'workflow_dispatch' }); // a manual run may be a dry run: not counted
    run('access-revoke.yml', db[1]! + 2 * M, 0, { conclusion: 'failure' }); // a failed run is not proof of removal
    run('access-grant.yml', db[1]! + 14 * M, 1, { event: 'push' }); // grant runs reconcile too: hubot's, 15 minutes late
    const result = await report(s, db[1]! + 30 * M);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /#### How late ended access was removed/);
    assert.match(result.out, /\| prod-db-admins \| 2 \| 3m \| 15m \| 0 \| the sweep \|/);
    assert.match(result.out, /\| k8s-prod-operators \| 1 \| on time \| on time \| 0 \| Entra \(PIM for Groups\) \|/);
    assert.match(result.out, /\| billing-readers \| 1 \| – \| – \| 1 \| the sweep \|/, 'no run since it ended: not confirmed');
    // The same figures as one JSON object, for scripts.
    const json = await runCli(s, ['report', '--format', 'json', '--at', iso(db[1]! + 30 * M)]);
    assert.equal(json.code, 0, json.err);
    const data = JSON.parse(json.out) as { history: { removals: { group: string; lateness: number[]; enforcedBy: string }[] } };
    assert.deepEqual(data.history.removals.find((g) => g.group === 'prod-db-admins')?.lateness, [3 * M, 15 * M]);
  } finally {
    await s.stop();
  }
});

test('with more than 1,000 runs since an ending, the run that removed it on time is still found (GitHub lists at most 1,000 of a filtered listing); a second holding 1,000 is said to cut the history', async () => {
  const s = await Scenario.begin();
  // GitHub's own 100 a page (the product asks per_page=100): this test is about the 1,000-result cap,
  // and thousands of runs at the twin's small default page would spend the job token's hour.
  s.twin.state.restPageMax = 100;
  try {
    const file = s.approvedRequest('octocat', 'prod-db-admins', 10 * M, { ticket: 'INC-1' }).file;
    const ended = Date.parse(/expires: "([^"]+)"/.exec(s.repo.git('show', `HEAD:${file}`))![1]!);
    const runs = s.twin.state.repos.get('acme/access')!.workflowRuns;
    const run = (id: number, startedAt: number) =>
      runs.push({
        workflow: 'access-revoke.yml',
        id,
        status: 'completed',
        conclusion: 'success',
        created_at: iso(startedAt),
        updated_at: iso(startedAt + M),
        event: 'schedule',
      });
    run(1, ended + 2 * M); // removed it: 3 minutes late
    for (let i = 0; i < 1_200; i++) run(2 + i, ended + 3 * M + i * 1_000); // 1,200 later runs, one a second
    const result = await report(s, ended + 30 * M);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /\| prod-db-admins \| 1 \| 3m \| 3m \| 0 \| the sweep \|/);
    assert.doesNotMatch(result.out, /history is cut/);

    // 1,000 runs created in one second cannot be told apart by time: the report says the history is cut.
    for (let i = 0; i < 1_000; i++) run(5_000 + i, ended + 25 * M);
    const cut = await report(s, ended + 30 * M);
    assert.equal(cut.code, 0, cut.err);
    assert.match(cut.out, /⚠️ The run history is cut: GitHub lists at most 1,000 runs/);
  } finally {
    await s.stop();
  }
});
