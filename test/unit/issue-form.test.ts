// A request through the issue form, as pure functions: the answer is judged by validate's rules, says
// each problem on the answer that made it, and shows issue text only inside code blocks.
// test/e2e/issue-form.test.ts shows a user the answers once through the bundled action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerBody, answerIssue } from '../../src/commands/issue-request.ts';
import { judgeChanges } from '../../src/commands/validate.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { checkScope } from '../../src/pr/rules.ts';
import type { RepoFiles } from '../../src/repo/files.ts';
import { NOW, fixtureConfig } from '../helpers/config.ts';
import { formBody, outsideCode } from '../helpers/issue-form.ts';

const config = await fixtureConfig();
const none = () => false;
const where = { serverUrl: 'https://github.com', owner: 'acme', repo: 'access', defaultBranch: 'main' };
const SCHEMA = '../../schemas/access-request.schema.json';

const answer = (author: string, body: string) => answerIssue({ number: 101, author, body }, config, NOW, none, where, SCHEMA);

/** Files as a commit holds them. */
function files(contents: Record<string, string>): RepoFiles {
  return {
    where: 'the pull request',
    read: async (path) => {
      const text = contents[path];
      if (text === undefined) return undefined;
      const bytes = new TextEncoder().encode(text);
      return { size: bytes.length, bytes };
    },
    list: async () => Object.keys(contents),
  };
}

test("the form's file, committed from GitHub's editor by the issue's author, is a request validate accepts", async () => {
  const a = answer('hubot', formBody({ group: 'k8s-prod-operators', duration: '1h', justification: 'Drain the node pool for CHG-310' }));
  assert.ok(a.ok, a.ok ? '' : a.problems.join('\n'));
  // The link opens the editor with exactly this file at this path.
  const link = new URL(a.link);
  assert.equal(link.searchParams.get('filename'), a.path);
  assert.equal(link.searchParams.get('value'), a.text);
  // The pull request the editor makes: this one file, added, by the issue's author.
  const changes = [{ path: a.path, status: 'added' as const }];
  assert.deepEqual(checkScope(changes), []);
  const report = await judgeChanges(config, changes, files({}), files({ [a.path]: a.text }), NOW + 60_000, 'hubot');
  assert.equal(report.verdicts.length, 1);
  assert.equal(report.verdicts[0]!.valid, true, report.verdicts[0]!.diagnostics.map(formatDiagnostic).join('\n'));
  assert.equal(report.verdicts[0]!.request?.requester, 'hubot');
  // The check can fail: the same file in a pull request by someone else is refused.
  const other = await judgeChanges(config, changes, files({}), files({ [a.path]: a.text }), NOW + 60_000, 'octocat');
  assert.equal(other.verdicts[0]!.valid, false);
});

test('an answer that is no duration is named as the Duration answer, in plain words', () => {
  const a = answer('octocat', formBody({ group: 'secret-admins', duration: 'three weeks', justification: 'x' }));
  assert.ok(!a.ok);
  assert.match(a.problems.join('\n'), /^Duration: "three weeks" is not a duration\./m);
  assert.match(answerBody(a), /This request cannot be made yet/);
});

test('a hostile group name is refused, and the answer shows it only inside a code block', () => {
  const hostile =
    'Need it now @acme/sre-leads ![x](https://evil.example/x.png) [click](https://evil.example) <img src=x onerror=alert(1)>\n::error::forged\n```\n## injected heading\n$(touch /tmp/pwned) `id`';
  const live = (body: string) => {
    const text = outsideCode(body);
    for (const bad of ['evil.example', '@acme', '<img', '## injected', 'touch']) assert.ok(!text.includes(bad), `"${bad}" outside a code block:\n${text}`);
  };
  const group = answer('hubot', formBody({ group: '[x](https://evil.example) @acme/sre-leads', duration: '1h', justification: hostile }));
  assert.ok(!group.ok);
  live(answerBody(group));
  // A problem that quotes what was given (here the duration) quotes it inside the code block.
  const quoted = answer('hubot', formBody({ group: 'k8s-prod-operators', duration: '[x](https://evil.example) @acme/sre-leads', justification: hostile }));
  assert.ok(!quoted.ok);
  assert.ok(answerBody(quoted).includes('[x](https://evil.example) @acme/sre-leads'), 'the problem quotes the answer');
  live(answerBody(quoted));
});
