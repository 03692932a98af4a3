// The README tells the truth about the action and the set-up commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { actionDocs, replaceActionDocs } from '../../scripts/lib/action-docs.ts';
import { cliDocs, replaceCliDocs } from '../../scripts/lib/cli-docs.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

test("the README's inputs and outputs match action.yml (npm run docs regenerates them)", () => {
  assert.equal(replaceActionDocs(readme, actionDocs(`${root}action.yml`)), readme);
});

test("the README's command-line reference is the CLI's help (npm run docs regenerates it)", () => {
  assert.equal(replaceCliDocs(readme, cliDocs()), readme);
});

test('the README gives the two set-up commands, and .ci/run calls the same test command', () => {
  assert.match(readme, /npm ci && npm run demo/);
  assert.match(readme, /^npm test\b/m);
  assert.match(readFileSync(`${root}.ci/run`, 'utf8'), /^npm test$/m);
  const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.ok(scripts.demo && scripts.test);
});

test('the first hour: one docs index whose links all resolve, .node-version says the runtime the action uses, packed tarballs are ignored', () => {
  const index = readFileSync(`${root}docs/README.md`, 'utf8');
  for (const part of ['## Try it', '## Adopt it', '## Develop it']) assert.ok(index.includes(part), part);
  const links = [...index.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^https?:/.test(l));
  assert.ok(links.length >= 8);
  for (const link of links) assert.ok(existsSync(new URL(link, `file://${root}docs/`)), `docs/README.md links to ${link}, which does not exist`);
  const action = readFileSync(`${root}action.yml`, 'utf8');
  const runtime = /using: ['"]?node(\d+)/.exec(action)?.[1];
  assert.equal(readFileSync(`${root}.node-version`, 'utf8').trim(), runtime);
  assert.match(readFileSync(`${root}.gitignore`, 'utf8'), /^\*\.tgz$/m);
});
