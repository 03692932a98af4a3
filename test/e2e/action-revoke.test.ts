// The scheduled sweep end to end: the bundled action against the twin and a real git repository.
// Time is under the test's control through the requests' expiries: a request that "expired" was
// merged with an expiry in the past, with its membership made earlier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, USERS, type Pull } from '../helpers/scenario.ts';

const HOUR = 3_600_000;
type Sweep = { group: string; dispositions: { id: string; action: string; reason: string; outcome?: string; files: string[] }[] }[];
const sweepOf = (run: { outputs: Record<string, string> }) => JSON.parse(run.outputs.sweep ?? '[]') as Sweep;

async function world(build: (s: Scenario) => void | Promise<void>, check: (s: Scenario) => Promise<void>): Promise<void> {
  const s = await Scenario.begin();
  try {
    await build(s);
    await check(s);
  } finally {
    await s.stop();
  }
}

// Situations that do not touch each other (each its own group, or its own user in a group) share one
// world and one sweep, after a dry run of that same world: each case is asserted on its own group and
// users, so that no case's removal can stand in for another's.
//   k8s-prod-operators: octocat's request ended, hubot's is active; monalisa's active request was
//     approved by someone who is not a code owner of the folder.
//   prod-db-admins: a standing member (breakglass); octocat with an ended request overlapping an
//     active one (THREATS 10); hubot whose request was deleted and an out-of-band member (THREATS 11, 21).
//   billing-readers (audit mode): monalisa's request ended, and an out-of-band member (THREATS 21).
test('one sweep after its dry run: --dry-run changes nothing and says what it would remove; an expired request loses its membership, an active one keeps it, standing members stay; THREATS 10: an expired request overlapping an active one keeps the membership; THREATS 11 and 21: a deleted request and an out-of-band member are removed in enforce mode; THREATS 21: in audit mode an out-of-band member is only reported, an ended request is still removed; a request merged without a valid approval keeps nobody in the group', () =>
  world(
    (s) => {
      s.approvedRequest('octocat', 'k8s-prod-operators', -HOUR);
      s.approvedRequest('hubot', 'k8s-prod-operators', HOUR);
      s.addMember('k8s-prod-operators', 'octocat');
      s.addMember('k8s-prod-operators', 'hubot');
      s.addMember('prod-db-admins', 'breakglass');
      // THREATS 10
      s.approvedRequest('octocat', 'prod-db-admins', -HOUR, { ticket: 'INC-10' });
      s.approvedRequest('octocat', 'prod-db-admins', 30 * 60_000, { ticket: 'INC-11' });
      s.addMember('prod-db-admins', 'octocat');
      // THREATS 11 and 21 (enforce mode)
      const { file } = s.approvedRequest('hubot', 'prod-db-admins', HOUR, { ticket: 'INC-12' });
      s.addMember('prod-db-admins', 'hubot');
      const deletion = s.openPull('hubot', { files: { [file]: null } });
      s.merge(deletion);
      s.addMember('prod-db-admins', 'outsider');
      // THREATS 21 (audit mode)
      s.approvedRequest('monalisa', 'billing-readers', -HOUR);
      s.addMember('billing-readers', 'monalisa');
      s.addMember('billing-readers', 'outsider');
      // Without a valid approval
      s.approvedRequest('monalisa', 'k8s-prod-operators', -HOUR);
      s.approvedRequest('monalisa', 'k8s-prod-operators', HOUR, { approver: 'fin1' }); // not an owner of the folder
      s.addMember('k8s-prod-operators', 'monalisa');
    },
    async (s) => {
      const dry = await s.revoke({ dryRun: true });
      assert.equal(dry.exitCode, 0, dry.stdout + dry.stderr);
      assert.deepEqual(s.members('k8s-prod-operators'), ['hubot', 'monalisa', 'octocat'], 'dry run: nothing removed');
      assert.deepEqual(s.members('prod-db-admins'), ['breakglass', 'hubot', 'octocat', 'outsider'], 'dry run: nothing removed');
      assert.deepEqual(s.members('billing-readers'), ['monalisa', 'outsider'], 'dry run: nothing removed');
      assert.match(dry.summary, /Access sweep \(dry run: nothing changed\)[\s\S]*would be removed/);
      assert.equal(s.twin.log.records.filter((r) => r.inBatch && r.method !== 'GET').length, 0, 'dry run: no write reached Graph');

      const run = await s.revoke();
      assert.equal(run.exitCode, 0, run.stdout + run.stderr);
      const dispositions = (group: string, ...logins: (keyof typeof USERS)[]) =>
        sweepOf(run)
          .find((g) => g.group === group)!
          .dispositions.filter((d) => logins.some((l) => USERS[l] === d.id));

      // An expired request loses its membership; an active one keeps it; standing members stay.
      assert.ok(!s.members('k8s-prod-operators').includes('octocat'), 'expired: octocat removed');
      assert.ok(s.members('k8s-prod-operators').includes('hubot'), 'active: hubot kept');
      assert.ok(s.members('prod-db-admins').includes('breakglass'), 'standing: breakglass kept');
      assert.deepEqual(
        dispositions('k8s-prod-operators', 'octocat', 'hubot')
          .map((d) => [d.id, d.action, d.reason, d.outcome ?? ''])
          .sort(),
        [
          [USERS.hubot, 'keep', 'active', ''],
          [USERS.octocat, 'remove', 'ended', 'removed'],
        ].sort(),
        'expired and active',
      );
      assert.match(
        run.summary,
        /k8s-prod-operators: user 3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a01 removed \(request ended: requests\/k8s-prod-operators\/octocat-1\.yaml\)/,
      );
      assert.equal(s.twin.log.records.filter((r) => r.inBatch && r.method === 'POST').length, 0, 'the sweep never adds');

      assert.ok(s.members('prod-db-admins').includes('octocat'), 'THREATS 10: octocat, with an active request beside the ended one, kept');

      assert.ok(!s.members('prod-db-admins').includes('hubot'), 'THREATS 11: hubot, whose request was deleted, removed');
      assert.ok(!s.members('prod-db-admins').includes('outsider'), 'THREATS 21: the out-of-band member removed in enforce mode');
      assert.deepEqual(
        dispositions('prod-db-admins', 'hubot', 'outsider')
          .map((d) => [d.id, d.reason])
          .sort(),
        [
          [USERS.hubot, 'ended'],
          [USERS.outsider, 'drift'],
        ].sort(),
        'THREATS 11 and 21',
      );

      assert.deepEqual(s.members('billing-readers'), ['outsider'], 'THREATS 21 (audit): the ended request removed, the out-of-band member kept');
      assert.match(
        run.summary,
        /billing-readers: user 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d reported \(audit mode\) \(no request \(added outside access-as-code\)\)/,
      );

      assert.ok(!s.members('k8s-prod-operators').includes('monalisa'), 'without a valid approval: monalisa removed');

      // Each group's members, whole: nobody else removed or kept.
      assert.deepEqual(s.members('k8s-prod-operators'), ['hubot']);
      assert.deepEqual(s.members('prod-db-admins'), ['breakglass', 'octocat']);
    },
  ));

// Two situations that do not touch each other share one world and its two sweeps: a removal that keeps
// failing (k8s-prod-operators, octocat's) and reminders (prod-db-admins: octocat's request ends inside
// the policy's 1h reminder window, hubot's after it). Each is asserted on its own group and pull
// requests; the reminder is posted by the failing sweep and not repeated by the next one.
test('a removal that keeps failing fails the run, after every other removal was made; reminders: one comment on the granting pull request before expiry, not repeated by the next sweep', () => {
  let soon: Pull;
  let later: Pull;
  return world(
    (s) => {
      s.approvedRequest('octocat', 'k8s-prod-operators', -HOUR);
      s.approvedRequest('hubot', 'k8s-prod-operators', -HOUR);
      s.addMember('k8s-prod-operators', 'octocat');
      s.addMember('k8s-prod-operators', 'hubot');
      s.twin.faults.add({
        service: 'graph',
        inBatch: true,
        match: new RegExp(`DELETE .*/members/${USERS.octocat}/\\$ref$`),
        kind: 'unavailable',
        retryAfterSeconds: 0,
      });
      // Reminders
      soon = s.approvedRequest('octocat', 'prod-db-admins', 40 * 60_000, { ticket: 'INC-40' }).pull;
      later = s.approvedRequest('hubot', 'prod-db-admins', 90 * 60_000, { ticket: 'INC-90' }).pull;
      s.addMember('prod-db-admins', 'octocat');
      s.addMember('prod-db-admins', 'hubot');
    },
    async (s) => {
      const run = await s.revoke();
      assert.equal(run.exitCode, 1);
      assert.deepEqual(s.members('k8s-prod-operators'), ['octocat']);
      assert.match(run.stdout, /::error::access-as-code: the sweep could not finish every removal/);
      assert.equal(s.comments(soon).length, 1, 'reminders: the request inside the 1h window is reminded');
      assert.match(
        s.comments(soon)[0]!,
        /@octocat, your membership of \*\*prod-db-admins\*\* ends at \S+ \(in about \d+m\)\.[\s\S]*Open a pull request that changes `expires`/,
      );
      assert.equal(s.comments(later).length, 0, 'reminders: not the request after the window');
      s.twin.faults.clear();
      const again = await s.revoke();
      assert.equal(again.exitCode, 0);
      assert.deepEqual(s.members('k8s-prod-operators'), []);
      assert.equal(s.comments(soon).length, 1, 'reminders: not repeated by the next sweep');
      assert.equal(s.comments(later).length, 0, 'reminders: still not the request after the window');
      assert.deepEqual(s.members('prod-db-admins'), ['hubot', 'octocat'], 'reminders: both requests active, both kept');
    },
  );
});

// A sweep killed at any point leaves a state that any later sweep starts from. The kill points share
// one world, one after the other: first mid-removal, killed as soon as the first expired member is gone
// from Entra while the run still has reads and writes to make; then at 300, 700 and 1100 ms, each from
// the state the kill before left (on a busy two-core machine each of these dies before any write:
// during start-up, sign-in or the GitHub reads). The last sweep, run to its end, must leave no expired
// member.
test('THREATS 18: a sweep killed right after its first removal, or after 300, 700 or 1100 ms, and run again leaves no expired member', () =>
  world(
    (s) => {
      for (const login of ['octocat', 'monalisa', 'hubot'] as const) {
        s.approvedRequest(login, 'k8s-prod-operators', -HOUR);
        s.addMember('k8s-prod-operators', login);
      }
      s.approvedRequest('monalisa', 'billing-readers', -HOUR);
      s.addMember('billing-readers', 'monalisa');
    },
    async (s) => {
      s.twin.faults.latencyMs = 150;
      const expired = () => s.members('k8s-prod-operators').length + s.members('billing-readers').length;
      assert.equal(expired(), 4);
      const midway = await s.revoke({ killWhen: () => expired() < 4 });
      assert.equal(midway.exitCode, null, `killed mid-run, not ended by itself\n${midway.stdout}`);
      assert.ok(expired() < 4, 'a removal was made before the kill');
      for (const killAfterMs of [300, 700, 1100]) {
        const killed = await s.revoke({ killAfterMs });
        assert.notEqual(killed.exitCode, 0, `the sweep was killed after ${killAfterMs} ms`);
      }
      s.twin.faults.latencyMs = 0;
      const rerun = await s.revoke();
      assert.equal(rerun.exitCode, 0, rerun.stdout);
      assert.deepEqual(s.members('k8s-prod-operators'), []);
      assert.deepEqual(s.members('billing-readers'), []);
    },
  ));

test('THREATS 19: two sweeps at once end in the same state as one', () =>
  world(
    (s) => {
      for (const login of ['octocat', 'hubot'] as const) {
        s.approvedRequest(login, 'k8s-prod-operators', -HOUR);
        s.addMember('k8s-prod-operators', login);
      }
      s.approvedRequest('monalisa', 'k8s-prod-operators', HOUR);
      s.addMember('k8s-prod-operators', 'monalisa');
      s.addMember('billing-readers', 'outsider');
    },
    async (s) => {
      const [a, b] = await Promise.all([s.revoke(), s.revoke()]);
      assert.equal(a.exitCode, 0, a.stdout);
      assert.equal(b.exitCode, 0, b.stdout);
      assert.deepEqual(s.members('k8s-prod-operators'), ['monalisa']);
      assert.deepEqual(s.members('billing-readers'), ['outsider']);
    },
  ));

test('report: active grants, drift, overdue expiries and the last sweep, in the job summary', () =>
  world(
    (s) => {
      s.approvedRequest('octocat', 'k8s-prod-operators', HOUR);
      s.addMember('k8s-prod-operators', 'octocat');
      s.approvedRequest('hubot', 'k8s-prod-operators', -HOUR);
      s.addMember('k8s-prod-operators', 'hubot');
      s.addMember('billing-readers', 'outsider');
      s.twin.state.repos.get('acme/access')!.workflowRuns.push({
        workflow: 'access-revoke.yml',
        id: 77,
        status: 'completed',
        conclusion: 'success',
        created_at: '2026-11-24T06:00:00Z',
        updated_at: '2026-11-24T06:01:00Z',
      });
    },
    async (s) => {
      const run = await s.report();
      assert.equal(run.exitCode, 0, run.stdout + run.stderr);
      const md = run.outputs.report!;
      assert.match(md, /section k8s-prod-operators\n {4}octocat :active, /);
      assert.match(md, /\| k8s-prod-operators \| enforce \| 2 \| 1 \| 0 \| 1 \(2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40\) \|/);
      assert.match(md, /\| billing-readers \| audit \| 1 \| 0 \| 0 \| 1 \(9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\) \|/);
      assert.match(md, /### Overdue expiries[\s\S]*\| k8s-prod-operators \| hubot \|/);
      assert.match(md, /Last successful sweep: 2026-11-24 06:01 UTC/);
      assert.match(md, /\| k8s-prod-operators \| 2 \| 1 \|/, 'two requests merged; the one that had expired before its merge was never granted');
      assert.match(run.summary, /## Access report/);
      // The auditor's evidence of the last 30 days, as a file for the workflow's artifact (the runner's
      // temporary folder is gone after the run; its content is tested in evidence.test.ts).
      assert.match(run.outputs.evidence!, /access-evidence\.csv$/);
      assert.match(run.stdout, /Evidence of the last 30 days: [1-9]\d* grants? in .*access-evidence\.csv/);
    },
  ));

test('THREATS 55: Graph answering 503 for one group, or for every user look-up, fails the run with one message naming the call, no stack trace; the removals still possible are made', () =>
  world(
    (s) => {
      s.approvedRequest('octocat', 'k8s-prod-operators', -HOUR);
      s.addMember('k8s-prod-operators', 'octocat');
      s.addMember('billing-readers', 'hubot');
      s.twin.faults.add({
        service: 'graph',
        match: /^GET \/v1\.0\/groups\/c3a9e7d2-5b4f-4e1a-8c6d-9f2b7e1a3c58\/members/,
        kind: 'unavailable',
        retryAfterSeconds: 0,
      });
      s.twin.faults.add({
        service: 'graph',
        inBatch: true,
        match: /^GET \/groups\/c3a9e7d2-5b4f-4e1a-8c6d-9f2b7e1a3c58\/members/,
        kind: 'unavailable',
        retryAfterSeconds: 0,
      });
    },
    async (s) => {
      const run = await s.revoke();
      assert.equal(run.exitCode, 1, run.stdout);
      assert.deepEqual(s.members('k8s-prod-operators'), [], 'the ended membership in a group Graph could list was removed');
      assert.deepEqual(s.members('billing-readers'), ['hubot'], 'the group Graph would not list is left alone');
      assert.match(
        run.stdout,
        /::error[^\n]*billing-readers: Microsoft Graph GET \/groups\/c3a9e7d2-5b4f-4e1a-8c6d-9f2b7e1a3c58\/members[^\n]*failed with 503/,
      );
      assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at .*\.(?:js|ts):\d+/, 'no stack trace');
      s.twin.faults.clear();
      s.twin.faults.add({ service: 'graph', match: /^GET \/v1\.0\/users/, kind: 'unavailable', retryAfterSeconds: 0 });
      s.twin.faults.add({ service: 'graph', inBatch: true, match: /^GET \/users/, kind: 'unavailable', retryAfterSeconds: 0 });
      const down = await s.revoke();
      assert.equal(down.exitCode, 1, down.stdout);
      assert.match(down.stdout, /::error::access-as-code: Microsoft Graph GET \/users[^\n]* failed with 503/);
      assert.doesNotMatch(down.stdout + down.stderr, /unexpected failure|\n\s+at .*\.(?:js|ts):\d+/);
    },
  ));
