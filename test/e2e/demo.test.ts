// The README's main command must not silently break: run the demo and check its key outcomes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('npm run demo: rejected on its lines, granted with the out-of-band member removed, self-approval refused, a form request, the dashboard, break-glass, expired removed, a PIM grant ended by Entra, report; exit 0', async () => {
  const demo = fileURLToPath(new URL('../../scripts/demo.ts', import.meta.url));
  const child = spawn(process.execPath, [demo], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr + stdout);
  assert.match(stdout, /ERROR requests\/k8s-prod-operators\/octocat-drain\.yaml:6:1\n\s+unknown key "role"/);
  assert.match(stdout, /added\s+requests\/k8s-prod-operators\/octocat-chg-310\.yaml\s+->\s+valid\n\s+check: passed/);
  assert.match(
    stdout,
    /members before: outsider@contoso\.com\n\s+members after: {2}octocat@contoso\.com\n.*the member added by hand, with no request, is gone too/,
  );
  assert.match(stdout, /grant: refused: .*@hubot is the requester/);
  assert.match(stdout, /user octocat@contoso\.com removed \(ended: requests\/k8s-prod-operators\/octocat-chg-310\.yaml\)/);
  assert.match(stdout, /members after the sweep: \(none\)/);
  assert.match(
    stdout,
    /Entra \(PIM\) ends the assignment at [\d:TZ.-]+ by itself\.\n\s+members now: monalisa@contoso\.com\n\s+the twin's clock moves past \S+ \(no workflow ran since: 0 calls\): members \(none\)/,
  );
  assert.match(stdout, /answer on #3: The request is valid\. It grants access for 4h from the merge/);
  assert.match(stdout, /monalisa follows the link and opens pull request #4; its check: passed/);
  assert.match(
    stdout,
    /dashboard #5: created, pinned[\s\S]*\| #4 \| monalisa \| billing-readers \| 0 of 1 \|[\s\S]*the next sweep, with nothing changed: unchanged/,
  );
  assert.match(
    stdout,
    /BREAK-GLASS: hubot is a member of k8s-prod-operators until \S+, without review\. Code owners review it in #(\d+)\.\n\s+members: hubot@contoso\.com, octocat@contoso\.com\n\s+review issue #\1: Break-glass: hubot in k8s-prod-operators/,
  );
  // The reviewer: what approving k8s-prod-operators confers, from the dashboard, and a policy change's plan.
  assert.match(
    stdout,
    /tells alice and hubot:\n\s+k8s-prod-operators confers: ⚠️ PRIVILEGED: Entra role Global Administrator \(tenant\), through Tier 0 Admins \(PIM owner, on activation\)/,
  );
  assert.match(stdout, /WARNING requests\/k8s-prod-operators\/octocat-chg-311\.yaml\n\s+k8s-prod-operators confers privileged access .* asks for 1 approval/);
  assert.match(stdout, /configuration change: billing-readers switches from audit to enforce/);
  assert.match(stdout, /Slack: :rotating_light: \*BREAK-GLASS access granted\*: hubot granted themselves k8s-prod-operators/);
  assert.match(stdout, /## Access report[\s\S]*\| k8s-prod-operators \| enforce \| 0 \| 0 \| 0 \| 0 \|/);
  assert.match(stdout, /Last successful sweep: [\d-]+ [\d:]+ UTC \(3m ago\)\./, 'the sweep the demo ran, three minutes before the report');
  // Figures an auditor would not misread (issue 33): the same on every machine, however slow.
  assert.match(
    stdout,
    /\| k8s-prod-operators \| 1 \| 30m \| 30m \| 0 \| the sweep \|/,
    "octocat's 90-minute request was removed by a sweep half an hour after its end",
  );
  assert.match(stdout, /user hubot@contoso\.com removed \(ended: break-glass run 501/, 'the removal names the break-glass use that ended');
  const glassLate = Number(
    /"break-glass","k8s-prod-operators","hubot",[^\n]*"expired","[^"]+","the first successful grant or sweep run that started after the end","(\d+)"/.exec(
      stdout,
    )?.[1],
  );
  assert.ok(glassLate >= 0 && glassLate <= 15, `break-glass was removed by the next scheduled sweep, at most 15 minutes on (${glassLate})`);
  assert.match(stdout, /Besides, 1 standing member holds groups that are not privileged/, 'the headline says what the table lists besides');
  assert.doesNotMatch(stdout, /(\| [\d-]+ \| not recorded \| 0 \| 0 \|\n\s*){2}/, 'empty weeks are one row, not thirteen');
  assert.match(stdout, /\| the 12 weeks before \| not recorded \| 0 \| 0 \|/);
  assert.match(stdout, /\| billing-readers \| 1 \| on time \| on time \| 0 \| Entra \(PIM for Groups\) \|/);
  // The auditor's evidence: a file with one row per grant, octocat's removed by the sweep.
  assert.match(
    stdout,
    /kind,group,requester,entraUser,justification,ticket,source,pullRequest,approvals,grantedAt,plannedEnd,endedAt,endedHow,removedAt,removedBy,lateMinutes/,
  );
  assert.match(
    stdout,
    /"request","k8s-prod-operators","octocat",[^\n]*"expired","[^"]+","the first successful grant or sweep run that started after the end","3[01]"/,
  );
  // Discovery: the standing privilege outside the policy, the proposal, and the blast radius after onboarding.
  assert.match(stdout, /Finance Admins \(\S+\) PRIVILEGED: proposed folder "finance-admins"\n\s+found because it holds an administrator role of Payroll/);
  assert.match(
    stdout,
    /monalisa@contoso\.com\s+never\s+-> just-in-time: no sign-in in the last 30 days; the last on \d{4}-\d\d-\d\d\n\s+Payroll: 0 of 30 days, not used/,
  );
  assert.match(stdout, /hubot@contoso\.com\s+daily\s+-> standing: uses Payroll on 22 of the last 30 days/);
  assert.match(stdout, /Wrote the proposal on branch onboard-finance-admins: finance-admins, platform-admins join the policy in audit mode/);
  assert.match(stdout, /\| finance-admins \| privileged \| 2 \| 1 \| 504 \| 0 \/ 0 \/ 0 \| 30 \|/);
  // Permission-level: Contributor on a resource group for an hour through PIM for Azure resources, ended by Azure.
  assert.match(
    stdout,
    /app-rg-contributor: user octocat@contoso\.com assigned \(Azure PIM: the service ends it at \S+\) \(active: requests\/app-rg-contributor\/octocat-hotfix\.yaml\)/,
  );
  assert.match(
    stdout,
    /Contributor at rg-app: octocat@contoso\.com until \S+\n\s+the twin's clock moves past \S+ \(no workflow ran since: 0 calls\): Contributor at rg-app: \(none\)/,
  );
  const file = /the auditor's evidence in (\S+\.csv),/.exec(stdout)?.[1];
  assert.ok(file && existsSync(file), 'the evidence file is there to open');
  rmSync(file, { force: true });
  const seconds = Number(/Demo finished in ([\d.]+) s/.exec(stdout)?.[1]);
  assert.ok(seconds > 0, 'the demo reports its own duration');
});
