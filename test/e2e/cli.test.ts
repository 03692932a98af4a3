// The command line as a person uses it: the bundled dist/cli.js in a real repository.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRA_LIBRARIES } from '../../scripts/bench/libraries.ts';
import { createRepo, type TestRepo } from '../helpers/config.ts';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const MODULE_LOG = fileURLToPath(new URL('../../scripts/bench/hooks.mjs', import.meta.url));
const repos: TestRepo[] = [];
// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('cli', () => {
  after(() => repos.forEach((r) => r.remove()));

  function repo(): TestRepo {
    const r = createRepo();
    repos.push(r);
    return r;
  }

  /** For commands that talk to a twin in this process: the event loop must keep serving it. */
  function cliAsync(cwd: string, env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  }

  /**
   * A loopback port nothing listens on: free, below the ephemeral range (32768 and up), where the
   * servers other tests start with listen(0) never land, so it stays refused while a test uses it.
   */
  async function refusedPort(): Promise<number> {
    const { createServer } = await import('node:net');
    for (let candidate = 20_000 + Math.floor(Math.random() * 10_000); ; candidate++) {
      const server = createServer();
      const free = await new Promise<boolean>((resolve) => {
        server.once('error', () => resolve(false));
        server.listen(candidate, '127.0.0.1', () => resolve(true));
      });
      if (!free) continue;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return candidate;
    }
  }

  function cli(cwd: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: cwd } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  test('new writes a request that validate accepts, then validate exits 0', () => {
    const r = repo();
    const made = cli(
      r.dir,
      'new',
      '--group',
      'k8s-prod-operators',
      '--for',
      '90m',
      '--justification',
      'Drain the node pool for CHG-310',
      '--requester',
      'octocat',
    );
    assert.equal(made.code, 0, made.err);
    const path = /^Wrote (\S+) \(for 1h30m from the merge\)\.$/m.exec(made.out);
    assert.ok(path, made.out);
    assert.equal(path[1], 'requests/k8s-prod-operators/octocat-drain-the-node-pool-for.yaml');
    assert.match(readFileSync(`${r.dir}/${path[1]}`, 'utf8'), /^duration: 1h30m$/m);
    const checked = cli(r.dir, 'validate', path[1]!);
    assert.equal(checked.code, 0, checked.out);
    assert.equal(checked.out.trim(), '1 request checked: 1 valid, 0 invalid.');
  });

  // What a command loads is what it costs to start: validate runs in pre-commit hooks and on every
  // pull request, and signing in to Entra is for the commands that change or read it (figure 4 of
  // `npm run bench`). Every file the bundle loads is listed by the benchmark's module hook
  // (scripts/bench/hooks.mjs) in the process.
  test('validate and help load neither the Graph client nor @azure/identity (the command line and the action)', () => {
    const r = repo();
    const file = 'requests/k8s-prod-operators/octocat-x.yaml';
    r.commit('one request', { [file]: 'version: 1\nrequester: octocat\ngroup: k8s-prod-operators\nduration: 1h\njustification: "Drain the node pool"\n' });
    const output = join(r.dir, '..', `${r.dir.split('/').pop()}-out`);
    const report = `${output}-report`;
    writeFileSync(output, '');
    const action = { INPUT_COMMAND: 'validate', GITHUB_WORKSPACE: r.dir, GITHUB_EVENT_NAME: 'push', GITHUB_STEP_SUMMARY: output, GITHUB_OUTPUT: output };
    try {
      for (const [what, args, env] of [
        ['access-as-code validate', [CLI, 'validate', file], {}],
        ['access-as-code help', [CLI, 'help'], {}],
        ['the action validate', [fileURLToPath(new URL('../../dist/index.js', import.meta.url))], action],
      ] as const) {
        const run = spawnSync(process.execPath, [`--import=${MODULE_LOG}`, ...args], {
          cwd: r.dir,
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', HOME: r.dir, BENCH_REPORT: report, BENCH_MODULES: '1', ...env },
        });
        assert.equal(run.status, 0, `${what}: ${run.stdout}${run.stderr}`);
        const loaded = readFileSync(`${report}.modules`, 'utf8')
          .split('\n')
          .filter((u) => u.startsWith('file:') && u.includes('/dist/'))
          .map((u) => fileURLToPath(u));
        assert.ok(loaded.length > 1, `${what}: the hook saw its files`);
        const heavy = loaded.filter((f) => ENTRA_LIBRARIES.test(readFileSync(f, 'utf8')));
        assert.deepEqual(heavy, [], `${what} loads the Entra libraries`);
      }
    } finally {
      for (const f of [output, report, `${report}.modules`]) rmSync(f, { force: true });
    }
  });

  test('new run twice for the same group writes a second file and says so, naming the first', () => {
    const r = repo();
    const args = ['new', '--group', 'k8s-prod-operators', '--for', '1h', '--justification', 'Drain the node pool for CHG-310', '--requester', 'octocat'];
    assert.equal(cli(r.dir, ...args).code, 0);
    const second = cli(r.dir, ...args);
    assert.equal(second.code, 0, second.err);
    assert.match(
      second.out,
      /^Wrote requests\/k8s-prod-operators\/octocat-drain-the-node-pool-for-2\.yaml \(for 1h from the merge\)\.\nYou already have requests\/k8s-prod-operators\/octocat-drain-the-node-pool-for\.yaml; this is a second request\./m,
    );
  });

  test('new refuses what validate would refuse and writes nothing', () => {
    const r = repo();
    const made = cli(
      r.dir,
      'new',
      '--at',
      '2030-01-01T08:00:00Z',
      '--group',
      'prod-db-admins',
      '--for',
      '9h',
      '--justification',
      'Restore the orders replica',
      '--requester',
      'octocat',
    );
    assert.equal(made.code, 1);
    // Told against the options, not against a file that was never written.
    assert.match(made.err, /^access-as-code new: --for: "duration" is 9h; prod-db-admins allows at most 4h\. Set --for 4h or less\.$/m);
    assert.match(made.err, /^access-as-code new: prod-db-admins requires a ticket: pass --ticket <id> matching \^INC-\[0-9\]\+\$\.$/m);
    assert.doesNotMatch(made.err, /requests\/prod-db-admins\/octocat-restore-the-orders-replica\.yaml/);
    assert.match(made.err, /no file written/);
    assert.equal(cli(r.dir, 'validate').out.trim(), '0 requests checked: 0 valid, 0 invalid.');
  });

  test('validate prints file:line:col: error: lines and exits 1 for an invalid request', () => {
    const r = repo();
    r.commit('bad', {
      'requests/k8s-prod-operators/octocat-x.yaml':
        'version: 1\nrequester: octocat\ngroup: k8s-prod-operators\nexpires: "2020-01-01T00:00:00"\njustification: "Drain the pool"\nrole: owner\n',
    });
    const res = cli(r.dir, 'validate', 'requests/k8s-prod-operators/');
    assert.equal(res.code, 1);
    // Problems on stderr, the result on stdout, as every command.
    assert.equal(
      res.err,
      [
        'requests/k8s-prod-operators/octocat-x.yaml:4:10: error: "expires" is not valid: it has no time zone offset. Add one, e.g. "2020-01-01T00:00:00Z" for UTC.',
        'requests/k8s-prod-operators/octocat-x.yaml:6:1: error: unknown key "role". Allowed keys here: version, requester, group, expires, duration, justification, ticket. Remove it or fix its spelling.',
        '',
      ].join('\n'),
    );
    assert.equal(res.out, '1 request checked: 0 valid, 1 invalid.\n');
  });

  test('a broken policy is a configuration error: exit 2, with its line', () => {
    const r = repo();
    r.commit('break policy', { '.github/access-policy.yaml': 'version: 1\ngroups:\n  a: { id: 1, id: 2 }\n' });
    const res = cli(r.dir, 'validate');
    assert.equal(res.code, 2);
    assert.match(res.err, /^\.github\/access-policy\.yaml:3:\d+: error: this key appears twice/m);
    assert.match(res.err, /access-as-code: the access configuration in the working tree is not valid/);
    assert.doesNotMatch(res.err, /\n\s+at /);
  });

  test('--help on any command shows the usage and exits 0; --version prints the package version', () => {
    const r = repo();
    for (const args of [['validate', '--help'], ['new', '-h'], ['revoke', '--help'], ['--help']]) {
      const res = cli(r.dir, ...args);
      assert.equal(res.code, 0, args.join(' '));
      assert.match(res.out, /Usage:/);
    }
    const want = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    for (const args of [['--version'], ['version']]) {
      const version = cli(r.dir, ...args);
      assert.equal(version.code, 0);
      assert.equal(version.out.trim(), want);
    }
    // The docs call the scheduled revoke "the sweep": both names work.
    const sweep = cli(r.dir, 'sweep', '--help');
    assert.equal(sweep.code, 0);
    assert.match(sweep.out, /access-as-code revoke \[--dry-run\][\s\S]*also "access-as-code sweep"/);
  });

  test("each command's --help describes every option its synopsis names, in a line of its own", () => {
    const r = repo();
    const commands = [...cli(r.dir, 'help').out.matchAll(/^ {2}access-as-code ([a-z]+)/gm)].map((m) => m[1]!).filter((c) => c !== 'help' && c !== 'version');
    for (const command of commands) {
      const help = cli(r.dir, command, '--help').out;
      const synopsis = new RegExp(`^ {2}access-as-code ${command}(.*)$`, 'm').exec(help)?.[1] ?? '';
      const named = [...new Set(synopsis.match(/--[a-z][a-z-]*/g) ?? [])];
      const described = help.split('\nOptions:\n')[1]?.split('\n\n')[0] ?? '';
      for (const option of named) assert.match(described, new RegExp(`^ {2}${option}\\b.* {2,}\\S`, 'm'), `${command} --help describes ${option}:\n${help}`);
    }
    const init = cli(r.dir, 'init', '--help').out;
    assert.match(init, /--broad +with --create-app: tenant-wide GroupMember\.ReadWrite\.All/);
  });

  test('usage errors exit 2 and show the usage', () => {
    const r = repo();
    const res = cli(r.dir, 'validate', '--colour');
    assert.equal(res.code, 2);
    assert.match(res.err, /Unknown option '--colour'[\s\S]*Usage:/);
    assert.equal(cli(r.dir, 'frobnicate').code, 2);
    assert.equal(cli(r.dir, 'help').code, 0);
    const missing = cli(r.dir, 'new', '--group', 'x');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /missing --for, --justification/);
    const nobody = cli(r.dir, 'new', '--group', 'k8s-prod-operators', '--for', '1h', '--justification', 'Drain the node pool');
    assert.equal(nobody.code, 2);
    assert.match(nobody.err, /Pass --requester <your GitHub login>/);
  });

  test('--at judges as of another moment', () => {
    const r = repo();
    r.commit('req', {
      'requests/k8s-prod-operators/octocat-x.yaml':
        'version: 1\nrequester: octocat\ngroup: k8s-prod-operators\nexpires: "2030-01-01T09:00:00Z"\njustification: "Drain the node pool"\n',
    });
    assert.equal(cli(r.dir, 'validate', '--at', '2030-01-01T08:00:00Z', 'requests/k8s-prod-operators/octocat-x.yaml').code, 0);
    const late = cli(r.dir, 'validate', '--at', '2030-01-01T08:58:00Z', 'requests/k8s-prod-operators/octocat-x.yaml');
    assert.equal(late.code, 1);
    assert.match(late.err, /less than 5 minutes away/);
  });

  test('doctor signs in with a client secret from the environment and checks the groups', async () => {
    const { Twin, seed, TENANT, CLIENT } = await import('../helpers/twin.ts');
    const base = seed({ users: 1 });
    const twin = await Twin.start({
      seed: {
        ...base,
        apps: [{ ...base.apps![0]!, clientSecret: 's3cret' }],
        groups: [{ id: '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11', displayName: 'PROD DB Admins' }],
      },
    });
    const r = repo();
    try {
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: r.dir,
        NODE_EXTRA_CA_CERTS: twin.authority.certPath,
        AZURE_TENANT_ID: TENANT,
        AZURE_CLIENT_ID: CLIENT,
        AZURE_CLIENT_SECRET: 's3cret',
      };
      const run = await cliAsync(r.dir, env, 'doctor', '--authority-host', twin.urls.authorityHost, '--graph-endpoint', twin.urls.graph);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^prod-db-admins\s+ok: "PROD DB Admins", 0 members$/m);
      assert.match(run.stdout, /^k8s-prod-operators\s+PROBLEM: no Entra group has the id 8e2d6a44/m);
      assert.match(run.stderr, /\.github\/access-policy\.yaml:12:3: error: group "k8s-prod-operators"/);
      assert.match(run.stderr, new RegExp(`^Signing in through ${twin.urls.authorityHost.replace(/[.]/g, '\\.')} \\(--authority-host\\)\\.$`, 'm'));
      // One JSON object on stdout, for scripts, with the same verdict.
      const asJson = await cliAsync(r.dir, env, 'doctor', '--format', 'json', '--authority-host', twin.urls.authorityHost, '--graph-endpoint', twin.urls.graph);
      assert.equal(asJson.status, 1, asJson.stderr);
      const parsed = JSON.parse(asJson.stdout) as { groups: { name: string; problem?: string }[] };
      assert.deepEqual(
        parsed.groups.filter((g) => g.problem).map((g) => g.name),
        ['k8s-prod-operators', 'billing-readers'],
      );
      // AZURE_AUTHORITY_HOST, as @azure/identity reads it, is honoured and named.
      const byEnv = await cliAsync(r.dir, { ...env, AZURE_AUTHORITY_HOST: twin.urls.authorityHost }, 'doctor', '--graph-endpoint', twin.urls.graph);
      assert.equal(byEnv.status, 1, byEnv.stderr);
      assert.match(byEnv.stderr, /\(AZURE_AUTHORITY_HOST\)\./);
      assert.match(byEnv.stdout, /^prod-db-admins\s+ok/m);
      const wrong = await cliAsync(
        r.dir,
        { ...env, AZURE_CLIENT_SECRET: 'guess' },
        'doctor',
        '--authority-host',
        twin.urls.authorityHost,
        '--graph-endpoint',
        twin.urls.graph,
      );
      assert.equal(wrong.status, 2);
      assert.match(wrong.stderr, /client secret is wrong or expired|could not sign in to Entra/);
      assert.doesNotMatch(wrong.stderr, /\n\s+at /);
      // Progress on network work: every request counted by the service it went to, on stderr only.
      twin.log.clear();
      const counted = await cliAsync(
        r.dir,
        env,
        'doctor',
        '--progress',
        '--format',
        'json',
        '--authority-host',
        twin.urls.authorityHost,
        '--graph-endpoint',
        twin.urls.graph,
      );
      assert.equal(counted.status, 1, counted.stderr);
      JSON.parse(counted.stdout);
      const totals = /^Network: (.*) requests in \d+\.\d s\.$/m.exec(counted.stderr);
      assert.ok(totals, counted.stderr);
      const said = new Map(totals[1]!.split(', ').map((part) => [part.replace(/ \d+$/, ''), Number(/\d+$/.exec(part)![0])]));
      assert.equal(said.get('Graph'), twin.log.count('graph'));
      assert.equal(said.get('sign-in'), twin.log.count('entra'));
      assert.ok(twin.log.count('graph') > 0);
      const quiet = await cliAsync(r.dir, env, 'doctor', '--no-progress', '--authority-host', twin.urls.authorityHost, '--graph-endpoint', twin.urls.graph);
      assert.doesNotMatch(quiet.stderr, /Network:|…/);
    } finally {
      await twin.stop();
    }
  });

  test('plan says what merging the working changes would do, against the merge base with main', () => {
    const r = repo();
    r.commit('earlier', {
      'requests/k8s-prod-operators/hubot-old.yaml':
        'version: 1\nrequester: hubot\ngroup: k8s-prod-operators\nexpires: "2030-01-01T09:00:00Z"\njustification: "Old request to be revoked"\n',
    });
    r.git('switch', '-q', '-c', 'mine');
    const made = cli(
      r.dir,
      'new',
      '--group',
      'prod-db-admins',
      '--for',
      '2h',
      '--justification',
      'Restore the orders replica',
      '--ticket',
      'INC-9',
      '--requester',
      'octocat',
    );
    assert.equal(made.code, 0, made.err);
    r.git('rm', '-q', 'requests/k8s-prod-operators/hubot-old.yaml');
    const plan = cli(r.dir, 'plan');
    assert.equal(plan.code, 0, plan.err);
    assert.match(
      plan.out,
      /^requests\/prod-db-admins\/octocat-inc-9\.yaml: would add octocat to prod-db-admins \(Entra group 5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11\) for 2h from the merge, once 2 code owners of requests\/prod-db-admins\/ \(@acme\/dba-leads, @monalisa\) other than octocat approve the final commit\.$/m,
    );
    assert.match(
      plan.out,
      /^requests\/k8s-prod-operators\/hubot-old\.yaml: would end hubot's membership of k8s-prod-operators now, unless another approved, active request covers it\.$/m,
    );
  });

  test('THREATS 55: doctor against a Graph endpoint that refuses connections says so at once, naming the host and the cause, without retrying in silence', async () => {
    const { Scenario } = await import('../helpers/scenario.ts');
    const { runCli } = await import('../helpers/cli.ts');
    const port = await refusedPort();
    const s = await Scenario.begin();
    try {
      const started = Date.now();
      // Waits at their real length: eight silent retries would take minutes.
      const res = await runCli(s, ['doctor', '--authority-host', s.twin.urls.authorityHost, '--graph-endpoint', `https://127.0.0.1:${port}`], {
        entra: false,
        env: { NODE_OPTIONS: '' },
      });
      const took = Date.now() - started;
      assert.equal(res.code, 2, res.out + res.err);
      assert.match(res.err, new RegExp(`Microsoft Graph at 127\\.0\\.0\\.1:${port} cannot be reached: it refused the connection[^\\n]*\\(ECONNREFUSED\\)`));
      assert.ok(took < 20_000, `gave up after ${took} ms, not after eight silent retries`);
    } finally {
      await s.stop();
    }
  });

  test('THREATS 55: a sign-in endpoint that refuses connections is named as unreachable, with the setting to check', async () => {
    const { Scenario } = await import('../helpers/scenario.ts');
    const { runCli } = await import('../helpers/cli.ts');
    const port = await refusedPort();
    const s = await Scenario.begin();
    try {
      const res = await runCli(s, ['doctor', '--authority-host', `https://127.0.0.1:${port}`, '--graph-endpoint', s.twin.urls.graph], { entra: false });
      assert.equal(res.code, 2, res.out + res.err);
      assert.match(
        res.err,
        new RegExp(
          `could not sign in to Entra: its sign-in endpoint 127\\.0\\.0\\.1:${port} cannot be reached \\(ECONNREFUSED\\): check the authority-host setting`,
        ),
      );
    } finally {
      await s.stop();
    }
  });

  test('init writes an access repository that validate passes at once, for the given organisation, never over a file, and prints the commands that finish the set-up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aac-init-'));
    try {
      spawnSync('git', ['init', '-q'], { cwd: dir });
      spawnSync('git', ['remote', 'add', 'origin', 'https://github.com/contoso/access.git'], { cwd: dir });
      const made = cli(dir, 'init', '--org', 'contoso');
      assert.equal(made.code, 0, made.err);
      assert.match(made.out, /Wrote \d+ files of the access repository/);
      // The exact commands, for this repository (from its origin remote), with the immutable subject.
      assert.match(made.out, /az ad app federated-credential create/);
      assert.match(
        made.out,
        /gh api repos\/contoso\/access --jq '"repo:\\\(\.owner\.login\)@\\\(\.owner\.id\)\/\\\(\.name\)@\\\(\.id\):environment:access-grant"'/,
      );
      assert.match(made.out, /openssl rand -hex 32 \| gh secret set ACCESS_MEMORY_KEY --env access-grant --repo contoso\/access/);
      // The environment (main only), the credential and the variables come before the push that brings the workflows.
      const at = (re: RegExp) => made.out.search(re);
      assert.ok(at(/deployment-branch-policies -f name=main/) < at(/federated-credential create/), made.out);
      assert.ok(at(/federated-credential create/) < at(/gh variable set AZURE_CLIENT_ID/), made.out);
      assert.ok(at(/gh variable set AZURE_TENANT_ID/) < at(/git push/), made.out);
      assert.match(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8'), /^\*\s+@contoso\/platform-security$/m);
      assert.ok(existsSync(join(dir, '.github/workflows/access-grant.yml')) && existsSync(join(dir, '.github/dependabot.yml')));
      const checked = cli(dir, 'validate');
      assert.equal(checked.code, 0, checked.out + checked.err);
      // A second init writes nothing and says which files are in the way.
      writeFileSync(join(dir, '.github/access-policy.yaml'), 'mine\n');
      const again = cli(dir, 'init');
      assert.equal(again.code, 2);
      assert.match(again.err, /exist already \(.*\.github\/access-policy\.yaml.*nothing was written/);
      assert.equal(readFileSync(join(dir, '.github/access-policy.yaml'), 'utf8'), 'mine\n');
      assert.equal(cli(dir, 'init', '--org', 'not an org').code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('no false green: validate with no paths judges a new or changed request as its pull request will, and one already on main as history', () => {
    const r = repo();
    const file = 'requests/k8s-prod-operators/octocat-late.yaml';
    mkdirSync(join(r.dir, 'requests/k8s-prod-operators'), { recursive: true });
    writeFileSync(
      join(r.dir, file),
      'version: 1\nrequester: octocat\ngroup: k8s-prod-operators\nexpires: "2020-01-01T00:00:00Z"\njustification: "Drain the node pool"\nticket: INC-1\n',
    );
    const fresh = cli(r.dir, 'validate');
    assert.equal(fresh.code, 1, fresh.out + fresh.err);
    assert.match(fresh.err, /octocat-late\.yaml:4:10: error: "expires" \(2020-01-01T00:00:00Z\) is in the past/);
    assert.match(fresh.out, /1 new or changed against the default branch, judged as its pull request will be\./);
    r.commit('merged', {});
    const merged = cli(r.dir, 'validate');
    assert.equal(merged.code, 0, merged.out + merged.err);
    assert.match(merged.err, /octocat-late\.yaml:4:10: warning: this request ended/);
  });

  test('a CLI people know how to use: help per command, "did you mean" for near misses, global options before the command', () => {
    const r = repo();
    const help = cli(r.dir, 'plan', '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage:\n {2}access-as-code plan \[--base REF\]/);
    assert.doesNotMatch(help.out, /access-as-code validate/, 'only this command');
    const typo = cli(r.dir, 'valdiate');
    assert.equal(typo.code, 2);
    assert.match(typo.err, /unknown command "valdiate"\. Did you mean "validate"\?/);
    const option = cli(r.dir, 'revoke', '--dryrun');
    assert.equal(option.code, 2);
    assert.match(option.err, /Unknown option '--dryrun'\. Did you mean --dry-run\?/);
    // A global option the command does not take is never offered back as its own correction.
    const notHere = cli(r.dir, 'new', '--format', 'json');
    assert.equal(notHere.code, 2);
    assert.match(notHere.err, /Unknown option '--format'\./);
    assert.doesNotMatch(notHere.err, /Did you mean --format/);
    const before = cli(r.dir, '--format', 'json', 'validate');
    assert.equal(before.code, 0, before.err);
    assert.equal((JSON.parse(before.out) as { checked: number }).checked, 0);
    const elsewhere = cli('/', '--repo', r.dir, 'validate');
    assert.equal(elsewhere.code, 0, elsewhere.err);
  });

  test('the exit status is the same for the same kind of outcome in every command, and the help says which', async () => {
    // The command line's door in this process (test/helpers/cli.ts): what the bundled cli.js calls, without starting one per case.
    const { door } = await import('../helpers/cli.ts');
    const r = repo();
    const help = cli(r.dir, 'help').out;
    const commands = [...help.matchAll(/^ {2}access-as-code ([a-z]+)/gm)].map((m) => m[1]!).filter((c) => c !== 'help' && c !== 'version');
    assert.ok(commands.length >= 12, help);
    const empty = mkdtempSync(join(tmpdir(), 'aac-empty-'));
    try {
      // The bundled command line's own exit status for a usage error; every command's usage errors
      // below go through the same door (runCli) in this process, which is what sets that status.
      const bundled = cli(r.dir, 'status', '--no-such-option');
      assert.equal(bundled.code, 2, bundled.err);
      assert.match(bundled.err, /^access-as-code status: Unknown option '--no-such-option'/);
      for (const command of commands) {
        // A usage error: 2, named for the command, with its own help.
        const unknown = await door([command, '--no-such-option'], r.dir, { PATH: process.env.PATH ?? '' });
        assert.equal(unknown.code, 2, `${command}: ${unknown.err}`);
        assert.match(unknown.err, new RegExp(`^access-as-code ${command}: Unknown option '--no-such-option'`), command);
        assert.match(unknown.err, new RegExp(`Usage:\\n {2}access-as-code ${command}`), command);
        assert.equal(unknown.out, '', `${command}: nothing on stdout`);
        // A bad value of an option every command takes: 2.
        const at = await door([command, '--at', 'yesterday'], r.dir, { PATH: process.env.PATH ?? '' });
        assert.equal(at.code, 2, `${command} --at yesterday: ${at.err}`);
        assert.match(at.err, /--at "yesterday" is not valid/, command);
      }
      // Not done for want of configuration or credentials: 2, for every command that needs them.
      for (const command of ['validate', 'plan', 'doctor', 'discover', 'form']) {
        const res = cli(empty, command);
        assert.equal(res.code, 2, `${command} without a policy: ${res.err}`);
      }
      for (const command of ['grant', 'revoke', 'report', 'status']) {
        const res = cli(r.dir, command);
        assert.equal(res.code, 2, `${command} without GITHUB_TOKEN: ${res.err}`);
        assert.match(res.err, /set GITHUB_TOKEN/);
      }
      // Done, with something that needs attention: 1.
      mkdirSync(join(r.dir, 'requests', 'k8s-prod-operators'), { recursive: true });
      writeFileSync(join(r.dir, 'requests', 'k8s-prod-operators', 'octocat-bad.yaml'), 'version: 1\nrequester: octocat\n');
      assert.equal(cli(r.dir, 'validate').code, 1);
      assert.match(help, /^Exit status, the same for every command:\n {2}0 {2}done, nothing needs attention\n {2}1 {2}done, something needs attention/m);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('outside an access repository the CLI says so, with init and --repo, instead of listing files to create', () => {
    const empty = mkdtempSync(join(tmpdir(), 'aac-nothing-'));
    try {
      const here = cli(empty, 'validate');
      assert.equal(here.code, 2);
      assert.match(
        here.err,
        /no access repository here \(no \.github\/access-policy\.yaml in .* or above it\): run "access-as-code init" to make one, or pass --repo/,
      );
      assert.doesNotMatch(here.err, /is missing in the working tree/);
      const missing = cli(empty, 'validate', '--repo', join(empty, 'no-such-folder'));
      assert.equal(missing.code, 2);
      assert.match(missing.err, /--repo .*no-such-folder: there is no such folder/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test("each command's help shows examples, and every option an example uses is one the command takes", () => {
    const r = repo();
    const help = cli(r.dir, 'help').out;
    const commands = [...help.matchAll(/^ {2}access-as-code ([a-z]+)/gm)].map((m) => m[1]!).filter((c) => c !== 'help' && c !== 'version');
    let shown = 0;
    for (const command of commands) {
      const page = cli(r.dir, command, '--help').out;
      const examples = page.split('\nExamples:\n')[1]?.split('\n\n')[0];
      if (!examples) continue;
      shown++;
      const known = new Set(page.match(/--[a-z][a-z-]*/g));
      for (const line of examples.split('\n'))
        for (const option of line.match(/ --[a-z][a-z-]*/g) ?? []) {
          const name = option.trim();
          const usage = page.split('\nExamples:\n')[0]!;
          assert.ok(
            usage.includes(name) || page.split('Options for every command:')[1]!.includes(name),
            `${command}: example uses ${name}, which it does not take`,
          );
          assert.ok(known.has(name));
        }
    }
    assert.ok(shown >= 12, `${shown} commands show examples`);
  });

  test('the first hour from a clone: output piped into head ends quietly, a bad --from is named, an unreleased pin is said, Node older than 22 is told plainly', async () => {
    const r = repo();
    // `access-as-code help | head -1`: the reader stops early; no EPIPE stack trace, the status of the command.
    const piped = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'help'], { cwd: r.dir, env: { PATH: process.env.PATH ?? '', HOME: r.dir } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (status) => resolve({ status, stderr }));
    });
    assert.doesNotMatch(piped.stderr, /EPIPE|Unhandled|\n\s+at /);
    assert.equal(piped.status, 0);
    const from = cli(r.dir, 'evidence', '--from', 'yesterday');
    assert.equal(from.code, 2);
    assert.match(from.err, /--from "yesterday" is not valid/);
    // init from a clone (a build whose template names the next release by its tag): said, with what to do.
    const empty = mkdtempSync(join(tmpdir(), 'aac-init-clone-'));
    try {
      const init = cli(empty, 'init', '--org', 'acme');
      assert.equal(init.code, 0, init.err);
      const pin = /uses: access-as-code\/access-as-code@(v[\d.]+)/.exec(readFileSync(join(empty, '.github/workflows/access-grant.yml'), 'utf8'))?.[1];
      const version = cli(empty, 'version').out.trim();
      if (pin !== `v${version}`)
        assert.match(
          init.err,
          new RegExp(
            `warning: this access-as-code \\(${version}, from a clone\\) is not a release, and the workflows it wrote name access-as-code/access-as-code@${pin}`,
          ),
        );
      else assert.doesNotMatch(init.err, /not a release/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    // The machine's own Node, when it is older than 22 (the dependencies need 22).
    for (const dir of (process.env.PATH ?? '').split(':')) {
      const node = join(dir, 'node');
      if (!existsSync(node)) continue;
      const major = Number(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1).split('.')[0]);
      if (major >= 22) continue;
      const old = spawnSync(node, [CLI, 'version'], { cwd: r.dir, encoding: 'utf8' });
      assert.equal(old.status, 2);
      assert.match(old.stderr, /access-as-code: needs Node\.js 22 or later; this is v\d+/);
      break;
    }
  });
});
