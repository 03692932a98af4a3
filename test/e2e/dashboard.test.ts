// The access dashboard: one issue the sweep creates once (pinned), edits in place when something
// changed, and leaves alone when nothing did. The bundled action against the twin's GitHub. That a
// sweep without the dashboard input writes no issue is seen in permissions.test.ts, in its sweep's run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iso, requestYaml, Scenario, USERS } from '../helpers/scenario.ts';

type Outcome = { issue: number; action: string; pin?: string };
const sweep = async (s: Scenario) => {
  const run = await s.revoke({ inputs: { dashboard: 'true' } });
  assert.equal(run.exitCode, 0, run.stdout);
  return JSON.parse(run.outputs.dashboard!) as Outcome;
};

test("the sweep creates the dashboard once, pinned, with holders, pending requests and drift, and edits it only when something changed, and pins it again when it was unpinned; THREATS 45: it trusts neither its own body nor its marker, and shows no name from an open pull request but policy groups; THREATS 68: a dashboard the sweep's bot edited is left unchanged, and the pull-request check shows what a group confers", async () => {
  const s = await Scenario.begin();
  try {
    const repo = s.twin.state.repos.get('acme/access')!;
    // Someone's hand-made "dashboard" is not the dashboard: only a bot's issue is taken.
    repo.issues.set(90, {
      number: 90,
      title: 'Access dashboard',
      body: '<!-- access-as-code:dashboard stable=0 swept=2026-01-01T00:00:00Z -->\nfake',
      user: 'mallory',
      state: 'open',
      labels: ['access-dashboard'],
      pinned: false,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    });
    s.approvedRequest('hubot', 'k8s-prod-operators', 90 * 60_000, { approver: 'lead1' });
    // An open pull request waiting for approval: one code owner's approval of two (fin1 owns no part of it).
    const waiting = s.openPull('octocat', { files: { 'requests/prod-db-admins/octocat-inc-7.yaml': 'version: 1\n' } });
    repo.pulls.set(waiting.number, {
      number: waiting.number,
      title: 'x',
      body: '',
      user: 'octocat',
      state: 'open',
      merged: false,
      created_at: '2026-11-25T10:00:00Z',
      merged_at: null,
      merge_commit_sha: null,
      head: { sha: waiting.head, ref: waiting.branch },
      base: { sha: waiting.base, ref: 'main' },
      files: [{ filename: 'requests/prod-db-admins/octocat-inc-7.yaml', status: 'added' }],
      commits: [{ sha: waiting.head, author: 'octocat', committer: 'octocat' }],
      reviews: [
        { id: 1, user: 'dba1', state: 'APPROVED', commit_id: waiting.head, submitted_at: '2026-11-25T10:05:00Z' },
        { id: 2, user: 'fin1', state: 'APPROVED', commit_id: waiting.head, submitted_at: '2026-11-25T10:06:00Z' },
      ],
    });
    // THREATS 45: another open pull request, with a folder that is no policy group and a hostile path and title.
    const hostile = 'requests/[click](https:--evil.example)/@acme-sre-leads ![x](y).yaml';
    const p = s.openPull('octocat', { files: { [hostile]: 'version: 1\n' } });
    repo.pulls.set(p.number, {
      number: p.number,
      title: '## @acme/sre-leads [go](https://evil.example)',
      body: '',
      user: 'octocat',
      state: 'open',
      merged: false,
      created_at: iso(0),
      merged_at: null,
      merge_commit_sha: null,
      head: { sha: p.head, ref: p.branch },
      base: { sha: p.base, ref: 'main' },
      files: [{ filename: hostile, status: 'added' }],
      commits: [{ sha: p.head, author: 'octocat', committer: 'octocat' }],
      reviews: [],
    });
    const noHostileText = (body: string, when: string) => {
      for (const bad of [/evil/, /@acme-sre-leads/, /!\[x\]/, /\[click\]/, /@acme\/sre-leads \[go/])
        assert.doesNotMatch(body, bad, `THREATS 45 (${when}): no name from the hostile pull request`);
    };

    const first = await sweep(s);
    assert.equal(first.action, 'created');
    const issue = repo.issues.get(first.issue)!;
    assert.notEqual(first.issue, 90);
    assert.deepEqual(issue.labels, ['access-dashboard']);
    assert.equal(issue.user, 'github-actions[bot]');
    assert.equal(issue.pinned, true);
    assert.match(
      issue.body,
      /^<!-- access-as-code:dashboard -->\n## Access dashboard\n\nKept up to date by the sweep \(access-revoke\) from its own facts; edits by hand are overwritten\. Last sweep: /,
    );
    assert.match(issue.body, /```mermaid\ngantt[\s\S]*section k8s-prod-operators\n {4}hubot :active, /);
    assert.match(issue.body, /\| k8s-prod-operators \| hubot \| \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \| `requests\/k8s-prod-operators\/hubot-1\.yaml` \|/);
    assert.match(issue.body, new RegExp(`\\| #${waiting.number} \\| octocat \\| prod-db-admins \\| 1 of 2 \\(dba1\\) \\|`));
    assert.match(issue.body, /Every member has an active request or a standing exemption\./);
    assert.match(issue.body, new RegExp(`\\| #${p.number} \\| octocat \\| no policy group \\| 0 of 1 \\|`), 'THREATS 45: the hostile pull request is listed');
    noHostileText(issue.body, 'created');

    // That a dashboard the sweep created, never edited since, is left alone when nothing changed is the
    // rule: test/unit/dashboard.test.ts 'the dashboard is written again only when its body differs, a
    // person edited it last, or the sweep's last write is an hour old'; the unchanged sweep below (after
    // the sweep's own edit) shows it end to end.

    // THREATS 45: someone with write access edits the body, keeping the marker and the sweep line as they were.
    const genuine = issue.body;
    issue.body = genuine.replace(
      'Every member has an active request or a standing exemption.',
      'Every member has an active request or a standing exemption. [Approve here](https://evil.example)',
    );
    assert.notEqual(issue.body, genuine, 'THREATS 45: the hand edit changed the body');
    Object.assign(issue, { editor: 'mallory', last_edited_at: iso(0) });
    assert.equal((await sweep(s)).action, 'edited', 'THREATS 45: a changed body is written again');
    assert.doesNotMatch(issue.body, /evil/);
    // A body left as the sweep wrote it but last edited by hand is written again too (the last editor is
    // not the sweep): the rule, test/unit/dashboard.test.ts 'the dashboard is written again only when
    // its body differs, a person edited it last, or the sweep's last write is an hour old'; a person as
    // the last editor, read from GitHub's GraphQL, is seen end to end in effective-access.test.ts (a
    // catalogue a person edited into the dashboard is not shown).
    // THREATS 68: GitHub records the edit as the job token's bot; its GraphQL names it "github-actions", a Bot.
    assert.equal(issue.editor, 'github-actions[bot]');
    const editedAt = issue.updated_at;
    // Someone unpins the dashboard (or GitHub refused to pin it when it was made: the test below): the
    // next sweep pins it again, and changes nothing else.
    issue.pinned = false;
    assert.deepEqual(
      await sweep(s),
      { issue: first.issue, action: 'unchanged' },
      'THREATS 45 and 68: then left alone: an unchanged dashboard the sweep itself edited is not rewritten',
    );
    assert.equal(repo.issues.get(first.issue)!.updated_at, editedAt, 'THREATS 68: not touched');
    assert.equal(issue.pinned, true, 'the next sweep pins it again');

    s.addMember('billing-readers', 'octocat'); // audit mode: reported, not removed
    const third = await sweep(s);
    assert.deepEqual(third, { issue: first.issue, action: 'edited' });
    assert.match(
      repo.issues.get(first.issue)!.body,
      new RegExp(`\\| billing-readers \\| ${USERS.octocat} \\| no request \\(audit mode: reported, not removed\\) \\|`),
    );
    noHostileText(repo.issues.get(first.issue)!.body, 'edited');
    assert.equal([...repo.issues.values()].filter((i) => i.labels.includes('access-dashboard') && i.user === 'github-actions[bot]').length, 1, 'one dashboard');

    // THREATS 68: the pull-request check reads the dashboard the sweep's bot last edited as the sweep's.
    assert.equal(issue.editor, 'github-actions[bot]');
    const pull = s.openPull('hubot', {
      files: { 'requests/k8s-prod-operators/hubot-chg-1.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '1h' }) },
    });
    const check = await s.validate(pull);
    assert.equal(check.exitCode, 0, check.stdout);
    assert.match(check.summary, /What approving confers/);
    assert.doesNotMatch(check.summary, /last edited by/);
  } finally {
    await s.stop();
  }
});

test('a dashboard GitHub will not pin (three issues already pinned) is still created, and the refusal is said', async () => {
  const s = await Scenario.begin();
  try {
    const repo = s.twin.state.repos.get('acme/access')!;
    for (const n of [201, 202, 203])
      repo.issues.set(n, {
        number: n,
        title: `pinned ${n}`,
        body: '',
        user: 'octocat',
        state: 'open',
        labels: [],
        pinned: true,
        created_at: iso(0),
        updated_at: iso(0),
      });
    const run = await s.revoke({ inputs: { dashboard: 'true' } });
    assert.equal(run.exitCode, 0, run.stdout);
    const outcome = JSON.parse(run.outputs.dashboard!) as Outcome;
    assert.equal(outcome.action, 'created');
    assert.match(outcome.pin ?? '', /Repository already has 3 pinned issues/);
    assert.match(run.stdout, /Access dashboard #\d+: created\. Not pinned: [^\n]*3 pinned issues/);
    assert.equal(repo.issues.get(outcome.issue)!.pinned, false);
    // Once GitHub allows it, a later sweep pins a dashboard that is not pinned: seen in the test above (an
    // unpinned dashboard is pinned again by the next sweep).
  } finally {
    await s.stop();
  }
});
