// docs/threat-model.md 24-26: hostile YAML is refused before any work, with a clear message and no crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { judgeRequest } from '../../src/request/verdict.ts';
import { CONFIG_LIMITS, loadYaml, REQUEST_LIMITS } from '../../src/yaml/safe-load.ts';
import { parsePolicy } from '../../src/policy/policy.ts';
import { NOW, fixtureConfig } from '../helpers/config.ts';

const config = await fixtureConfig();
const PATH = 'requests/k8s-prod-operators/octocat-x.yaml';

function judge(input: string | Uint8Array) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return judgeRequest(PATH, { size: bytes.length, bytes }, config, NOW);
}

function errorsOf(input: string | Uint8Array): string[] {
  const verdict = judge(input);
  assert.equal(verdict.valid, false);
  const errors = verdict.diagnostics.filter((d) => d.severity === 'error');
  for (const e of errors) assert.doesNotMatch(e.message, /\n\s+at /, 'no stack trace');
  return errors.map(formatDiagnostic);
}

function onlyError(input: string | Uint8Array): string {
  const errors = errorsOf(input);
  assert.equal(errors.length, 1, errors.join('\n'));
  return errors[0]!;
}

test('a 10 MB request is refused by its size, before parsing', () => {
  const big = 'justification: "' + 'x'.repeat(10 * 1024 * 1024) + '"\n';
  assert.match(onlyError(big), /:1:1: error: the file is 10485778 bytes; the limit is 16384 bytes/);
});

test('a file just over the limit is refused; the limit itself is accepted by the size check', () => {
  const at = (n: number) => 'justification: "' + 'x'.repeat(n - 18) + '"\n';
  assert.equal(new TextEncoder().encode(at(REQUEST_LIMITS.maxBytes)).length, REQUEST_LIMITS.maxBytes);
  assert.doesNotMatch(formatDiagnostic(judge(at(REQUEST_LIMITS.maxBytes)).diagnostics[0]!), /bytes; the limit/);
  assert.match(onlyError(at(REQUEST_LIMITS.maxBytes + 1)), /the limit is 16384 bytes/);
});

test('a billion-laughs alias bomb is refused at its first anchor and alias, without expanding', () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const errors = errorsOf(lines.join('\n'));
  assert.deepEqual(
    errors.map((e) => e.replace(/^[^:]+:/, '').replace(/ are not allowed.*/, '')),
    ['1:7: error: anchors (&a)', '2:8: error: aliases (*a)'],
    'one message per kind, at its first place, not one per alias',
  );
});

test('a billion-laughs bomb in the policy (1 MiB limit) is refused the same way', () => {
  const text = 'version: 1\ngroups:\n  x: &x { id: 5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11 }\n  y: *x\n';
  const result = parsePolicy('.github/access-policy.yaml', text);
  assert.equal(result.policy, undefined);
  assert.match(result.diagnostics.map(formatDiagnostic).join('\n'), /anchors \(&x\) are not allowed[\s\S]*aliases \(\*x\) are not allowed/);
});

test('a cyclic alias is refused', () => {
  const errors = errorsOf('a: &a [*a]\n');
  assert.ok(errors.length >= 1 && errors.length <= 2);
  assert.match(errors.join('\n'), /anchors \(&a\)|aliases \(\*a\)|invalid YAML/);
});

test('5,000 nested flow brackets are refused before the parser recurses into them', () => {
  const deep = 'justification: ' + '['.repeat(5_000) + ']'.repeat(5_000) + '\n';
  assert.match(onlyError(deep), /:1:24: error: nesting is deeper than 8 levels/);
});

test('deeply nested block sequences and maps are refused too', () => {
  assert.match(onlyError('- '.repeat(3000) + 'x\n'), /:1:65: error: nesting is deeper than 8 levels/);
  let nested = '';
  for (let i = 0; i < 100; i++) nested += ' '.repeat(i) + 'k:\n';
  assert.match(onlyError(nested), /nesting is deeper than 8 levels/);
});

test('brackets inside quoted text and comments do not count as nesting', () => {
  const verdict = judge(
    'version: 1 # [[[[[[[[[[[[\nrequester: octocat\ngroup: k8s-prod-operators\nexpires: "2030-01-01T09:00:00Z"\njustification: "[[[[[[[[[[[[[[[[ brackets in text"\n',
  );
  assert.equal(verdict.valid, true, verdict.diagnostics.map(formatDiagnostic).join('\n'));
});

test('a thousand documents are refused as more than one document', () => {
  assert.match(onlyError('a: 1\n' + '---\na: 1\n'.repeat(1000)), /:2:1: error: a file holds exactly one YAML document/);
});

test('bytes that are not UTF-8 are refused', () => {
  const latin1 = Uint8Array.from([...new TextEncoder().encode('justification: "caf'), 0xe9, 0x22, 0x0a]);
  assert.match(onlyError(latin1), /not valid UTF-8/);
});

test('UTF-16 (as some Windows editors save) is refused as not UTF-8', () => {
  const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'version: 1\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
  assert.match(onlyError(utf16), /not valid UTF-8|control character U\+0000/);
});

test('a NUL byte or other control character is refused with its position', () => {
  assert.match(onlyError('version: 1\njustification: "a\u0000b"\n'), /:2:18: error: the file contains the control character U\+0000/);
  assert.match(onlyError('version: 1\u001b[31m\n'), /:1:11: error: the file contains the control character U\+001B/);
});

test('every limit is smaller for requests than for configuration', () => {
  assert.ok(REQUEST_LIMITS.maxBytes < CONFIG_LIMITS.maxBytes);
  assert.ok(REQUEST_LIMITS.maxDepth <= CONFIG_LIMITS.maxDepth);
});

test('loadYaml returns plain data without prototype tricks', () => {
  const result = loadYaml('x.yaml', 'a: { b: 1 }\n', REQUEST_LIMITS);
  assert.ok(result.ok);
  assert.deepEqual(result.yaml.value, { a: { b: 1 } });
  assert.equal(Object.getPrototypeOf({}).polluted, undefined);
});

test('a key repeated in a nested or a flow map is refused at the repeat; equal values are one key, 1 and "1" are two', () => {
  const at = (text: string) => {
    const r = loadYaml('.github/access-policy.yaml', text, CONFIG_LIMITS);
    assert.equal(r.ok, false, text);
    return r.ok ? '' : r.diagnostics.map(formatDiagnostic).join('\n');
  };
  assert.equal(at('a:\n  b: 1\n  c: 2\n  b: 3\n'), '.github/access-policy.yaml:4:3: error: this key appears twice. Keep only one of them.');
  assert.match(at('a: { x: 1, y: 2, x: 3 }\n'), /:1:18: error: this key appears twice/);
  // The first repeat in the file's order, though the outer map is checked before the inner one.
  assert.match(at('a:\n  b: 1\n  b: 2\nc: 1\na: 2\n'), /:3:3: error: this key appears twice/);
  assert.match(at('1: x\n1.0: y\n'), /:2:1: error: this key appears twice/);
  assert.equal(loadYaml('x.yaml', '1: x\n"1": y\n', CONFIG_LIMITS).ok, true);
});
