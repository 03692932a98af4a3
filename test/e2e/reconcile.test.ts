// The reconciler against the attacks and faults found by reviewing GitHub's and Graph's real behaviour
// (docs/threat-model.md 27-37): the bundled action, the twin, real git repositories with merge, squash and
// rebase merges. Each test asserts who is a member in Entra afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { commandLines } from '../../scripts/lib/actions-runner.ts';
import { Scenario, requestYaml, USERS, GROUPS, type Pull } from '../helpers/scenario.ts';

const K8S = 'requests/k8s-prod-operators';
const BILLING = 'requests/billing-readers';
const HOUR = 3_600_000;

type Item = { file: string; outcome: string; detail: string; pull?: number };
const items = (run: { outputs: Record<string, string> }) => JSON.parse(run.outputs.changes ?? '[]') as Item[];

async function world(body: (s: Scenario) => Promise<void>): Promise<void> {
  const s = await Scenario.begin();
  try {
    await body(s);
  } finally {
    await s.stop();
  }
}

test('THREATS 27: re-running the grant run of a request that was later deleted grants nothing', () =>
  world(async (s) => {
    const file = `${K8S}/hubot-rerun.yaml`;
    const pull = s.openPull('hubot', { files: { [file]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) } });
    s.review(pull, 'lead1');
    const original = s.merge(pull);
    // The original run granted hubot (a grant on merge is shown in action-grant.test.ts): the membership it made.
    s.addMember('k8s-prod-operators', 'hubot');
    const revoke = s.openPull('hubot', { files: { [file]: null } });
    s.review(revoke, 'lead1');
    await s.grant(s.merge(revoke));
    assert.deepEqual(s.members('k8s-prod-operators'), []);

    // GitHub re-runs the old run with its original event and commit: the checkout is that commit.
    s.repo.git('checkout', '-q', '--detach', original.after);
    try {
      const rerun = await s.grant(original);
      assert.equal(rerun.exitCode, 0, rerun.stdout);
      assert.deepEqual(s.members('k8s-prod-operators'), [], 'the ended membership stays ended');
      assert.equal(s.twin.log.records.filter((r) => r.inBatch && r.method === 'POST').length, 0, 'no run ever added: the re-run neither');
    } finally {
      s.repo.git('switch', '-q', 'main');
    }
  }));

// A merge queue lands several pull requests in one push, each merged as the repository says (a merge
// commit, a squash or a rebase). Each pull request here has its own requester or group, so that one
// being granted cannot stand in for another.
test('one push (as a merge queue makes) with requests merged by a merge commit, a squash and a rebase grants each and tells each pull request; THREATS 35: a grant comment that would pass 65,536 characters is shortened, and the grant still happens', () =>
  world(async (s) => {
    const start = s.repo.head();
    const pulls: Record<string, { pull: Pull; file: string }> = {};
    for (const [method, login, reviewer] of [
      ['merge', 'hubot', 'lead1'],
      ['squashMerge', 'octocat', 'lead2'],
      ['rebaseMerge', 'monalisa', 'lead1'],
    ] as const) {
      const file = `${K8S}/${login}-${method}.yaml`;
      const pull = s.openPull(
        login,
        { files: { [file]: requestYaml({ requester: login, group: 'k8s-prod-operators', expiresIn: 30 * 60_000 }) } },
        { files: { [file]: requestYaml({ requester: login, group: 'k8s-prod-operators' }) } },
      );
      s.review(pull, reviewer);
      pulls[method] = { pull, file };
    }
    // Opened together, merged one after another: each lands on the main the one before left.
    for (const method of ['merge', 'squashMerge', 'rebaseMerge'] as const) s[method](pulls[method]!.pull);
    // THREATS 35: 500 requests in one pull request (monalisa's, for billing-readers: no other case asks for it).
    const files: Record<string, string> = {};
    for (let i = 0; i < 500; i++)
      files[`${BILLING}/monalisa-bulk-${String(i).padStart(3, '0')}.yaml`] = requestYaml({ requester: 'monalisa', group: 'billing-readers' });
    const bulk = s.openPull('monalisa', { files });
    s.review(bulk, 'fin1');
    s.merge(bulk);

    const run = await s.grant({ before: start, after: s.repo.head() });
    assert.equal(run.exitCode, 0, run.stdout.slice(-2000));
    for (const [method, { pull, file }] of Object.entries(pulls)) {
      const item = items(run).find((i) => i.file === file);
      assert.equal(item?.outcome, 'granted', `${method}: ${JSON.stringify(item)}`);
      assert.equal(s.comments(pull).length, 1, `${method}: its pull request is told once`);
    }
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot', 'monalisa', 'octocat'], 'merge commit: hubot, squash: octocat, rebase: monalisa');

    const bulkItems = items(run).filter((i) => i.file.startsWith(`${BILLING}/monalisa-bulk-`));
    assert.equal(bulkItems.length, 500, 'THREATS 35: every request of the bulk pull request is reported');
    assert.deepEqual([...new Set(bulkItems.map((i) => i.outcome))], ['granted'], 'THREATS 35');
    assert.equal(items(run).length, 503, 'THREATS 35: and nothing else');
    const [comment] = s.comments(bulk);
    assert.ok(comment !== undefined && comment.length <= 65_536, `THREATS 35: one comment within GitHub's limit (${comment?.length})`);
    assert.match(comment!, /… and \d+ more: the run's job summary lists every request/, 'THREATS 35');
    assert.deepEqual(s.members('billing-readers'), ['monalisa'], 'THREATS 35: the grant still happens');
  }));

// Each rule is a unit test (test/unit/pr-rules.test.ts, approval.test.ts, verify.test.ts); here, one
// push that lands eight such cases (nine pull requests) shows that the grant reads each fact from git
// and GitHub (the blob on main against the approved one, the base a pull request was merged into,
// renames from git, GitHub's list of commits, when a review was submitted, a file git merged into
// duplicate keys) and refuses or ends each one, with its reason. The cases that end a membership each
// end their own: octocat's and hubot's of k8s-prod-operators (THREATS 28), monalisa's of
// billing-readers (THREATS 32), so that one removal cannot stand in for another.
test('THREATS 28, 29, 30, 31, 32, 36 in one push: a 3-way merge and a squash that combine an approved edit with an unapproved one, an approval into another branch, a rename from .github/ (merge commit and rebase), 250 commits, two valid edits merged into duplicate keys (audit mode), a review after the merge', () =>
  world(async (s) => {
    const windows = {
      merge: s.approvedRequest('octocat', 'k8s-prod-operators', HOUR, { file: `${K8S}/octocat-window.yaml` }).file,
      squashMerge: s.approvedRequest('hubot', 'k8s-prod-operators', HOUR, { file: `${K8S}/hubot-window.yaml` }).file,
    };
    const costs = `${BILLING}/monalisa-costs.yaml`;
    s.approvedRequest('monalisa', 'billing-readers', HOUR, { file: costs });
    // Granted by earlier runs (a sweep granting approved requests is shown in the THREATS 34 test below).
    s.addMember('k8s-prod-operators', 'octocat');
    s.addMember('k8s-prod-operators', 'hubot');
    s.addMember('billing-readers', 'monalisa');
    const start = s.repo.head();
    const request = () => requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' });
    // THREATS 28: approved, a ticket added. Unapproved, already on main: a later expiry, pushed by a bypass actor.
    const approvedVersion: Record<string, string> = {};
    for (const [method, file] of Object.entries(windows) as ['merge' | 'squashMerge', string][]) {
      const original = `${s.repo.git('show', `HEAD:${file}`)}\n`;
      const requester = method === 'merge' ? 'octocat' : 'hubot';
      const pull = s.openPull(requester, { files: { [file]: `${original}ticket: CHG-311\n` } });
      s.review(pull, 'lead1');
      const longer = original.replace(/expires: "[^"]+"/, `expires: "${new Date(Date.now() + 110 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')}"`);
      s.directPush({ [file]: longer });
      s[method](pull);
      approvedVersion[file] = `${original}ticket: CHG-311\n`;
    }
    // THREATS 29: approved on a pull request into side; a bypass actor pushes the same commit to main.
    const side = s.openPull('hubot', { files: { [`${K8S}/hubot-side.yaml`]: request() } });
    s.review(side, 'lead1');
    s.repo.git('branch', 'side', side.base);
    s.registerMerged(side, side.head, [], 'side'); // merged into side by fast-forward
    s.repo.git('merge', '-q', '--ff-only', side.head);
    // THREATS 30: a .github file renamed into requests/ (a merge commit: GitHub's file list shows one renamed entry).
    s.directPush({ '.github/hubot-draft.yaml': request() });
    const renamed = s.openPull('hubot', { files: { '.github/hubot-draft.yaml': null, [`${K8S}/hubot-renamed.yaml`]: request() } });
    s.review(renamed, 'lead1');
    s.merge(renamed);
    assert.deepEqual(
      s.twin.state.repos.get('acme/access')!.pulls.get(renamed.number)!.files,
      [{ filename: `${K8S}/hubot-renamed.yaml`, status: 'renamed', previous_filename: '.github/hubot-draft.yaml' }],
      "GitHub's file list shows one renamed entry",
    );
    // THREATS 30: a rebase merge whose other commit renames a file into requests/ (GitHub cannot say from where).
    s.directPush({ '.github/notes.txt': 'notes\n' });
    const rebased = s.openPull(
      'hubot',
      { files: { '.github/notes.txt': null, [`${K8S}/notes.txt`]: 'notes\n' } },
      { files: { [`${K8S}/hubot-rb.yaml`]: request() } },
    );
    s.review(rebased, 'lead1');
    s.rebaseMerge(rebased);
    // THREATS 31: 250 commits, so who pushed cannot be known.
    const many = s.openPull(
      'hubot',
      ...Array.from({ length: 250 }, (_, i): { files: Record<string, string> } => ({ files: i === 249 ? { [`${K8S}/hubot-many.yaml`]: request() } : {} })),
    );
    s.review(many, 'lead1');
    s.merge(many);
    // THREATS 32: two valid edits of monalisa's request, each approved, that git merges into duplicate keys.
    const base = `${s.repo.git('show', `HEAD:${costs}`)}\n`;
    const top = s.openPull('monalisa', { files: { [costs]: base.replace('version: 1\n', 'version: 1\nticket: FIN-1\n') } });
    const bottom = s.openPull('monalisa', { files: { [costs]: `${base}ticket: FIN-2\n` } });
    for (const p of [top, bottom]) s.review(p, 'fin1');
    s.merge(top);
    s.merge(bottom);
    // THREATS 36: the only approval submitted after the merge.
    const late = s.openPull('hubot', { files: { [`${K8S}/hubot-late.yaml`]: request() } });
    s.merge(late);
    const merged = s.twin.state.repos.get('acme/access')!.pulls.get(late.number)!;
    merged.reviews.push({
      id: 99,
      user: 'lead1',
      state: 'APPROVED',
      commit_id: late.head,
      submitted_at: new Date(Date.parse(merged.merged_at!) + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });

    const run = await s.grant({ before: start, after: s.repo.head() });
    const item = (threat: string, file: string, outcome: string) => {
      const found = items(run).find((i) => i.file === file);
      assert.equal(found?.outcome, outcome, `${threat}: ${file}: ${JSON.stringify(found)}\n${run.stdout}`);
      return found!.detail;
    };
    const refused = (threat: string, name: string) => item(threat, `${K8S}/${name}`, 'refused');
    for (const [method, file] of Object.entries(windows)) {
      const onMain = s.repo.git('show', `HEAD:${file}`);
      assert.match(onMain, /CHG-311/, `THREATS 28 (${method}): the merge really combined both edits`);
      assert.notEqual(`${onMain}\n`, approvedVersion[file], `THREATS 28 (${method})`);
      assert.match(item(`THREATS 28 (${method})`, file, 'refused'), /is not the version approved in #\d+/, `THREATS 28 (${method})`);
    }
    assert.match(refused('THREATS 29', 'hubot-side.yaml'), /approvals on #\d+ \(into side\) do not count: only pull requests into main do/);
    assert.match(refused('THREATS 30 (merge commit)', 'hubot-renamed.yaml'), /also \.github\/hubot-draft\.yaml/);
    assert.match(refused('THREATS 30 (rebase)', 'hubot-rb.yaml'), /renames or copies a file into requests\/k8s-prod-operators\/notes\.txt/);
    assert.match(refused('THREATS 31', 'hubot-many.yaml'), /has 250 commits; GitHub lists at most 250, so who pushed to it cannot be known/);
    assert.match(refused('THREATS 36', 'hubot-late.yaml'), /needs 1 approval[\s\S]*counted: none/);
    assert.deepEqual(
      s.members('k8s-prod-operators'),
      [],
      'THREATS 28: octocat (3-way merge) and hubot (squash) removed; THREATS 29, 30, 31, 36: hubot not granted by any other request',
    );
    assert.match(s.repo.git('show', `HEAD:${costs}`), /ticket: FIN-1[\s\S]*ticket: FIN-2/, 'THREATS 32: git merged both edits');
    assert.match(item('THREATS 32', costs, 'removed'), /can no longer be read/, 'THREATS 32');
    assert.deepEqual(s.members('billing-readers'), [], 'THREATS 32: the membership ends, in audit mode too');
  }));

// One sweep, three cases, each its own user: hubot's merge that had no grant run is granted (THREATS 34,
// k8s-prod-operators); monalisa's request replaced by a symbolic link and octocat's replaced by a
// submodule each end that one's membership of billing-readers, in audit mode (THREATS 32), where a member
// without a request would only be reported. (Each case a user of its own: an ended file of one user ends
// that user's membership whatever that user's other files are, so two cases for one user would hide each
// other. The policy lets octocat ask for billing-readers through an approved change, for that.)
test('THREATS 34: a merge whose grant run was dropped is granted by the next sweep; THREATS 32: a request replaced by a symbolic link, or by a submodule, ends its membership in audit mode', () =>
  world(async (s) => {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml');
    s.approvedConfigChange({ '.github/access-policy.yaml': `${policy.replace('requesters: [monalisa]', 'requesters: [monalisa, octocat]')}\n` });
    const pull = s.openPull('hubot', { files: { [`${K8S}/hubot-dropped.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) } });
    s.review(pull, 'lead2');
    s.merge(pull); // no grant run: cancelled, dropped from the queue, or failed
    const link = `${BILLING}/monalisa-link.yaml`;
    const sub = `${BILLING}/octocat-sub.yaml`;
    s.approvedRequest('monalisa', 'billing-readers', HOUR, { file: link });
    s.approvedRequest('octocat', 'billing-readers', HOUR, { file: sub });
    // Granted by an earlier sweep.
    s.addMember('billing-readers', 'monalisa');
    s.addMember('billing-readers', 'octocat');
    s.repo.git('rm', '-q', link, sub);
    mkdirSync(join(s.repo.dir, BILLING), { recursive: true });
    symlinkSync('../../README.md', join(s.repo.dir, link));
    s.repo.git('add', link);
    s.repo.git('update-index', '--add', '--cacheinfo', `160000,${s.repo.head()},${sub}`);
    s.repo.git('commit', '-q', '-m', 'a link and a submodule instead');
    assert.equal(s.repo.git('ls-tree', 'HEAD', link).split(' ')[0], '120000');
    assert.equal(s.repo.git('ls-tree', 'HEAD', sub).split(' ')[0], '160000');

    const sweep = await s.revoke();
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'THREATS 34');
    assert.match(
      sweep.summary,
      /k8s-prod-operators: user 2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40 added \(active request: requests\/k8s-prod-operators\/hubot-dropped\.yaml\)/,
      'THREATS 34',
    );
    assert.deepEqual(s.members('billing-readers'), [], 'THREATS 32: monalisa (link) and octocat (submodule) removed');
    assert.match(
      sweep.summary,
      /billing-readers: user 3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a02 removed \(request ended: requests\/billing-readers\/monalisa-link\.yaml\)/,
    );
    assert.match(
      sweep.summary,
      /billing-readers: user 3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a01 removed \(request ended: requests\/billing-readers\/octocat-sub\.yaml\)/,
    );
  }));

test('THREATS 33: a newline and "::" in request values and file names never become a workflow command', () =>
  world(async (s) => {
    const hostile = `${K8S}/hubot-inj.yaml`;
    const text = requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }).replace(
      'justification: "Needed for the change window CHG-310"',
      'justification: "Needed for CHG-310\\n::error title=pwned::pwned\\n::add-mask::pwned"',
    );
    const oddName = `${K8S}/hubot-x\n::warning::pwned.yaml`;
    const pull = s.openPull('hubot', { files: { [hostile]: text, [oddName]: text } });
    s.review(pull, 'lead1');
    const { pullRequestEvent, runAction } = await import('../../scripts/lib/actions-runner.ts');
    const validate = await runAction({
      workspace: s.repo.dir,
      inputs: { command: 'validate' },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: pull.number, author: 'hubot', base: pull.base, head: pull.head }),
    });
    const grant = await s.grant(s.merge(pull));
    const sweep = await s.revoke();
    const report = await s.report();
    for (const [name, run] of Object.entries({ validate, grant, sweep, report })) {
      if (name === 'validate' || name === 'grant')
        assert.ok(run.stdout.includes('::warning::pwned'), `${name} did log the hostile text (the test must reach it)`);
      const injected = commandLines(run.stdout).filter((l) => /^::(?:warning::pwned|error title=pwned|add-mask::pwned)/.test(l));
      assert.deepEqual(injected, [], `${name}: a workflow command came from request text`);
    }
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'the request with a hostile justification is still granted');
  }));

for (const fault of ['down', 'rate-limited'] as const) {
  test(`THREATS 37: with GitHub ${fault}, the sweep still removes an expired member, grants nothing, and fails loudly`, () =>
    world(async (s) => {
      s.approvedRequest('octocat', 'k8s-prod-operators', -HOUR);
      s.addMember('k8s-prod-operators', 'octocat');
      s.approvedRequest('hubot', 'k8s-prod-operators', HOUR);
      s.addMember('k8s-prod-operators', 'hubot');
      const pending = s.openPull('monalisa', { files: { [`${K8S}/monalisa-new.yaml`]: requestYaml({ requester: 'monalisa', group: 'k8s-prod-operators' }) } });
      s.review(pending, 'lead1');
      s.merge(pending);
      if (fault === 'down') s.twin.faults.add({ service: 'github', kind: 'unavailable' });
      else {
        s.twin.state.restLimit = 0;
        s.twin.state.graphqlLimit = 0;
      }
      const sweep = await s.revoke();
      assert.equal(sweep.exitCode, 1);
      assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'expired octocat removed; verified-before hubot kept; unverified monalisa not added');
      assert.match(sweep.stdout, /Only removals were made/);
      assert.ok(!s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.members.has(USERS.octocat));
    }));
}

test('a team the token cannot read (the job token has no read:org) is named in the refusal, with the token to use', () =>
  world(async (s) => {
    s.teamsApp = false; // no GitHub App set up: the job token alone, which cannot read teams
    const pull = s.openPull('hubot', { files: { [`${K8S}/hubot-team.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) } });
    s.review(pull, 'lead1');
    const run = await s.grant(s.merge(pull));
    assert.equal(items(run)[0]!.outcome, 'refused');
    assert.match(
      items(run)[0]!.detail,
      /could not read the team @acme\/sre-leads \(Resource not accessible by integration\)[\s\S]*a GitHub App token with Members: read/,
    );
    assert.deepEqual(s.members('k8s-prod-operators'), []);
  }));

test('no false green: the report with GitHub down still shows members and drift from Entra, says what it cannot know (not "nobody"), and fails', () =>
  world(async (s) => {
    s.addMember('billing-readers', 'outsider');
    s.twin.faults.add({ service: 'github', kind: 'unavailable', retryAfterSeconds: 0 });
    const run = await s.report();
    assert.equal(run.exitCode, 1, run.stdout);
    assert.match(run.outputs.report!, /\*\*GitHub could not be read\*\*/);
    assert.match(run.outputs.report!, /### Active grants\n\nNot known: GitHub could not be read/);
    assert.doesNotMatch(run.outputs.report!, /Nobody holds access/);
    assert.match(run.outputs.report!, /\| billing-readers \| audit \| 1 \| 0 \| 0 \| 1 \(9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\) \|/);
  }));
