// Rules of Azure role entries (azure-role, azure-pim) that the end-to-end tests in
// test/e2e/azure-roles.test.ts show once with their facts read from the twin's Azure Resource
// Manager: here each variant is one pure case. Plain data in, the decision or the words out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../src/policy/policy.ts';
import { decide } from '../../src/reconcile/decide.ts';
import { whatHappened } from '../../src/backends/outcome-words.ts';
import { azurePim } from '../../src/backends/azure-pim.ts';
import { accessLines, catalogueOfPolicy } from '../../src/entra/catalogue.ts';
import type { Directory } from '../../src/entra/directory.ts';
import type { AzurePimRequest, AzureWriteAnswer } from '../../src/entra/azure-roles.ts';
import { NOW, fixtureConfig } from '../helpers/config.ts';

const SUB = '/subscriptions/0a1b2c3d-0000-4000-8000-0000000000a1';
const RG = `${SUB}/resourceGroups/rg-app`;
const MONALISA = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a02';
const A_GROUP = 'c3a9e7d2-5b4f-4e1a-8c6d-9f2b7e1a3c58';

/** A policy with one entry granting `role` at rg-app, parsed as the run parses it. */
function policyWith(entry: string[]) {
  const parsed = parsePolicy('.github/access-policy.yaml', ['version: 1', 'groups:', '  app-rg-contributor:', ...entry.map((l) => `    ${l}`), ''].join('\n'));
  assert.deepEqual(parsed.diagnostics, []);
  return parsed.policy!;
}

test('azure-role drift in audit mode: an assignment of the role at the scope nobody requested is reported, not removed, and one to a group is reported; the run says "reported (audit mode)" and changes nothing', async () => {
  const policy = policyWith([`azureRole: { role: Contributor, scope: "${RG}" }`, 'maxDuration: 4h', 'mode: audit']);
  const entry = policy.groups.get('app-rg-contributor')!;
  assert.equal(entry.backend, 'azure-role');
  const decision = decide({
    config: { ...(await fixtureConfig()), policy },
    groups: [
      {
        name: 'app-rg-contributor',
        id: entry.id,
        members: [
          { id: MONALISA, type: 'user' },
          { id: A_GROUP, type: 'other' },
        ],
      },
    ],
    requests: [],
    breakGlass: [],
    phase: 'verified',
  });
  const [group] = decision.groups;
  assert.deepEqual(
    group!.dispositions.map((d) => [d.id, d.type, d.action, d.reason, whatHappened(group!, d, false)]),
    [
      [MONALISA, 'user', 'report', 'drift', 'reported (audit mode)'],
      [A_GROUP, 'other', 'report', 'drift', 'reported (audit mode)'],
    ],
  );
  assert.deepEqual(decision.changes, [], 'nothing is written to Azure');
});

test('azure-pim: the role setting’s ExpirationRule refuses a grant longer than it allows; the grant fails and names the rule as Azure said it', async () => {
  const refused: AzureWriteAnswer = {
    result: 'failed',
    status: 400,
    code: 'RoleAssignmentRequestPolicyValidationFailed',
    detail: '400 RoleAssignmentRequestPolicyValidationFailed: The following policy rules failed: ["ExpirationRule"]',
  };
  const asked: AzurePimRequest[] = [];
  const writer = {
    assign: () => Promise.reject(new Error('not a role assignment')),
    remove: () => Promise.reject(new Error('not a role assignment')),
    pim: (r: AzurePimRequest) => (asked.push(r), Promise.resolve(refused)),
  };
  const directory = { azureRoleWrites: () => Promise.resolve(writer) } as unknown as Directory;
  const entry = policyWith([`azureRole: { role: Contributor, scope: "${RG}" }`, 'backend: azure-pim', 'maxDuration: 4h']).groups.get('app-rg-contributor')!;
  const change = azurePim.change(
    { name: entry.name, id: entry.id },
    {
      id: '2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40',
      type: 'user',
      action: 'add',
      reason: 'active',
      files: ['requests/app-rg-contributor/hubot-1.yaml'],
      end: '2030-01-01T09:00:00Z',
    },
  )!;
  const [outcome] = await azurePim.apply(directory, [change]);
  assert.deepEqual(
    asked.map((r) => r.requestType),
    ['AdminAssign'],
    'asked once, with no other request after the refusal',
  );
  assert.equal(outcome!.result, 'failed');
  assert.equal(
    outcome!.detail,
    'PIM did not make the assignment: 400 RoleAssignmentRequestPolicyValidationFailed: The following policy rules failed: ["ExpirationRule"]',
  );
});

test('what approving confers: a custom role named by id is privileged when its actions can write role assignments, named as Azure names it', async () => {
  const CUSTOM = 'c0ffee00-0000-4000-8000-00000000beef';
  const policy = policyWith([`azureRole: { role: ${CUSTOM}, scope: "${RG}" }`, 'maxDuration: 4h']);
  const read: string[] = [];
  const definition = (actions: string[]) => ({
    status: 200,
    message: '',
    body: { properties: { roleName: 'Access Delegator', type: 'CustomRole', permissions: [{ actions, notActions: [], dataActions: [] }] } },
  });
  const confers = async (actions: string[]) => {
    const source = {
      readAll: () => Promise.resolve([]),
      armReadAll: (paths: readonly string[]) => (read.push(...paths), Promise.resolve(paths.map(() => definition(actions)))),
    };
    const catalogue = await catalogueOfPolicy(source, policy, NOW);
    const [access] = catalogue!.groups;
    return { access: access!, lines: accessLines(access!).join('\n') };
  };
  const delegator = await confers(['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Resources/subscriptions/resourceGroups/read']);
  assert.match(read[0]!, new RegExp(`^${RG}/providers/Microsoft\\.Authorization/roleDefinitions/${CUSTOM}\\?`), 'the definition is read at the entry’s scope');
  assert.equal(delegator.access.confers[0]!.privileged, true);
  assert.match(
    delegator.lines,
    /PRIVILEGED: Azure role Access Delegator at \S+\/rg-app \(it can give anyone any role there\); allows Microsoft\.Authorization\/roleAssignments\/write/,
  );
  // The control: the same custom role allowed only to read is neither privileged nor said to give access.
  const reader = await confers(['Microsoft.Resources/subscriptions/resourceGroups/read']);
  assert.equal(reader.access.confers[0]!.privileged, false);
  assert.doesNotMatch(reader.lines, /PRIVILEGED|give anyone/);
});

test('azure-pim: an assignment whose end is later than its remaining requests want (a longer request deleted) has its end moved back, as one later is moved on', () => {
  const HUBOT = '2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40';
  const wanted = Date.parse('2030-01-01T09:00:00Z');
  const kept = { id: HUBOT, type: 'user' as const, action: 'keep' as const, reason: 'active' as const, files: ['requests/app-rg-contributor/hubot-1.yaml'] };
  const endOf = () => ({ end: wanted, justification: 'access-as-code: requests/app-rg-contributor/hubot-1.yaml' });
  const heldUntil = (iso: string) => azurePim.shape!([kept], new Map([[HUBOT, iso]]), endOf, true);
  for (const held of ['2030-01-01T11:00:00Z', '2030-01-01T08:30:00Z']) {
    const [d] = heldUntil(held);
    assert.deepEqual([d!.action, d!.end], ['update', '2030-01-01T09:00:00.000Z'], `held until ${held}`);
    assert.equal(
      azurePim.change({ name: 'app-rg-contributor', id: `${RG}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c` }, d!)
        ?.kind,
      'azure-pim-update',
    );
  }
  assert.equal(heldUntil('2030-01-01T09:00:30Z')[0]!.action, 'keep', 'an end within PIM’s rounding is the same end');
});
