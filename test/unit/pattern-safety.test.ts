// THREATS 40: a ticketPattern runs on attacker text; patterns that could backtrack catastrophically
// are refused when the policy loads, with the line and a safe form to use instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backtrackingRisk } from '../../src/policy/pattern-safety.ts';
import { parsePolicy } from '../../src/policy/policy.ts';

const ID = '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11';

test('the usual ticket patterns are accepted', () => {
  for (const p of [
    '^INC-[0-9]+$',
    '^(INC|CHG)-[0-9]+$',
    '^[A-Z]{2,10}-\\d{1,6}$',
    '^(\\d{1,3}\\.){3}\\d{1,3}$',
    '^(?:INC|CHG)-[0-9]+$',
    '^[(+*]+$',
    '^INC-\\(\\d+\\)$',
  ]) {
    assert.equal(backtrackingRisk(p), undefined, p);
  }
});

test('nested repetition and repeated alternatives are refused', () => {
  for (const p of ['^(a+)+$', '^(a*)*$', '^(a|aa)*$', '^((ab)*)+$', '^(a+){2,}$', '^(?:x+y?)+$', '^(\\w+\\s?)*$']) {
    assert.ok(backtrackingRisk(p), p);
  }
});

test('the policy refuses such a pattern at its line, and the group is not usable with it', () => {
  const result = parsePolicy('.github/access-policy.yaml', `version: 1\ngroups:\n  a: { id: ${ID}, requireTicket: true, ticketPattern: "^(INC-[0-9]+)+$" }\n`);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 3);
  assert.match(
    errors[0]!.message,
    /"groups\.a\.ticketPattern" could take exponential time on a crafted ticket: a group that repeats inside is itself repeated \("\^\(INC-\[0-9\]\+\)\+"\)\. Write it without nested repetition/,
  );
});
