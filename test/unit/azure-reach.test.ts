// The automation's own reach in Azure (docs/threat-model.md 80): what its role assignments let it grant
// beyond the policy, and where they do not let it grant what the policy names. Pure rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedBy, delegations, judgeAzureReach } from '../../src/entra/azure-reach.ts';
import { delegationCondition } from '../../src/entra/azure-condition.ts';

const SUB = '/subscriptions/0a1b2c3d-0000-4000-8000-000000000001';
const RG = `${SUB}/resourceGroups/rg-app`;
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const UAA = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
const RBAC = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
const entries = [{ name: 'app', scope: RG, roleId: CONTRIBUTOR }];

test('the condition the set-up writes is read back as exactly its roles, for users only', () => {
  const a = allowedBy(delegationCondition([CONTRIBUTOR, OWNER.toUpperCase()]));
  assert.deepEqual([...a.roles!].sort(), [CONTRIBUTOR, OWNER].sort());
  assert.equal(a.usersOnly, true);
  assert.deepEqual(judgeAzureReach([{ scope: SUB, roleId: RBAC, condition: delegationCondition([CONTRIBUTOR]) }], entries), { missing: [], beyond: [] });
});

test('beyond the policy: an unconditioned writer role, extra roles, any principal type, a condition it cannot read', () => {
  assert.match(
    judgeAzureReach([{ scope: SUB, roleId: UAA }], entries).beyond[0]!,
    /User Access Administrator at \S+ without a condition: it can give anyone any role there/,
  );
  assert.match(
    judgeAzureReach([{ scope: SUB, roleId: RBAC, condition: delegationCondition([CONTRIBUTOR, OWNER]) }], entries).beyond[0]!,
    /can also grant Owner at \S+, which no policy entry there grants/,
  );
  const anyType = `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${CONTRIBUTOR}}))`;
  // Not the set-up's condition: a write clause alone (deletes open), any principal type, one more OR.
  assert.match(judgeAzureReach([{ scope: SUB, roleId: RBAC, condition: anyType }], entries).beyond[0]!, /a condition doctor cannot read/);
  const widened = `(${delegationCondition([CONTRIBUTOR])}) OR (ActionMatches{'Microsoft.Authorization/roleAssignments/write'})`;
  assert.match(judgeAzureReach([{ scope: SUB, roleId: RBAC, condition: widened }], entries).beyond[0]!, /a condition doctor cannot read/);
  const respaced = delegationCondition([OWNER, CONTRIBUTOR]).replace(/ OR /g, '\n OR\n ').replace(/User/g, 'user');
  assert.match(
    judgeAzureReach([{ scope: SUB, roleId: RBAC, condition: respaced }], entries).beyond[0]!,
    /can also grant Owner/,
    "spacing, case and order aside, it is the set-up's",
  );
  assert.match(judgeAzureReach([{ scope: SUB, roleId: RBAC, condition: '@Resource[x] StringEquals y' }], entries).beyond[0]!, /a condition doctor cannot read/);
  assert.deepEqual(judgeAzureReach([{ scope: SUB, roleId: READER }], []).beyond, [], 'a reader grants nothing');
});

test('short of the policy: no writer at or above the scope (with the command to fix it), or a condition that leaves the role out', () => {
  const none = judgeAzureReach([{ scope: `${SUB}/resourceGroups/other`, roleId: RBAC }], entries, 'app-oid');
  assert.equal(none.missing[0]!.entry, 'app');
  assert.match(
    none.missing[0]!.why,
    new RegExp(`az role assignment create --assignee-object-id app-oid .* --scope ${SUB} --condition-version 2\\.0 --condition ".*${CONTRIBUTOR}`),
  );
  const narrow = judgeAzureReach([{ scope: SUB, roleId: RBAC, condition: delegationCondition([READER]) }], entries);
  assert.match(narrow.missing[0]!.why, /leaves out Contributor: add b24988ac-6180-42a0-ab88-20f7382dd24c to both of its clauses/);
});

test("one conditioned writer per subscription for the policy's roles there; PIM entries get an unconditioned one at their own scope, never in the condition", () => {
  const OTHER = '/subscriptions/0a1b2c3d-0000-4000-8000-000000000002';
  const KV = '00482a5a-887f-4fb3-b363-3b7fe8e74483';
  const all = [
    { name: 'app', scope: RG, roleId: CONTRIBUTOR },
    { name: 'kv', scope: `${SUB}/resourceGroups/kv`, roleId: KV.toUpperCase() },
    { name: 'again', scope: `${SUB}/resourceGroups/x`, roleId: CONTRIBUTOR },
    { name: 'other', scope: OTHER, roleId: READER },
    { name: 'pim', scope: `${OTHER}/resourceGroups/p`, roleId: OWNER, pim: true },
  ];
  assert.deepEqual(
    delegations(all).map((d) => [d.scope, d.roleIds, d.entries.map((e) => e.name)]),
    [
      [SUB, [CONTRIBUTOR, KV], ['app', 'kv', 'again']],
      [OTHER, [READER], ['other']],
    ],
  );
  const pim = judgeAzureReach([], all, 'app-oid').missing.find((m) => m.entry === 'pim')!;
  assert.match(pim.why, /without one, at the entry's own scope and no wider/);
  assert.ok(pim.why.endsWith(`--role "Role Based Access Control Administrator" --scope ${OTHER}/resourceGroups/p`), pim.why);
  const other = judgeAzureReach([], all, 'app-oid').missing.find((m) => m.entry === 'other')!;
  assert.ok(!other.why.includes(OWNER), "the PIM entry's role is not put in the condition");
});

test('the unconditioned writer an azure-pim entry needs at its own scope is named as what it is, not as a mistake to replace', () => {
  const pimEntry = [{ name: 'pim', scope: RG, roleId: CONTRIBUTOR, pim: true }];
  const [said] = judgeAzureReach([{ scope: RG, roleId: RBAC }], pimEntry).beyond;
  assert.match(said!, /without a condition, as the azure-pim entry there needs .*: it can give anyone any role at that scope/);
  // The same writer at the subscription above is wider than the entry needs: replace it.
  const [wider] = judgeAzureReach([{ scope: SUB, roleId: RBAC }], pimEntry).beyond;
  assert.match(wider!, /Replace it with Role Based Access Control Administrator and the delegation condition/);
});
