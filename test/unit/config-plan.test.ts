// The plan of a configuration change: what merging it does to the access in force and to who approves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { workingTree } from '../../src/repo/files.ts';
import { configPlan, pendingFlips } from '../../src/commands/config-plan.ts';
import { mayRequest, requesterStanding } from '../../src/policy/requesters.ts';
import { FIXTURES, fixtureConfig } from '../helpers/config.ts';

test('a configuration change is told what it ends, moves and leaves alone, and who gains or loses approval', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aac-config-plan-'));
  try {
    cpSync(`${FIXTURES}config`, dir, { recursive: true });
    const edit = (file: string, change: (text: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
    // billing-readers leaves the policy; prod-db-admins' maximum drops from 4h to 2h.
    edit('.github/access-policy.yaml', (t) => t.replace(/\n {2}billing-readers:[\s\S]*$/, '\n').replace('maxDuration: 4h', 'maxDuration: 2h'));
    // hubot leaves the identities; octocat is now another Entra user.
    edit('.github/access-identities.yaml', (t) => t.replace(/\n {2}hubot:.*/, '').replace('octocat@contoso.com', 'octo.cat@contoso.com'));
    // k8s-prod-operators' requests are approved by a second owner too.
    edit('.github/CODEOWNERS', (t) => t.replace('/requests/k8s-prod-operators/ @acme/sre-leads', '/requests/k8s-prod-operators/ @acme/sre-leads @lead3'));
    const head = await loadConfig(workingTree(dir));
    const base = await fixtureConfig();
    const lines = configPlan(base, head, [
      { file: 'requests/k8s-prod-operators/hubot-a.yaml', requester: 'hubot', group: 'k8s-prod-operators' },
      { file: 'requests/prod-db-admins/octocat-b.yaml', requester: 'octocat', group: 'prod-db-admins' },
      { file: 'requests/billing-readers/monalisa-c.yaml', requester: 'monalisa', group: 'billing-readers' },
    ]);
    const text = lines.join('\n');
    assert.match(
      text,
      /billing-readers leaves the policy: access-as-code stops managing Entra group c3a9e7d2-5b4f-4e1a-8c6d-9f2b7e1a3c58\. Its 1 active request \(monalisa\) keep their membership and are no longer removed when they end/,
    );
    assert.match(
      text,
      /prod-db-admins's longest request drops to 2h \(was 4h\) for requests merged after this change; its 1 active request keeps the end approved with it\./,
    );
    assert.match(
      text,
      /hubot leaves the identities: 1 active request \(k8s-prod-operators\) no longer name an Entra user, so that access ends at the next run\./,
    );
    assert.match(
      text,
      /octocat is now octo\.cat@contoso\.com in Entra \(was octocat@contoso\.com\): the access of 1 active request \(prod-db-admins\) moves to that user/,
    );
    assert.match(text, /requests\/k8s-prod-operators\/ is approved by @acme\/sre-leads, @lead3; gains @lead3\. Approvals already given stand\./);
    assert.equal(lines.length, 5, text);
    // The same configuration on both sides changes nothing.
    assert.deepEqual(configPlan(base, base, []), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pending pull requests whose verdict a configuration change flips: a group leaving, approvals too few or enough, a requester no longer listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aac-config-plan-'));
  try {
    cpSync(`${FIXTURES}config`, dir, { recursive: true });
    const file = join(dir, '.github/access-policy.yaml');
    // billing-readers leaves; k8s-prod-operators needs 2 approvals and names its requesters; prod-db-admins needs 1.
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/\n {2}billing-readers:[\s\S]*$/, '\n')
        .replace('    maxDuration: 2h\n', '    maxDuration: 2h\n    approvals: 2\n    requesters: [hubot]\n')
        .replace('approvals: 2\n    requireTicket: true', 'approvals: 1\n    requireTicket: true'),
    );
    const head = await loadConfig(workingTree(dir));
    const flips = pendingFlips(await fixtureConfig(), head, [
      { number: 7, author: 'monalisa', groups: ['billing-readers'], approvers: [] },
      { number: 8, author: 'hubot', groups: ['k8s-prod-operators'], approvers: ['lead1'] },
      { number: 9, author: 'monalisa', groups: ['k8s-prod-operators'], approvers: ['lead1', 'lead2'] },
      { number: 10, author: 'octocat', groups: ['prod-db-admins'], approvers: ['dba1'] },
    ]);
    assert.deepEqual(flips, [
      '#7 asks for billing-readers, which leaves the policy: it would be refused when merged.',
      '#8 (k8s-prod-operators) has 1 approval from code owners: enough now, too few after this change (2 needed).',
      '#9: monalisa may request k8s-prod-operators now, not after this change: it would be refused when merged.',
      '#10 (prod-db-admins) has 1 approval from code owners: too few now, enough after this change.',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rules once: the pending flips ask the one rule of who may request (mayRequest), so a team member or an "@login" entry is never said to be refused', async () => {
  const base = await fixtureConfig();
  const withRequesters = (requesters: string[]) => {
    const groups = new Map(base.policy.groups);
    groups.set('k8s-prod-operators', { ...groups.get('k8s-prod-operators')!, requesters });
    return { ...base, policy: { ...base.policy, groups } };
  };
  const pending = [{ number: 11, author: 'hubot', groups: ['k8s-prod-operators'], approvers: [] }];
  // hubot is a member of acme/sre: mayRequest admits him under each of these lists.
  const memberships = new Set(['acme/sre:hubot']);
  for (const after of [['acme/sre'], ['@acme/sre'], ['@hubot'], ['HUBOT']]) {
    assert.equal(mayRequest('hubot', after, memberships), true, after.join());
    assert.deepEqual(pendingFlips(base, withRequesters(after), pending), [], `no flip for ${after.join()}`);
  }
  // Where the rule is sure without teams, the flip is said.
  assert.deepEqual(pendingFlips(base, withRequesters(['monalisa']), pending), [
    '#11: hubot may request k8s-prod-operators now, not after this change: it would be refused when merged.',
  ]);
  assert.equal(requesterStanding('hubot', ['acme/sre'], undefined), 'unknown');
  assert.equal(requesterStanding('hubot', ['monalisa'], undefined), 'no');
  assert.equal(requesterStanding('hubot', undefined, undefined), 'yes');
});
