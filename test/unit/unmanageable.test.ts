// Which groups access-as-code cannot manage, whatever the app's permissions (docs/threat-model.md 39):
// one rule, asked by grant, sweep and doctor alike. One case per kind of group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unmanageable, type DirectoryGroup } from '../../src/entra/directory.ts';

const group = (more: Partial<DirectoryGroup> = {}): DirectoryGroup => ({
  id: '8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13',
  displayName: 'k8s-prod-operators',
  isAssignableToRole: false,
  groupTypes: [],
  onPremisesSyncEnabled: false,
  mailEnabled: false,
  securityEnabled: true,
  ...more,
});

test('THREATS 39: each kind of group Graph will not change is named with the reason and the fix, never as a permission', () => {
  const cases: [Partial<DirectoryGroup>, RegExp][] = [
    [{ isAssignableToRole: true }, /is role-assignable: its members receive Entra directory roles\..*use Privileged Identity Management/],
    [{ groupTypes: ['DynamicMembership'] }, /has dynamic membership: a rule decides its members.*Use a security group with assigned membership/],
    [{ onPremisesSyncEnabled: true }, /is synced from on-premises Active Directory: its members can only be changed there\. Use a cloud security group/],
    [{ mailEnabled: true }, /is a mail-enabled security group: Microsoft Graph cannot change its members/],
    [{ mailEnabled: true, securityEnabled: false }, /is a mail-enabled distribution group/],
  ];
  for (const [more, why] of cases) {
    const text = unmanageable(group(more));
    assert.match(text ?? '', why, JSON.stringify(more));
    assert.match(text ?? '', /^"k8s-prod-operators" /);
    assert.doesNotMatch(text ?? '', /permission/i);
  }
});

test('a cloud security group with assigned membership, and a Microsoft 365 group (mail-enabled by nature), can be managed', () => {
  assert.equal(unmanageable(group()), undefined);
  assert.equal(unmanageable(group({ groupTypes: ['Unified'], mailEnabled: true })), undefined);
});
