// Microsoft Graph as it answers on first contact (issue 32 items 3-5, docs/threat-model.md 69): every
// listing comes in pages of 3 from the twin, an OData cast is an advanced query, and sign-in data needs
// a P1 licence. Each case puts what matters on page 2, or refuses the check, and runs the bundled
// action as the runner does, or a command through the command line's door (test/helpers/cli.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUPS, Scenario, USERS } from '../helpers/scenario.ts';
import { runCli } from '../helpers/cli.ts';
import type { Group } from '../../scripts/twin/state.ts';

const HOUR = 3_600_000;
const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
/** Graph calls made inside a $batch (every read is batched), matching `path`. */
const batched = (s: Scenario, path: RegExp, status?: number) =>
  s.twin.log.records.filter((r) => r.service === 'graph' && r.inBatch === true && path.test(r.path) && (status === undefined || r.status === status)).length;
/** Ids that sort before everyone the tests care about, so that those land on page 2. */
const early = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function group(id: string, displayName: string, members: string[], extra: Partial<Group> = {}): Group {
  return {
    id,
    displayName,
    isAssignableToRole: false,
    groupTypes: [],
    membershipRule: null,
    onPremisesSyncEnabled: null,
    mailEnabled: false,
    members: new Set(members),
    pimEnds: new Map(),
    pimStarts: new Map(),
    recent: [],
    ...extra,
  };
}

test('PIM for Groups eligibilities on page 2: a removed user who can activate the group again is named', async () => {
  const s = await Scenario.begin();
  try {
    const st = s.twin.state;
    assert.equal(st.graphPageSize, 3);
    for (const n of [1, 2, 3]) st.users.set(early(n), { id: early(n), kind: 'user', displayName: `early ${n}` });
    st.groups.get(GROUPS['k8s-prod-operators'])!.pimEligible = new Set([early(1), early(2), early(3), USERS.hubot]);
    st.apps[0]!.roles.push('PrivilegedEligibilitySchedule.Read.AzureADGroup');
    s.approvedRequest('hubot', 'k8s-prod-operators', -HOUR);
    s.addMember('k8s-prod-operators', 'hubot');
    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), []);
    assert.ok(
      run.annotations.some((a) => a.level === 'warning' && /can activate k8s-prod-operators again through a PIM for Groups eligibility/.test(a.message)),
      run.stdout,
    );
    assert.equal(batched(s, /\/eligibilityScheduleInstances$/), 2, 'two pages read');
  } finally {
    await s.stop();
  }
});

// Two removals in one sweep, each from a group holding a nested group kept as a standing exemption:
// Graph refuses the check of k8s-prod-operators (the fault names that group's path alone) and answers
// the one of prod-db-admins. Each group's warnings are read on its own, and the answered check is
// counted by its status, so that the refused one cannot stand for it.
test('a transitive check Graph refuses (400 Request_UnsupportedQuery) is never a verified removal: the run says it could not be verified; the same removal with the check answered: the advanced query is sent as the reference asks, and the removal is verified', async () => {
  const s = await Scenario.begin();
  try {
    const NESTED = '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    const DB_NESTED = '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4c';
    s.twin.state.groups.set(NESTED, group(NESTED, 'k8s on-call', [USERS.octocat]));
    s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.members.add(NESTED);
    s.twin.state.groups.set(DB_NESTED, group(DB_NESTED, 'db on-call', [USERS.octocat]));
    s.twin.state.groups.get(GROUPS['prod-db-admins'])!.members.add(DB_NESTED);
    const policy = readFileSync(join(s.repo.dir, '.github/access-policy.yaml'), 'utf8');
    const exempt = (id: string) => `{ id: ${id}, reason: "The on-call rotation's group", review: "2099-01-31" }`;
    s.approvedConfigChange({
      '.github/access-policy.yaml': policy
        .replace('    maxDuration: 2h\n', `    maxDuration: 2h\n    standing: [${exempt(NESTED)}]\n`)
        .replace('    standing: [{ id: 0f9d4c1e', `    standing: [${exempt(DB_NESTED)}, { id: 0f9d4c1e`),
    });
    s.approvedRequest('hubot', 'k8s-prod-operators', -HOUR);
    s.addMember('k8s-prod-operators', 'hubot');
    s.approvedRequest('hubot', 'prod-db-admins', -HOUR, { ticket: 'INC-1' });
    s.addMember('prod-db-admins', 'hubot');
    s.twin.faults.add({
      service: 'graph',
      inBatch: true,
      match: new RegExp(`/groups/${GROUPS['k8s-prod-operators']}/transitiveMembers/`),
      kind: 'unsupported-query',
    });

    const run = await s.revoke();
    assert.equal(run.exitCode, 0, run.stdout);
    // Refused: the removal itself is made, and said not to be verified.
    assert.ok(!s.twin.state.groups.get(GROUPS['k8s-prod-operators'])!.members.has(USERS.hubot), 'refused check: the removal itself is made');
    const warning = run.annotations.find(
      (a) => a.level === 'warning' && a.title === 'access-as-code: removal not verified' && a.message.startsWith('k8s-prod-operators: '),
    );
    assert.ok(warning, `refused check: ${run.stdout}`);
    assert.match(
      warning.message,
      /the removal could not be verified: Graph did not answer whether they still hold k8s-prod-operators through a nested group \(.*400.*Unsupported Query/,
    );
    assert.match(run.summary, /the removal could not be verified/, 'refused check: in the summary');
    // Answered: the twin answered the advanced query for prod-db-admins, and its removal is verified.
    assert.ok(!s.twin.state.groups.get(GROUPS['prod-db-admins'])!.members.has(USERS.hubot), 'answered check: the removal is made');
    assert.equal(batched(s, /\/transitiveMembers\//, 200), 1, 'answered check: the twin answered the advanced query');
    assert.ok(
      !run.annotations.some((a) => /removal not verified|removed access is not gone/.test(a.title ?? '') && a.message.startsWith('prod-db-admins: ')),
      `answered check: ${run.stdout}`,
    );
  } finally {
    await s.stop();
  }
});

test("doctor: Global Administrator eligible on page 2 of a group's role eligibilities, and an app role through a parent group on page 2, are shown", async () => {
  const s = await Scenario.begin();
  try {
    const st = s.twin.state;
    const k8s = GROUPS['k8s-prod-operators'];
    st.apps[0]!.roles.push('RoleManagement.Read.Directory', 'Directory.Read.All', 'PrivilegedEligibilitySchedule.Read.AzureADGroup');
    // Directory Readers, Global Reader, Security Administrator first; Global Administrator fourth.
    for (const role of [
      '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
      'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
      '194ae4cb-b126-40b2-bd5b-6091b380977d',
      GLOBAL_ADMINISTRATOR,
    ])
      st.roleEligibilities.push({ id: `re-${role}`, principalId: k8s, roleDefinitionId: role, directoryScopeId: '/' });
    // k8s-prod-operators is nested in three plain groups and, fourth by id, in one holding an app's admin role.
    for (const n of [1, 2, 3]) st.groups.set(early(n), group(early(n), `plain ${n}`, [k8s]));
    const PARENT = 'ffffffff-0000-4000-8000-000000000001';
    const APP = 'ffffffff-0000-4000-8000-000000000002';
    const ROLE = 'ffffffff-0000-4000-8000-000000000003';
    st.groups.set(PARENT, group(PARENT, 'platform-admins', [k8s]));
    st.users.set(APP, {
      id: APP,
      kind: 'servicePrincipal',
      displayName: 'Kubernetes Prod',
      appRoles: [{ id: ROLE, value: 'Cluster.Admin', displayName: 'Cluster Admin' }],
    });
    st.appRoleAssignments.push({ id: 'ara-1', principalId: PARENT, resourceId: APP, appRoleId: ROLE });

    const doctor = await runCli(s, ['doctor'], { cwd: s.repo.dir, entra: true });
    assert.match(doctor.out, /confers: ⚠️ PRIVILEGED: eligible for Entra role Global Administrator \(tenant\), through PIM/, doctor.out);
    assert.match(doctor.out, /PRIVILEGED: app role Cluster Admin in Kubernetes Prod, through platform-admins/);
    assert.ok(batched(s, /\/roleEligibilitySchedules$/) >= 2, 'the eligibilities came in pages');
    assert.ok(batched(s, /\/transitiveMemberOf\/microsoft\.graph\.group$/, 200) >= 2);
  } finally {
    await s.stop();
  }
});

test('discover: a group holding an app administrator role on page 2 of the app role assignments is found; without Entra ID P1 the licence is named, not the permission', async () => {
  const s = await Scenario.begin();
  try {
    const st = s.twin.state;
    st.premiumLicence = false;
    st.apps[0]!.roles.push('Directory.Read.All', 'Application.Read.All', 'AuditLog.Read.All', 'RoleManagement.Read.Directory');
    const PAYROLL = 'f1000000-0000-4000-8000-000000000004';
    const ADMIN = 'f1000000-0000-4000-8000-000000000005';
    const FINANCE = 'f1000000-0000-4000-8000-000000000001';
    st.users.set(PAYROLL, {
      id: PAYROLL,
      kind: 'servicePrincipal',
      displayName: 'Payroll',
      appRoles: [{ id: ADMIN, value: 'Payroll.Admin', displayName: 'Payroll Administrator' }],
    });
    st.groups.set(FINANCE, group(FINANCE, 'Finance Admins', [USERS.octocat]));
    // Three people hold the role themselves first: the group's assignment is the fourth, on page 2.
    for (const login of ['monalisa', 'hubot', 'outsider'] as const)
      st.appRoleAssignments.push({ id: `ara-${login}`, principalId: USERS[login], resourceId: PAYROLL, appRoleId: ADMIN });
    st.appRoleAssignments.push({ id: 'ara-finance', principalId: FINANCE, resourceId: PAYROLL, appRoleId: ADMIN });

    const run = await runCli(s, ['discover'], { cwd: s.repo.dir, entra: true });
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Finance Admins \(f1000000-0000-4000-8000-000000000001\) PRIVILEGED/);
    assert.match(run.out, /found because it holds an administrator role of Payroll/);
    assert.match(
      run.out,
      /not known: sign-in logs: not available in this tenant \(it needs a Microsoft Entra ID P1 or P2 licence; the app's permission AuditLog\.Read\.All is not what is missing\)/,
    );
    assert.match(run.out, /not known: last sign-ins \(signInActivity\): not available in this tenant \(it needs a Microsoft Entra ID P1 or P2 licence/);
    assert.doesNotMatch(run.out, /needs AuditLog\.Read\.All, read-only/);
    assert.ok(batched(s, /\/appRoleAssignedTo$/) >= 2, 'the assignments came in pages');
  } finally {
    await s.stop();
  }
});
