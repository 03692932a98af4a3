// From standing privilege to just-in-time (issue "discovery", items 1-3, 5, 6): `discover` finds the
// privileged groups the policy does not manage, who holds them, how much they sign in, and proposes
// who moves to requests; --write makes that a branch to open a pull request from, which validates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GROUPS, Scenario, USERS } from '../helpers/scenario.ts';
import { runCli } from '../helpers/cli.ts';
import { SERVICE_PRINCIPAL } from '../../scripts/lib/world.ts';

const FINANCE = 'f1000000-0000-4000-8000-000000000001';
const HELPDESK = 'f1000000-0000-4000-8000-000000000002';
const TIER0 = 'f1000000-0000-4000-8000-000000000003';
const PAYROLL = 'f1000000-0000-4000-8000-000000000004';
const PAYROLL_ADMIN = 'f1000000-0000-4000-8000-000000000005';
/** The applications' ids, which sign-in log entries name (not the service principals' object ids). */
const PAYROLL_APP = 'a1000000-0000-4000-8000-00000000000a';
const MAIL_APP = 'a1000000-0000-4000-8000-00000000000b';
const SYNC = 'f1000000-0000-4000-8000-000000000006';
const DAY = 86_400_000;

function tenantWithStandingPrivilege(s: Scenario): void {
  const st = s.twin.state;
  st.apps[0]!.roles.push(
    'RoleManagement.Read.Directory',
    'Directory.Read.All',
    'Application.Read.All',
    'AuditLog.Read.All',
    'PrivilegedEligibilitySchedule.Read.AzureADGroup',
  );
  st.users.set(PAYROLL, {
    id: PAYROLL,
    kind: 'servicePrincipal',
    displayName: 'Payroll',
    appId: PAYROLL_APP,
    appRoles: [{ id: PAYROLL_ADMIN, value: 'Payroll.Admin', displayName: 'Payroll Administrator' }],
  });
  st.users.set(SYNC, { id: SYNC, kind: 'servicePrincipal', displayName: 'payroll-sync', owners: [USERS.hubot] });
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
  st.groups.set(FINANCE, group(FINANCE, 'Finance Admins', false, [USERS.octocat, USERS.monalisa, SYNC, HELPDESK]));
  st.groups.set(HELPDESK, group(HELPDESK, 'Helpdesk Leads', false, [USERS.hubot]));
  st.groups.set(TIER0, group(TIER0, 'Tier 0', true, [USERS.outsider]));
  st.appRoleAssignments.push({ id: 'ara-p', principalId: FINANCE, resourceId: PAYROLL, appRoleId: PAYROLL_ADMIN });
  st.roleAssignments.push({ id: 'ra-t0', principalId: TIER0, roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', directoryScopeId: '/' });
  // A policy group holding privilege is the policy's already: not discovered again.
  st.roleAssignments.push({
    id: 'ra-k8s',
    principalId: GROUPS['k8s-prod-operators'],
    roleDefinitionId: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
    directoryScopeId: '/',
  });
  // octocat signs in daily, to Payroll; monalisa last signed in 100 days ago.
  const now = Date.now();
  // Twice a day, 2.5 hours apart: a working span of 2.5h.
  for (let d = 0; d < 20; d++)
    for (const h of [3.5, 1])
      st.signIns.push({
        userId: USERS.octocat,
        appId: PAYROLL_APP,
        createdDateTime: new Date(Date.parse(`${new Date(now - d * DAY).toISOString().slice(0, 10)}T00:00:00Z`) + (10 - h) * 3_600_000).toISOString(),
      });
  // hubot signs in every day, to mail only: never to Payroll, the application Finance Admins administers.
  for (let d = 0; d < 18; d++) st.signIns.push({ userId: USERS.hubot, appId: MAIL_APP, createdDateTime: new Date(now - d * DAY - 7_200_000).toISOString() });
  st.users.get(USERS.octocat)!.signInActivity = { lastSignInDateTime: new Date(now - 3_600_000).toISOString(), lastNonInteractiveSignInDateTime: null };
  st.users.get(USERS.monalisa)!.signInActivity = { lastSignInDateTime: new Date(now - 100 * DAY).toISOString(), lastNonInteractiveSignInDateTime: null };
  st.users.get(USERS.hubot)!.signInActivity = { lastSignInDateTime: new Date(now - 7_200_000).toISOString(), lastNonInteractiveSignInDateTime: null };
}

test('discover lists privileged groups outside the policy with why, what they confer, standing members, usage and a proposal', async () => {
  const s = await Scenario.begin();
  try {
    tenantWithStandingPrivilege(s);
    const run = await runCli(s, ['discover'], { cwd: s.repo.dir, entra: true });
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^Finance Admins \(f1000000-0000-4000-8000-000000000001\) PRIVILEGED: proposed folder "finance-admins"$/m);
    assert.match(run.out, /found because it holds an administrator role of Payroll/);
    assert.match(run.out, /confers: ⚠️ PRIVILEGED: app role Payroll Administrator in Payroll/);
    assert.match(run.out, /octocat@contoso\.com\s+daily\s+-> standing: uses Payroll on 20 of the last 30 days[^\n]*\n {6}Payroll: 20 of 30 days, last \d{4}-/);
    assert.match(run.out, /monalisa@contoso\.com\s+never\s+-> just-in-time: no sign-in in the last 30 days; the last on \d{4}-\d\d-\d\d\n/);
    assert.match(run.out, /outsider@contoso\.com\s+never\s+-> just-in-time: no sign-in in 90 days/);
    assert.match(run.out, /app payroll-sync\s+unknown\s+-> standing: a service principal cannot open a request.*\(owners: hubot@contoso\.com\)/);
    assert.match(run.out, /proposal: onboard in audit mode, maxDuration 3h \(members' days span up to 3h \(first to last sign-in, median day\)\)/);
    // Nested into a privileged group: found too, and what it leads to through the parent.
    assert.match(
      run.out,
      /^Helpdesk Leads \(f1000000-0000-4000-8000-000000000002\) PRIVILEGED: proposed folder "helpdesk-leads"\n {2}found because it is nested in Finance Admins/m,
    );
    // Daily sign-ins elsewhere are not use of this group's privilege: judged by Payroll, the app it leads to.
    assert.match(
      run.out,
      /hubot@contoso\.com\s+never\s+-> just-in-time: did not use Payroll in the last 30 days \(signs in on 18 days, to other applications\)\n {6}Payroll: 0 of 30 days, not used/,
    );
    // Role-assignable: listed with its standing members, not onboarded.
    assert.match(run.out, /^Tier 0 \(f1000000-0000-4000-8000-000000000003\) PRIVILEGED: proposed folder "tier-0"[\s\S]*?not onboarded: role-assignable/m);
    assert.doesNotMatch(run.out, /8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13/, 'a policy group is not discovered again');

    const json = JSON.parse((await runCli(s, ['discover', '--format', 'json'], { cwd: s.repo.dir, entra: true })).out) as {
      groups: { name: string; weight: number }[];
    };
    assert.deepEqual(
      json.groups.map((g) => [g.name, g.weight]),
      [
        ['tier-0', 100],
        ['finance-admins', 10],
        ['helpdesk-leads', 10],
      ],
    );
  } finally {
    await s.stop();
  }
});

test('without AuditLog.Read.All usage is "unknown" and members stay standing, said with the permission; discover --write proposes a branch that validates', async () => {
  const s = await Scenario.begin();
  try {
    tenantWithStandingPrivilege(s);
    const blind = s.twin.state.apps[0]!.roles.filter((r) => r !== 'AuditLog.Read.All');
    s.twin.state.apps[0]!.roles = blind;
    const run = await runCli(s, ['discover'], { cwd: s.repo.dir, entra: true });
    assert.match(run.out, /monalisa@contoso\.com\s+unknown\s+-> standing: usage unknown/);
    assert.match(run.out, /not known: last sign-ins \(signInActivity\): not readable \(needs AuditLog\.Read\.All, read-only\)/);

    s.twin.state.apps[0]!.roles.push('AuditLog.Read.All');
    // The person's own clone, with their git identity.
    s.repo.git('config', 'user.name', 'Sec Lead');
    s.repo.git('config', 'user.email', 'sec1@example.com');
    const write = await runCli(s, ['discover', '--write'], { cwd: s.repo.dir, entra: true });
    assert.equal(write.code, 0, write.err);
    assert.match(
      write.err,
      /Wrote the proposal on branch access-as-code\/discover-\d{4}-\d{2}-\d{2}: finance-admins, helpdesk-leads join the policy in audit mode/,
    );
    assert.match(write.err, /Nothing changed in Entra/);
    const policy = readFileSync(join(s.repo.dir, '.github/access-policy.yaml'), 'utf8');
    assert.match(
      policy,
      /finance-admins:\n\s+id: f1000000-0000-4000-8000-000000000001\n[\s\S]*?maxDuration: 3h\n\s+approvals: 2\n\s+mode: audit\n\s+standing:/,
    );
    assert.match(policy, new RegExp(`- id: ${USERS.octocat}\\n\\s+reason: "octocat@contoso.com: uses Payroll on 20 of the last 30 days`));
    assert.doesNotMatch(policy, /tier-0:/, 'a role-assignable group is not onboarded');
    const original = s.repo.git('show', 'main:.github/access-policy.yaml');
    assert.ok(policy.startsWith(original.trimEnd()), 'the rest of the file is kept byte for byte: the diff holds only the new groups');
    assert.equal(s.repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim().startsWith('access-as-code/discover-'), true);
    const valid = await runCli(s, ['validate'], { cwd: s.repo.dir, entra: false });
    assert.equal(valid.code, 0, valid.err + valid.out);
    assert.deepEqual(s.twin.state.groups.get(FINANCE)!.members.size, 4, 'nothing changed in Entra');
  } finally {
    await s.stop();
  }
});

test('onboarding the proposal and moving members to requests makes the blast radius in the report fall', async () => {
  const s = await Scenario.begin();
  try {
    tenantWithStandingPrivilege(s);
    s.repo.git('config', 'user.name', 'Sec Lead');
    s.repo.git('config', 'user.email', 'sec1@example.com');
    const before = await runCli(s, ['report'], { cwd: s.repo.dir, entra: true });
    assert.equal(before.code, 0, before.err);
    assert.match(before.out, /### Blast radius\n\n\*\*0 standing privileged users\*\*/);

    // discover --write, then the pull request of the proposal is approved by the owners of .github/ and merged.
    assert.equal((await runCli(s, ['discover', '--write', '--branch', 'onboard'], { cwd: s.repo.dir, entra: true })).code, 0);
    const proposal = s.repo.git('show', 'onboard:.github/access-policy.yaml');
    s.repo.git('switch', '-q', 'main');
    s.approvedConfigChange({ '.github/access-policy.yaml': proposal });
    const audit = await runCli(s, ['report'], { cwd: s.repo.dir, entra: true });
    // finance-admins: octocat (exempt), monalisa (drift), payroll-sync (exempt); helpdesk-leads: hubot (drift).
    assert.match(audit.out, /\| finance-admins \| privileged \| 2 \| 1 \| 504 \| 0 \/ 0 \/ 0 \| 30 \|/);
    assert.match(audit.out, /\| helpdesk-leads \| privileged \| 1 \| 0 \| 168 \| 0 \/ 0 \/ 0 \| 10 \|/);
    assert.match(audit.out, /\*\*3 standing privileged users\*\* and \*\*1 app\*\*/);
    // Week by week: the exemptions the proposal added (octocat, payroll-sync) appear in this week's policy; before, there was none.
    const today = new Date().toISOString().slice(0, 10);
    assert.match(audit.out, new RegExp(`\\| ${today} \\| not recorded \\| 2 \\| 0 \\|\\n\\n`));
    // The weeks before, with nothing recorded and no exemption, are one row (issue 33: never thirteen empty rows).
    assert.match(audit.out, /Week by week[\s\S]*\| the 12 weeks before \| not recorded \| 0 \| 0 \|\n\| \d{4}-\d{2}-\d{2} \|/);
    // The CLI without the memory key says why the members are not shown week by week.
    assert.match(audit.out, /made without the memory key, so they are not shown week by week/);

    // The switch to enforce is its own reviewed change; monalisa moves to a request; the sweep removes what nobody requested.
    const enforced = proposal.replace(/mode: audit/g, 'mode: enforce');
    s.approvedConfigChange({ '.github/access-policy.yaml': enforced });
    const ask = s.openPull('monalisa', {
      files: {
        'requests/finance-admins/monalisa-close.yaml':
          'version: 1\nrequester: monalisa\ngroup: finance-admins\nduration: 2h\njustification: "Month-end payroll close"\n',
      },
    });
    s.review(ask, 'sec1');
    s.review(ask, 'sec2');
    const merged = s.merge(ask);
    const granted = await s.grant(merged);
    assert.equal(granted.exitCode, 0, granted.stdout);
    const after = await runCli(s, ['report'], { cwd: s.repo.dir, entra: true });
    assert.match(after.out, /\| finance-admins \| privileged \| 1 \| 1 \| 336 \| 0 \/ 0 \/ 0 \| 20 \|/);
    // Enforce also took helpdesk-leads out of finance-admins (a nested group nobody requested): it leads nowhere now.
    assert.match(after.out, /\| helpdesk-leads \| not privileged \| 0 \| 0 \| 0 \| 0 \/ 0 \/ 0 \| 0 \|/);
    assert.match(after.out, /\*\*1 standing privileged user\*\* and \*\*1 app\*\*/);
  } finally {
    await s.stop();
  }
});

test('the discover workflow: the bundled action lists the same groups and proposal in the job summary and its output, and changes nothing', async () => {
  const s = await Scenario.begin();
  try {
    tenantWithStandingPrivilege(s);
    const { runAction } = await import('../../scripts/lib/actions-runner.ts');
    const { CLIENT, TENANT } = await import('../../scripts/lib/world.ts');
    const head = s.repo.git('rev-parse', 'HEAD');
    s.twin.log.clear();
    const run = await runAction({
      workspace: s.repo.dir,
      inputs: {
        command: 'discover',
        // Exactly the template's block for access-discover.yml.
        ...s.jobInputs('discover'),
        'tenant-id': TENANT,
        'client-id': CLIENT,
        'authority-host': s.twin.urls.authorityHost,
        'graph-endpoint': s.twin.urls.graph,
      },
      eventName: 'workflow_dispatch',
      event: {},
      env: { ...s.twin.env(), ...s.workflowEnv('discover'), GITHUB_REPOSITORY: 'acme/access' },
    });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.match(run.summary, /<h2>Privileged groups outside the policy<\/h2>/);
    assert.match(run.summary, /3 found, 2 that access-as-code can manage/);
    assert.match(run.summary, /octocat@contoso\.com\s+daily\s+-&gt; standing: uses Payroll on 20 of the last 30 days/);
    const found = JSON.parse(run.outputs.discovery ?? '{}') as { groups: { name: string; onboard: { ok: boolean } }[] };
    assert.deepEqual(
      found.groups.map((g) => [g.name, g.onboard.ok]),
      [
        ['tier-0', false],
        ['finance-admins', true],
        ['helpdesk-leads', true],
      ],
    );
    // Reads only: no write to Graph or GitHub, no commit.
    assert.equal(
      s.twin.log.records.filter(
        (r) => r.method !== 'GET' && !(r.service === 'graph' && /\$batch$/.test(r.path)) && r.service !== 'entra' && r.service !== 'actions',
      ).length,
      0,
    );
    assert.equal(s.twin.log.records.filter((r) => r.inBatch && r.method !== 'GET').length, 0);
    assert.equal(s.repo.git('rev-parse', 'HEAD'), head);
  } finally {
    await s.stop();
  }
});

test("discover finds a group holding Owner on the second page of Azure's role assignments (nextLink)", async () => {
  const s = await Scenario.begin();
  try {
    tenantWithStandingPrivilege(s);
    const SUB = '/subscriptions/0a1b2c3d-0000-4000-8000-000000000009';
    const CLOUD_OWNERS = 'f1000000-0000-4000-8000-000000000010';
    const policy = s.repo.git('show', 'main:.github/access-policy.yaml');
    s.approvedConfigChange({ '.github/access-policy.yaml': policy.replace('groups:\n', `azureScopes: ["${SUB}"]\ngroups:\n`) });
    const st = s.twin.state;
    st.groups.set(CLOUD_OWNERS, {
      id: CLOUD_OWNERS,
      displayName: 'Cloud Owners',
      isAssignableToRole: false,
      groupTypes: [],
      membershipRule: null,
      onPremisesSyncEnabled: null,
      mailEnabled: false,
      members: new Set([USERS.monalisa]),
      pimEnds: new Map<string, number>(),
      pimStarts: new Map<string, number>(),
      recent: [],
    });
    const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
    st.armRoleAssignments.push(
      { id: 'd1', scope: SUB, principalId: SERVICE_PRINCIPAL, roleDefinitionId: READER },
      { id: 'd2', scope: `${SUB}/resourceGroups/logs`, principalId: SERVICE_PRINCIPAL, roleDefinitionId: READER },
      { id: 'd3', scope: SUB, principalId: CLOUD_OWNERS, roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635' },
    );
    assert.equal(st.armPageSize, 2, 'Owner is on the second page');
    const run = await runCli(s, ['discover'], { cwd: s.repo.dir, entra: true });
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^Cloud Owners \(f1000000-0000-4000-8000-000000000010\) PRIVILEGED: proposed folder "cloud-owners"$/m);
    assert.match(run.out, /found because it holds an Azure role at \/subscriptions\/0a1b2c3d-0000-4000-8000-000000000009/);
    assert.match(run.out, /confers: ⚠️ PRIVILEGED: Azure role Owner at \/subscriptions\/0a1b2c3d-0000-4000-8000-000000000009/);
  } finally {
    await s.stop();
  }
});

test("THREATS 65: a group's display name (tenant text) stays inert Markdown in the proposal and the issue form: no link, image or mention", async () => {
  const s = await Scenario.begin();
  try {
    tenantWithStandingPrivilege(s);
    const hostile = 'Finance [x](https://evil) ![i](https://e/i.png) @acme/admins';
    s.twin.state.groups.get(FINANCE)!.displayName = hostile;
    s.repo.git('config', 'user.name', 'Sec Lead');
    s.repo.git('config', 'user.email', 'sec1@example.com');
    const write = await runCli(s, ['discover', '--write'], { cwd: s.repo.dir, entra: true });
    assert.equal(write.code, 0, write.err);
    const form = await runCli(s, ['form'], { cwd: s.repo.dir, entra: false });
    assert.equal(form.code, 0, form.err + form.out);
    const text = readFileSync(join(s.repo.dir, '.github/ISSUE_TEMPLATE/access-request.yml'), 'utf8');
    const table = (parse(text) as { body: { type: string; attributes: { value?: string } }[] }).body.find((b) => b.type === 'markdown')!.attributes.value!;
    const row = table.split('\n').find((l) => l.includes('Finance'))!;
    assert.ok(row, table);
    assert.match(row, /Finance \\\[x\\\]\\\(https\\:\/\/evil\\\) \\!\\\[i\\\]\\\(https\\:\/\/e\/i\.png\\\) \\@acme\/admins/);
    assert.doesNotMatch(row, /[^\\]\]\(|[^\\]!\[|(^|[^\\])@acme/, 'no live link, image or mention');
  } finally {
    await s.stop();
  }
});

test('no false green: discover that may not read the role assignments says what it could not read, never "none found", and exits 1', async () => {
  const s = await Scenario.begin();
  try {
    // The app can read groups and members, but not who holds directory roles or app roles.
    s.twin.state.apps[0]!.roles = s.twin.state.apps[0]!.roles.filter((r) => r !== 'RoleManagement.Read.Directory' && r !== 'Application.Read.All');
    const run = await runCli(s, ['discover'], { cwd: s.repo.dir, entra: true });
    assert.equal(run.code, 1, run.out + run.err);
    assert.match(run.out, /No privileged group outside the policy was found among what could be read \(what could not be read is listed below\)\./);
    // Each said once, with the permission that would let it be read (not also inside the first line).
    const unknown = run.out.split('\n').filter((l) => l.startsWith('not known: '));
    assert.ok(
      unknown.some((l) => /RoleManagement\.Read\.Directory/.test(l)),
      run.out,
    );
    assert.equal(new Set(unknown).size, unknown.length, run.out);
    assert.doesNotMatch(run.out.split('\n')[0]!, /RoleManagement/);
    assert.doesNotMatch(run.out, /^No privileged group outside the policy was found\.$/m);
  } finally {
    await s.stop();
  }
});
