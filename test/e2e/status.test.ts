// `status`: who holds access right now, from the requests on main and the members Entra lists; and
// --format json for validate and plan. The CLI (through its door, test/helpers/cli.ts) against the twin and a real repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scenario, USERS } from '../helpers/scenario.ts';
import { runCli } from '../helpers/cli.ts';

const cli = (s: Scenario, cwd: string, ...args: string[]) => runCli(s, args, { cwd, entra: args[0] === 'status' });

test('status lists per group who holds access until when and why, drift and standing included; --mine keeps yours; --format json for scripts', async () => {
  const s = await Scenario.begin();
  try {
    const { file } = s.approvedRequest('hubot', 'k8s-prod-operators', 90 * 60_000, { approver: 'lead1' });
    await s.revoke(); // granted
    s.addMember('k8s-prod-operators', 'monalisa'); // out of band
    s.addMember('prod-db-admins', 'breakglass'); // the policy's standing exemption

    const text = await cli(s, join(s.repo.dir, 'requests'), 'status');
    assert.equal(text.code, 0, text.err);
    assert.match(
      text.out,
      new RegExp(
        `^k8s-prod-operators \\(enforce\\)\\n  hubot\\s+until \\S+ \\(1h(29|30)m left\\)  ${file.replace(/\//g, '\\/')}\\n  ${USERS.monalisa}\\s+no request: removed at the next run$`,
        'm',
      ),
    );
    assert.match(
      text.out,
      /^prod-db-admins \(enforce\)\n {2}0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60\s+standing exemption: Break-glass account for database outages \(review by 2099-01-31\)$/m,
    );
    assert.match(text.out, /^billing-readers \(audit\)\n {2}nobody$/m);

    const mine = await cli(s, s.repo.dir, 'status', '--mine', '--requester', 'hubot');
    assert.deepEqual(
      mine.out
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]),
      ['k8s-prod-operators', 'hubot'],
    );
    const none = await cli(s, s.repo.dir, 'status', '--mine', '--requester', 'octocat');
    assert.match(none.out, /octocat holds no access through the managed groups\./);
    // People, not logins: monalisa holds k8s-prod-operators without a request (listed by object id);
    // her --mine finds it through the Entra user her login maps to, never "no access".
    const hers = await cli(s, s.repo.dir, 'status', '--mine', '--requester', 'monalisa');
    assert.match(hers.out, new RegExp(`^k8s-prod-operators \\(enforce\\)\\n  ${USERS.monalisa}\\s+no request: removed at the next run$`, 'm'));
    assert.doesNotMatch(hers.out, /holds no access/);

    const json = JSON.parse((await cli(s, s.repo.dir, 'status', '--format', 'json')).out) as {
      groups: { group: string; members: { who: string; holds: string; until?: string }[] }[];
    };
    const k8s = json.groups.find((g) => g.group === 'k8s-prod-operators')!;
    assert.deepEqual(
      k8s.members.map((m) => [m.who, m.holds]),
      [
        ['hubot', 'active'],
        [USERS.monalisa, 'drift'],
      ],
    );
    assert.match(k8s.members[0]!.until!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal((await cli(s, s.repo.dir, 'status', '--format', 'yaml')).code, 2, 'an unknown format is a usage error');

    // A read-only command never says it changed anything: without GitHub, status says what a run would do.
    s.twin.faults.add({ service: 'github', kind: 'unavailable' });
    const blind = await cli(s, s.repo.dir, 'status');
    assert.match(blind.out, /^warning: .*A run now would only remove, from the checked-out commit [0-9a-f]{7}, and grant nothing\.$/m);
    assert.equal(blind.code, 1, 'without GitHub the listing is shown, but it is not a success (as the report)');
    assert.doesNotMatch(blind.out + blind.err, /were made|was granted|removed\b(?! at the next run)/);
  } finally {
    await s.stop();
  }
});

test('status names a repository GitHub does not have (or the token cannot see) as such, and one with no commits yet', async () => {
  const s = await Scenario.begin();
  try {
    const wrong = await runCli(s, ['status', '--github-repo', 'acme/nope'], { cwd: s.repo.dir, entra: true });
    assert.equal(wrong.code, 1);
    assert.match(wrong.out + wrong.err, /GitHub has no repository acme\/nope that this token can read: check the repository named/);
    assert.doesNotMatch(wrong.out + wrong.err, /did not say which commit|with id UNKNOWN/);
    const odd = await runCli(s, ['status', '--github-repo', 'nope'], { cwd: s.repo.dir, entra: true });
    assert.equal(odd.code, 2);
    assert.match(odd.err, /--github-repo "nope" is not owner\/name/);
    const ghost = await runCli(s, ['status', '--mine', '--requester', 'ghost'], { cwd: s.repo.dir, entra: true });
    assert.equal(ghost.code, 2);
    assert.match(ghost.err, /ghost is not in \.github\/access-identities\.yaml/);
  } finally {
    await s.stop();
  }
});

test('validate and plan --format json: one object with each request, its verdict and its problems with their lines', async () => {
  const s = await Scenario.begin();
  try {
    const file = 'requests/k8s-prod-operators/hubot-x.yaml';
    mkdirSync(join(s.repo.dir, 'requests/k8s-prod-operators'), { recursive: true });
    writeFileSync(
      join(s.repo.dir, file),
      'version: 1\nrequester: hubot\ngroup: k8s-prod-operators\nduration: 3h\njustification: "Drain the node pool for CHG-310"\n',
    );
    const validated = await cli(s, s.repo.dir, 'validate', file, '--format', 'json');
    assert.equal(validated.code, 1);
    const v = JSON.parse(validated.out) as {
      checked: number;
      invalid: number;
      requests: { file: string; valid: boolean; ends: { duration: string }; problems: { line: number; column: number; message: string }[] }[];
    };
    assert.equal(v.checked, 1);
    assert.equal(v.invalid, 1);
    assert.deepEqual(v.requests[0]!.ends, { duration: '3h' });
    assert.deepEqual(
      v.requests[0]!.problems.map((p) => [p.line, p.column]),
      [[4, 11]],
    );
    assert.match(v.requests[0]!.problems[0]!.message, /allows at most 2h/);

    writeFileSync(
      join(s.repo.dir, file),
      'version: 1\nrequester: hubot\ngroup: k8s-prod-operators\nduration: 1h\njustification: "Drain the node pool for CHG-310"\n',
    );
    const planned = await cli(s, s.repo.dir, 'plan', '--format', 'json');
    assert.equal(planned.code, 0, planned.err);
    const p = JSON.parse(planned.out) as { changes: { file: string; action: string; text: string }[] };
    assert.deepEqual(
      p.changes.map((c) => [c.file, c.action]),
      [[file, 'add']],
    );
    assert.match(p.changes[0]!.text, /for 1h from the merge/);
  } finally {
    await s.stop();
  }
});
