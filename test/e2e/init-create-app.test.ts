// init --create-app as a person runs it: the bundled CLI starts `az` and `gh` from PATH. Neither tool
// (nor Entra or GitHub behind them) can run on this machine, so the two on PATH here are stand-ins that
// answer the commands the set-up uses the way the real ones do and record every call.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const dirs: string[] = [];
// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('init-create-app', () => {
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const GRAPH_ROLES = [
    { value: 'GroupMember.ReadWrite.All', id: 'dbaae8cf-10b5-4b86-a4a1-f871c94c6695' },
    { value: 'GroupMember.Read.All', id: '98830695-27a2-44f7-8c18-0c3ebc9698f6' },
    { value: 'User.ReadBasic.All', id: '97235f07-e226-4f63-ace3-39588e11d3a1' },
    { value: 'RoleManagement.Read.Directory', id: '483bed4a-2ad3-4361-a73b-c83ccdbdc53c' },
    { value: 'Directory.Read.All', id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61' },
  ];
  const ROLE_ID = Object.fromEntries(GRAPH_ROLES.map((r) => [r.value, `${r.id}=Role`]));
  /** Two of the template's example groups exist in this tenant; the third (billing-readers) does not. */
  const TENANT_GROUPS = ['5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11', '8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13'];
  const GROUPS_ADMINISTRATOR = 'fdd7a751-b60b-444a-984c-02652fe8fa1c';

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
const state = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { apps: [], sps: [], creds: [], vars: {}, branches: {}, environments: {}, secrets: {}, units: [], roleAssignments: [], arm: [], log: [] };
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
  if (args[0] === 'rest' && opt('--url').startsWith('https://management.azure.com/')) {
    // Azure Resource Manager's role assignments as az rest answers them: the principalId filter lists
    // the principal's assignments at, above and below the scope.
    const url = decodeURIComponent(opt('--url')).slice('https://management.azure.com'.length);
    const [path, query] = url.split('?');
    if (!/(^|&)api-version=2022-04-01(&|$)/.test(query)) done('', 1, 'ERROR: (MissingApiVersionParameter)\\n');
    const under = (a, b) => a.toLowerCase() === b.toLowerCase() || a.toLowerCase().startsWith(b.toLowerCase() + '/');
    const shown = (a) => ({ id: a.id, properties: { scope: a.scope, roleDefinitionId: a.scope + '/providers/Microsoft.Authorization/roleDefinitions/' + a.roleId, principalId: a.principalId, principalType: a.principalType, condition: a.condition ?? null, conditionVersion: a.conditionVersion ?? null } });
    let m;
    if (opt('--method') === 'GET' && (m = /^(.*)\\/providers\\/Microsoft\\.Authorization\\/roleAssignments$/.exec(path))) {
      if (process.env.STAND_IN_NO_ARM_READ) done('', 1, "ERROR: (AuthorizationFailed) The client 'me@contoso.com' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/read'.\\n");
      const who = /\\$filter=principalId eq '([^']+)'/.exec(query)[1];
      // At, above (management groups hold every subscription here) and below the scope; one a page, with ARM's nextLink.
      const all = state.arm.filter((a) => a.principalId === who && (under(m[1], a.scope) || under(a.scope, m[1]) || a.scope.startsWith('/providers/Microsoft.Management/')));
      const at = Number(/\\$skiptoken=(\\d+)/.exec(query)?.[1] ?? 0);
      done(JSON.stringify({ value: all.slice(at, at + 1).map(shown), ...(at + 1 < all.length ? { nextLink: 'https://management.azure.com' + path + '?' + query.replace(/&\\$skiptoken=\\d+/, '') + '&$skiptoken=' + (at + 1) } : {}) }));
    }
    if (opt('--method') === 'PUT') {
      const a = state.arm.find((x) => x.id === path);
      const p = JSON.parse(opt('--body')).properties;
      if (!a || p.principalId !== a.principalId || !p.roleDefinitionId.endsWith('/' + a.roleId)) done('', 1, 'ERROR: (RoleAssignmentUpdateNotPermitted) Tenant ID, application ID, principal ID, and scope are not allowed to be updated.\\n');
      Object.assign(a, { condition: p.condition, conditionVersion: p.conditionVersion });
      done(JSON.stringify(shown(a)));
    }
  }
  if (line.startsWith('role assignment create')) {
    if (process.env.STAND_IN_NO_ARM_WRITE) done('', 1, "ERROR: (AuthorizationFailed) The client 'me@contoso.com' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/write'.\\n");
    // A role given by its definition's full id is taken as named; one elsewhere than the scope is not found, as az says.
    if (!opt('--role').toLowerCase().startsWith(opt('--scope').toLowerCase() + '/providers/microsoft.authorization/roledefinitions/')) done('', 1, "ERROR: Role '" + opt('--role') + "' doesn't exist.\\n");
    const a = { id: opt('--scope') + '/providers/Microsoft.Authorization/roleAssignments/' + String(state.arm.length + 1).padStart(8, '0'), scope: opt('--scope'), roleId: opt('--role').split('/').pop(), principalId: opt('--assignee-object-id'), principalType: opt('--assignee-principal-type'), condition: opt('--condition'), conditionVersion: opt('--condition-version') };
    state.arm.push(a);
    done(JSON.stringify(a));
  }
  if (args[0] === 'rest') {
    // Graph as az rest answers it: one page at a time, with @odata.nextLink.
    const url = decodeURIComponent(opt('--url')).replace('https://graph.microsoft.com/v1.0', '');
    const method = opt('--method');
    const body = args.includes('--body') ? JSON.parse(opt('--body')) : undefined;
    const pages = (items, at) => { const i = Number(/[?&]page=(\\d+)/.exec(at)?.[1] ?? 0); const next = i + 1 < items.length ? { '@odata.nextLink': 'https://graph.microsoft.com/v1.0' + at.replace(/[?&]page=\\d+/, '') + (at.includes('?') ? '&' : '?') + 'page=' + (i + 1) } : {}; return JSON.stringify({ value: items.slice(i, i + 1), ...next }); };
    let m;
    if (method === 'GET' && (m = /^\\/directory\\/administrativeUnits\\?\\$filter=displayName eq '(.+)'&/.exec(url))) done(pages(state.units.filter((u) => u.displayName === m[1]).map((u) => ({ id: u.id, isMemberManagementRestricted: u.restricted })), url));
    if (method === 'POST' && url === '/directory/administrativeUnits') {
      if (process.env.STAND_IN_NOT_PRA) done('', 1, 'ERROR: Forbidden({"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}})\\n');
      const u = { id: 'aaaaaaaa-0000-4000-8000-' + String(state.units.length + 1).padStart(12, '0'), displayName: body.displayName, restricted: body.isMemberManagementRestricted === true, groups: [] };
      state.units.push(u);
      done(JSON.stringify({ id: u.id, isMemberManagementRestricted: u.restricted }));
    }
    if (method === 'GET' && (m = /^\\/directory\\/administrativeUnits\\/([^/]+)\\/members\\/microsoft\\.graph\\.group/.exec(url))) done(pages(state.units.find((u) => u.id === m[1]).groups.map((id) => ({ id })), url));
    if (method === 'POST' && (m = /^\\/directory\\/administrativeUnits\\/([^/]+)\\/members\\/\\$ref$/.exec(url))) { state.units.find((u) => u.id === m[1]).groups.push(/groups\\/(.+)$/.exec(body['@odata.id'])[1]); done(''); }
    if (method === 'POST' && url === '/directoryObjects/getByIds') done(JSON.stringify({ value: body.ids.filter((id) => ${JSON.stringify(TENANT_GROUPS)}.includes(id)).map((id) => ({ '@odata.type': '#microsoft.graph.group', id })) }));
    if (method === 'GET' && (m = /^\\/roleManagement\\/directory\\/roleAssignments\\?\\$filter=principalId eq '([^']+)'/.exec(url))) done(pages(state.roleAssignments.filter((r) => r.principalId === m[1]), url));
    if (method === 'POST' && url === '/roleManagement/directory/roleAssignments') {
      if (process.env.STAND_IN_NOT_PRA) done('', 1, 'ERROR: Forbidden({"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}})\\n');
      state.roleAssignments.push(body);
      done(JSON.stringify(body));
    }
  }
}
if (tool === 'gh') {
  if (args[0] === 'api' && args[1] === 'repos/acme/access' && args.includes('--jq')) done('repo:acme@1001/access@2002:environment:' + /environment:([a-z-]+)/.exec(opt('--jq'))[1] + '\\n');
  if (line.startsWith('variable set')) { state.vars[args[2]] = opt('--body'); done(''); }
  let m;
  if ((m = /^api -X PUT repos\\/acme\\/access\\/environments\\/([a-z-]+) /.exec(line))) { state.environments[m[1]] = args.slice(4); done('{}'); }
  if ((m = /^api repos\\/acme\\/access\\/environments\\/([a-z-]+)\\/deployment-branch-policies --jq /.exec(line))) done((state.branches[m[1]] ?? []).map((b) => b + '\\n').join(''));
  if ((m = /^api -X POST repos\\/acme\\/access\\/environments\\/([a-z-]+)\\/deployment-branch-policies/.exec(line))) { (state.branches[m[1]] ??= []).push('main'); done('{}'); }
  if (line.startsWith('secret list')) done(Object.keys(state.secrets).filter((k) => k.startsWith(opt('--env') + '/')).map((k) => k.split('/')[1] + '\\n').join(''));
  if (line.startsWith('secret set')) { state.secrets[opt('--env') + '/' + args[2]] = input; done(''); }
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
    branches: Record<string, string[]>;
    environments: Record<string, string[]>;
    /** By "environment/name". */
    secrets: Record<string, string>;
    units: { id: string; displayName: string; restricted: boolean; groups: string[] }[];
    roleAssignments: { principalId: string; roleDefinitionId: string; directoryScopeId: string }[];
    /** Azure role assignments. */
    arm: { id: string; scope: string; roleId: string; principalId: string; principalType: string; condition?: string; conditionVersion?: string }[];
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
    // Least privilege by default (issue 33): members read tenant-wide, written only in the unit's groups.
    assert.deepEqual(app.permissions, [ROLE_ID['GroupMember.Read.All'], ROLE_ID['RoleManagement.Read.Directory'], ROLE_ID['User.ReadBasic.All']]);
    assert.equal(state.units.length, 1);
    const unit = state.units[0]!;
    assert.deepEqual([unit.displayName, unit.restricted], ['access-as-code acme/access', true]);
    assert.deepEqual(unit.groups, TENANT_GROUPS, "the policy's groups that exist, one page at a time");
    assert.deepEqual(state.roleAssignments, [
      { principalId: `sp-${app.appId}`, roleDefinitionId: GROUPS_ADMINISTRATOR, directoryScopeId: `/administrativeUnits/${unit.id}` },
    ]);
    assert.match(
      first.out,
      /^Left: 1 of the policy's groups is not in the tenant \(billing-readers: c3a9e7d2-5b4f-4e1a-8c6d-9f2b7e1a3c58\), the template's examples perhaps/m,
    );
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
    assert.deepEqual(state.environments, {
      'access-grant': ['-F', 'deployment_branch_policy[protected_branches]=false', '-F', 'deployment_branch_policy[custom_branch_policies]=true'],
    });
    assert.deepEqual(state.branches, { 'access-grant': ['main'] });
    const key = state.secrets['access-grant/ACCESS_MEMORY_KEY'] ?? '';
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
    assert.equal(second.code, 1, second.err + second.out);
    const after = JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
    assert.equal(after.apps.length, 1);
    assert.equal(after.sps.length, 1);
    assert.equal(after.creds.length, 1);
    assert.deepEqual(after.branches, { 'access-grant': ['main'] });
    assert.equal(after.secrets['access-grant/ACCESS_MEMORY_KEY'], key);
    assert.equal(after.units.length, 1);
    assert.equal(after.roleAssignments.length, 1);
    assert.match(second.out, /done: Groups Administrator for the app, scoped to the unit, exists already/);
    assert.match(second.out, /The access repository is in .* already; its files are kept\./);
    assert.match(second.out, /done: admin consent granted/);
    assert.match(second.out, /done: memory key ACCESS_MEMORY_KEY exists already \(kept\)/);
    assert.deepEqual(
      second.out.match(/^Left: .*/gm)?.map((l) => l.slice(0, 40)),
      ["Left: 1 of the policy's groups is not in"],
      'only the example group is left, until the policy names a real one',
    );
    assert.equal(run(repo, env, 'validate').code, 0);
  });

  test('init --create-app --broad asks for the tenant-wide permission and makes no unit; --read-only-app adds an app that cannot write, in its own environment', () => {
    const { bin, stateFile, dir } = standIns();
    const repo = join(dir, 'access');
    spawnSync('mkdir', [repo]);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, STAND_IN_STATE: stateFile };
    const res = run(repo, env, 'init', '--github-repo', 'acme/access', '--create-app', '--broad', '--read-only-app');
    assert.equal(res.code, 0, res.err + res.out);
    assert.match(res.out, /tenant-wide GroupMember\.ReadWrite\.All, as --broad asks/);
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
    assert.deepEqual(state.units, []);
    assert.deepEqual(state.roleAssignments, []);
    const [grant, read] = state.apps;
    assert.deepEqual(grant!.permissions, [ROLE_ID['GroupMember.ReadWrite.All'], ROLE_ID['User.ReadBasic.All']]);
    assert.equal(read!.displayName, 'access-as-code acme/access (read-only)');
    assert.deepEqual(read!.permissions, [ROLE_ID['GroupMember.Read.All'], ROLE_ID['User.ReadBasic.All'], ROLE_ID['RoleManagement.Read.Directory']]);
    assert.deepEqual(
      state.creds.map((c) => [c.appId, c.subject]),
      [
        [grant!.appId, 'repo:acme@1001/access@2002:environment:access-grant'],
        [read!.appId, 'repo:acme@1001/access@2002:environment:access-read'],
      ],
    );
    assert.deepEqual(state.branches, { 'access-grant': ['main'], 'access-read': ['main'] });
    assert.deepEqual(state.vars, { AZURE_CLIENT_ID: grant!.appId, AZURE_TENANT_ID: 'f00dbabe-0000-4000-8000-000000000001', AZURE_READ_CLIENT_ID: read!.appId });
    assert.deepEqual(Object.keys(state.secrets), ['access-grant/ACCESS_MEMORY_KEY'], 'the memory key stays with the jobs that write');
    // Each option goes with --create-app.
    const alone = run(repo, env, 'init', '--broad');
    assert.equal(alone.code, 2);
    assert.match(alone.err, /--broad goes with --create-app/);
  });

  test('init --create-app without Privileged Role Administrator: the unit and its role are left, with the commands, and nothing writes', () => {
    const { bin, stateFile, dir } = standIns();
    const repo = join(dir, 'access');
    spawnSync('mkdir', [repo]);
    const res = run(
      repo,
      { PATH: `${bin}:${process.env.PATH ?? ''}`, STAND_IN_STATE: stateFile, STAND_IN_NOT_PRA: '1' },
      'init',
      '--github-repo',
      'acme/access',
      '--create-app',
    );
    assert.equal(res.code, 2, res.out);
    assert.match(
      res.err,
      /creating the restricted administrative unit \(needs Privileged Role Administrator; without one, --broad gives the app tenant-wide GroupMember\.ReadWrite\.All instead, docs\/setup\.md step 2d\): "az rest --method POST --url …" failed: ERROR: Forbidden/,
    );
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
    assert.deepEqual(state.vars, {}, 'no variable points a workflow at an app that cannot do its job yet');
    assert.ok(!state.apps[0]!.permissions.includes(ROLE_ID['GroupMember.ReadWrite.All']!), 'never the broad permission as a fallback');
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
          branches: {},
          environments: {},
          secrets: {},
          units: [],
          roleAssignments: [],
          arm: [],
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
    assert.match(
      adopted.out,
      /done: app registration "access-as-code acme\/access" \(11111111-2222-4333-8444-999999999999\) exists already, owned by you alone/,
    );
    assert.match(adopted.out, /^Left: the app registration holds 1 client secret or certificate, which the workflows do not need/m);
    assert.match(adopted.out, /^Left: the app registration also trusts old-ci \(repo:acme\/other:ref:refs\/heads\/main\)/m);
  });

  test("init --create-app gives the app Azure reach only as the policy's Azure entries need: conditioned writers per subscription, widened when the policy gains a role, never an unconditioned one", () => {
    const { bin, stateFile, dir } = standIns();
    const repo = join(dir, 'access');
    spawnSync('mkdir', [repo]);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, STAND_IN_STATE: stateFile };
    assert.equal(run(repo, env, 'init', '--github-repo', 'acme/access').code, 0);
    const SUB = '/subscriptions/5a5a5a5a-0000-4000-8000-000000000001';
    const OTHER = '/subscriptions/5a5a5a5a-0000-4000-8000-000000000002';
    const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
    const KEY_VAULT_ADMIN = '00482a5a-887f-4fb3-b363-3b7fe8e74483';
    const VM_CONTRIBUTOR = '9980e02c-c2be-4d73-94e8-173b1dc7cf3c';
    const policyFile = join(repo, '.github', 'access-policy.yaml');
    const template = readFileSync(policyFile, 'utf8');
    const entry = (name: string, role: string, scope: string, backend = 'azure-role') =>
      `  ${name}:\n    azureRole: { role: ${role}, scope: "${scope}" }\n    backend: ${backend}\n    maxDuration: 4h\n`;
    writeFileSync(
      policyFile,
      template.replace(
        /^groups:\n/m,
        `groups:\n${entry('rg-app-contributor', 'Contributor', `${SUB}/resourceGroups/rg-app`)}${entry('kv-admin', 'Key Vault Administrator', `${SUB}/resourceGroups/rg-kv`)}${entry('other-reader', 'Reader', `${OTHER}/resourceGroups/rg-x`, 'azure-pim')}`,
      ),
    );
    assert.equal(run(repo, env, 'form').code, 0, 'the request form follows the policy');
    assert.equal(run(repo, env, 'validate').code, 0);

    // Someone who may not even read role assignments there: the rest of the set-up is done, the command left.
    const unread = run(repo, { ...env, STAND_IN_NO_ARM_READ: '1' }, 'init', '--github-repo', 'acme/access', '--create-app');
    assert.equal(unread.code, 1, unread.err + unread.out);
    assert.match(
      unread.out,
      new RegExp(`^Left: the app's Azure role assignments at ${SUB} could not be read \\(reading the app's Azure role assignments`, 'm'),
    );
    assert.match(unread.out, /done: federated credential for repo:acme@1001\/access@2002:environment:access-grant created/, 'Azure last, and not a stop');
    assert.equal((JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState).vars.AZURE_CLIENT_ID?.length, 36);

    // Someone who may not write role assignments at the subscription: nothing made, the exact command left.
    const refused = run(repo, { ...env, STAND_IN_NO_ARM_WRITE: '1' }, 'init', '--github-repo', 'acme/access', '--create-app');
    assert.equal(refused.code, 1, refused.err + refused.out);
    const sp = `sp-${(JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState).apps[0]!.appId}`;
    assert.match(
      refused.out,
      new RegExp(
        `^Left: the app cannot write role assignments at ${SUB} yet \\(ERROR: \\(AuthorizationFailed\\)[^\\n]*\\): someone who holds Owner, User Access Administrator or Role Based Access Control Administrator there runs\\n {5}az role assignment create --assignee-object-id ${sp} --assignee-principal-type ServicePrincipal --role "Role Based Access Control Administrator" --scope ${SUB} --condition-version 2\\.0 --condition "`,
        'm',
      ),
    );
    assert.deepEqual((JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState).arm, []);

    // With the right to: one writer for the subscription, for its two roles and users only.
    const made = run(repo, env, 'init', '--github-repo', 'acme/access', '--create-app');
    let state = JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
    assert.equal(state.arm.length, 1, made.out);
    const writer = state.arm[0]!;
    assert.deepEqual(
      [writer.scope, writer.roleId, writer.principalId, writer.principalType, writer.conditionVersion],
      [SUB, 'f58310d9-a9f6-439a-9e8d-f62e7b41a168', sp, 'ServicePrincipal', '2.0'],
    );
    for (const clause of ['@Request', '@Resource'])
      assert.ok(
        writer.condition!.includes(
          `${clause}[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${[KEY_VAULT_ADMIN, CONTRIBUTOR].sort().join(', ')}} AND ${clause}[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'User'}`,
        ),
        writer.condition,
      );
    assert.match(
      made.out,
      /done: Role Based Access Control Administrator for the app at \S+ assigned, limited by the delegation condition to users and to 2 roles/,
    );
    // The PIM entry needs an unconditioned writer: init does not make one by itself, it says the command.
    assert.match(
      made.out,
      new RegExp(
        `^Left: other-reader grants through PIM for Azure resources[^\\n]*init does not give an unconditioned writer by itself[^\\n]*\\n {5}az role assignment create --assignee-object-id ${sp} --assignee-principal-type ServicePrincipal --role "Role Based Access Control Administrator" --scope ${OTHER}/resourceGroups/rg-x$`,
        'm',
      ),
    );
    assert.ok(!state.arm.some((a) => !a.condition), 'no writer without a condition');

    // Run again: nothing made twice. Then the policy gains a role: the same assignment's condition widened.
    const again = run(repo, env, 'init', '--github-repo', 'acme/access', '--create-app');
    assert.match(again.out, /done: the app can already write the policy's roles at \S+/);
    writeFileSync(
      policyFile,
      readFileSync(policyFile, 'utf8').replace(
        /^groups:\n/m,
        `groups:\n${entry('vm-contributor', 'Virtual Machine Contributor', `${SUB}/resourceGroups/rg-vm`)}`,
      ),
    );
    const widened = run(repo, env, 'init', '--github-repo', 'acme/access', '--create-app');
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
    assert.equal(state.arm.length, 1, widened.out);
    assert.equal(state.arm[0]!.id, writer.id);
    assert.ok(state.arm[0]!.condition!.includes(`{${[KEY_VAULT_ADMIN, VM_CONTRIBUTOR, CONTRIBUTOR].sort().join(', ')}}`), state.arm[0]!.condition);
    assert.match(
      widened.out,
      /done: Role Based Access Control Administrator for the app at \S+ widened, limited by the delegation condition to users and to 3 roles/,
    );

    // The writer at a management group above the subscription (ARM lists it there): nothing more is made.
    const MG = '/providers/Microsoft.Management/managementGroups/platform';
    state.arm = [{ ...state.arm[0]!, id: `${MG}/providers/Microsoft.Authorization/roleAssignments/00000009`, scope: MG }];
    writeFileSync(stateFile, JSON.stringify(state));
    const above = run(repo, env, 'init', '--github-repo', 'acme/access', '--create-app');
    assert.deepEqual(
      (JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState).arm.map((a) => a.scope),
      [MG],
      above.out,
    );
    assert.match(above.out, new RegExp(`done: the app can already write the policy's roles at ${SUB}`));
  });
});
