// The access dashboard: one issue the sweep creates once (pinned), edits in place when something
// changed, and leaves alone when nothing did. The bundled action against the twin's GitHub.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, USERS } from '../helpers/scenario.ts';

type Outcome = { issue: number; action: string; pin?: string };
const sweep = async (s: Scenario) => {
  const run = await s.revoke({ inputs: { dashboard: 'true' } });
  assert.equal(run.exitCode, 0, run.stdout);
  return JSON.parse(run.outputs.dashboard!) as Outcome;
};

test('the sweep creates the dashboard once, pinned, with holders, pending requests and drift; edits it only when something changed', async () => {
  const s = await Scenario.begin();
  try {
    const repo = s.twin.state.repos.get('acme/access')!;
    // Someone's hand-made "dashboard" is not the dashboard: only a bot's issue is taken.
    repo.issues.set(90, { number: 90, title: 'Access dashboard', body: '<!-- access-as-code:dashboard stable=0 swept=2026-01-01T00:00:00Z -->\nfake', user: 'mallory', state: 'open', labels: ['access-dashboard'], pinned: false, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' });
    s.approvedRequest('hubot', 'k8s-prod-operators', 90 * 60_000, { approver: 'lead1' });
    // An open pull request waiting for approval: one code owner's approval of two (fin1 owns no part of it).
    const waiting = s.openPull('octocat', { files: { 'requests/prod-db-admins/octocat-inc-7.yaml': 'version: 1\n' } });
    repo.pulls.set(waiting.number, { number: waiting.number, title: 'x', body: '', user: 'octocat', state: 'open', merged: false, created_at: '2026-11-25T10:00:00Z', merged_at: null, merge_commit_sha: null, head: { sha: waiting.head, ref: waiting.branch }, base: { sha: waiting.base, ref: 'main' }, files: [{ filename: 'requests/prod-db-admins/octocat-inc-7.yaml', status: 'added' }], commits: [{ sha: waiting.head, author: 'octocat', committer: 'octocat' }], reviews: [{ id: 1, user: 'dba1', state: 'APPROVED', commit_id: waiting.head, submitted_at: '2026-11-25T10:05:00Z' }, { id: 2, user: 'fin1', state: 'APPROVED', commit_id: waiting.head, submitted_at: '2026-11-25T10:06:00Z' }] });

    const first = await sweep(s);
    assert.equal(first.action, 'created');
    const issue = repo.issues.get(first.issue)!;
    assert.notEqual(first.issue, 90);
    assert.deepEqual(issue.labels, ['access-dashboard']);
    assert.equal(issue.user, 'github-actions[bot]');
    assert.equal(issue.pinned, true);
    assert.match(issue.body, /^<!-- access-as-code:dashboard stable=[0-9a-f]{16} swept=\S+ -->\n## Access dashboard/);
    assert.match(issue.body, /```mermaid\ngantt[\s\S]*section k8s-prod-operators\n {4}hubot :active, /);
    assert.match(issue.body, /\| k8s-prod-operators \| hubot \| \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \| `requests\/k8s-prod-operators\/hubot-1\.yaml` \|/);
    assert.match(issue.body, new RegExp(`\\| #${waiting.number} \\| octocat \\| prod-db-admins \\| 1 of 2 \\(dba1\\) \\|`));
    assert.match(issue.body, /Every member has an active request or a standing exemption\./);

    const updatedAt = issue.updated_at;
    const second = await sweep(s);
    assert.deepEqual(second, { issue: first.issue, action: 'unchanged' });
    assert.equal(repo.issues.get(first.issue)!.updated_at, updatedAt, 'not touched');

    s.addMember('billing-readers', 'octocat'); // audit mode: reported, not removed
    const third = await sweep(s);
    assert.deepEqual(third, { issue: first.issue, action: 'edited' });
    assert.match(repo.issues.get(first.issue)!.body, new RegExp(`\\| billing-readers \\| ${USERS.octocat} \\| no request \\(audit mode: reported, not removed\\) \\|`));
    assert.equal([...repo.issues.values()].filter((i) => i.labels.includes('access-dashboard') && i.user === 'github-actions[bot]').length, 1, 'one dashboard');
  } finally {
    await s.stop();
  }
});

test('without the dashboard input the sweep writes no issue', async () => {
  const s = await Scenario.begin();
  try {
    const run = await s.revoke();
    assert.equal(run.exitCode, 0);
    assert.equal(run.outputs.dashboard, undefined);
    assert.equal(s.twin.state.repos.get('acme/access')!.issues.size, 0);
  } finally {
    await s.stop();
  }
});
