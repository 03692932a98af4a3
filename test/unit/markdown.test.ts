// One inline-code rule: text we did not write shows literally, whatever backticks, pipes or line breaks it holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeCell, codeFence, inlineCode } from '../../src/markdown.ts';

test('inline code is fenced longer than any backtick run inside, padded at a backtick edge, on one line', () => {
  assert.equal(inlineCode('requests/db/a.yaml'), '`requests/db/a.yaml`');
  assert.equal(inlineCode('a`b'), '``a`b``');
  assert.equal(inlineCode('`x``'), '``` `x`` ```');
  assert.equal(inlineCode('a\nb'), '`a b`');
  assert.equal(codeCell('a|b'), '`a\\|b`', 'a pipe would end the table cell');
  assert.equal(codeFence('x ``` y'), '````');
  assert.equal(codeFence('plain'), '```');
});
