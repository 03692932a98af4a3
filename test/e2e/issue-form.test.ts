// Requests through the issue form: the bundled action answers an issues event as the runner runs it,
// against the twin's GitHub and a real repository. Issue text is hostile here: it must reach no shell,
// no workflow command, and no live Markdown (links, mentions, images) in the answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandLines, runAction } from '../../scripts/lib/actions-runner.ts';
import { formBody, outsideCode } from '../helpers/issue-form.ts';
import { Scenario } from '../helpers/scenario.ts';

type Answer = { valid: boolean; file?: string; link?: string; problems?: string[] };

/** Files an issue from the form in the twin and runs the issue workflow's action for `action`. */
async function fileIssue(
  s: Scenario,
  author: string,
  body: string,
  options: { number?: number; labels?: string[]; action?: 'opened' | 'edited'; replay?: boolean } = {},
) {
  const repo = s.twin.state.repos.get('acme/access')!;
  const number = options.number ?? 100 + repo.issues.size;
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  // A replay (a re-run of an old run) carries the old body in its event; the issue itself is as it is now.
  if (!options.replay)
    repo.issues.set(number, {
      number,
      title: 'Access request',
      body,
      user: author,
      state: 'open',
      labels: options.labels ?? ['access-request'],
      pinned: false,
      created_at: now,
      updated_at: now,
    });
  const event = {
    action: options.action ?? 'opened',
    issue: {
      number,
      title: 'Access request',
      body,
      user: { login: author, id: 1, type: 'User' },
      labels: (options.labels ?? ['access-request']).map((name) => ({ name })),
      state: 'open',
    },
    repository: { name: 'access', full_name: 'acme/access', default_branch: 'main', owner: { login: 'acme' } },
    sender: { login: author },
  };
  const run = await runAction({
    workspace: s.repo.dir,
    // Exactly the template's block for access-request-form.yml.
    inputs: { command: 'issue', ...s.jobInputs('issue') },
    eventName: 'issues',
    event,
    env: { ...s.twin.env(), ...s.workflowEnv('issue'), GITHUB_REPOSITORY: 'acme/access' },
  });
  const comments = repo.comments.filter((c) => c.issue === number);
  return { run, number, comments, answer: run.outputs.answer ? (JSON.parse(run.outputs.answer) as Answer) : undefined };
}

test("a valid form gets the request file and a one-click link to GitHub's editor, which opens it at its path with the issue's author as the requester", async () => {
  const s = await Scenario.begin();
  try {
    const { run, number, comments, answer } = await fileIssue(
      s,
      'hubot',
      formBody({ group: 'k8s-prod-operators', duration: '1h', justification: 'Drain the node pool for CHG-310' }),
    );
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(answer?.valid, true);
    assert.equal(comments.length, 1);
    assert.match(comments[0]!.body, /^<!-- access-as-code:request-form -->\nThe request is valid\. It grants access for 1h from the merge/);
    const link = new URL(answer!.link!);
    assert.equal(`${link.origin}${link.pathname}`, 'https://github.com/acme/access/new/main');
    assert.equal(link.searchParams.get('filename'), 'requests/k8s-prod-operators/hubot-drain-the-node-pool-for.yaml');
    assert.match(link.searchParams.get('message')!, new RegExp(`\\(closes #${number}\\)$`), 'merging the pull request closes the issue');
    const file = link.searchParams.get('value')!;
    assert.match(file, /^requester: hubot$/m, "the requester is the issue's author");
    assert.match(comments[0]!.body, /\]\(https:\/\/github\.com\/acme\/access\/new\/main\?filename=/);
    // What the requester commits from the editor is an ordinary request, which validate accepts: the rule,
    // test/unit/issue-form.test.ts "the form's file, committed from GitHub's editor by the issue's
    // author, is a request validate accepts"; validating, approving and granting such a request is seen end
    // to end in action-validate.test.ts and action-grant.test.ts.
  } finally {
    await s.stop();
  }
});

test('problems come back in plain words per answer, and an edit updates the same answer in place; THREATS 49: a run that replays an old issue body answers from the issue as it is now', async () => {
  const s = await Scenario.begin();
  try {
    const first = await fileIssue(s, 'octocat', formBody({ group: 'prod-db-admins', duration: '9h', justification: 'Restore the orders replica' }));
    assert.equal(first.run.exitCode, 0, first.run.stdout);
    assert.equal(first.answer?.valid, false);
    assert.deepEqual(
      first.answer!.problems!.map((p) => p.split(':')[0]),
      ['Duration', 'prod-db-admins requires a ticket'],
    );
    assert.match(first.answer!.problems!.join('\n'), /fill in the Ticket answer/);
    assert.match(first.answer!.problems!.join('\n'), /Duration: the duration is 9h; prod-db-admins allows at most 4h/);
    assert.match(first.comments[0]!.body, /This request cannot be made yet/);
    // A duration that is no duration is said on its answer too: the rule, test/unit/issue-form.test.ts
    // 'an answer that is no duration is named as the Duration answer, in plain words'.

    // The author edits the issue into a valid request. The run that answers it carries the first body in
    // its event (THREATS 49: a re-run of the first run replays its event), and answers from the issue as
    // it is now, editing the one answer in place.
    const valid = formBody({ group: 'prod-db-admins', duration: '2h', justification: 'Restore the orders replica', ticket: 'INC-42' });
    s.twin.state.repos.get('acme/access')!.issues.get(first.number)!.body = valid;
    const old = formBody({ group: 'prod-db-admins', duration: '9h', justification: 'Restore the orders replica' });
    const edited = await fileIssue(s, 'octocat', old, { number: first.number, replay: true });
    assert.equal(edited.answer?.valid, true, 'THREATS 49: judged from the body as it is now, not the replayed one');
    assert.equal(edited.comments.length, 1, 'the one answer was edited, not a second one posted');
    assert.match(edited.comments[0]!.body, /The request is valid/);
    assert.doesNotMatch(edited.comments[0]!.body, /cannot be made yet/, 'the old answer was replaced');
    // The harmful way round: the author makes the issue invalid again, and a re-run replays the valid body.
    s.twin.state.repos.get('acme/access')!.issues.get(first.number)!.body = old;
    const replayed = await fileIssue(s, 'octocat', valid, { number: first.number, replay: true });
    assert.equal(replayed.answer?.valid, false, 'THREATS 49: a replayed valid body does not make the issue as it is now valid');
    assert.match(replayed.comments[0]!.body, /This request cannot be made yet/, 'THREATS 49: the answer says so again');
  } finally {
    await s.stop();
  }
});

test('hostile issue text reaches no workflow command and no live Markdown: it appears only inside code blocks', async () => {
  const s = await Scenario.begin();
  try {
    const hostile =
      'Need it now @acme/sre-leads ![x](https://evil.example/x.png) [click](https://evil.example) <img src=x onerror=alert(1)>\n::error::forged\n```\n## injected heading\n$(touch /tmp/pwned) `id`';
    const { run, comments } = await fileIssue(s, 'hubot', formBody({ group: 'k8s-prod-operators', duration: '1h', justification: hostile }));
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(
      commandLines(run.stdout).filter((l) => /forged/.test(l)),
      [],
      'no ::error:: from the issue',
    );
    const rendered = outsideCode(comments[0]!.body);
    for (const bad of ['@acme', 'evil.example', '<img', '## injected', 'touch'])
      assert.ok(!rendered.includes(bad), `"${bad}" outside a code block:\n${rendered}`);
    assert.ok(comments[0]!.body.includes('@acme/sre-leads'), 'the text is kept, inside the code block');
    // A hostile group name is refused, and its problems too show it only inside a code block: the rule,
    // test/unit/issue-form.test.ts 'a hostile group name is refused, and the answer shows it only
    // inside a code block'; a refusal answered on the issue is seen end to end in the test above.
  } finally {
    await s.stop();
  }
});

test("an issue without the form's label is left alone", async () => {
  const s = await Scenario.begin();
  try {
    const { run, comments } = await fileIssue(
      s,
      'hubot',
      formBody({ group: 'k8s-prod-operators', duration: '1h', justification: 'Drain the node pool for CHG-310' }),
      { labels: ['bug'] },
    );
    assert.equal(run.exitCode, 0);
    assert.equal(comments.length, 0);
    assert.match(run.stdout, /not an access request, nothing to do/);
  } finally {
    await s.stop();
  }
});
