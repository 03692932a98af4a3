// The policy, identities and CODEOWNERS: errors point at the line and say the fix.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, formatDiagnostic } from '../../src/diagnostics.ts';
import { loadConfig } from '../../src/config/config.ts';
import { parseIdentities } from '../../src/identities/identities.ts';
import { parsePolicy } from '../../src/policy/policy.ts';
import { workingTree } from '../../src/repo/files.ts';
import { HOUR_MS } from '../../src/duration.ts';

const P = '.github/access-policy.yaml';
const ID = '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11';

function policyErrors(text: string): string[] {
  const result = parsePolicy(P, text);
  assert.equal(result.policy, undefined, 'policy refused');
  return result.diagnostics.map(formatDiagnostic);
}

// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('config', () => {
  test('a group inherits defaults and built-in defaults', () => {
    const result = parsePolicy(
      P,
      `version: 1\ndefaults: { maxDuration: 2h, requireTicket: true }\ngroups:\n  a: { id: ${ID.toUpperCase()} }\n  b: { id: 8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13, approvals: 3, mode: audit }\n`,
    );
    assert.ok(result.policy);
    const a = result.policy.groups.get('a')!;
    assert.equal(a.id, ID, 'ids are lower-cased');
    assert.equal(a.maxDurationMs, 2 * HOUR_MS);
    assert.equal(a.approvals, 1);
    assert.equal(a.requireTicket, true);
    assert.equal(a.mode, 'enforce');
    assert.equal(a.reminderBeforeMs, HOUR_MS);
    const b = result.policy.groups.get('b')!;
    assert.equal(b.approvals, 3);
    assert.equal(b.mode, 'audit');
  });

  test('policy: unknown keys, bad ids, bad durations and bad modes point at their lines', () => {
    const errors = policyErrors(
      ['version: 1', 'groups:', '  a:', '    id: not-a-guid', '    maxDuration: 4 hours', '    mode: strict', '    approver: "@acme"', ''].join('\n'),
    );
    const text = errors.join('\n');
    assert.match(text, /:4:9: error: "groups\.a\.id" has the wrong form: the text "not-a-guid"\. An Entra object id/);
    assert.match(text, /:5:18: error: "groups\.a\.maxDuration" has the wrong form/);
    assert.match(text, /:6:11: error: "groups\.a\.mode" must be one of "enforce", "audit"/);
    assert.match(text, /:7:5: error: unknown key "approver"\. Allowed keys here: id, azureRole, description, maxDuration/);
  });

  test('policy: a misspelt key gets "did you mean" with the key it is nearest', () => {
    const errors = policyErrors(['version: 1', 'groups:', '  a:', `    id: ${ID}`, '    maxDuraton: 4h', ''].join('\n'));
    assert.match(errors.join('\n'), /:5:5: error: unknown key "maxDuraton"\. Did you mean "maxDuration"\? Allowed keys here:/);
  });

  test('policy: an invalid ticket pattern, a maximum under 5 minutes and a shared id are refused', () => {
    const text = policyErrors(
      ['version: 1', 'groups:', `  a: { id: ${ID}, ticketPattern: "^(INC" }`, `  b: { id: ${ID}, maxDuration: 4m }`, ''].join('\n'),
    ).join('\n');
    assert.match(text, /:3:65: error: "groups\.a\.ticketPattern" is not a valid regular expression/);
    assert.match(text, /:4:\d+: error: groups "a" and "b" have the same id/);
    assert.match(text, /:4:\d+: error: "groups\.b\.maxDuration" is 4m; it must be at least 5m/);
  });

  test('policy: group names must be folder-safe', () => {
    assert.match(policyErrors(`version: 1\ngroups:\n  Prod Admins: { id: ${ID} }\n`).join('\n'), /:3:3: error: the name "Prod Admins" is not allowed here/);
  });

  test('identities: a login listed twice in different case is refused; upn or id, not both', () => {
    const r1 = parseIdentities('.github/access-identities.yaml', 'version: 1\nusers:\n  octocat: { upn: a@b.c }\n  OctoCat: { upn: d@e.f }\n');
    assert.equal(r1.identities, undefined);
    assert.match(r1.diagnostics.map(formatDiagnostic).join('\n'), /:4:3: error: "OctoCat" and "octocat" are the same GitHub login/);
    const r2 = parseIdentities('.github/access-identities.yaml', `version: 1\nusers:\n  octocat: { upn: a@b.c, id: ${ID} }\n  hubot: {}\n`);
    assert.equal(r2.identities, undefined);
    const text = r2.diagnostics.map(formatDiagnostic).join('\n');
    assert.match(text, /:3:12: error: "users\.octocat" must have exactly one of its allowed keys/);
    assert.match(text, /:4:10: error: "users\.hubot" must have exactly one of its allowed keys/);
  });

  test('identities: logins are looked up without case', () => {
    const r = parseIdentities('.github/access-identities.yaml', 'version: 1\nusers:\n  OctoCat: { upn: octocat@contoso.com }\n');
    assert.deepEqual(r.identities?.users.get('octocat'), { upn: 'octocat@contoso.com' });
  });

  const made: string[] = [];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  function repoWith(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'aac-config-'));
    made.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  const POLICY = `version: 1\ngroups:\n  prod: { id: ${ID} }\n  stage: { id: 8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13 }\n`;
  const IDENTITIES = 'version: 1\nusers:\n  octocat: { upn: octocat@contoso.com }\n';

  async function configError(root: string): Promise<ConfigError> {
    return loadConfig(workingTree(root)).then(
      () => assert.fail('expected a configuration error'),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        return error;
      },
    );
  }

  test('a group without a code owner for its folder is a configuration error at the group', async () => {
    const root = repoWith({
      [P]: POLICY,
      '.github/access-identities.yaml': IDENTITIES,
      '.github/CODEOWNERS': '/requests/prod/ @acme/dba\n/requests/stage/ docs@example.com\n',
    });
    const error = await configError(root);
    const text = error.diagnostics.map(formatDiagnostic).join('\n');
    assert.match(text, /access-policy\.yaml:4:3: error: the group "stage" has no code owner for requests\/stage\/ in \.github\/CODEOWNERS/);
    assert.doesNotMatch(text, /"prod" has no code owner/);
  });

  test('an ownerless line after a broad one leaves the folder without owner', async () => {
    const root = repoWith({ [P]: POLICY, '.github/access-identities.yaml': IDENTITIES, '.github/CODEOWNERS': '* @acme/security\n/requests/prod/\n' });
    const text = (await configError(root)).diagnostics.map(formatDiagnostic).join('\n');
    assert.match(text, /"prod" has no code owner/);
  });

  test('missing files are named with what to create', async () => {
    const text = (await configError(repoWith({ 'README.md': 'x' }))).diagnostics.map(formatDiagnostic).join('\n');
    assert.match(text, /\.github\/access-policy\.yaml:1:1: error: \.github\/access-policy\.yaml is missing in the working tree/);
    assert.match(text, /\.github\/access-identities\.yaml is missing/);
    assert.match(text, /\.github\/CODEOWNERS is missing/);
  });

  test('CODEOWNERS is found where GitHub looks: .github/, then the root, then docs/', async () => {
    const root = repoWith({
      [P]: POLICY,
      '.github/access-identities.yaml': IDENTITIES,
      'docs/CODEOWNERS': '/requests/ @acme/approvers\n',
      CODEOWNERS: '/requests/ @acme/root-approvers\n',
    });
    const config = await loadConfig(workingTree(root));
    assert.equal(config.codeowners.file, 'CODEOWNERS');
  });

  test('standing exemptions need a reason and a review date; a bare id is refused with the entry rewritten', () => {
    const bare = policyErrors(`version: 1\ngroups:\n  a:\n    id: ${ID}\n    standing:\n      - 0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60\n`);
    assert.deepEqual(bare, [
      `${P}:6:9: error: standing exemptions now need a reason and a review date, so none is forgotten. Replace this entry with: - { id: 0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60, reason: "<why it keeps access, e.g. break-glass account>", review: "<YYYY-MM-DD, when to look at it again>" }`,
    ]);
    const missing = policyErrors(
      `version: 1\ngroups:\n  a:\n    id: ${ID}\n    standing: [{ id: 0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60, reason: "Break-glass account" }]\n`,
    );
    assert.match(missing.join('\n'), /review/);
    const notADate = policyErrors(
      `version: 1\ngroups:\n  a:\n    id: ${ID}\n    standing: [{ id: 0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60, reason: "Break-glass account", review: "2027-02-31" }]\n`,
    );
    assert.match(notADate.join('\n'), /"review" is 2027-02-31, which is not a date/);
  });

  test('an exemption past its review date is due; one ahead of it is not', async () => {
    const { exemptionsDue } = await import('../../src/policy/policy.ts');
    const result = parsePolicy(
      P,
      `version: 1\ngroups:\n  a:\n    id: ${ID}\n    standing:\n      - { id: 0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60, reason: "Break-glass account", review: "2026-11-01" }\n      - { id: 0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d61, reason: "Deployment service principal", review: "2027-11-01" }\n`,
    );
    assert.ok(result.policy);
    assert.deepEqual(result.policy.groups.get('a')!.standing, ['0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60', '0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d61']);
    const due = exemptionsDue(result.policy, Date.parse('2026-11-25T00:00:00Z'));
    assert.deepEqual(
      due.map((d) => [d.group, d.entry.id, d.entry.review, d.entry.position?.line]),
      [['a', '0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60', '2026-11-01', 6]],
    );
  });

  test('THREATS 52: a pim group whose maximum (or break-glass maximum) is over the 180 days PIM allows by default is refused at its line', () => {
    const text =
      'version: 1\ngroups:\n  ops:\n    id: 5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11\n    backend: pim\n    maxDuration: 200d\n    breakGlass: { maxDuration: 181d, requesters: [hubot] }\n  plain:\n    id: 8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13\n    maxDuration: 200d\n';
    const result = parsePolicy(P, text);
    assert.equal(result.policy, undefined);
    const lines = result.diagnostics.map(formatDiagnostic);
    assert.ok(
      lines.some((l) =>
        /^\.github\/access-policy\.yaml:6:\d+: error: "ops" has backend: pim, and 200d is longer than the 180 days PIM for Groups allows/.test(l),
      ),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => /:7:\d+: error: "ops" has backend: pim, and 181d/.test(l)),
      lines.join('\n'),
    );
    assert.equal(lines.filter((l) => /plain/.test(l)).length, 0, 'a membership group may be longer');
  });

  test('the policy is told in its own words: a bare number for a duration needs a unit, an over-indented line is not called a request', () => {
    const unit = policyErrors(['version: 1', 'groups:', `  a: { id: ${ID}, maxDuration: 4 }`, ''].join('\n')).join('\n');
    assert.match(unit, /"groups\.a\.maxDuration" is the number 4, which has no unit\. Write it with one: 4m \(minutes\) or 4h \(hours\)/);
    assert.doesNotMatch(unit, /quote it/);
    const indented = policyErrors(['version: 1', 'groups:', '  a:', `    id: ${ID}`, '      maxDuration: 4h', ''].join('\n')).join('\n');
    assert.match(indented, /:5:1: error: this line is indented more than line 4 above it[^\n]*Start it at the same column as the keys it belongs with\./);
    assert.doesNotMatch(indented, /request files/);
  });
});
