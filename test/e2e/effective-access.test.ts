// The reviewer sees what they approve (issue "reviewer", items 1-3 and 5): the sweep reads from Graph
// what each policy group confers (app roles, nesting, PIM eligibility into a role-assignable group
// holding Global Administrator), publishes it in the dashboard, and the pull-request check, which has
// no Entra token, shows it to the code owners with a warning where the policy asks too little.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUPS, Scenario, USERS } from '../helpers/scenario.ts';
import { runCli } from '../helpers/cli.ts';
import { requestYaml, SERVICE_PRINCIPAL } from '../../scripts/lib/world.ts';

const PLATFORM_ADMINS = 'aa11bb22-cc33-4d44-8e55-66ff77aa88b1';
const TIER0 = 'aa11bb22-cc33-4d44-8e55-66ff77aa88b2';
const KUBE_APP = 'aa11bb22-cc33-4d44-8e55-66ff77aa88b3';
const CLUSTER_ADMIN_ROLE = 'aa11bb22-cc33-4d44-8e55-66ff77aa88b4';
const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
const READS = ['RoleManagement.Read.Directory', 'Directory.Read.All', 'PrivilegedEligibilitySchedule.Read.AzureADGroup'];

/** k8s-prod-operators is nested in platform-admins (an app's Cluster Admin role) and may activate ownership of tier0-admins (Global Administrator). */
function tenantWithReach(s: Scenario, roles: string[] = READS): void {
  const st = s.twin.state;
  st.apps[0]!.roles.push(...roles);
  st.users.set(KUBE_APP, {
    id: KUBE_APP,
    kind: 'servicePrincipal',
    displayName: 'Kubernetes Prod',
    appRoles: [{ id: CLUSTER_ADMIN_ROLE, value: 'Cluster.Admin', displayName: 'Cluster Admin' }],
  });
  const group = (id: string, displayName: string, isAssignableToRole: boolean, members: string[]) => ({
    id,
    displayName,
    isAssignableToRole,
    groupTypes: [],
    membershipRule: null,
    onPremisesSyncEnabled: null,
    mailEnabled: false,
    members: new Set(members),
    pimEnds: new Map<string, number>(),
    pimStarts: new Map<string, number>(),
    recent: [],
  });
  st.groups.set(PLATFORM_ADMINS, group(PLATFORM_ADMINS, 'platform-admins', false, [GROUPS['k8s-prod-operators']]));
  st.groups.set(TIER0, { ...group(TIER0, 'tier0-admins', true, []), pimEligibleOwners: new Set([GROUPS['k8s-prod-operators']]) });
  st.appRoleAssignments.push({ id: 'ara-1', principalId: PLATFORM_ADMINS, resourceId: KUBE_APP, appRoleId: CLUSTER_ADMIN_ROLE });
  st.roleAssignments.push({ id: 'ra-1', principalId: TIER0, roleDefinitionId: GLOBAL_ADMINISTRATOR, directoryScopeId: '/' });
}

const dashboardOf = (s: Scenario) => [...s.twin.state.repos.get('acme/access')!.issues.values()].find((i) => i.labels.includes('access-dashboard'))!;

// The sweep the command line's checks need is this test's first. The same sweep finds hubot's pull
// request waiting (TOLD: it is told what approving it confers) and a member of billing-readers without a
// request (SWITCH: the drift a policy change is told about below); each is asserted on its own words.
test('a code owner sees on the pull request what the group confers, privileged paths marked, with a warning where the policy asks one approval; plan shows what the requested group confers from the published catalogue; status and doctor read it from Graph and doctor warns', async () => {
  const s = await Scenario.begin();
  try {
    tenantWithReach(s);
    // TOLD: hubot's request waits with one code owner's approval, enough for k8s-prod-operators today.
    const pull = s.openPull('hubot', {
      files: { 'requests/k8s-prod-operators/hubot-chg-1.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '1h' }) },
    });
    s.review(pull, 'lead1');
    s.registerOpen(pull);
    // SWITCH: billing-readers (audit) has a member nobody requested.
    s.addMember('billing-readers', 'octocat');
    const sweep = await s.revoke({ inputs: { dashboard: 'true' } });
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    const body = dashboardOf(s).body;
    assert.match(body, /### What each group confers/);
    assert.match(body, /\*\*k8s-prod-operators\*\*/);
    assert.match(body, /PRIVILEGED\\: Entra role Global Administrator \\\(tenant\\\), through tier0-admins \\\(PIM owner, on activation\\\)/);
    assert.match(body, /PRIVILEGED\\: app role Cluster Admin in Kubernetes Prod, through platform-admins/);
    assert.match(body, /member of group platform-admins/);
    assert.match(body, /\*\*billing-readers\*\*: nothing beyond membership itself\./);
    // The headline: nobody holds k8s-prod-operators (privileged) around the clock yet.
    assert.match(body, /\*\*Blast radius:\*\* 0 standing privileged users and 0 apps hold privileged groups around the clock/);
    // TOLD: the sweep tells the waiting pull request itself what approving it confers, once per content.
    const told1 = s.comments(pull).filter((c) => c.includes('access-as-code:confers'));
    assert.equal(told1.length, 1);
    assert.match(
      told1[0]!,
      /what approving this pull request confers[\s\S]*\*\*k8s-prod-operators\*\* ⚠️ privileged\n- ⚠️ PRIVILEGED\\: Entra role Global Administrator/,
    );
    assert.match(told1[0]!, /> ⚠️ k8s-prod-operators confers privileged access/);

    // The command line, in a clone with a request not yet pushed: plan shows what the requested group
    // confers from the catalogue the sweep published; status and doctor read it from Graph.
    const file = 'requests/k8s-prod-operators/hubot-chg-2.yaml';
    mkdirSync(join(s.repo.dir, 'requests/k8s-prod-operators'), { recursive: true });
    writeFileSync(join(s.repo.dir, file), requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '1h' }));
    const plan = await runCli(s, ['plan'], { cwd: s.repo.dir, entra: false });
    assert.equal(plan.code, 0, plan.err);
    assert.match(
      plan.out,
      /What approving confers \(published by the sweep in the access dashboard #\d+, last written [^)]+\):\n {2}k8s-prod-operators \(PRIVILEGED\)\n {4}⚠️ PRIVILEGED: Entra role Global Administrator/,
    );
    assert.match(plan.err, /warning: k8s-prod-operators confers privileged access .* asks for 1 approval/);
    const json = JSON.parse((await runCli(s, ['plan', '--format', 'json'], { cwd: s.repo.dir, entra: false })).out) as {
      confers: { group: string; privileged: boolean }[];
    };
    assert.deepEqual(
      json.confers.map((c) => [c.group, c.privileged]),
      [['k8s-prod-operators', true]],
    );
    const status = await runCli(s, ['status'], { cwd: s.repo.dir, entra: true });
    assert.equal(status.code, 0, status.err);
    assert.match(status.out, /^ {2}confers: ⚠️ PRIVILEGED: app role Cluster Admin in Kubernetes Prod, through platform-admins$/m);
    const doctor = await runCli(s, ['doctor'], { cwd: s.repo.dir, entra: true });
    assert.match(doctor.out, /confers: ⚠️ PRIVILEGED: Entra role Global Administrator \(tenant\), through tier0-admins \(PIM owner, on activation\)/);
    assert.match(doctor.err, /warning: k8s-prod-operators confers privileged access/);
    // The clone's request was never pushed: the pull request is another.
    rmSync(join(s.repo.dir, file));

    const check = await s.validate(pull);
    assert.equal(check.exitCode, 0, check.stdout);
    assert.match(check.summary, /What approving confers/);
    assert.match(check.summary, /<b>k8s-prod-operators<\/b> ⚠️ privileged/);
    assert.match(check.summary, /PRIVILEGED: Entra role Global Administrator \(tenant\), through tier0-admins \(PIM owner, on activation\)/);
    assert.match(check.summary, /last written \d{4}-\d{2}-\d{2}T/);
    const warning = check.annotations.find((a) => a.level === 'warning' && /confers privileged access/.test(a.message));
    assert.ok(warning, check.stdout);
    assert.equal(warning.file, 'requests/k8s-prod-operators/hubot-chg-1.yaml');
    assert.match(warning.message, /asks for 1 approval: set "approvals: 2"/);

    // TOLD: nothing changed since: the pull request is not told twice, and the dashboard, catalogue and
    // all, is not edited (that a change is written again: test/e2e/dashboard.test.ts).
    const again = await s.revoke({ inputs: { dashboard: 'true' } });
    assert.equal(s.comments(pull).filter((c) => c.includes('access-as-code:confers')).length, 1, 'not told twice');
    assert.equal(JSON.parse(again.outputs.dashboard!).action, 'unchanged', 'the dashboard is not edited for the catalogue');
    // SWITCH: a policy change that switches billing-readers (audit) to enforce is told whom the next run
    // removes, from the drift the last sweep published (the check has no Entra token to ask).
    const policy = s.repo.git('show', 'main:.github/access-policy.yaml');
    const changed = policy.replace('mode: audit', 'mode: enforce').replace('    maxDuration: 2h\n', '    maxDuration: 2h\n    approvals: 2\n');
    assert.notEqual(changed, policy);
    const change = s.openPull('sec1', { files: { '.github/access-policy.yaml': changed } });
    const told = await s.validate(change);
    assert.equal(told.exitCode, 0, told.stdout);
    assert.match(
      told.stdout,
      new RegExp(
        `configuration change: switching to enforce: billing-readers: the next run removes 1 member the last sweep saw without a request: ${USERS.octocat}\\.`,
      ),
    );
    assert.match(told.summary, /Who the switch to enforce removes/);
    // The pending pull request whose verdict this flips, from what the sweep published.
    assert.match(
      told.stdout,
      new RegExp(
        `configuration change: pending: #${pull.number} \\(k8s-prod-operators\\) has 1 approval from code owners: enough now, too few after this change \\(2 needed\\)\\.`,
      ),
    );
    // plan says the same of the change in a clone, from what the sweep published (GITHUB_TOKEN).
    writeFileSync(join(s.repo.dir, '.github/access-policy.yaml'), changed);
    const planned = await runCli(s, ['plan'], { cwd: s.repo.dir, entra: false });
    s.repo.git('checkout', '--', '.github/access-policy.yaml');
    assert.match(
      planned.out,
      new RegExp(
        `^ {2}switching to enforce: billing-readers: the next run removes 1 member the last sweep saw without a request: ${USERS.octocat}\\. \\(from the access dashboard #\\d+, last written `,
        'm',
      ),
    );
    assert.match(
      planned.out,
      new RegExp(
        `^ {2}pending: #${pull.number} \\(k8s-prod-operators\\) has 1 approval from code owners: enough now, too few after this change \\(2 needed\\)\\.`,
        'm',
      ),
    );
  } finally {
    await s.stop();
  }
});

// One sweep, three cases that need no more of the app than the set-up gives it (no Graph read
// permission: READS is not granted): what it may not read is named (UNREADABLE); where the policy names
// Azure scopes, each group's assignments there are shown (AZURE SCOPES), prod-db-admins's Owner at the
// first subscription; and k8s-prod-operators's Owner at the third is on the second page of its
// listing (SECOND PAGE), the only privileged path of that group this app can read.
test("one sweep: reads the app may not make are named with their permission, and a catalogue a person edited into the dashboard is not shown; where the policy names Azure scopes, a group's Azure role assignments there are shown (Owner marked) and a scope the app may not read is named; an Owner assignment on Azure's second page (nextLink) is found: the sweep's catalogue and doctor show it", async () => {
  const s = await Scenario.begin();
  try {
    tenantWithReach(s, []);
    const SUB = '/subscriptions/0a1b2c3d-0000-4000-8000-000000000001';
    const OTHER = '/subscriptions/0a1b2c3d-0000-4000-8000-000000000002';
    const PAGED = '/subscriptions/0a1b2c3d-0000-4000-8000-000000000003';
    const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
    const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
    const k8s = GROUPS['k8s-prod-operators'];
    const policy = s.repo.git('show', 'main:.github/access-policy.yaml');
    s.approvedConfigChange({ '.github/access-policy.yaml': policy.replace('groups:\n', `azureScopes: ["${SUB}", "${OTHER}", "${PAGED}"]\ngroups:\n`) });
    const st = s.twin.state;
    st.armRoleAssignments.push(
      // AZURE SCOPES: the app is Reader on SUB (not OTHER).
      { id: 'a1', scope: SUB, principalId: SERVICE_PRINCIPAL, roleDefinitionId: READER },
      { id: 'a2', scope: `${SUB}/resourceGroups/aks-prod`, principalId: GROUPS['prod-db-admins'], roleDefinitionId: OWNER },
      { id: 'a3', scope: SUB, principalId: GROUPS['billing-readers'], roleDefinitionId: 'c0ffee00-0000-4000-8000-00000000cafe' },
      // SECOND PAGE: two Reader assignments fill the first page (the twin's pages hold two); Owner is on the second.
      { id: 'p1', scope: PAGED, principalId: SERVICE_PRINCIPAL, roleDefinitionId: READER },
      { id: 'p2', scope: `${PAGED}/resourceGroups/logs`, principalId: k8s, roleDefinitionId: READER },
      { id: 'p3', scope: `${PAGED}/resourceGroups/metrics`, principalId: k8s, roleDefinitionId: READER },
      { id: 'p4', scope: `${PAGED}/resourceGroups/aks-prod`, principalId: k8s, roleDefinitionId: OWNER },
    );
    st.armCustomRoles.set('c0ffee00-0000-4000-8000-00000000cafe', 'Cost Export Reader');
    assert.equal(st.armPageSize, 2);
    s.twin.log.clear();
    const sweep = await s.revoke({ inputs: { dashboard: 'true' } });
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    const issue = dashboardOf(s);
    assert.match(issue.body, /Not known for any group: .*app roles\\: not readable \\\(needs Directory\.Read\.All, read-only\\\)/, 'UNREADABLE');
    assert.doesNotMatch(issue.body, /Global Administrator/, 'UNREADABLE: nothing is claimed about what could not be read');
    assert.match(
      issue.body,
      /PRIVILEGED\\: Azure role Owner at \/subscriptions\/0a1b2c3d-0000-4000-8000-000000000001\/resourceGroups\/aks-prod/,
      'AZURE SCOPES',
    );
    assert.match(issue.body, /- Azure role Cost Export Reader at \/subscriptions\/0a1b2c3d-0000-4000-8000-000000000001/, 'AZURE SCOPES');
    assert.match(
      issue.body,
      /Azure roles at \/subscriptions\/0a1b2c3d-0000-4000-8000-000000000002\\: not readable \\\(needs Reader at that scope, read-only\\\)/,
      'AZURE SCOPES',
    );
    // The first subscription is listed as the third is (each group's assignments, and the app's own),
    // each listing in one page; at the third, k8s-prod-operators's takes two: one read more.
    const listings = (scope: string) => s.twin.log.count('arm', (r) => r.path.startsWith(`${scope}/`) && r.path.endsWith('/roleAssignments'));
    assert.equal(listings(PAGED), listings(SUB) + 1, 'SECOND PAGE: the listing was read past its first page');
    assert.match(
      issue.body,
      /PRIVILEGED\\: Azure role Owner at \/subscriptions\/0a1b2c3d-0000-4000-8000-000000000003\/resourceGroups\/aks-prod/,
      'SECOND PAGE',
    );

    const doctor = await runCli(s, ['doctor'], { cwd: s.repo.dir, entra: true });
    assert.match(
      doctor.out,
      /confers: ⚠️ PRIVILEGED: Azure role Owner at \/subscriptions\/0a1b2c3d-0000-4000-8000-000000000001\/resourceGroups\/aks-prod/,
      'AZURE SCOPES',
    );
    assert.match(
      doctor.out,
      /confers: ⚠️ PRIVILEGED: Azure role Owner at \/subscriptions\/0a1b2c3d-0000-4000-8000-000000000003\/resourceGroups\/aks-prod/,
      'SECOND PAGE',
    );
    assert.match(doctor.err, /warning: k8s-prod-operators confers privileged access/, 'SECOND PAGE');

    // UNREADABLE: someone with triage rights rewrites the published data to say the group confers nothing.
    s.twin.state.repos
      .get('acme/access')!
      .issues.set(issue.number, { ...issue, body: `${issue.body}\n`, editor: 'mallory', last_edited_at: new Date().toISOString() });
    const pull = s.openPull('hubot', {
      files: { 'requests/k8s-prod-operators/hubot-chg-1.yaml': requestYaml({ requester: 'hubot', group: 'k8s-prod-operators', duration: '1h' }) },
    });
    const check = await s.validate(pull);
    assert.equal(check.exitCode, 0, check.stdout);
    assert.match(check.summary, /Not shown: the access dashboard #\d+ was last edited by mallory, not the sweep/, 'UNREADABLE');
  } finally {
    await s.stop();
  }
});
