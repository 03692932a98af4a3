// init --create-app as a person runs it: the bundled CLI starts `az` and `gh` from PATH. Neither tool
// (nor Entra or GitHub behind them) can run on this machine, so the two on PATH here are stand-ins that
// answer the commands the set-up uses the way the real ones do and record every call.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const GRAPH_ROLES = [
  { value: 'GroupMember.ReadWrite.All', id: 'dbaae8cf-10b5-4b86-a4a1-f871c94c6695' },
  { value: 'User.ReadBasic.All', id: '97235f07-e226-4f63-ace3-39588e11d3a1' },
  { value: 'Directory.Read.All', id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61' },
];

/** The person running init, as az knows them. */
const ME = '0e000000-0000-4000-8000-00000000000e';

/** One script for both tools: state in a JSON file, every call (arguments and standard input) in a log. */
const STAND_IN = `#!/usr/bin/env node
const ME = '${ME}';
const fs = require('node:fs');
const path = require('node:path');
const tool = path.basename(process.argv[1]);
const args = process.argv.slice(2);
const file = process.env.STAND_IN_STATE;
const state = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { apps: [], sps: [], creds: [], vars: {}, branches: [], secrets: {}, log: [] };
let input = '';
try { input = fs.readFileSync(0, 'utf8'); } catch {}
state.log.push({ tool, args, input });
const save = () => fs.writeFileSync(file, JSON.stringify(state));
const opt = (name) => args[args.indexOf(name) + 1];
const done = (out, code = 0, err = '') => { save(); process.stdout.write(out); process.stderr.write(err); process.exit(code); };
const line = args.join(' ');
if (tool === 'az') {
  if (line.startsWith('account show')) done(process.env.STAND_IN_SIGNED_OUT ? '' : 'f00dbabe-0000-4000-8000-000000000001\\n', process.env.STAND_IN_SIGNED_OUT ? 1 : 0, process.env.STAND_IN_SIGNED_OUT ? 'ERROR: Please run "az login" to setup account.\\n' : '');
  if (line.startsWith('ad app list')) done(state.apps.filter((a) => a.displayName === opt('--display-name')).map((a) => a.appId + '\\n').join(''));
  if (line.startsWith('ad app create')) { const appId = '11111111-2222-4333-8444-' + String(state.apps.length + 1).padStart(12, '0'); state.apps.push({ appId, displayName: opt('--display-name'), permissions: [], owners: [ME], secrets: 0 }); done(appId + '\\n'); }
  if (line.startsWith('ad signed-in-user show')) done(ME + '\\n');
  if (line.startsWith('ad app owner list')) done(state.apps.find((a) => a.appId === opt('--id')).owners.map((o) => o + '\\n').join(''));
  if (line.startsWith('ad app show')) done(JSON.stringify({ secrets: state.apps.find((a) => a.appId === opt('--id')).secrets, certificates: 0 }));
  if (line.startsWith('ad sp list')) { const id = /appId eq '([^']+)'/.exec(opt('--filter'))[1]; done(state.sps.filter((s) => s.appId === id).map((s) => s.id + '\\n').join('')); }
  if (line.startsWith('ad sp create')) { state.sps.push({ appId: opt('--id'), id: 'sp-' + opt('--id') }); done('sp-' + opt('--id') + '\\n'); }
  if (line.startsWith('ad sp show')) done(JSON.stringify(${JSON.stringify(GRAPH_ROLES)}));
  if (line.startsWith('ad app permission add')) { const app = state.apps.find((a) => a.appId === opt('--id')); for (const p of args.slice(args.indexOf('--api-permissions') + 1)) if (!app.permissions.includes(p)) app.permissions.push(p); done(''); }
  if (line.startsWith('ad app permission admin-consent')) done('', process.env.STAND_IN_NO_CONSENT ? 1 : 0, process.env.STAND_IN_NO_CONSENT ? 'ERROR: Insufficient privileges to complete the operation.\\n' : '');
  if (line.startsWith('ad app federated-credential list')) done(JSON.stringify(state.creds.filter((c) => c.appId === opt('--id')).map((c) => ({ name: c.name, subject: c.subject }))));
  if (line.startsWith('ad app federated-credential create')) { const p = JSON.parse(opt('--parameters')); state.creds.push({ appId: opt('--id'), ...p }); done(''); }
}
if (tool === 'gh') {
  if (args[0] === 'api' && args[1] === 'repos/acme/access') done('repo:acme@1001/access@2002:environment:access-grant\\n');
  if (line.startsWith('variable set')) { state.vars[args[2]] = opt('--body'); done(''); }
  if (line.startsWith('api -X PUT repos/acme/access/environments/access-grant')) { state.environment = args.slice(4); done('{}'); }
  if (line === 'api repos/acme/access/environments/access-grant/deployment-branch-policies --jq .branch_policies[].name') done(state.branches.map((b) => b + '\\n').join(''));
  if (line.startsWith('api -X POST repos/acme/access/environments/access-grant/deployment-branch-policies')) { state.branches.push('main'); done('{}'); }
  if (line.startsWith('secret list')) done(Object.keys(state.secrets).map((k) => k + '\\n').join(''));
  if (line.startsWith('secret set')) { state.secrets[args[2]] = input; done(''); }
}
done('', 2, 'stand-in: no answer for ' + tool + ' ' + line + '\\n');
`;

function standIns(): { bin: string; stateFile: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aac-init-app-'));
  dirs.push(dir);
  const bin = join(dir, 'bin');
  spawnSync('mkdir', [bin]);
  for (const tool of ['az', 'gh']) {
    writeFileSync(join(bin, tool), STAND_IN);
    chmodSync(join(bin, tool), 0o755);
  }
  return { bin, stateFile: join(dir, 'state.json'), dir };
}

interface StandInState {
  apps: { appId: string; displayName: string; permissions: string[]; owners: string[]; secrets: number }[];
  sps: unknown[];
  creds: { appId: string; name: string; issuer: string; subject: string; audiences: string[] }[];
  vars: Record<string, string>;
  branches: string[];
  secrets: Record<string, string>;
  environment?: string[];
  log: { tool: string; args: string[]; input: string }[];
}

function run(cwd: string, env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { HOME: cwd, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('init --create-app makes the app registration, its federated credential and the repository settings with your az and gh, and a second run makes nothing twice', () => {
  const { bin, stateFile, dir } = standIns();
  const repo = join(dir, 'access');
  spawnSync('mkdir', [repo]);
  const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, STAND_IN_STATE: stateFile };

  // An administrator's consent is not in the person's power: everything else is made, and the command for it said.
  const first = run(repo, { ...env, STAND_IN_NO_CONSENT: '1' }, 'init', '--org', 'acme', '--github-repo', 'acme/access', '--create-app');
  assert.equal(first.code, 1, first.err);
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
  assert.equal(state.apps.length, 1);
  const app = state.apps[0]!;
  assert.equal(app.displayName, 'access-as-code acme/access', 'one argument, spaces and all: no shell');
  assert.deepEqual(app.permissions, ['dbaae8cf-10b5-4b86-a4a1-f871c94c6695=Role', '97235f07-e226-4f63-ace3-39588e11d3a1=Role']);
  assert.deepEqual(state.creds, [
    {
      appId: app.appId,
      name: 'access-grant',
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'repo:acme@1001/access@2002:environment:access-grant',
      audiences: ['api://AzureADTokenExchange'],
    },
  ]);
  assert.deepEqual(state.vars, { AZURE_CLIENT_ID: app.appId, AZURE_TENANT_ID: 'f00dbabe-0000-4000-8000-000000000001' });
  assert.deepEqual(state.environment, [
    '-F',
    'deployment_branch_policy[protected_branches]=false',
    '-F',
    'deployment_branch_policy[custom_branch_policies]=true',
  ]);
  assert.deepEqual(state.branches, ['main']);
  const key = state.secrets.ACCESS_MEMORY_KEY ?? '';
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.ok(!state.log.some((c) => c.args.some((a) => a.includes(key))), 'the memory key never on a command line');
  assert.match(first.out, /^Left: admin consent was not granted \(ERROR: Insufficient privileges to complete the operation\.\): an administrator/m);
  assert.match(first.out, new RegExp(`^ {5}az ad app permission admin-consent --id ${app.appId}$`, 'm'));
  assert.match(first.out, /done: federated credential for repo:acme@1001\/access@2002:environment:access-grant created/);
  // Issue 33: the environment is limited to main, and the variables set, before any credential trusts it.
  const at = (re: RegExp) => first.out.search(re);
  assert.ok(at(/done: environment access-grant, deployable from main only/) < at(/done: repository variables/), first.out);
  assert.ok(at(/done: repository variables/) < at(/done: federated credential/), first.out);
  assert.ok(existsSync(join(repo, '.github', 'access-policy.yaml')));

  // Once an administrator can consent: the files are kept, nothing is made twice, the key is kept.
  const second = run(repo, env, 'init', '--org', 'acme', '--github-repo', 'acme/access', '--create-app');
  assert.equal(second.code, 0, second.err + second.out);
  const after = JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
  assert.equal(after.apps.length, 1);
  assert.equal(after.sps.length, 1);
  assert.equal(after.creds.length, 1);
  assert.deepEqual(after.branches, ['main']);
  assert.equal(after.secrets.ACCESS_MEMORY_KEY, key);
  assert.match(second.out, /The access repository is in .* already; its files are kept\./);
  assert.match(second.out, /done: admin consent granted/);
  assert.match(second.out, /done: memory key ACCESS_MEMORY_KEY exists already \(kept\)/);
  assert.doesNotMatch(second.out, /^Left:/m);
  assert.equal(run(repo, env, 'validate').code, 0);
});

test('init --create-app says what to do when az is signed out or not installed, and what it had made', () => {
  const { bin, stateFile, dir } = standIns();
  const repo = join(dir, 'access');
  spawnSync('mkdir', [repo]);
  const signedOut = run(
    repo,
    { PATH: `${bin}:${process.env.PATH ?? ''}`, STAND_IN_STATE: stateFile, STAND_IN_SIGNED_OUT: '1' },
    'init',
    '--github-repo',
    'acme/access',
    '--create-app',
  );
  assert.equal(signedOut.code, 2);
  assert.match(signedOut.err, /az is not signed in \(run "az login"[^\n]*: "az account show --query tenantId …" failed: ERROR: Please run "az login"/);
  assert.match(signedOut.err, /run init --create-app again once this is fixed: it makes nothing twice/);
  // No az on PATH at all (node alone): named, with the way to do it by hand.
  const nodeOnly = join(dir, 'node-only');
  spawnSync('mkdir', [nodeOnly]);
  spawnSync('ln', ['-s', process.execPath, join(nodeOnly, 'node')]);
  const missing = run(repo, { PATH: nodeOnly }, 'init', '--github-repo', 'acme/access', '--create-app');
  assert.equal(missing.code, 2);
  assert.match(
    missing.err,
    /the Azure CLI \(az\) is not installed: https:\/\/learn\.microsoft\.com\/cli\/azure\/install-azure-cli; or run init without --create-app/,
  );
  // Without the repository, nothing is started.
  const elsewhere = join(dir, 'no-remote');
  spawnSync('mkdir', [elsewhere]);
  const noRepo = run(elsewhere, { PATH: `${bin}:${process.env.PATH ?? ''}`, STAND_IN_STATE: join(dir, 'other.json') }, 'init', '--create-app');
  assert.equal(noRepo.code, 2);
  assert.match(noRepo.err, /--create-app needs the GitHub repository: pass --github-repo owner\/name/);
  assert.ok(!existsSync(join(dir, 'other.json')), 'no tool was run');
  // An origin remote that does not name owner/name is not used to call GitHub.
  spawnSync('git', ['init', '-q', elsewhere]);
  spawnSync('git', ['-C', elsewhere, 'remote', 'add', 'origin', 'https://github.com/acme/access?x=1']);
  const odd = run(elsewhere, { PATH: `${bin}:${process.env.PATH ?? ''}`, STAND_IN_STATE: join(dir, 'other.json') }, 'init', '--create-app');
  assert.equal(odd.code, 2);
  assert.match(odd.err, /the origin remote does not name a GitHub repository as owner\/name; pass --github-repo owner\/name/);
  assert.ok(!existsSync(join(dir, 'other.json')), 'no tool was run');
});

test('init --create-app adopts an app registration of that name only when you alone own it, and says what it holds that it should not', () => {
  const { bin, stateFile, dir } = standIns();
  const repo = join(dir, 'access');
  spawnSync('mkdir', [repo]);
  const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, STAND_IN_STATE: stateFile };
  const squatter = '11111111-2222-4333-8444-999999999999';
  // Someone else in the tenant made an app with the name init would use, and owns it.
  const seeded = (owners: string[], secrets: number, creds: StandInState['creds'] = []) =>
    writeFileSync(
      stateFile,
      JSON.stringify({
        apps: [{ appId: squatter, displayName: 'access-as-code acme/access', permissions: [], owners, secrets }],
        sps: [],
        creds,
        vars: {},
        branches: [],
        secrets: {},
        log: [],
      }),
    );
  seeded(['0e000000-0000-4000-8000-0000000000aa', ME], 0);
  const refused = run(repo, env, 'init', '--github-repo', 'acme/access', '--create-app');
  assert.equal(refused.code, 2, refused.out);
  assert.match(
    refused.err,
    /an app registration named "access-as-code acme\/access" exists \(11111111-2222-4333-8444-999999999999\) and is owned by others too \(0e000000-0000-4000-8000-0000000000aa\): init does not adopt an app someone else can change/,
  );
  const after = JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
  assert.deepEqual(after.vars, {}, 'nothing was set');
  assert.ok(!after.log.some((c) => c.args.includes('permission')), 'no permission was asked for it');

  // Yours alone, with a secret and another workload trusted: used, and both are said.
  seeded([ME], 1, [
    { appId: squatter, name: 'old-ci', issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:acme/other:ref:refs/heads/main', audiences: [] },
  ]);
  const adopted = run(repo, env, 'init', '--github-repo', 'acme/access', '--create-app');
  assert.equal(adopted.code, 1, adopted.err);
  assert.match(adopted.out, /done: app registration "access-as-code acme\/access" \(11111111-2222-4333-8444-999999999999\) exists already, owned by you alone/);
  assert.match(adopted.out, /^Left: the app registration holds 1 client secret or certificate, which the workflows do not need/m);
  assert.match(adopted.out, /^Left: the app registration also trusts old-ci \(repo:acme\/other:ref:refs\/heads\/main\)/m);
});
