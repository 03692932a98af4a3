// One fixture per rule (test/fixtures/requests). Each fixture's header names the path it is judged
// at and every diagnostic it must produce (line:column and words of the message), or "valid".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { judgeRequest } from '../../src/request/verdict.ts';
import { FIXTURES, NOW, fixtureConfig } from '../helpers/config.ts';

const dir = `${FIXTURES}requests/`;
const config = await fixtureConfig();

for (const name of readdirSync(dir).sort()) {
  const bytes = readFileSync(dir + name);
  const header = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const path = /^# path: (\S+)/m.exec(header)?.[1];
  const expected = [...header.matchAll(/^# expect: (.+?)\r?$/gm)].map((m) => m[1]!);
  test(`${name}: ${expected.join('; ')}`, () => {
    assert.ok(path, 'fixture names its path');
    const verdict = judgeRequest(path, { size: bytes.length, bytes }, config, NOW);
    const errors = verdict.diagnostics.filter((d) => d.severity === 'error');
    const shown = errors.map(formatDiagnostic).join('\n');
    if (expected[0] === 'valid') {
      assert.equal(shown, '', 'no errors');
      assert.equal(verdict.valid, true);
      assert.equal(verdict.request?.file, path);
      return;
    }
    assert.equal(verdict.valid, false);
    for (const want of expected) {
      const [, line, column, words] = /^(\d+):(\d+) (.+)$/.exec(want)!;
      const hit = errors.find((d) => d.line === Number(line) && d.column === Number(column) && d.message.includes(words!));
      assert.ok(hit, `expected ${want}\n got:\n${shown}`);
      assert.equal(hit.file, path);
    }
    assert.equal(errors.length, expected.length, `exactly the expected errors:\n${shown}`);
  });
}

test('no false green: a duration longer than the group allows is an error on the default branch too, not only in a pull request', () => {
  const file = 'requests/prod-db-admins/octocat-long.yaml';
  const text = 'version: 1\nrequester: octocat\ngroup: prod-db-admins\nduration: 50h\njustification: "Restore the replica after INC-1234"\nticket: INC-1234\n';
  const bytes = Buffer.from(text);
  for (const timing of ['strict', 'at-rest'] as const) {
    const verdict = judgeRequest(file, { size: bytes.length, bytes }, config, NOW, timing);
    const errors = verdict.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    assert.equal(verdict.valid, false, timing);
    assert.deepEqual(errors, [`${file}:4:11: error: "duration" is 2d2h; prod-db-admins allows at most 4h. Set duration: 4h or less.`], timing);
  }
});
