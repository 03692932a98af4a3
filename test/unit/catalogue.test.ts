// Effective access, pure parts: how facts Graph gave compose into what a group confers, what is marked
// privileged, what the pull-request check believes of a published copy, and the approval rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessLines, composeAccess, heaviest, parseGroupAccess, type CatalogueFacts, type GroupFacts } from '../../src/entra/catalogue.ts';
import { privilegeFindings } from '../../src/policy/privileged.ts';
import { publishedCatalogue, renderDashboard } from '../../src/report/dashboard.ts';

const G = 'aaaaaaaa-0000-4000-8000-000000000001';
const PARENT = 'aaaaaaaa-0000-4000-8000-000000000002';
const TIER0 = 'aaaaaaaa-0000-4000-8000-000000000003';
const APP = 'aaaaaaaa-0000-4000-8000-000000000004';

const group = (over: Partial<GroupFacts> = {}): GroupFacts => ({
  parents: [],
  roles: [],
  eligibleRoles: [],
  appRoles: [],
  pimTargets: [],
  unknown: [],
  ...over,
});
function facts(groups: Record<string, GroupFacts>): CatalogueFacts {
  return {
    groups: new Map(Object.entries(groups)),
    roleNames: new Map([['88d8e3e3-8f55-4a1e-953a-9b9898b8876b', { name: 'Directory Readers', templateId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b' }]]),
    appRoleNames: new Map([
      [`${APP}/r1`, { value: 'Reports.Read', name: 'Reader' }],
      [`${APP}/r2`, { value: 'Tenant.Admin', name: 'Administrator' }],
    ]),
    appNames: new Map([[APP, 'Payroll']]),
    groupNames: new Map([
      [PARENT, 'platform-admins'],
      [TIER0, 'tier0-admins'],
    ]),
    unknown: [],
  };
}

test('access through nesting and PIM is composed with its path; the path to a privileged role is marked too', () => {
  const f = facts({
    [G]: group({ parents: [{ id: PARENT, name: 'platform-admins' }], pimTargets: [{ groupId: TIER0, accessId: 'owner' }] }),
    [PARENT]: group({ appRoles: [{ resourceId: APP, resourceName: 'Payroll', appRoleId: 'r1' }] }),
    [TIER0]: group({ roles: [{ roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', scope: '/' }] }),
  });
  const access = composeAccess(f, { name: 'ops', id: G.toUpperCase() });
  assert.deepEqual(
    access.confers.map((c) => [c.kind, c.name, c.via.join(' > '), c.privileged, c.weight]),
    [
      ['pim-eligible', 'tier0-admins', '', true, 1],
      // Not in the role definitions read (a role the list did not name): the built-in label still names it.
      ['directory-role', 'Global Administrator', 'tier0-admins (PIM owner, on activation)', true, 100],
      ['member-of', 'platform-admins', '', false, 1],
      ['app-role', 'Reader', 'platform-admins', false, 1],
    ],
  );
  assert.equal(heaviest(access), 100);
  assert.match(accessLines(access)[0]!, /^⚠️ PRIVILEGED: Entra role Global Administrator \(tenant\), through tier0-admins/);
});

test('an app role named like an administrator is privileged; a reader role and default access are not; cycles end', () => {
  const f = facts({
    [G]: group({
      parents: [{ id: PARENT, name: 'platform-admins' }],
      appRoles: [
        { resourceId: APP, resourceName: 'Payroll', appRoleId: 'r2' },
        { resourceId: APP, resourceName: 'Payroll', appRoleId: '00000000-0000-0000-0000-000000000000' },
      ],
    }),
    // PIM eligibility back to the first group: followed once.
    [PARENT]: group({ pimTargets: [{ groupId: G, accessId: 'member' }], roles: [{ roleDefinitionId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', scope: '/' }] }),
  });
  const access = composeAccess(f, { name: 'ops', id: G });
  const byName = Object.fromEntries(access.confers.map((c) => [c.name, c]));
  assert.equal(byName.Administrator!.privileged, true);
  assert.equal(byName.Administrator!.weight, 10);
  assert.equal(byName['default access']!.privileged, false);
  assert.equal(byName['Directory Readers']!.privileged, false);
  assert.equal(access.confers.length, 5);
});

test('what could not be read is said, never taken as "confers nothing"', () => {
  const f = facts({ [G]: group({ unknown: ['app roles: not readable (needs Directory.Read.All, read-only)'] }) });
  const access = composeAccess(f, { name: 'ops', id: G });
  assert.deepEqual(accessLines(access), ['not known: app roles: not readable (needs Directory.Read.All, read-only)']);
  assert.deepEqual(composeAccess(facts({}), { name: 'ops', id: G }).unknown, ['not read']);
});

test('a published catalogue is read back only in its shape and bounds', () => {
  const groups = [
    { group: 'ops', id: G, confers: [{ kind: 'app-role', name: 'Reader', detail: 'Payroll', via: [], privileged: false, weight: 1 }], unknown: [] },
  ];
  assert.deepEqual(parseGroupAccess(groups), groups);
  assert.equal(parseGroupAccess([{ ...groups[0], confers: [{ kind: 'superpower', name: 'x', via: [] }] }]), undefined);
  assert.equal(parseGroupAccess({ groups }), undefined);
  assert.equal(parseGroupAccess([{ group: 'ops' }]), undefined);
  // Round trip through the dashboard body, and a body whose data block was tampered into another shape.
  const { body } = renderDashboard({
    status: { groups: [] } as never,
    pending: [],
    exemptionsDue: [],
    sweptAt: 0,
    catalogue: { readAt: '2026-11-29T00:00:00Z', groups: groups as never },
  });
  assert.deepEqual(publishedCatalogue(body), groups);
  assert.equal(publishedCatalogue(body.replace(/(<!-- access-as-code:catalogue )[A-Za-z0-9_-]+/, '$1e30=')), undefined);
  assert.equal(publishedCatalogue('no catalogue here'), undefined);
});

test('privileged access asks for two approvals and a working session at most', () => {
  const access = composeAccess(facts({ [G]: group({ appRoles: [{ resourceId: APP, resourceName: 'Payroll', appRoleId: 'r2' }] }) }), { name: 'ops', id: G });
  const findings = privilegeFindings({ name: 'ops', approvals: 1, maxDurationMs: 24 * 3_600_000, maxDurationText: '1d' }, access);
  assert.equal(findings.length, 2);
  assert.match(findings[0]!, /ops confers privileged access \(app role Administrator in Payroll\) but its policy asks for 1 approval: set "approvals: 2"/);
  assert.match(findings[1]!, /allows requests of up to 1d: set "maxDuration" to 8h or less/);
  assert.deepEqual(privilegeFindings({ name: 'ops', approvals: 2, maxDurationMs: 4 * 3_600_000, maxDurationText: '4h' }, access), []);
  const reader = composeAccess(facts({ [G]: group({ appRoles: [{ resourceId: APP, resourceName: 'Payroll', appRoleId: 'r1' }] }) }), { name: 'ops', id: G });
  assert.deepEqual(privilegeFindings({ name: 'ops', approvals: 1, maxDurationMs: 24 * 3_600_000, maxDurationText: '1d' }, reader), []);
});
