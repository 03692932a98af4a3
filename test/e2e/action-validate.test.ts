// The pull-request check end to end: the bundled action, run as the runner runs it, over a real git
// repository with base and head commits. Assertions are on what a person sees: annotations on lines,
// the job summary, the step outputs and the check's result.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRepo, type TestRepo } from '../helpers/config.ts';
import { pullRequestEvent, runAction, type ActionRun } from '../../scripts/lib/actions-runner.ts';

const repos: TestRepo[] = [];
// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('action-validate', () => {
  after(() => repos.forEach((r) => r.remove()));

  function iso(msFromNow: number): string {
    return new Date(Date.now() + msFromNow).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const HOUR = 3_600_000;

  function request(fields: { requester?: string; group?: string; expires?: string; justification?: string; ticket?: string; extra?: string }): string {
    return [
      'version: 1',
      `requester: ${fields.requester ?? 'octocat'}`,
      `group: ${fields.group ?? 'k8s-prod-operators'}`,
      `expires: "${fields.expires ?? iso(HOUR)}"`,
      `justification: "${fields.justification ?? 'Drain the node pool for CHG-310'}"`,
      ...(fields.ticket ? [`ticket: ${fields.ticket}`] : []),
      ...(fields.extra ? [fields.extra] : []),
      '',
    ].join('\n');
  }

  /** A repository with the configuration on main, and a branch with `files` committed on top. */
  function pullRequest(files: Record<string, string | Uint8Array | null>, options: { baseFiles?: Record<string, string>; author?: string } = {}) {
    const repo = createRepo();
    repos.push(repo);
    if (options.baseFiles) repo.commit('Earlier merged request', options.baseFiles);
    const base = repo.head();
    repo.git('switch', '-q', '-c', 'request');
    const head = repo.commit('Request access', files);
    return { repo, base, head, author: options.author ?? 'octocat' };
  }

  function validate(
    pr: { repo: TestRepo; base: string; head: string; author: string },
    extra: { fork?: boolean; env?: Record<string, string> } = {},
  ): Promise<ActionRun> {
    return runAction({
      workspace: pr.repo.dir,
      inputs: { command: 'validate' },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, author: pr.author, base: pr.base, head: pr.head, ...(extra.fork ? { fork: true } : {}) }),
      ...(extra.env ? { env: extra.env } : {}),
    });
  }

  function errors(run: ActionRun) {
    return run.annotations.filter((a) => a.level === 'error');
  }

  // One pull request for cases that do not touch each other (each its own file), validated twice: at
  // its first head (every file valid), then after a push (each file's own problems). Each case is
  // asserted on its own file's annotations and row. The pull request comes from a fork (THREATS 12):
  // like every run in this file, it has no token, no secrets and no id-token.
  test("a valid request passes: no annotations, a summary row, outputs; THREATS 12: a fork pull request is validated with no token, no secrets and no id-token; the requester may extend their own request (a change of expires); deleting someone else's request is an early revoke; THREATS 4 (pull-request side): a push after approval is judged afresh at the new head; each problem is annotated on its own line and column, and the check fails; THREATS 2 and 1: a request whose requester is not the pull request author is refused, and so is a change to someone else's request; THREATS 24: a 10 MB request file in a pull request is refused quickly with a clear annotation; a hostile file name never reaches a shell", async () => {
    const drain = 'requests/k8s-prod-operators/octocat-drain.yaml';
    // The requester's own request, already merged, extended to just under its group's maximum from now.
    const mine = 'requests/prod-db-admins/octocat-inc-5.yaml';
    // hubot's requests, already merged: octocat deletes one (an early revoke) and, after the push, changes the other (THREATS 1).
    const revoked = 'requests/k8s-prod-operators/hubot-drain.yaml';
    const theirs = 'requests/k8s-prod-operators/hubot-change.yaml';
    const pr = pullRequest(
      { [drain]: request({}), [mine]: request({ group: 'prod-db-admins', ticket: 'INC-5', expires: iso(4 * HOUR - 60_000) }), [revoked]: null },
      {
        baseFiles: {
          [mine]: request({ group: 'prod-db-admins', ticket: 'INC-5', expires: iso(HOUR) }),
          [revoked]: request({ requester: 'hubot', expires: iso(HOUR) }),
          [theirs]: request({ requester: 'hubot', expires: iso(HOUR) }),
        },
      },
    );
    const run = await validate(pr, { fork: true });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.deepEqual(errors(run), []);
    assert.equal(run.outputs.valid, 'true');
    const rows = JSON.parse(run.outputs.requests!) as { file: string; verdict: string; change: string }[];
    assert.deepEqual(
      rows.filter((r) => r.file === drain).map((r) => [r.file, r.change, r.verdict]),
      [['requests/k8s-prod-operators/octocat-drain.yaml', 'added', 'valid']],
    );
    assert.match(run.summary, /<h2>Access requests in #7<\/h2>/);
    assert.match(run.summary, /<td>requests\/k8s-prod-operators\/octocat-drain\.yaml<\/td><td>added<\/td><td>octocat<\/td><td>k8s-prod-operators<\/td>/);
    assert.doesNotMatch(run.stderr, /\bat \S+:\d+:\d+/, 'no stack trace');
    assert.match(
      run.summary,
      /What merging would change in Entra<\/h3>[\s\S]*would add octocat to k8s-prod-operators \(Entra group 8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13\) until/,
    );
    assert.deepEqual(
      rows.filter((r) => r.file === mine).map((r) => [r.change, r.verdict]),
      [['modified', 'valid']],
      'the requester extends their own request',
    );
    assert.deepEqual(
      rows.filter((r) => r.file === revoked),
      [{ file: revoked, change: 'deleted', requester: 'hubot', group: 'k8s-prod-operators', expires: '', verdict: 'early revoke' }],
      "deleting someone else's request",
    );

    // THREATS 4: octocat-drain.yaml asks for longer after the first check passed; the other files are new,
    // but for hubot's request, which octocat now changes (THREATS 1).
    const annotated = 'requests/k8s-prod-operators/octocat-annotated.yaml';
    const big = 'requests/k8s-prod-operators/octocat-big.yaml';
    const hostile = 'requests/k8s-prod-operators/octocat-$(touch pwned)`id`;x.yaml';
    const forOther = 'requests/k8s-prod-operators/hubot-other.yaml';
    const pushed = pr.repo.commit('Ask for longer', {
      [drain]: request({ expires: iso(7 * HOUR) }),
      [annotated]: request({ expires: iso(5 * HOUR), extra: 'role: Global Administrator' }),
      [big]: 'justification: "' + 'x'.repeat(10 * 1024 * 1024) + '"\n',
      [hostile]: request({}),
      [forOther]: request({ requester: 'hubot' }),
      [theirs]: request({ requester: 'octocat', expires: iso(90 * 60_000) }),
    });
    const second = await validate({ ...pr, head: pushed });
    assert.equal(second.exitCode, 1);
    const of = (file: string) => errors(second).filter((a) => a.file === file);
    assert.match(of(drain)[0]!.message, /allows at most 2h/, 'THREATS 4: judged at the new head');

    assert.deepEqual(
      of(annotated).map((a) => [a.file, a.line, a.col, a.title]),
      [
        [annotated, 4, 10, 'access-as-code'],
        [annotated, 6, 1, 'access-as-code'],
      ],
      'each problem on its own line and column',
    );
    assert.match(of(annotated)[0]!.message, /allows at most 2h/);
    assert.match(of(annotated)[1]!.message, /unknown key "role"/);
    assert.equal(second.outputs.valid, 'false');
    assert.match(second.summary, /<td>requests\/k8s-prod-operators\/octocat-annotated\.yaml<\/td>(?:<td>[^<]*<\/td>){4}<td>invalid \(2 errors\)<\/td>/);

    assert.deepEqual(
      of(big).map((a) => [a.file, a.line, a.message]),
      [[big, 1, 'the file is 10485778 bytes; the limit is 16384 bytes.']],
      'THREATS 24',
    );
    assert.doesNotMatch(second.stdout + second.stderr, /\n\s+at /, 'no stack trace');

    assert.deepEqual(
      of(hostile).map((a) => [a.file, a.line]),
      [[hostile, 2]],
      'a hostile file name',
    );
    assert.match(of(hostile)[0]!.message, /the file name must start with the requester's login/);
    assert.throws(() => execFileSync('test', ['-e', `${pr.repo.dir}/pwned`]));

    // THREATS 2: a new request naming hubot, in octocat's pull request; THREATS 1: octocat's change to hubot's request.
    const [e] = of(forOther);
    assert.deepEqual([e?.file, e?.line, e?.col], [forOther, 2, 12], 'THREATS 2');
    assert.match(e!.message, /"requester" is hubot but this pull request is by octocat/);
    assert.ok(
      of(theirs).some((a) => a.line === 2 && /belongs to hubot; only they can change it/.test(a.message)),
      `THREATS 1: ${second.stdout}`,
    );

    // Every problem counted once, in the one annotation that is not on a file: the changed request's
    // 1, the annotated file's 2, the big file's 1, the hostile name's 1, the request naming hubot's 1,
    // the change to hubot's request's 2 (it is hubot's, and its name no longer starts with its requester's login).
    assert.deepEqual(
      errors(second)
        .filter((a) => a.file === undefined)
        .map((a) => [a.line, a.col, a.title, a.message]),
      [[undefined, undefined, undefined, 'access-as-code: 8 problems found; see the annotations on the files.']],
    );
    assert.match(second.stdout, /::error::access-as-code: 8 problems found; see the annotations on the files\./);
  });

  // One pull request that changes a request and every kind of file that judges it: each other file is
  // named on its own annotation, and the request is judged by the base policy, not the raised one.
  test('THREATS 6: a request together with a policy change is refused, and judged by the base policy; a request together with CODEOWNERS, identities, a workflow or the schema is refused, each file named', async () => {
    const raised = (await import('node:fs'))
      .readFileSync(new URL('../fixtures/config/.github/access-policy.yaml', import.meta.url), 'utf8')
      .replace('maxDuration: 2h', 'maxDuration: 12h');
    const file = 'requests/k8s-prod-operators/octocat-drain.yaml';
    const others = ['.github/CODEOWNERS', '.github/access-identities.yaml', '.github/workflows/access-validate.yml', 'schemas/access-request.schema.json'];
    const run = await validate(
      pullRequest({
        [file]: request({ expires: iso(10 * HOUR) }),
        '.github/access-policy.yaml': raised,
        ...Object.fromEntries(others.map((o) => [o, '# changed\n'])),
      }),
    );
    assert.equal(run.exitCode, 1);
    const messages = errors(run).map((a) => `${a.file}:${a.line ?? ''}: ${a.message}`);
    assert.ok(
      messages.some((m) => m.startsWith('.github/access-policy.yaml:1: this pull request changes access requests and also .github/access-policy.yaml')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith(`${file}:4: "expires" is 10h from now; k8s-prod-operators allows at most 2h`)),
      messages.join('\n'),
    );
    for (const other of others)
      assert.ok(
        errors(run).some((a) => a.file === other && /Requests must be alone in their pull request/.test(a.message)),
        `${other} is named: ${run.stdout}`,
      );
  });

  test('a pull request that only changes the policy gets the new policy checked, with lines', async () => {
    const run = await validate(pullRequest({ '.github/access-policy.yaml': 'version: 1\ngroups:\n  k8s-prod-operators: { id: nope }\n' }));
    assert.equal(run.exitCode, 1);
    const [e] = errors(run);
    assert.deepEqual([e?.file, e?.line, e?.col], ['.github/access-policy.yaml', 3, 29]);
    assert.match(e!.message, /"groups\.k8s-prod-operators\.id" has the wrong form/);
  });

  test('a configuration change is told in its check what it does to the access in force and to who approves', async () => {
    const identities = 'version: 1\nusers:\n  octocat: { upn: octocat@contoso.com }\n  monalisa: { upn: monalisa@contoso.com }\n';
    const codeowners =
      '* @acme/platform-security\n/requests/prod-db-admins/ @acme/dba-leads @monalisa\n/requests/k8s-prod-operators/ @acme/sre-leads @lead3\n/requests/billing-readers/ @acme/finops\n';
    const pr = pullRequest(
      { '.github/access-identities.yaml': identities, '.github/CODEOWNERS': codeowners },
      { baseFiles: { 'requests/k8s-prod-operators/hubot-drain.yaml': request({ requester: 'hubot', ticket: 'CHG-310' }) } },
    );
    const run = await validate(pr);
    assert.equal(run.exitCode, 0, run.stdout);
    assert.match(run.summary, /What this configuration change does/);
    assert.match(
      run.summary,
      /hubot leaves the identities: 1 active request \(k8s-prod-operators\) no longer name an Entra user, so that access ends at the next run\./,
    );
    assert.match(run.summary, /requests\/k8s-prod-operators\/ is approved by @acme\/sre-leads, @lead3; gains @lead3\./);
  });

  test('a checkout without history gets an error that says how to fix it', async () => {
    const pr = pullRequest({ 'requests/k8s-prod-operators/octocat-drain.yaml': request({}) });
    const run = await validate({ ...pr, base: 'f'.repeat(40) });
    assert.equal(run.exitCode, 1);
    assert.match(
      run.stdout,
      /::error::access-as-code: the pull request's base commit f{40} is not in the checkout\. Check out with full history: actions\/checkout with "fetch-depth: 0"\./,
    );
  });

  test('on a push, every request in the tree is checked; expired ones are only a warning', async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.commit('Requests', {
      'requests/k8s-prod-operators/octocat-old.yaml': request({ expires: '2020-01-01T00:00:00Z' }),
      'requests/k8s-prod-operators/octocat-now.yaml': request({}),
    });
    const run = await runAction({ workspace: repo.dir, inputs: { command: 'validate' }, eventName: 'push', event: { ref: 'refs/heads/main' } });
    assert.equal(run.exitCode, 0, run.stdout);
    const warnings = run.annotations.filter((a) => a.level === 'warning');
    assert.deepEqual(
      warnings.map((a) => [a.file, a.line]),
      [['requests/k8s-prod-operators/octocat-old.yaml', 4]],
    );
    assert.match(warnings[0]!.message, /ended at 2020-01-01T00:00:00Z/);
    assert.doesNotMatch(run.summary, /What merging would change/, 'no plan for requests already on the branch');
    assert.doesNotMatch(run.summary, /<td><td>/, 'well-formed table cells');
  });

  // An unknown command is refused with the supported ones before any work: a rule of the action's
  // settings, the rule: test/unit/action-settings.test.ts 'an unknown command is refused with the
  // supported ones, before anything else is read'. The same kind of refusal (an error line and exit 1,
  // before any work) reaches the user in 'a checkout without history gets an error that says how to fix it'.
});
