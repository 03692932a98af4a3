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

test('THREATS 67: the grant and the sweep without `actions: read` (the template before this fix) each fail naming the permission and their workflow, without a stack trace; with the template blocks both go through, and the sweep, not asked for the dashboard, writes no issue', async () => {
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

    // With the template's block as shipped, the same grant goes through.
    s.workflowText.delete('grant');
    const again = await s.grant({ before: pull.base, after: s.repo.head() });
    assert.equal(again.exitCode, 0, again.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot']);
    // And the sweep with its block succeeds. Without the dashboard input (action.yml's default) it
    // writes no dashboard: this world has no issue at all.
    s.workflowText.delete('revoke');
    const ok = await s.revoke();
    assert.equal(ok.exitCode, 0, ok.stdout);
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

    // The report as shipped lists the use; without issues: read its section says it is unknown, and why.
    const report = await s.report();
    assert.equal(report.exitCode, 0, report.stdout);
    assert.match(report.outputs.report!, /### Break-glass[\s\S]*\| hubot \| k8s-prod-operators \|/);
    s.workflowText.set('report', without('report', /^ {2}issues: read.*\n/m));
    const blind = await s.report();
    assert.match(blind.outputs.report!, /### Break-glass\n\n\*\*Unknown\*\*: the break-glass uses could not be read\. .*issues\\?: read.*access-report\.yml/);
    assert.doesNotMatch(blind.stdout + blind.stderr, STACK);
  } finally {
    await s.stop();
  }
});

test('THREATS 67: doctor, with its own block, reads the labels and the environment, finds nothing missing in the template, and names a permission a workflow file lacks', async () => {
  const s = await Scenario.begin();
  try {
    let run = await s.doctor();
    assert.equal(run.exitCode, 0, run.stdout);
    // Token permissions (not the Entra app's): a workflow's block, or a GitHub read refused for want of one.
    const permissionWarnings = (r: typeof run) =>
      r.annotations.filter((a) => /\.github\/workflows\/|Resource not accessible|could not read the (repository's labels|environment)/.test(a.message));
    assert.deepEqual(permissionWarnings(run), [], 'the template lacks nothing and doctor could read what it checks');

    // Two independent lacks, seen by one run: doctor's own block without issues: read (it cannot read the
    // labels: it says which permission to add where), and a workflow file in the repository that lacks a
    // permission (doctor names the line to add). Each is read on its own (src/commands/doctor.ts).
    s.workflowText.set('doctor', without('doctor', /^ {2}issues: read.*\n/m));
    s.repo.commit('drop actions: read', { '.github/workflows/access-grant.yml': without('grant', /^ {2}actions: read.*\n/m) });
    run = await s.doctor();
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
