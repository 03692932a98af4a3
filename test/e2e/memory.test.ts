// Remembered facts end to end (docs/threat-model.md 58): the bundled action's sweep against the twin
// and a real git repository. What GitHub said about merged pull requests is kept on the branch
// access-as-code/memory with a MAC made with the grant environment's key; a run then asks GitHub only
// about what changed, and an entry anyone else wrote costs a re-read, never a grant.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTree, commitTree, moveRef, refHead } from '../../scripts/twin/git-data.ts';
import { sealEntry, openEntry, entryPath, MEMORY_BRANCH, type Remembered } from '../../src/memory/memory.ts';
import { Scenario, requestYaml } from '../helpers/scenario.ts';

const HOUR = 3_600_000;
const KEY = 'memory-key-of-the-grant-environment-0123456789';

/** The memory branch's files, as the repository has them. */
function memoryFiles(s: Scenario): string[] {
  const head = refHead(s.repo.dir, MEMORY_BRANCH);
  return head ? s.repo.git('ls-tree', '-r', '--name-only', head).split('\n').filter(Boolean) : [];
}

/** Someone with push access commits files to the memory branch (no key needed to push). */
function pushToMemory(s: Scenario, files: Record<string, string>): void {
  const head = refHead(s.repo.dir, MEMORY_BRANCH);
  const tree = buildTree(
    s.repo.dir,
    head,
    Object.entries(files).map(([path, content]) => ({ path, content: Buffer.from(content) })),
  );
  assert.ok(moveRef(s.repo.dir, MEMORY_BRANCH, commitTree(s.repo.dir, tree, head ? [head] : [], 'pushed by hand', 'mallory'), head));
}

const githubCalls = (s: Scenario) => s.twin.log.count('github');

// Two remembered things share the first sweeps: the facts about merged pull requests (octocat's and
// hubot's requests) and the day's count of members without a request (billing-readers, audit mode, where
// monalisa and hubot are members by hand). Neither touches the other's groups.
test('THREATS 57: with a memory key a sweep asks GitHub only about what changed, with the same decisions, and records each day who holds each group without a request; the report shows it week by week and leaves out a day someone else wrote; without contents: write it still works', async () => {
  const { sealPoint, openPoint, historyPath } = await import('../../src/memory/history.ts');
  const { GROUPS } = await import('../helpers/scenario.ts');
  const s = await Scenario.begin();
  try {
    s.memoryKey = KEY;
    const key = { key: KEY, repository: 'acme/access' };
    // billing-readers (audit mode) leads to Global Administrator, and two people hold it with no request.
    s.twin.state.apps[0]!.roles.push('RoleManagement.Read.Directory');
    s.twin.state.roleAssignments.push({
      id: 'ra-billing',
      principalId: GROUPS['billing-readers'],
      roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10',
      directoryScopeId: '/',
    });
    s.addMember('billing-readers', 'monalisa');
    s.addMember('billing-readers', 'hubot');
    // Earlier sweeps recorded 6 and then 4 such members; someone with push access wrote a third day.
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const point = (daysAgo: number, users: number) => ({
      day: day(daysAgo),
      at: `${day(daysAgo)}T00:05:00.000Z`,
      groups: [{ group: 'billing-readers', users, apps: 0 }],
    });
    const sealed = [sealPoint(key, point(22, 6)), sealPoint(key, point(15, 4))];
    const forged = sealPoint({ key: 'another-key-that-is-long-enough-0123456789', repository: 'acme/access' }, point(8, 0));
    pushToMemory(s, Object.fromEntries([...sealed, forged].map((f) => [f.path, f.content])));
    s.approvedRequest('octocat', 'prod-db-admins', HOUR, { ticket: 'INC-1' });
    s.approvedRequest('hubot', 'k8s-prod-operators', HOUR);

    let run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual([s.members('prod-db-admins'), s.members('k8s-prod-operators')], [['octocat'], ['hubot']], run.summary);
    assert.match(run.stdout, /2 landing commits: 0 from remembered facts, 2 asked of GitHub/);
    const entries = memoryFiles(s).filter((f) => f.startsWith('landings/'));
    assert.equal(entries.length, 2, 'both merged pull requests are remembered');
    const today = day(0);
    assert.ok(memoryFiles(s).includes(historyPath(today)), memoryFiles(s).join(', '));
    const recorded = openPoint(key, today, s.repo.git('show', `${MEMORY_BRANCH}:${historyPath(today)}`) + '\n');
    assert.notEqual(typeof recorded, 'string', String(recorded));
    assert.deepEqual(
      (recorded as { groups: { group: string; users: number; apps: number }[] }).groups.find((g) => g.group === 'billing-readers'),
      { group: 'billing-readers', users: 2, apps: 0 },
      'audit mode: the two members stay, and are counted',
    );

    // The next sweep judges both requests from remembered facts: no pull-request query, the same members.
    // The day is recorded once: it writes nothing for it.
    const head = refHead(s.repo.dir, MEMORY_BRANCH);
    s.twin.log.clear();
    run = await s.revoke();
    const remembered = githubCalls(s);
    assert.equal(run.exitCode, 0, run.stdout);
    assert.match(run.stdout, /2 landing commits: 2 from remembered facts, 0 asked of GitHub/);
    assert.deepEqual([s.members('prod-db-admins'), s.members('k8s-prod-operators')], [['octocat'], ['hubot']]);
    assert.equal(refHead(s.repo.dir, MEMORY_BRANCH), head, 'nothing new to remember');

    const report = await s.report();
    assert.equal(report.exitCode, 0, report.stdout);
    const md = report.outputs.report ?? '';
    const rows = [...md.matchAll(/^\| (\d{4}-\d{2}-\d{2}) \| (\d+|not recorded) \| /gm)].map((m) => m[2]);
    // Thirteen weeks: the nine before the first record are one row (issue 33), then one row a week.
    assert.equal(rows.length, 4, md);
    assert.match(md, /^\| the 9 weeks before \| not recorded \| 0 \| 0 \|$/m);
    assert.deepEqual(rows.slice(-4), ['6', '4', 'not recorded', '2'], 'week by week, oldest first; the forged day is not believed');
    assert.match(
      md,
      /Standing members as the sweep recorded them: 3 days recorded since \d{4}-\d{2}-\d{2}\. 1 day on the memory branch did not count \(\d{4}-\d{2}-\d{2}: its MAC does not match/,
    );
    // The command line reads the same days with the grant environment's key in ACCESS_MEMORY_KEY.
    const { runCli } = await import('../helpers/cli.ts');
    const cli = await runCli(s, ['report'], { env: { ACCESS_MEMORY_KEY: KEY } });
    assert.equal(cli.code, 0, cli.err);
    assert.deepEqual([...cli.out.matchAll(/^\| (\d{4}-\d{2}-\d{2}) \| (\d+|not recorded) \| /gm)].map((m) => m[2]).slice(-4), ['6', '4', 'not recorded', '2']);

    s.memoryKey = undefined;
    s.twin.log.clear();
    run = await s.revoke();
    assert.match(run.stdout, /0 from remembered facts, 2 asked of GitHub.*give the action a memory-key/);
    assert.ok(remembered < githubCalls(s), `with memory ${remembered} GitHub requests, without ${githubCalls(s)}`);

    // A workflow without contents: write cannot write the memory: the run goes on and says so.
    // (monalisa's request is for k8s-prod-operators: she is already a member of billing-readers by hand.)
    s.memoryKey = KEY;
    s.twin.state.contentsWritable = false;
    s.approvedRequest('monalisa', 'k8s-prod-operators', HOUR);
    run = await s.revoke();
    assert.equal(run.exitCode, 0, 'a memory that cannot be written never fails the run');
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot', 'monalisa'], 'granted all the same');
    assert.ok(
      run.annotations.some(
        (a) => a.level === 'warning' && /memory branch was not written[\s\S]*contents: write[\s\S]*next run asks GitHub for these again/.test(a.message),
      ),
      run.stdout,
    );
  } finally {
    await s.stop();
  }
});

test('THREATS 57: an entry someone with push access wrote, moved or altered grants nothing and is read from GitHub again', async () => {
  const s = await Scenario.begin();
  try {
    s.memoryKey = KEY;
    const { pull } = s.approvedRequest('octocat', 'prod-db-admins', HOUR, { ticket: 'INC-1' });
    await s.revoke();
    const genuineLanding = memoryFiles(s)
      .find((f) => f.startsWith('landings/'))!
      .slice('landings/'.length, -'.json'.length);
    const genuine = s.repo.git('show', `${MEMORY_BRANCH}:${entryPath(genuineLanding)}`);
    const facts = openEntry({ key: KEY, repository: 'acme/access' }, genuineLanding, `${genuine}\n`) as Remembered;
    assert.equal(facts.pull.number, pull.number);

    // Two requests reach main by direct pushes: no pull request, no review. monalisa's and hubot's, one each.
    const bypass = s.directPush({
      'requests/k8s-prod-operators/monalisa.yaml': requestYaml({ requester: 'monalisa', group: 'k8s-prod-operators', expiresIn: HOUR }),
    });
    const other = s.directPush({
      'requests/k8s-prod-operators/hubot.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', expiresIn: HOUR }),
    });
    // Someone who can push writes three entries at once, each for its own landing commit: the genuine
    // entry moved to monalisa's bypass, one sealed with a key of their own for hubot's, and one with the
    // genuine MAC over altered facts in place of the genuine entry (octocat's).
    const forgedFor = (landing: string): Remembered => ({
      ...facts,
      landing,
      chosen: { ...facts.chosen, mergeCommit: landing },
      pull: { ...facts.pull, mergeCommit: landing },
    });
    const [body, tag] = sealEntry({ key: KEY, repository: 'acme/access' }, facts).content.split('\n');
    pushToMemory(s, {
      [entryPath(bypass.after)]: `${genuine}\n`,
      [entryPath(other.after)]: sealEntry({ key: 'a-key-of-my-own-that-is-long-enough-000000', repository: 'acme/access' }, forgedFor(other.after)).content,
      [entryPath(genuineLanding)]: `${body!.replaceAll('"dba1"', '"mallory"')}\n${tag}\n`,
    });
    let run = await s.revoke();
    assert.deepEqual(
      s.members('k8s-prod-operators'),
      [],
      "a moved entry grants nothing (monalisa's); an entry sealed with another key grants nothing (hubot's)",
    );
    assert.deepEqual(s.members('prod-db-admins'), ['octocat'], 'the altered entry is ignored and the approval read from GitHub again');
    assert.match(run.stdout, /3 landing commits: 0 from remembered facts, 3 asked of GitHub/, 'none of the three entries counted');
    assert.ok(
      run.annotations.some((a) => a.level === 'warning' && /3 entries on the access-as-code\/memory branch did not count.*MAC does not match/.test(a.message)),
      run.stdout,
    );
    // ...and the entry is written anew, so the next run is cheap again.
    run = await s.revoke();
    assert.match(run.stdout, /3 landing commits: 1 from remembered facts, 2 asked of GitHub/);
    assert.deepEqual(s.members('k8s-prod-operators'), []);
  } finally {
    await s.stop();
  }
});
