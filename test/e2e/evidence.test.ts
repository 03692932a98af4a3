// The auditor's evidence: one row per grant in a period, from git and GitHub's records, with who asked,
// who approved and when, the planned end, the real end, and what removed the access how late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario } from '../helpers/scenario.ts';
import { iso, runCli } from '../helpers/cli.ts';

const M = 60_000;

test('evidence lists each grant of the period with its approvals, planned and real end, and the run that removed it', async () => {
  const s = await Scenario.begin();
  try {
    const start = Date.now();
    const expiry = (file: string) => Date.parse(/expires: "([^"]+)"/.exec(s.repo.git('show', `HEAD:${file}`))![1]!);
    const db = s.approvedRequest('octocat', 'prod-db-admins', 10 * M, { ticket: 'INC-1' });
    const k8s = s.approvedRequest('hubot', 'k8s-prod-operators', 120 * M, { approver: 'lead1' });
    const ended = expiry(db.file);
    // The sweep that ran after octocat's request ended, as GitHub records it: 3 minutes late.
    s.twin.state.repos.get('acme/access')!.workflowRuns.push({
      workflow: 'access-revoke.yml',
      id: 1,
      status: 'completed',
      conclusion: 'success',
      created_at: iso(ended + 2 * M),
      updated_at: iso(ended + 3 * M),
      event: 'schedule',
    });
    const at = ended + 30 * M;
    const csv = await runCli(s, ['evidence', '--from', iso(start - 60 * M), '--at', iso(at)]);
    assert.equal(csv.code, 0, csv.err);
    const [header, ...rows] = csv.out.trim().split('\n');
    assert.equal(
      header,
      'kind,group,requester,entraUser,justification,ticket,source,pullRequest,approvals,grantedAt,plannedEnd,endedAt,endedHow,removedAt,removedBy,lateMinutes',
    );
    assert.equal(rows.length, 2, csv.out);
    const octocat = rows.find((r) => r.includes(db.file))!;
    assert.match(octocat, /^"request","prod-db-admins","octocat","octocat@contoso\.com",/);
    assert.match(
      octocat,
      new RegExp(`"INC-1","${db.file}","#${db.pull.number}","dba1 at \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z; monalisa at \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z"`),
    );
    assert.match(octocat, /"expired","[^"]+","the first successful grant or sweep run that started after the end","3"$/);
    const hubot = rows.find((r) => r.includes(k8s.file))!;
    assert.match(hubot, /"lead1 at \d{4}-\d\d-\d\dT[\d:]+Z"/);
    assert.match(hubot, /"active","","",""$/, 'still active at the time asked');

    const json = await runCli(s, ['evidence', '--from', iso(start - 60 * M), '--to', iso(start - 30 * M), '--format', 'json', '--at', iso(at)]);
    assert.equal(json.code, 0, json.err);
    assert.deepEqual((JSON.parse(json.out) as { rows: unknown[] }).rows, [], 'nothing was granted in a period before the requests');
  } finally {
    await s.stop();
  }
});

test('status --at a past time says who held which group then, and through which request, from the records', async () => {
  const s = await Scenario.begin();
  try {
    const now = Date.now();
    const { pull, file } = s.approvedRequest('hubot', 'k8s-prod-operators', 20 * M, { approver: 'lead1' });
    // As GitHub recorded it: opened two hours ago, approved, merged 90 minutes ago (the group allows 2h).
    const pr = s.twin.state.repos.get('acme/access')!.pulls.get(pull.number)!;
    pr.created_at = iso(now - 120 * M);
    pr.merged_at = iso(now - 90 * M);
    for (const r of pr.reviews) r.submitted_at = iso(now - 100 * M);
    const then = await runCli(s, ['status', '--at', iso(now - 60 * M)]);
    assert.equal(then.code, 0, then.err);
    assert.match(then.out, /^At [\d-]+T[\d:.]+Z, from git and GitHub's records/);
    assert.match(then.out, new RegExp(`\\nk8s-prod-operators\\n {2}hubot\\s+request since ${iso(now - 90 * M)}, until \\S+ {2}${file} #${pull.number}`));
    const earlier = await runCli(s, ['status', '--at', iso(now - 300 * M)]);
    assert.equal(earlier.code, 0, earlier.err);
    assert.match(earlier.out, /nobody held access through a request or break-glass/);
  } finally {
    await s.stop();
  }
});
