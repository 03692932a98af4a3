// THREATS 67: a job token has only the permissions its workflow declares. Every run here gets exactly
// the block of the template's workflow file (the one source of truth, template/.github/workflows), with
// one permission taken out where a test says so, and the twin answers as GitHub does for a private
// repository: 403 "Resource not accessible by integration". The run must then name the permission and
// the workflow to add it to, never crash with a stack trace, and never drop a section silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TEMPLATE_WORKFLOWS, WORKFLOW_OF, type WorkflowCommand } from '../../scripts/lib/world.ts';
import { dispatchBreakGlass, goodBreakGlass } from '../helpers/break-glass.ts';
import { Scenario } from '../helpers/scenario.ts';

const HOUR = 3_600_000;
const STACK = /\n\s+at .+:\d+:\d+\)?/;

/** The template's workflow text with one line of its permissions block taken out. */
function without(command: WorkflowCommand, line: RegExp): string {
  const text = readFileSync(`${TEMPLATE_WORKFLOWS}${WORKFLOW_OF[command]}`, 'utf8');
  const cut = text.replace(line, '');
  assert.notEqual(cut, text, `${WORKFLOW_OF[command]} has no line ${line}`);
  return cut;
}

/** Dispatches the break-glass workflow as `actor` (test/helpers/break-glass.ts), as run `id`. */
const breakGlass = async (s: Scenario, actor: string, id: number) => (await dispatchBreakGlass(s, actor, goodBreakGlass, { run: id })).run;

test('THREATS 67: the grant and the sweep without `actions: read` (the template before this fix) each fail naming the permission and their workflow, without a stack trace; with the template blocks the sweep grants the approved request, and, not asked for the dashboard, writes no issue', async () => {
  const s = await Scenario.begin();
  try {
    const { pull } = s.approvedRequest('hubot', 'k8s-prod-operators', HOUR);
    s.workflowText.set('grant', without('grant', /^ {2}actions: read.*\n/m));
    s.workflowText.set('revoke', without('revoke', /^ {2}actions: read.*\n/m));
    const run = await s.grant({ before: pull.base, after: s.repo.head() });
    assert.notEqual(run.exitCode, 0, 'grant');
    assert.match(
      run.stdout,
      /::error::.*the job token lacks `actions: read`\. Add `actions: read` to the permissions of \.github\/workflows\/access-grant\.yml/,
    );
    assert.doesNotMatch(run.stdout + run.stderr, STACK, 'grant: no stack trace');
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'grant: nothing granted on an unread break-glass history');

    // The sweep (which would grant what is approved and missing) fails the same way, naming its own workflow.
    const sweep = await s.revoke();
    assert.notEqual(sweep.exitCode, 0, 'sweep');
    assert.match(sweep.stdout, /Add `actions: read` to the permissions of \.github\/workflows\/access-revoke\.yml/);
    assert.doesNotMatch(sweep.stdout + sweep.stderr, STACK, 'sweep: no stack trace');
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'sweep: nothing granted either');

    // With the template's block as shipped, the sweep goes through and grants what is approved and
    // missing: hubot. (That the grant's shipped block holds what the grant needs is the rule:
    // test/unit/workflow-permissions.test.ts 'every template workflow gives its job token and its teams
    // App token what its command needs'; every grant run of the suite has that block.) Without the
    // dashboard input (action.yml's default) it writes no dashboard: this world has no issue at all.
    s.workflowText.delete('grant');
    s.workflowText.delete('revoke');
    const ok = await s.revoke();
    assert.equal(ok.exitCode, 0, ok.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'with the template blocks, hubot is granted');
    assert.equal(ok.outputs.dashboard, undefined, 'without the dashboard input: no dashboard output');
    assert.equal(s.twin.state.repos.get('acme/access')!.issues.size, 0, 'without the dashboard input: no issue written');
  } finally {
    await s.stop();
  }
});

test('THREATS 67: break-glass without `actions: read` refuses with the permission to add, not a stack trace; the report without `issues: read` says its break-glass uses are unknown', async () => {
  const s = await Scenario.begin();
  try {
    s.workflowText.set('break-glass', without('break-glass', /^ {2}actions: read.*\n/m));
    const refused = await breakGlass(s, 'hubot', 7001);
    assert.notEqual(refused.exitCode, 0);
    assert.match(
      refused.stdout,
      /the job token lacks `actions: read`\. Add `actions: read` to the permissions of \.github\/workflows\/access-break-glass\.yml/,
    );
    assert.doesNotMatch(refused.stdout + refused.stderr, STACK, 'no stack trace');
    assert.deepEqual(s.members('k8s-prod-operators'), []);

    s.workflowText.delete('break-glass');
    const used = await breakGlass(s, 'hubot', 7002);
    assert.equal(used.exitCode, 0, used.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot']);

    // Without issues: read the report's section says the uses are unknown, and why (never "none"). As
    // shipped it lists the use: the rule, test/unit/report-break-glass.test.ts 'the report lists each
    // break-glass use with its review, or says the uses are unknown and why: never none'; the report as
    // shipped lists a use end to end in break-glass.test.ts (its last test, THREATS 51-52 and 61).
    s.workflowText.set('report', without('report', /^ {2}issues: read.*\n/m));
    const blind = await s.report();
    assert.match(blind.outputs.report!, /### Break-glass\n\n\*\*Unknown\*\*: the break-glass uses could not be read\. .*issues\\?: read.*access-report\.yml/);
    assert.doesNotMatch(blind.stdout + blind.stderr, STACK);
  } finally {
    await s.stop();
  }
});

test('THREATS 67: doctor names a permission its own block lacks and one a workflow file lacks, and nothing else: the rest of the template lacks nothing, and the environment is read', async () => {
  const s = await Scenario.begin();
  try {
    // Two independent lacks, seen by one run: doctor's own block without issues: read (it cannot read the
    // labels: it says which permission to add where), and a workflow file in the repository that lacks a
    // permission (doctor names the line to add). Each is read on its own (src/commands/doctor.ts), and
    // nothing else is missing: every other template workflow lacks nothing, and doctor's block without
    // issues: read still reads the environment. (With issues: read it reads the labels: graph-fidelity.test.ts,
    // THREATS 39, names a missing label; that the shipped access-grant.yml lacks nothing is the rule:
    // test/unit/workflow-permissions.test.ts 'every template workflow gives its job token and its teams App
    // token what its command needs'.)
    s.workflowText.set('doctor', without('doctor', /^ {2}issues: read.*\n/m));
    s.repo.commit('drop actions: read', { '.github/workflows/access-grant.yml': without('grant', /^ {2}actions: read.*\n/m) });
    const run = await s.doctor();
    // Token permissions (not the Entra app's): a workflow's block, or a GitHub read refused for want of one.
    const permissionWarnings = run.annotations.filter((a) =>
      /\.github\/workflows\/|Resource not accessible|could not read the (repository's labels|environment)/.test(a.message),
    );
    assert.equal(permissionWarnings.length, 2, `exactly the two lacks: ${permissionWarnings.map((a) => a.message).join('\n')}`);
    assert.ok(
      run.annotations.some((a) => /could not read the repository's labels .*`issues: read`.*access-doctor\.yml/.test(a.message)),
      `doctor without issues: read: ${run.stdout}`,
    );
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === 'warning' && /\.github\/workflows\/access-grant\.yml: command "grant" needs `actions: read`: add it to the permissions/.test(a.message),
      ),
      `the repository's grant workflow without actions: read: ${run.stdout}`,
    );
  } finally {
    await s.stop();
  }
});
