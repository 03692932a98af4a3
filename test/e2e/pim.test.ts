// backend: pim end to end: grants become PIM for Groups assignments with the request's end time, and
// the twin, like Entra, ends them at that time with no call from anyone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml, GROUPS, USERS } from '../helpers/scenario.ts';

const K8S = 'requests/k8s-prod-operators';
type Item = { file: string; outcome: string; detail: string };
const items = (run: { outputs: Record<string, string> }) => JSON.parse(run.outputs.changes ?? '[]') as Item[];

/** A scenario whose k8s-prod-operators group is PIM-backed. */
async function pimWorld(body: (s: Scenario) => Promise<void>): Promise<void> {
  const s = await Scenario.begin();
  try {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml').replace('    maxDuration: 2h\n', '    maxDuration: 2h\n    backend: pim\n');
    assert.match(policy, /backend: pim/);
    s.approvedConfigChange({ '.github/access-policy.yaml': `${policy}\n` });
    await body(s);
  } finally {
    await s.stop();
  }
}

const pimEnd = (s: Scenario, login: keyof typeof USERS) => s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.pimEnds.get(USERS[login]);

test('a pim-backed grant is an assignment with the request end time, and it is gone at that time without any sweep', () =>
  pimWorld(async (s) => {
    // PIM makes no assignment shorter than 5 minutes: 10 minutes, then the twin's clock moves on.
    const expires = new Date(Date.now() + 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const pull = s.openPull('hubot', { files: { [`${K8S}/hubot-pim.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', expires }) } });
    s.review(pull, 'lead1');
    const run = await s.grant(s.merge(pull));
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(items(run)[0]!.outcome, 'granted');
    assert.match(items(run)[0]!.detail, new RegExp(`Entra \\(PIM\\) ends the assignment at ${expires.replace('Z', '')}`));
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot']);
    assert.equal(pimEnd(s, 'hubot'), Date.parse(expires));
    const requests = s.twin.log.records.filter((r) => r.path.endsWith('/assignmentScheduleRequests'));
    assert.equal(requests.length, 1, 'one assignment request, no membership write');
    assert.equal(s.twin.log.records.filter((r) => r.path.endsWith('/members/$ref')).length, 0);
    s.twin.log.clear();
    s.twin.advance(Date.parse(expires) - Date.now() + 1_000);
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'Entra ended it on time');
    assert.equal(s.twin.log.records.length, 0, 'nothing of ours ran');
  }));

// The drift case shares the first sweep with the requests (another user, the same moment): each run of
// the bundled action costs a process, and the two cannot hide each other's outcome. Both of hubot's
// requests are in force at that sweep, so its assignment is made with the later end; which end wins is a
// rule (the rule: test/unit/pim-end.test.ts 'a pim assignment ends with the last of its member’s
// approved requests: a longer request moves the end later, deleting it moves the end back'). An
// assignment in force moved later end to end: 'THREATS 51' below (a longer request) and
// test/e2e/break-glass.test.ts 'THREATS 51-52' (a break-glass end); moved earlier: here.
test('with two requests the assignment ends with the later; deleting it moves the end back, deleting the last ends it; a member added outside PIM to a pim group is drift: its assignment is removed in enforce mode', () =>
  pimWorld(async (s) => {
    s.addMember('k8s-prod-operators', 'outsider');
    const { file: first } = s.approvedRequest('hubot', 'k8s-prod-operators', 60 * 60_000, { approver: 'lead1' });
    const { file: second } = s.approvedRequest('hubot', 'k8s-prod-operators', 100 * 60_000, { approver: 'lead2' });
    /** When a request file on main says it ends. */
    const expiresOf = (file: string) => Date.parse(/^expires: "([^"]+)"$/m.exec(s.repo.git('show', `HEAD:${file}`))![1]!);
    s.twin.log.clear();
    const sweep = await s.revoke();
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'drift: outsider removed, hubot assigned');
    // Removed through PIM: one assignment request removing outsider beside the one assigning hubot, and
    // no membership write at all (the only other way a member leaves).
    const pimRequests = s.twin.log.records.filter((r) => r.path.endsWith('/assignmentScheduleRequests') && r.method === 'POST');
    assert.equal(pimRequests.length, 2, 'drift: an assignment request removes outsider (the other assigns hubot)');
    assert.equal(s.twin.log.records.filter((r) => r.path.endsWith('/$ref')).length, 0, 'drift: no membership write');
    const end1 = expiresOf(first);
    assert.ok(Math.abs(end1 - (Date.now() + 3_600_000)) < 120_000);
    assert.equal(pimEnd(s, 'hubot'), expiresOf(second), 'the assignment ends with the later request');
    assert.ok(pimEnd(s, 'hubot')! > end1 + 30 * 60_000);
    const dropLonger = s.openPull('hubot', { files: { [second]: null } });
    await s.grant(s.merge(dropLonger));
    assert.equal(pimEnd(s, 'hubot'), end1, 'back to the remaining request');
    const dropLast = s.openPull('hubot', { files: { [first]: null } });
    const run = await s.grant(s.merge(dropLast));
    // THREATS 50: PIM refuses to end an assignment within 5 minutes of making it; the end is moved to
    // the earliest PIM allows and the run says so, instead of taking the refusal as done or failing.
    assert.equal(items(run)[0]!.outcome, 'ending', run.stdout);
    assert.match(items(run)[0]!.detail, /PIM refuses to end an assignment within 5 minutes of making it, so its end was moved to \S+, when Entra ends it/);
    assert.ok(pimEnd(s, 'hubot')! <= Date.now() + 7 * 60_000, 'the assignment now ends within minutes');
    s.twin.advance(7 * 60_000);
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'and Entra ended it');
  }));

test('THREATS 51: an assignment PIM already has (the listing lagged) is moved to the new end with adminUpdate, not taken as done with its old end', () =>
  pimWorld(async (s) => {
    s.approvedRequest('hubot', 'k8s-prod-operators', 30 * 60_000, { approver: 'lead1' });
    await s.revoke();
    const first = pimEnd(s, 'hubot')!;
    // Graph's reads do not show the new assignment yet; a longer request arrives.
    s.twin.faults.readLagMs = 60 * 60_000;
    s.approvedRequest('hubot', 'k8s-prod-operators', 100 * 60_000, { approver: 'lead2' });
    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    // adminAssign answered 400 RoleAssignmentExists, then adminUpdate made.
    const answers = s.twin.log.records.filter((r) => r.path.endsWith('/assignmentScheduleRequests')).map((r) => r.status);
    assert.deepEqual(answers.slice(-2), [400, 201]);
    assert.ok(pimEnd(s, 'hubot')! > first + 60 * 60_000, "the end is the longer request's");
  }));

test("PIM's own refusal is explained: the group's PIM settings allow shorter assignments than the request", () =>
  pimWorld(async (s) => {
    s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.pimMaxMs = 30 * 60_000;
    const pull = s.openPull('hubot', { files: { [`${K8S}/hubot-long.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) } });
    s.review(pull, 'lead1');
    const run = await s.grant(s.merge(pull));
    assert.equal(run.exitCode, 1);
    assert.equal(items(run)[0]!.outcome, 'failed');
    assert.match(
      items(run)[0]!.detail,
      /the group's PIM settings refuse this assignment \(rules: ExpirationRule\)[\s\S]*raise "Expire active assignments after"/,
    );
    assert.deepEqual(s.members('k8s-prod-operators'), []);
  }));

// One world without the permission, read by both commands.
test('without the PIM permission the run names PrivilegedAssignmentSchedule permissions; doctor says when a pim group cannot be read through PIM, naming the permission', () =>
  pimWorld(async (s) => {
    assert.equal((await s.doctor()).exitCode, 0, 'doctor: with the permission, nothing to say');
    s.twin.state.apps[0]!.roles = s.twin.state.apps[0]!.roles.filter((r) => !r.startsWith('PrivilegedAssignmentSchedule'));
    const sweep = await s.revoke();
    assert.equal(sweep.exitCode, 1, 'the sweep fails');
    assert.match(sweep.stdout, /PrivilegedAssignmentSchedule\.Read\.AzureADGroup/, 'the sweep names the permission');
    const run = await s.doctor();
    assert.equal(run.exitCode, 1);
    assert.ok(
      run.annotations.some(
        (a) =>
          a.file === '.github/access-policy.yaml' &&
          /group "k8s-prod-operators" has backend: pim, but PIM for Groups could not be read[\s\S]*PrivilegedAssignmentSchedule\.Read\.AzureADGroup/.test(
            a.message,
          ),
      ),
      run.stdout,
    );
  }));
