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

test("the README's workflow table gives each template workflow's permissions, environment and schedule as the files do", async () => {
  const { parse } = await import('yaml');
  const rows = new Map(
    [...readme.matchAll(/^\| `(access-[a-z-]+\.yml)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => [m[1]!, { runs: m[2]!, permissions: m[3]! }]),
  );
  const dir = `${root}template/.github/workflows/`;
  const { readdirSync } = await import('node:fs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
  assert.deepEqual([...rows.keys()].sort(), files.sort(), 'one row per template workflow');
  for (const file of files) {
    const w = parse(readFileSync(dir + file, 'utf8')) as {
      permissions: Record<string, string>;
      on: Record<string, unknown>;
      jobs: Record<string, { environment?: string | { name: string } }>;
    };
    const row = rows.get(file)!;
    const listed = Object.fromEntries([...row.permissions.matchAll(/`([a-z-]+): ([a-z]+)`/g)].map((m) => [m[1]!, m[2]!]));
    assert.deepEqual(listed, w.permissions, `${file}: the README lists its permissions as the file has them`);
    const envs = Object.values(w.jobs).map((j) => (typeof j.environment === 'string' ? j.environment : j.environment?.name));
    for (const env of envs) {
      if (env === undefined) assert.doesNotMatch(row.permissions, /environment/, `${file} runs in no environment`);
      else if (env.includes('access-read')) assert.match(row.permissions, /environment `access-read` \(with the read-only app\), else `access-grant`/, file);
      else assert.match(row.permissions, new RegExp(`environment \`${env}\``), file);
    }
    if ('schedule' in w.on) assert.match(row.runs, /every 15 minutes|daily/, file);
  }
});
