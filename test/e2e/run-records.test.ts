// Records only from where they can be made (issue 31 item 7, invariant 24): the report, the evidence
// and the lateness figures count a run only by the rule break-glass uses, and every file on the memory
// branch counts only with a valid MAC. The CLI (through its door) and the bundled action against the twin and a real repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTree, commitTree, moveRef, refHead } from '../../scripts/twin/git-data.ts';
import { MEMORY_BRANCH } from '../../src/memory/memory.ts';
import { historyPath, openPoint, sealPoint } from '../../src/memory/history.ts';
import { Scenario } from '../helpers/scenario.ts';
import { iso, runCli } from '../helpers/cli.ts';

const M = 60_000;

test('THREATS 62: a no-op access-revoke.yml run green on a branch neither makes an overdue sweep look fresh nor records expired access as removed', async () => {
  const s = await Scenario.begin();
  try {
    const start = Date.now();
    const { file } = s.approvedRequest('octocat', 'prod-db-admins', 10 * M, { ticket: 'INC-1' });
    const ended = Date.parse(/expires: "([^"]+)"/.exec(s.repo.git('show', `HEAD:${file}`))![1]!);
    s.addMember('prod-db-admins', 'octocat'); // no sweep has run: the member is still in the group
    // Someone with write access pushes a branch whose access-revoke.yml does nothing, and it runs green.
    s.repo.git('switch', '-q', '-c', 'noop');
    const noop = s.repo.commit('a sweep that does nothing', {
      '.github/workflows/access-revoke.yml': 'name: access-revoke\non: push\njobs:\n  sweep:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n',
    });
    s.repo.git('switch', '-q', 'main');
    const runs = s.twin.state.repos.get('acme/access')!.workflowRuns;
    const run = {
      workflow: 'access-revoke.yml',
      status: 'completed' as const,
      conclusion: 'success' as const,
      created_at: iso(ended + 2 * M),
      updated_at: iso(ended + 3 * M),
    };
    runs.push({ ...run, id: 1, event: 'push', head_branch: 'noop', head_sha: noop });
    // The same run reported as "main" (a tag named main on the branch's commit): still not on main's history.
    runs.push({ ...run, id: 2, event: 'push', head_branch: 'main', head_sha: noop });
    // A manual run of the real sweep on main may be a dry run: not a record of removal either.
    runs.push({ ...run, id: 3, event: 'workflow_dispatch' });
    const at = ended + 40 * M;

    const report = await runCli(s, ['report', '--at', iso(at)]);
    assert.equal(report.code, 0, report.err);
    assert.match(report.out, /Last successful sweep: \*\*none found\*\*/);
    assert.match(report.out, /\| prod-db-admins \| 1 \| – \| – \| 1 \| the sweep \|/, 'not confirmed as removed');
    const evidence = await runCli(s, ['evidence', '--from', iso(start - 60 * M), '--at', iso(at)]);
    assert.equal(evidence.code, 0, evidence.err);
    assert.match(
      evidence.out.split('\n').find((r) => r.includes(file))!,
      /"expired","","no successful grant or sweep run since: not confirmed",""$/,
    );

    // The real sweep, scheduled on main: now it is fresh, and the removal is confirmed, 3 minutes late.
    runs.push({ ...run, id: 4, event: 'schedule' });
    const after = await runCli(s, ['report', '--at', iso(at)]);
    assert.match(after.out, /Last successful sweep: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    assert.match(after.out, /\| prod-db-admins \| 1 \| 3m \| 3m \| 0 \| the sweep \|/);
    const confirmed = await runCli(s, ['evidence', '--from', iso(start - 60 * M), '--at', iso(at)]);
    assert.match(
      confirmed.out.split('\n').find((r) => r.includes(file))!,
      /"the first successful grant or sweep run that started after the end","3"$/,
    );
  } finally {
    await s.stop();
  }
});

test('THREATS 63: a history point for a day not yet recorded, written without the key, neither blocks nor forges that day', async () => {
  const s = await Scenario.begin();
  try {
    const KEY = 'memory-key-of-the-grant-environment-0123456789';
    s.memoryKey = KEY;
    const key = { key: KEY, repository: 'acme/access' };
    s.addMember('billing-readers', 'monalisa');
    s.addMember('billing-readers', 'hubot');
    const today = new Date().toISOString().slice(0, 10);
    // Someone with push access writes today's point first, claiming nobody holds the group.
    const forged = sealPoint(
      { key: 'another-key-that-is-long-enough-0123456789', repository: 'acme/access' },
      {
        day: today,
        at: `${today}T00:00:00.000Z`,
        groups: [{ group: 'billing-readers', users: 0, apps: 0 }],
      },
    );
    const head = refHead(s.repo.dir, MEMORY_BRANCH);
    const tree = buildTree(s.repo.dir, head, [{ path: forged.path, content: Buffer.from(forged.content) }]);
    assert.ok(moveRef(s.repo.dir, MEMORY_BRANCH, commitTree(s.repo.dir, tree, head ? [head] : [], 'pushed by hand', 'mallory'), head));

    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    const point = openPoint(key, today, s.repo.git('show', `${MEMORY_BRANCH}:${historyPath(today)}`) + '\n');
    assert.notEqual(typeof point, 'string', `today's point is the sweep's own: ${String(point)}`);
    assert.deepEqual((point as { groups: { group: string; users: number }[] }).groups.find((g) => g.group === 'billing-readers')?.users, 2);
  } finally {
    await s.stop();
  }
});
