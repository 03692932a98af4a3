// The record rule (invariant 24) and the memory's history points (THREATS 63), as pure functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordProblem, type ListedRun, type RunProof } from '../../src/breakglass/record-rule.ts';
import { reconcileRunRule } from '../../src/breakglass/records.ts';
import { breakGlassRule } from '../../src/breakglass/breakglass.ts';
import { historyChange, historyPath, type StandingPoint } from '../../src/memory/history.ts';

const sweep = (more: Partial<ListedRun & RunProof> = {}): ListedRun & RunProof => ({
  event: 'schedule',
  path: '.github/workflows/access-revoke.yml',
  headBranch: 'main',
  headSha: 'a'.repeat(40),
  onDefaultBranch: true,
  workflowAtCommit: true,
  workflowAsOnDefault: true,
  ...more,
});
const rule = reconcileRunRule('main', 'access-revoke.yml');

test('THREATS 62: a sweep run counts only from the default branch, on its history, by its own event, with its workflow file there', () => {
  assert.equal(recordProblem(sweep(), rule), undefined);
  assert.equal(recordProblem(sweep({ event: 'push' }), rule), undefined, 'the grant on a push reconciles too');
  const bad: [Partial<ListedRun & RunProof>, RegExp][] = [
    [{ headBranch: 'noop', onDefaultBranch: false }, /not on main's history/],
    [{ onDefaultBranch: false }, /not on main's history: only runs of the default branch count/],
    [{ event: 'workflow_dispatch' }, /not a schedule or push run of access-revoke\.yml/],
    [{ path: '.github/workflows/other.yml' }, /not a schedule or push run of access-revoke\.yml/],
    [{ workflowAtCommit: false, workflowAsOnDefault: false }, /access-revoke\.yml is not in a{7}/],
  ];
  for (const [more, why] of bad) assert.match(recordProblem(sweep(more), rule) ?? 'a record', why, JSON.stringify(more));
});

test('a sweep at an older commit of main ran the sweep of then and counts; break-glass asks for the workflow as it is now', () => {
  const older = { workflowAsOnDefault: false };
  assert.equal(recordProblem(sweep(older), rule), undefined);
  const glass = sweep({ ...older, event: 'workflow_dispatch', path: '.github/workflows/access-break-glass.yml' });
  assert.match(recordProblem(glass, breakGlassRule('main')) ?? '', /is not the one on main now/);
});

test("THREATS 63: a file for today without a valid MAC does not stop today's point; a valid one does", () => {
  const k = { key: 'k'.repeat(40), repository: 'acme/access' };
  const now = Date.parse('2030-01-10T00:05:00Z');
  const point: StandingPoint = { day: '2030-01-10', at: '2030-01-10T00:05:00.000Z', groups: [{ group: 'g', users: 2, apps: 0 }] };
  const forgedToday = historyChange(k, { days: ['2030-01-10'], points: [] }, point, now);
  assert.deepEqual(
    forgedToday.files.map((f) => f.path),
    [historyPath('2030-01-10')],
    'written over',
  );
  const recorded = historyChange(k, { days: ['2030-01-10'], points: [point] }, point, now);
  assert.deepEqual(recorded.files, []);
  const old = historyChange(k, { days: ['2029-09-01'], points: [] }, point, now);
  assert.deepEqual(old.deletions, [historyPath('2029-09-01')], 'points past the history are deleted, valid or not');
});
