// Permission-level access: policy entries that grant an Azure role at a scope (azure-role: a role
// assignment the run makes and deletes; azure-pim: PIM for Azure resources, which ends it by itself),
// end to end with the bundled action, a real git repository, and the twin's Azure Resource Manager,
// which enforces the app's delegation condition as ARM does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml, USERS, GROUPS, type Pull } from '../helpers/scenario.ts';
import { SERVICE_PRINCIPAL } from '../../scripts/lib/world.ts';
import { delegationCondition } from '../../src/entra/azure-condition.ts';
import { iso, runCli } from '../helpers/cli.ts';
import { dispatchBreakGlass } from '../helpers/break-glass.ts';

const SUB = '/subscriptions/0a1b2c3d-0000-4000-8000-0000000000a1';
const RG = `${SUB}/resourceGroups/rg-app`;
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const RBAC_ADMINISTRATOR = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168';
const ENTRY = 'app-rg-contributor';
type Item = { file: string; outcome: string; detail: string };
const items = (run: { outputs: Record<string, string> }) => JSON.parse(run.outputs.changes ?? '[]') as Item[];

/** Users of the directory with no identity and no request, one for each case of the sweep that checks several removals at once. */
const MORE = {
  'owner-above': 'f1000000-0000-4000-8000-0000000000f1',
  'owner-by-group': 'f1000000-0000-4000-8000-0000000000f2',
  eligible: 'f1000000-0000-4000-8000-0000000000f3',
  'last-page': 'f1000000-0000-4000-8000-0000000000f4',
} as const;

/** What the run's summary says, among its outcomes, of the check that `member`'s removal from the entry left no other path to the role (invariant 20). */
const removalCheck = (run: { summary: string }, member: string) =>
  (run.summary.split('<h3>Outcomes</h3>')[1] ?? '').split('<li>').find((item) => item.startsWith(`verify-removal:${ENTRY}:${member}:`)) ?? '';

/**
 * A scenario with one entry granting `role` at rg-app through `backend`, and the app holding Role
 * Based Access Control Administrator at the subscription with the delegation condition for `allowed`.
 */
async function azureWorld(
  options: { backend: 'azure-role' | 'azure-pim'; role?: string; allowed?: string[]; extra?: string; conditionedOnly?: boolean },
  body: (s: Scenario) => Promise<void>,
): Promise<void> {
  const s = await Scenario.begin();
  try {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml');
    const entry = [
      `  ${ENTRY}:`,
      `    azureRole: { role: ${options.role ?? 'Contributor'}, scope: "${RG}" }`,
      `    backend: ${options.backend}`,
      '    maxDuration: 4h',
      '    mode: enforce',
      ...(options.extra ? [options.extra] : []),
      '',
    ].join('\n');
    const owners = s.repo.git('show', 'HEAD:.github/CODEOWNERS');
    s.approvedConfigChange({
      '.github/access-policy.yaml': `${policy.trimEnd()}\n${entry}`,
      '.github/CODEOWNERS': `${owners.trimEnd()}\n/requests/${ENTRY}/ @acme/sre-leads\n`,
    });
    s.twin.state.armRoleAssignments.push({
      id: 'b0000000-0000-4000-8000-000000000001',
      scope: SUB,
      principalId: SERVICE_PRINCIPAL,
      roleDefinitionId: RBAC_ADMINISTRATOR,
      condition: delegationCondition(options.allowed ?? [CONTRIBUTOR]),
    });
    // PIM for Azure resources is not documented to honour a delegation condition: for azure-pim the app
    // holds the role without one, at the entry's own scope only (docs/setup.md, "Azure roles").
    if (options.backend === 'azure-pim' && !options.conditionedOnly)
      s.twin.state.armRoleAssignments.push({
        id: 'b0000000-0000-4000-8000-000000000002',
        scope: RG,
        principalId: SERVICE_PRINCIPAL,
        roleDefinitionId: RBAC_ADMINISTRATOR,
      });
    await body(s);
  } finally {
    await s.stop();
  }
}

/** The principals holding `roleId` exactly at rg-app, as logins where they are users. */
function holders(s: Scenario, roleId = CONTRIBUTOR): string[] {
  const names = Object.fromEntries(Object.entries({ ...USERS, ...MORE }).map(([login, id]) => [id, login]));
  return s.twin
    .armAssignments()
    .filter((a) => a.roleDefinitionId === roleId && a.scope.toLowerCase() === RG.toLowerCase())
    .map((a) => names[a.principalId] ?? a.principalId)
    .sort();
}

function requestFor(s: Scenario, login: 'hubot' | 'octocat' | 'monalisa', expiresIn: number): { pull: Pull; file: string } {
  const file = `requests/${ENTRY}/${login}-${s.nextNumber()}.yaml`;
  const pull = s.openPull(login, { files: { [file]: requestYaml({ requester: login, group: ENTRY, expiresIn }) } });
  s.review(pull, 'lead1');
  return { pull, file };
}

// Two requests in one world, each its own case: hubot's is granted, kept, extended and swept after
// its end (and is the auditor's row); octocat's is deleted while in force. Azure throttles the first
// grant run's first write once.
test('azure-role: a merged request assigns the role at the scope (to the user only), a write throttled by Azure (429 with Retry-After) is retried and made once, an extension keeps it past the first end, the sweep deletes it after the end; deleting a request removes its assignment at once, naming one inherited from the subscription (never removed); the auditor: evidence has a row for the grant, and status --at says who held it then', () =>
  azureWorld({ backend: 'azure-role' }, async (s) => {
    s.twin.faults.add({ service: 'arm', kind: 'throttle', times: 1, retryAfterSeconds: 1, match: /^PUT /u });
    const { pull, file } = requestFor(s, 'hubot', 60 * 60_000);
    const deleted = requestFor(s, 'octocat', 60 * 60_000);
    const first = s.merge(pull);
    const run = await s.grant({ before: first.before, after: s.merge(deleted.pull).after });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(items(run).find((i) => i.file === file)?.outcome, 'granted', run.stdout);
    assert.equal(items(run).find((i) => i.file === deleted.file)?.outcome, 'granted', `DELETED: ${run.stdout}`);
    assert.deepEqual(holders(s), ['hubot', 'octocat']);
    const made = s.twin.state.armRoleAssignments.find((a) => a.principalId === USERS.hubot)!;
    assert.equal(made.principalType, 'User');
    assert.equal(s.members('k8s-prod-operators').includes('hubot'), false, 'no group membership was written');
    // Each grant needs one write, and both were made: a third write is the throttled one's retry, nothing more.
    assert.equal(
      s.twin.log.count('arm', (r) => r.method === 'PUT'),
      3,
      'THROTTLED: the two grants’ writes, one of them throttled, and its retry',
    );
    assert.equal(
      s.twin.log.count('arm', (r) => r.method === 'PUT' && r.status === 429),
      1,
      'THROTTLED: Azure throttled one write',
    );

    // DELETED: octocat also holds the role at the subscription; deleting the request removes the assignment at once.
    s.twin.state.armRoleAssignments.push({ id: 'c0000000-0000-4000-8000-0000000000c1', scope: SUB, principalId: USERS.octocat, roleDefinitionId: CONTRIBUTOR });
    const drop = s.openPull('octocat', { files: { [deleted.file]: null } });
    s.review(drop, 'lead1');
    const dropped = await s.grant(s.merge(drop));
    assert.equal(dropped.exitCode, 0, dropped.stdout);
    assert.deepEqual(holders(s), ['hubot'], 'DELETED: octocat’s assignment is removed; hubot’s request still stands');
    // A later run keeps an assignment whose request is in force as it is: hubot's is the first run's, and
    // nothing was assigned again (the rule: test/unit/verify.test.ts 'the plan adds verified requesters,
    // keeps unverified members without adding them, removes ended ones').
    assert.equal(
      s.twin.state.armRoleAssignments.find((a) => a.principalId === USERS.hubot && a.scope === RG)?.id,
      made.id,
      'hubot’s assignment is kept as made',
    );
    assert.equal(
      s.twin.log.count('arm', (r) => r.method === 'PUT'),
      3,
      'no write but the first run’s',
    );
    assert.ok(
      s.twin.state.armRoleAssignments.some((a) => a.scope === SUB && a.principalId === USERS.octocat),
      'DELETED: the subscription-wide assignment is not ours to remove',
    );
    assert.match(
      removalCheck(dropped, USERS.octocat),
      /still holds the role at \/subscriptions\/\S+\/resourceGroups\/rg-app through an assignment at \/subscriptions\/0a1b2c3d-0000-4000-8000-0000000000a1 \(inherited\)/,
      dropped.summary,
    );

    // The auditor: hubot's grant, the only one in force now.
    const now = Date.now();
    const csv = await runCli(s, ['evidence', '--from', iso(now - 60 * 60_000), '--at', iso(now + 60_000)]);
    assert.equal(csv.code, 0, csv.err);
    const row = csv.out.split('\n').find((l) => l.includes(file));
    assert.ok(row, csv.out);
    assert.match(row, /app-rg-contributor/);
    assert.match(row, /lead1/);
    const then = await runCli(s, ['status', '--at', iso(now + 60_000)]);
    assert.equal(then.code, 0, then.err);
    assert.match(
      then.out,
      new RegExp(
        `\\napp-rg-contributor \\(enforce, Azure role\\)\\n {2}hubot\\s+until \\S+ \\(\\d+m left\\) {2}${file}\\n {2}confers: ⚠️ PRIVILEGED: Azure role Contributor at /subscriptions/\\S+/resourceGroups/rg-app`,
      ),
    );

    // Extended to three hours by an approved pull request: a sweep two hours on keeps the assignment.
    const extended = s.openPull('hubot', { files: { [file]: requestYaml({ requester: 'hubot', group: ENTRY, expiresIn: 3 * 60 * 60_000 }) } });
    s.review(extended, 'lead1');
    s.merge(extended);
    const later = await runCli(s, ['revoke', '--at', iso(Date.now() + 2 * 60 * 60_000)]);
    assert.equal(later.code, 0, later.err);
    assert.deepEqual(holders(s), ['hubot'], `kept until the extended end: ${later.out}`);
    const ended = s.openPull('hubot', { files: { [file]: requestYaml({ requester: 'hubot', group: ENTRY, expiresIn: -60_000 }) } });
    s.review(ended, 'lead1');
    s.merge(ended);
    const sweep = await s.revoke();
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    assert.deepEqual(holders(s), [], sweep.stdout);
  }));

// Audit mode on an Azure role entry (drift at the scope reported, not removed; one to a group reported,
// the run saying "reported (audit mode)") is a rule (the rule: test/unit/azure-entries.test.ts
// 'azure-role drift in audit mode: ...'). Its facts (the listing at the scope, a group holder, another role there) are read
// by the sweep below, and "reported (audit mode)" reaches a person in test/e2e/action-revoke.test.ts.

// One sweep, six removals, each user its own case, so that no case's path to the role is another's:
// drift at the scope (enforce; the audit mode is a unit test, said above), a listing longer than a page, and a
// removal verified against each other path to the role (invariant 20), named on that user's own
// line of the summary. The sweep also writes the dashboard the pull requests read.
test('one azure-role sweep: drift at the scope is removed (one to a group reported, another role kept), a drift member on the last page of the listing (nextLink) is removed, and each removal names what still gives the role: an assignment at a management group above the subscription, Owner above the scope held directly or through a group, a PIM for Azure resources eligibility; what approving confers: the entry confers its role at its scope, privileged marked (the dashboard)', () =>
  azureWorld({ backend: 'azure-role' }, async (s) => {
    for (const [name, id] of Object.entries(MORE))
      s.twin.state.users.set(id, { id, kind: 'user', userPrincipalName: `${name}@contoso.com`, displayName: name });
    const MG = '/providers/Microsoft.Management/managementGroups/platform';
    s.twin.state.armParents.set(SUB.toLowerCase(), MG);
    s.twin.state.armRoleAssignments.push(
      // DRIFT: nobody requested monalisa's; a group's is reported, not removed; octocat's Owner is not this entry's role.
      { id: 'd0000000-0000-4000-8000-0000000000d1', scope: RG, principalId: USERS.monalisa, roleDefinitionId: CONTRIBUTOR },
      { id: 'd0000000-0000-4000-8000-0000000000d2', scope: RG, principalId: GROUPS['k8s-prod-operators'], roleDefinitionId: CONTRIBUTOR },
      { id: 'd0000000-0000-4000-8000-0000000000d3', scope: RG, principalId: USERS.octocat, roleDefinitionId: OWNER },
      // MANAGEMENT GROUP: hubot also holds the role at a management group above the subscription.
      { id: 'c0000000-0000-4000-8000-0000000000c9', scope: MG, principalId: USERS.hubot, roleDefinitionId: CONTRIBUTOR },
      { id: 'c0000000-0000-4000-8000-0000000000ca', scope: RG, principalId: USERS.hubot, roleDefinitionId: CONTRIBUTOR },
      // OWNER ABOVE: Owner at the subscription, held directly.
      { id: 'c0000000-0000-4000-8000-0000000000cb', scope: SUB, principalId: MORE['owner-above'], roleDefinitionId: OWNER },
      { id: 'c0000000-0000-4000-8000-0000000000cc', scope: RG, principalId: MORE['owner-above'], roleDefinitionId: CONTRIBUTOR },
      // OWNER THROUGH A GROUP: the same, through a group the user is in (its members read from Graph).
      { id: 'c0000000-0000-4000-8000-0000000000cd', scope: SUB, principalId: GROUPS['billing-readers'], roleDefinitionId: OWNER },
      { id: 'c0000000-0000-4000-8000-0000000000ce', scope: RG, principalId: MORE['owner-by-group'], roleDefinitionId: CONTRIBUTOR },
      // ELIGIBLE: the user could activate the role again through PIM for Azure resources.
      { id: 'c0000000-0000-4000-8000-0000000000cf', scope: RG, principalId: MORE.eligible, roleDefinitionId: CONTRIBUTOR },
    );
    s.twin.state.groups.get(GROUPS['billing-readers'])!.members.add(MORE['owner-by-group']); // an audit-mode group: its drift is reported, not removed
    s.twin.state.armEligibilities.push({ scope: SUB, principalId: MORE.eligible, roleDefinitionId: CONTRIBUTOR });
    // LAST PAGE, pushed last: five assignments of another role fill pages, then a drift member on the last one.
    assert.equal(s.twin.state.armPageSize, 2);
    for (let i = 0; i < 5; i++)
      s.twin.state.armRoleAssignments.push({
        id: `e0000000-0000-4000-8000-00000000000${i}`,
        scope: RG,
        principalId: GROUPS['prod-db-admins'],
        roleDefinitionId: OWNER,
      });
    s.twin.state.armRoleAssignments.push({
      id: 'e0000000-0000-4000-8000-0000000000e9',
      scope: RG,
      principalId: MORE['last-page'],
      roleDefinitionId: CONTRIBUTOR,
    });
    // Every assignment is at rg-app or above it, so one listing at rg-app holds them all.
    const pages = Math.ceil(s.twin.state.armRoleAssignments.length / s.twin.state.armPageSize);
    s.twin.log.clear();
    const sweep = await s.revoke({ inputs: { dashboard: 'true' } });
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    for (const [name, user] of [
      ['DRIFT', 'monalisa'],
      ['MANAGEMENT GROUP', 'hubot'],
      ['OWNER ABOVE', 'owner-above'],
      ['OWNER THROUGH A GROUP', 'owner-by-group'],
      ['ELIGIBLE', 'eligible'],
      ['LAST PAGE', 'last-page'],
    ] as const)
      assert.ok(!holders(s).includes(user), `${name}: the assignment nobody requested at the scope is removed: ${sweep.stdout}`);
    assert.deepEqual(holders(s), [GROUPS['k8s-prod-operators']], 'DRIFT: the group’s is reported, not removed');
    assert.deepEqual(
      holders(s, OWNER),
      [...Array<string>(5).fill(GROUPS['prod-db-admins']), 'octocat'].sort(),
      'DRIFT: another role at the scope is not this entry',
    );
    assert.match(sweep.summary, new RegExp(`app-rg-contributor: other ${GROUPS['k8s-prod-operators']} reported, not removed`), 'DRIFT: the group is reported');

    assert.ok(
      s.twin.armAssignments().some((a) => a.scope === MG),
      'MANAGEMENT GROUP: the management group’s is not the entry’s',
    );
    assert.match(
      removalCheck(sweep, USERS.hubot),
      /still holds the role at \S+\/resourceGroups\/rg-app through an assignment at \/providers\/Microsoft\.Management\/managementGroups\/platform \(inherited\)/,
      `MANAGEMENT GROUP: ${sweep.summary}`,
    );
    assert.match(
      removalCheck(sweep, MORE['owner-above']),
      /still holds Owner at \/subscriptions\/0a1b2c3d-0000-4000-8000-0000000000a1, which includes this role(?:'|&#39;)s rights at \S+\/resourceGroups\/rg-app/,
      `OWNER ABOVE: ${sweep.summary}`,
    );
    assert.match(
      removalCheck(sweep, MORE['owner-by-group']),
      new RegExp(
        `still holds Owner through the group ${GROUPS['billing-readers']}, assigned Owner at /subscriptions/0a1b2c3d-0000-4000-8000-0000000000a1, which includes`,
      ),
      `OWNER THROUGH A GROUP: ${sweep.summary}`,
    );
    assert.match(
      removalCheck(sweep, MORE.eligible),
      /can activate the role at \S+\/resourceGroups\/rg-app again through a PIM for Azure resources eligibility/,
      `ELIGIBLE: ${sweep.summary}`,
    );
    assert.ok(
      s.twin.log.count('arm', (r) => r.path.endsWith('/roleAssignments') && r.method === 'GET') >= pages,
      `LAST PAGE: every page was read (${pages} in one listing)`,
    );

    const dashboard = [...s.twin.state.repos.get('acme/access')!.issues.values()].find((i) => i.labels.includes('access-dashboard'))!;
    assert.match(
      dashboard.body,
      /PRIVILEGED\\: Azure role Contributor at \/subscriptions\/0a1b2c3d-0000-4000-8000-0000000000a1\/resourceGroups\/rg-app; allows \\\* except Microsoft\.Authorization\/\\\*\/Delete/,
      'CONFERS',
    );
  }));

test('the delegation condition: a policy role outside the app’s condition is refused by Azure (403), said with the fix, and nothing is assigned', () =>
  azureWorld({ backend: 'azure-role', role: 'Owner', allowed: [CONTRIBUTOR] }, async (s) => {
    const { pull, file } = requestFor(s, 'hubot', 60 * 60_000);
    const run = await s.grant(s.merge(pull));
    assert.notEqual(run.exitCode, 0, 'a grant that was not made fails the run');
    assert.deepEqual(holders(s, OWNER), []);
    const item = items(run).find((i) => i.file === file);
    assert.match(`${item?.detail ?? ''} ${run.stdout}`, /Azure did not assign the role: 403 AuthorizationFailed/);
  }));

// Three requests in one world, each its own case: monalisa's short one ends in Azure by itself
// (ENDS ITSELF), hubot's is moved by a second, longer request (LONGER), octocat's is withdrawn within 5
// minutes (WITHDRAWN). One grant run makes all three. When the longer request is deleted, the end moves
// back to the remaining one, by the same rule as moving it later (the rule:
// test/unit/azure-entries.test.ts 'azure-pim: an assignment whose end is later than ...'), shown end
// to end for PIM for Groups in test/e2e/pim.test.ts ('... deleting requests moves it back ...').
test('azure-pim: a grant is a PIM for Azure resources assignment with the request end, and Azure ends it then, with no call from anyone; a second, longer request moves the end of the assignment in force (AdminUpdate); a grant withdrawn within 5 minutes has its end moved to PIM’s floor, said in the run, and Azure ends it then', () =>
  azureWorld({ backend: 'azure-pim' }, async (s) => {
    const expiresIn = 10 * 60_000;
    const short = requestFor(s, 'monalisa', expiresIn);
    const first = requestFor(s, 'hubot', 60 * 60_000);
    const withdrawn = requestFor(s, 'octocat', 60 * 60_000);
    const start = s.merge(short.pull);
    s.merge(first.pull);
    const run = await s.grant({ before: start.before, after: s.merge(withdrawn.pull).after });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(items(run).find((i) => i.file === short.file)?.outcome, 'granted', run.stdout);
    assert.deepEqual(holders(s), ['hubot', 'monalisa', 'octocat']);
    const made = s.twin.state.armRoleAssignments.find((a) => a.principalId === USERS.monalisa)!;
    assert.ok(made.pim?.end && Math.abs(made.pim.end - (Date.now() + expiresIn)) < 120_000, 'ENDS ITSELF: the assignment ends with the request');
    // Each of the three assignments needs its own request: three calls are one each.
    assert.equal(
      s.twin.log.count('arm', (r) => r.path.includes('/roleAssignmentScheduleRequests/')),
      3,
      'ENDS ITSELF: one schedule request per grant',
    );
    const end = () => s.twin.armAssignments().find((a) => a.principalId === USERS.hubot)?.pim?.end ?? 0;
    const end1 = end();
    assert.ok(Math.abs(end1 - (Date.now() + 3_600_000)) < 120_000, 'LONGER: the first end');

    // hubot's second, longer request and octocat's withdrawal land together.
    const second = requestFor(s, 'hubot', 3 * 60 * 60_000);
    const drop = s.openPull('octocat', { files: { [withdrawn.file]: null } });
    s.review(drop, 'lead1');
    const longer = s.merge(second.pull);
    const early = await s.grant({ before: longer.before, after: s.merge(drop).after });
    assert.equal(early.exitCode, 0, early.stdout);
    assert.ok(end() > end1 + 90 * 60_000, 'LONGER: extended to the later request');
    assert.equal(s.twin.armAssignments().filter((a) => a.principalId === USERS.hubot).length, 1, 'LONGER: one assignment, its end moved');
    assert.match(early.stdout, /PIM refuses to end an assignment within 5 minutes of making it, so its end was moved to/, 'WITHDRAWN');
    const octocat = s.twin.armAssignments().find((a) => a.principalId === USERS.octocat)!;
    assert.ok(octocat.pim!.end! - Date.now() < 7 * 60_000, 'WITHDRAWN: it ends at the floor');

    // Azure ends them by its own clock: nothing of ours runs.
    s.twin.log.clear();
    s.twin.advance(7 * 60_000);
    assert.ok(!holders(s).includes('octocat'), 'WITHDRAWN: and Azure ended it then');
    s.twin.advance(expiresIn + 60_000 - 7 * 60_000);
    assert.deepEqual(holders(s), ['hubot'], 'ENDS ITSELF: Azure ended it on time');
    assert.equal(s.twin.log.records.length, 0, 'ENDS ITSELF: nothing of ours ran');
  }));

test('azure-pim: a request that was made but whose answer was lost is retried, PIM answers RoleAssignmentExists, and the end is moved (never taken as done with the old end)', () =>
  azureWorld({ backend: 'azure-pim' }, async (s) => {
    // The AdminAssign takes effect, then the connection drops (a timeout that happened): the SDK sends it again.
    s.twin.faults.add({ service: 'arm', kind: 'drop-after', times: 1, match: /^PUT .*roleAssignmentScheduleRequests/u });
    const { pull, file } = requestFor(s, 'hubot', 3 * 60 * 60_000);
    const run = await s.grant(s.merge(pull));
    assert.equal(run.exitCode, 0, run.stdout);
    const puts = s.twin.log.records.filter((r) => r.method === 'PUT' && r.path.includes('roleAssignmentScheduleRequests'));
    assert.deepEqual(
      puts.map((r) => r.status),
      [201, 400, 201],
      'the assign that happened, its retry answered RoleAssignmentExists, then the end moved (AdminUpdate)',
    );
    assert.match(JSON.stringify(items(run).find((i) => i.file === file)), /already assigned; its end was moved to the wanted one|granted/);
    const held = s.twin.armAssignments().find((a) => a.principalId === USERS.hubot)!;
    assert.ok(Math.abs(held.pim!.end! - (Date.now() + 3 * 3_600_000)) < 120_000, 'the end is the request’s');
  }));

test('policy: an azureRole entry names a known role or a definition id; an id entry cannot use an Azure backend', async () => {
  const { parsePolicy } = await import('../../src/policy/policy.ts');
  const base = (entry: string) => `version: 1\ngroups:\n  x:\n${entry}`;
  const ok = parsePolicy('p.yaml', base(`    azureRole: { role: key vault administrator, scope: "${RG}" }\n`));
  assert.equal(ok.policy?.groups.get('x')?.backend, 'azure-role');
  assert.equal(ok.policy?.groups.get('x')?.azureRole?.roleId, '00482a5a-887f-4fb3-b363-3b7fe8e74483');
  const unknown = parsePolicy('p.yaml', base(`    azureRole: { role: Wizard, scope: "${RG}" }\n`));
  assert.match(unknown.diagnostics[0]!.message, /"Wizard" is not a built-in role this tool knows by name .* Write the role's definition id instead/);
  const both = parsePolicy('p.yaml', base(`    id: ${GROUPS['billing-readers']}\n    azureRole: { role: Reader, scope: "${RG}" }\n`));
  assert.match(
    both.diagnostics[0]!.message,
    /has both "id" and "azureRole": keep one\. "id" grants membership of an Entra group; "azureRole" grants an Azure role at a scope\./,
  );
  const wrong = parsePolicy('p.yaml', base(`    id: ${GROUPS['billing-readers']}\n    backend: azure-pim\n`));
  assert.match(
    wrong.diagnostics[0]!.message,
    /names an Entra group \(id\), but backend: azure-pim works on Azure roles\. Use backend: membership \(group membership\) or pim/,
  );
  const badScope = parsePolicy('p.yaml', base(`    azureRole: { role: Reader, scope: "/subscriptions/nope" }\n`));
  assert.match(badScope.diagnostics[0]!.message, /scope/);
});

test("doctor judges the app's own Azure reach: the condition's extra roles and principal types, an unconditioned Owner, a scope it cannot write", () =>
  azureWorld({ backend: 'azure-role', allowed: [CONTRIBUTOR, OWNER] }, async (s) => {
    // The bundled cli.js, once here: the CLI's own bundle of the ARM client signing in and reading Azure.
    const wide = await runCli(s, ['doctor'], { cwd: s.repo.dir, entra: true, bundled: true });
    assert.match(
      wide.err,
      /warning: automation identity: the app can also grant Owner at \/subscriptions\/0a1b2c3d-0000-4000-8000-0000000000a1, which no policy entry there grants/,
    );
    assert.doesNotMatch(wide.err, /can also assign roles to groups/, 'the condition keeps it to users');

    const mine = s.twin.state.armRoleAssignments.find((a) => a.principalId === SERVICE_PRINCIPAL)!;
    delete mine.condition;
    mine.roleDefinitionId = OWNER;
    const owner = await runCli(s, ['doctor'], { cwd: s.repo.dir, entra: true });
    assert.match(owner.err, /the app holds Owner at \/subscriptions\/\S+ without a condition: it can give anyone any role there/);

    mine.scope = `${SUB}/resourceGroups/elsewhere`;
    const none = await runCli(s, ['doctor'], { cwd: s.repo.dir, entra: true });
    assert.notEqual(none.code, 0);
    assert.match(
      none.err,
      /error: "app-rg-contributor": Azure Resource Manager refused to list the role assignments at \/subscriptions\/\S+\/resourceGroups\/rg-app \(403/,
    );

    // Readable (Reader at the subscription) but not writable there: the exact command to give it, condition and all.
    s.twin.state.armRoleAssignments.push({
      id: 'b0000000-0000-4000-8000-0000000000r1',
      scope: SUB,
      principalId: SERVICE_PRINCIPAL,
      roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    });
    const unwritable = await runCli(s, ['doctor'], { cwd: s.repo.dir, entra: true });
    assert.notEqual(unwritable.code, 0);
    assert.match(
      unwritable.err,
      new RegExp(
        `error: "app-rg-contributor": the app cannot write role assignments at \\S+/rg-app\\. Give it Role Based Access Control Administrator with the delegation condition .*: az role assignment create --assignee-object-id ${SERVICE_PRINCIPAL} --assignee-principal-type ServicePrincipal --role "Role Based Access Control Administrator" --scope ${SUB} --condition-version 2\\.0 --condition "\\(\\(!\\(ActionMatches\\{'Microsoft\\.Authorization/roleAssignments/write'\\}\\)\\) OR \\(@Request\\[Microsoft\\.Authorization/roleAssignments:RoleDefinitionId\\] ForAnyOfAnyValues:GuidEquals \\{${CONTRIBUTOR}\\}`,
      ),
    );

    // The conditioned writer at a management group above the subscription: ARM lists it at the entry's
    // scope (atScope() includes management groups), so doctor counts it, though no path shows it.
    const MG = '/providers/Microsoft.Management/managementGroups/platform';
    s.twin.state.armParents.set(SUB.toLowerCase(), MG);
    mine.scope = MG;
    mine.roleDefinitionId = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168';
    mine.condition = delegationCondition([CONTRIBUTOR]);
    const above = await runCli(s, ['doctor'], { cwd: s.repo.dir, entra: true });
    assert.doesNotMatch(above.err, /cannot write role assignments/, above.err);
    assert.doesNotMatch(above.err, /error: "app-rg-contributor"/, 'nothing wrong with the entry');
    assert.doesNotMatch(above.err, /can also grant/, "the condition there allows exactly the policy's role");
  }));

test('break-glass on an Azure role entry: the role is assigned at once, loudly, with a review issue; the sweep removes it after its end', () =>
  azureWorld({ backend: 'azure-role', extra: '    breakGlass: { maxDuration: 1h, requesters: ["@acme/sre"] }' }, async (s) => {
    const { run, out } = await dispatchBreakGlass(s, 'hubot', {
      group: ENTRY,
      duration: '30m',
      ticket: 'INC-77',
      reason: 'The app is down; restarting its web apps by hand',
    });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(out?.granted, true);
    assert.deepEqual(holders(s), ['hubot']);
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === 'warning' &&
          /^BREAK-GLASS: hubot is assigned Contributor at \/subscriptions\/\S+\/resourceGroups\/rg-app \(app-rg-contributor\) until /.test(a.message),
      ),
      run.stdout,
    );
    const during = await runCli(s, ['revoke', '--at', iso(Date.now() + 10 * 60_000)]);
    assert.equal(during.code, 0, during.err);
    assert.deepEqual(holders(s), ['hubot'], 'kept until its end');
    const after = await runCli(s, ['revoke', '--at', iso(Date.now() + 40 * 60_000)]);
    assert.equal(after.code, 0, after.err);
    assert.deepEqual(holders(s), [], 'removed after its end');
  }));

test('discover finds standing privileged Azure role assignments of users at the policy’s scopes (not the ones an entry manages) and proposes entries for them', () =>
  azureWorld({ backend: 'azure-role' }, async (s) => {
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml');
    s.approvedConfigChange({ '.github/access-policy.yaml': policy.replace('groups:\n', `azureScopes: ["${SUB}"]\ngroups:\n`) });
    s.twin.state.armRoleAssignments.push(
      { id: 'a7000000-0000-4000-8000-000000000001', scope: `${SUB}/resourceGroups/rg-data`, principalId: USERS.monalisa, roleDefinitionId: OWNER },
      { id: 'a7000000-0000-4000-8000-000000000002', scope: `${SUB}/resourceGroups/rg-data`, principalId: USERS.octocat, roleDefinitionId: OWNER },
      // Managed by the policy's entry: a grant, not standing privilege.
      { id: 'a7000000-0000-4000-8000-000000000003', scope: RG, principalId: USERS.hubot, roleDefinitionId: CONTRIBUTOR },
      // Not privileged.
      { id: 'a7000000-0000-4000-8000-000000000004', scope: RG, principalId: USERS.hubot, roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' },
    );
    const run = await runCli(s, ['discover'], { cwd: s.repo.dir, entra: true });
    assert.equal(run.code, 0, run.err);
    assert.match(
      run.out,
      /^Azure role Owner at \/subscriptions\/\S+\/resourceGroups\/rg-data PRIVILEGED: held around the clock by 2 users; proposed entry "owner-rg-data"/m,
    );
    assert.match(run.out, /monalisa@contoso\.com\s+-> just-in-time/);
    assert.doesNotMatch(run.out, /Azure role Contributor at/, 'the entry already manages it');
    assert.doesNotMatch(run.out, /Azure role Reader/);

    s.repo.git('config', 'user.name', 'Sec Lead');
    s.repo.git('config', 'user.email', 'sec1@example.com');
    const write = await runCli(s, ['discover', '--write'], { cwd: s.repo.dir, entra: true });
    assert.equal(write.code, 0, write.err);
    const proposed = s.repo.git('show', 'HEAD:.github/access-policy.yaml');
    assert.match(proposed, /owner-rg-data:\n\s+azureRole:\n\s+role: Owner\n\s+scope: \/subscriptions\/\S+\/resourceGroups\/rg-data\n[\s\S]*?mode: audit/);
    const validate = await runCli(s, ['validate'], { cwd: s.repo.dir, entra: false });
    assert.equal(validate.code, 0, validate.err + validate.out);
  }));

// What approving confers for a custom role named by id (privileged when its actions can write role
// assignments, named as Azure names it) is a rule (the rule: test/unit/azure-entries.test.ts 'what
// approving confers: a custom role named by id ...'). The role's definition read from Azure at the entry's scope,
// and what it allows in the dashboard, privileged marked, are in the one azure-role sweep above.

test('the CLI knows Azure role entries: new writes a valid request, plan says what merging would assign, the form lists the entry', () =>
  azureWorld({ backend: 'azure-role' }, async (s) => {
    s.repo.git('switch', '-q', '-c', 'ask');
    const made = await runCli(s, ['new', '--group', ENTRY, '--for', '1h', '--justification', 'Roll back the web app for INC-812', '--requester', 'hubot'], {
      cwd: s.repo.dir,
      entra: false,
    });
    assert.equal(made.code, 0, made.err);
    assert.match(made.out, new RegExp(`requests/${ENTRY}/hubot-`));
    const valid = await runCli(s, ['validate'], { cwd: s.repo.dir, entra: false });
    assert.equal(valid.code, 0, valid.err + valid.out);
    s.repo.git('add', '-A');
    s.repo.git('commit', '-qm', 'ask');
    const plan = await runCli(s, ['plan', '--base', 'main'], { cwd: s.repo.dir, entra: false });
    assert.equal(plan.code, 0, plan.err);
    assert.match(
      plan.out,
      /would give hubot the Azure role Contributor at \/subscriptions\/\S+\/resourceGroups\/rg-app \(app-rg-contributor\) for 1h from the merge/,
      plan.out,
    );
    const form = await runCli(s, ['form'], { cwd: s.repo.dir, entra: false });
    assert.equal(form.code, 0, form.err + form.out);
    assert.match(readFileSync(join(s.repo.dir, '.github/ISSUE_TEMPLATE/access-request.yml'), 'utf8'), /app-rg-contributor/);
  }));

// A refusal by the role's own settings (ExpirationRule) takes the same path as the refusal here (the
// schedule request refused, the grant failed with Azure's code and words; the rule:
// test/unit/azure-entries.test.ts 'azure-pim: the role setting’s ExpirationRule refuses ...'.
test('azure-pim under a delegation condition only: Azure refuses the request (the twin, where PIM is not documented to honour conditions), and doctor says what the entry needs', () =>
  azureWorld({ backend: 'azure-pim', conditionedOnly: true }, async (s) => {
    const { pull } = requestFor(s, 'hubot', 60 * 60_000);
    const run = await s.grant(s.merge(pull));
    assert.notEqual(run.exitCode, 0);
    assert.deepEqual(holders(s), []);
    assert.match(run.stdout, /PIM did not make the assignment: 403 AuthorizationFailed/);
    const doctor = await runCli(s, ['doctor'], { cwd: s.repo.dir, entra: true });
    assert.match(
      doctor.err,
      /error: "app-rg-contributor": PIM for Azure resources makes this entry's assignments, and it is not documented to honour a delegation condition/,
    );
  }));

test('the report counts the automation in the blast radius where it may write Azure role assignments (heavier without a condition)', () =>
  azureWorld({ backend: 'azure-role' }, async (s) => {
    const report = await runCli(s, ['report'], { cwd: s.repo.dir, entra: true });
    assert.equal(report.code, 0, report.err);
    assert.match(report.out, /\| automation\\?: writes Azure role assignments \| privileged \| 0 \| 1 \| 168 \|/);
    delete s.twin.state.armRoleAssignments.find((a) => a.principalId === SERVICE_PRINCIPAL)!.condition;
    const open = await runCli(s, ['report'], { cwd: s.repo.dir, entra: true });
    assert.match(open.out, /\| automation\\?: writes Azure role assignments \\?\(no condition\\?\) \| /);
  }));
