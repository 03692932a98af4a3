// The bundled action signing in to the twin the way it signs in to Entra in a real job: GitHub OIDC
// token from ACTIONS_ID_TOKEN_REQUEST_URL, exchanged through a federated credential, then Graph.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runAction } from '../../scripts/lib/actions-runner.ts';
import { createRepo, type TestRepo } from '../helpers/config.ts';
import { CLIENT, TENANT, Twin, seed, userId } from '../helpers/twin.ts';

let twin: Twin;
let repo: TestRepo;
// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('action-doctor', () => {
  before(async () => {
    // The fixture policy's groups; k8s-prod-operators is role-assignable here, billing-readers missing.
    twin = await Twin.start({
      seed: {
        ...seed({ users: 3, members: 2 }),
        groups: [
          { id: '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11', displayName: 'PROD DB Admins', members: [userId(1), userId(2)] },
          { id: '8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13', displayName: 'AKS Cluster Admins', isAssignableToRole: true },
        ],
        users: [
          { id: userId(1), userPrincipalName: 'octocat@contoso.com' },
          { id: userId(2), userPrincipalName: 'monalisa@contoso.com' },
        ],
      },
    });
    repo = createRepo();
  });
  after(async () => {
    await twin.stop();
    repo.remove();
  });

  function doctor(env: Record<string, string> = {}) {
    return runAction({
      workspace: repo.dir,
      inputs: {
        command: 'doctor',
        'tenant-id': TENANT,
        'client-id': CLIENT,
        cloud: 'public',
        'authority-host': twin.urls.authorityHost,
        'graph-endpoint': twin.urls.graph,
      },
      eventName: 'workflow_dispatch',
      event: {},
      env: { ...twin.env(), ...env },
    });
  }

  test('doctor signs in without a secret and reports each group: ok, role-assignable, missing', async () => {
    const run = await doctor();
    assert.equal(run.exitCode, 1, run.stdout + run.stderr);
    const groups = JSON.parse(run.outputs.groups!) as { name: string; members?: number; problem?: string }[];
    const byName = Object.fromEntries(groups.map((g) => [g.name, g]));
    assert.equal(byName['prod-db-admins']!.members, 2);
    assert.equal(byName['prod-db-admins']!.problem, undefined);
    assert.match(byName['k8s-prod-operators']!.problem!, /is role-assignable/);
    assert.match(byName['billing-readers']!.problem!, /no Entra group has the id c3a9e7d2/);
    const errors = run.annotations.filter((a) => a.level === 'error' && a.file);
    assert.deepEqual(
      errors.map((a) => [a.file, a.line]),
      [
        ['.github/access-policy.yaml', 12],
        ['.github/access-policy.yaml', 16],
      ],
    );
    assert.match(run.summary, /Signed in to Entra\. 2 of 3 identities resolve to users; not found: hubot\./);
    assert.equal(
      twin.log.count('entra', (r) => r.path.endsWith('/token')),
      1,
    );
    assert.ok(twin.log.count('actions') >= 1, 'the OIDC token came from the Actions endpoint');
  });

  test('doctor without id-token permission says which permission the job needs', async () => {
    const run = await doctor({ ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' });
    assert.equal(run.exitCode, 1);
    assert.match(run.stdout, /::error::access-as-code: [^\n]*"permissions: id-token: write"/);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
  });

  test('doctor without tenant-id and client-id says what to set', async () => {
    // The twin's environment without its input values: the workflow set none.
    const env = Object.fromEntries(Object.entries(twin.env()).filter(([name]) => !name.startsWith('INPUT_')));
    const run = await runAction({ workspace: repo.dir, inputs: { command: 'doctor' }, eventName: 'workflow_dispatch', event: {}, env });
    assert.equal(run.exitCode, 1);
    assert.match(run.stdout, /tenant-id and client-id are not set: set the repository variables AZURE_TENANT_ID and AZURE_CLIENT_ID/);
  });

  test('a sweep in a repository whose set-up is not done yet ends green with one notice saying what to set; half a set-up fails', async () => {
    const env = Object.fromEntries(Object.entries(twin.env()).filter(([name]) => !name.startsWith('INPUT_')));
    const run = await runAction({ workspace: repo.dir, inputs: { command: 'revoke' }, eventName: 'schedule', event: { schedule: '7,22,37,52 * * * *' }, env });
    assert.equal(run.exitCode, 0, run.stdout);
    const notices = run.annotations.filter((a) => a.level === 'notice');
    assert.equal(notices.length, 1, run.stdout);
    assert.match(notices[0]!.message, /not set up yet, so this revoke run did nothing: set the repository variables AZURE_TENANT_ID and AZURE_CLIENT_ID/);
    const half = await runAction({
      workspace: repo.dir,
      inputs: { command: 'revoke', 'tenant-id': TENANT },
      eventName: 'schedule',
      event: { schedule: '7,22,37,52 * * * *' },
      env,
    });
    assert.equal(half.exitCode, 1);
    assert.match(half.stdout, /client-id is not set/);
  });

  test('a national cloud asks for its own token-exchange audience; a credential listing another is named, with the input to set', async () => {
    const app = twin.state.apps[0]!;
    const usgov = (inputs: Record<string, string> = {}) =>
      runAction({
        workspace: repo.dir,
        inputs: {
          command: 'doctor',
          'tenant-id': TENANT,
          'client-id': CLIENT,
          cloud: 'usgov',
          'authority-host': twin.urls.authorityHost,
          'graph-endpoint': twin.urls.graph,
          ...inputs,
        },
        eventName: 'workflow_dispatch',
        event: {},
        env: twin.env(),
      });
    const refused = await usgov();
    assert.equal(refused.exitCode, 1);
    assert.match(
      refused.stdout,
      /::error::access-as-code: Entra found no federated credential for this token's audience \(api:\/\/AzureADTokenExchangeUSGov\)[^\n]*set the input audience/,
    );
    const matched = await usgov({ audience: 'api://AzureADTokenExchange' });
    assert.match(matched.summary, /Signed in to Entra\./, "the credential's audience, given as the input");
    app.audiences = ['api://AzureADTokenExchangeUSGov'];
    try {
      const byDefault = await usgov();
      assert.match(byDefault.summary, /Signed in to Entra\./, "a credential with the cloud's own audience needs no input");
    } finally {
      delete app.audiences;
    }
  });
});
