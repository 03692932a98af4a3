// The pinned root of trust (invariant 23, docs/threat-model.md 59) as rules over plain data: the input
// root-commit must be a full commit id, and a pinned root counts only while it is on the default
// branch's first-parent history. git and GitHub are plain objects here (the history as `git rev-list
// --first-parent` prints it); test/e2e/one-configuration.test.ts shows a user each once through the
// bundled action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../src/action/settings.ts';
import { approvedConfigurations, ROOT_COMMIT, RootMovedError } from '../../src/config/approved.ts';
import { CONFIG_PATHS } from '../../src/config/config.ts';
import { ConfigError } from '../../src/diagnostics.ts';
import type { CatFile, GitObject } from '../../src/git/cat-file.ts';
import type { Git } from '../../src/git/git.ts';
import type { GitHubFacts } from '../../src/github/graphql.ts';
import { FIXTURES } from '../helpers/config.ts';

const FIRST = 'a'.repeat(40);
const SECOND = 'b'.repeat(40);
const HEAD = 'c'.repeat(40);
/** Not on the history: the first commit of a rewritten main, or a new root merged as its first parent. */
const ELSEWHERE = 'd'.repeat(40);

/**
 * A repository whose first-parent history is FIRST, SECOND, HEAD, with the fixture configuration at every
 * commit and no later change to it. It answers only the first-parent listing: the root must be on the
 * line of the default branch's own commits, not on a merged branch's.
 */
const git: Git = {
  run: async (args) => {
    if (args[0] !== 'rev-list') return Buffer.from('');
    if (!args.includes('--first-parent')) throw new Error(`only the first-parent history is kept here, not: git ${args.join(' ')}`);
    return Buffer.from(`${HEAD}\n${SECOND}\n${FIRST}\n`);
  },
  tryRun: async () => Buffer.from(''),
  pipe: async () => Buffer.from(''),
  catFile: () => {
    throw new Error('not read here');
  },
};
const blobs = new Map<string, Uint8Array>(
  CONFIG_PATHS.flatMap((path) => {
    try {
      return [[`blob:${path}`, new Uint8Array(readFileSync(`${FIXTURES}config/${path}`))] as const];
    } catch {
      return [];
    }
  }),
);
const reader = {
  read: async (spec: string): Promise<GitObject | undefined> => {
    const oid = blobs.has(spec) ? spec : `blob:${spec.slice(41)}`;
    const bytes = blobs.get(oid);
    return bytes ? { oid, type: 'blob', size: bytes.length, bytes } : undefined;
  },
} as unknown as CatFile;
// Asked nothing: no configuration change after the root needs verifying.
const github = {} as GitHubFacts;
const versions = (root: string) => approvedConfigurations(git, reader, github, HEAD, 'main', { ok: true }, root);

test('a pinned root on the first-parent history is accepted, at the first commit or later; off it the run is refused with RootMovedError', async () => {
  for (const root of [FIRST, SECOND]) {
    const v = await versions(root);
    assert.deepEqual(v.ignored, [], root);
    const config = await v.at(HEAD);
    assert.ok(typeof config !== 'string', `${root.slice(0, 7)}: ${String(config)}`);
    assert.ok(config.policy.groups.has('k8s-prod-operators'), 'the configuration at the pinned root is in force');
  }
  await assert.rejects(versions(ELSEWHERE), (error: unknown) => {
    assert.ok(error instanceof RootMovedError);
    assert.ok(error instanceof ConfigError, 'a door that meets it (break-glass) refuses with its message');
    assert.match(
      error.message,
      new RegExp(`^the root of trust moved: the pinned root commit ${ELSEWHERE} [^\\n]*is not on the first-parent history of main at ccccccc\\. .*re-pins`),
    );
    return true;
  });
});

test('the input root-commit must be a full 40-character commit id in lower case; anything else is refused with the fix', () => {
  assert.ok(ROOT_COMMIT.test(FIRST));
  for (const bad of [FIRST.slice(0, 7), FIRST.toUpperCase(), `${FIRST}0`, 'main', 'HEAD~1', `${FIRST.slice(0, 39)}g`]) assert.ok(!ROOT_COMMIT.test(bad), bad);
  // The action's settings read it (process.env, as the runner passes inputs), put back after.
  const saved = { command: process.env.INPUT_COMMAND, root: process.env['INPUT_ROOT-COMMIT'] };
  try {
    process.env.INPUT_COMMAND = 'validate';
    process.env['INPUT_ROOT-COMMIT'] = FIRST.slice(0, 7);
    assert.throws(
      () => readSettings({ GITHUB_WORKSPACE: '/tmp' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /^the input root-commit is "aaaaaaa"; it must be a full 40-character commit id in lower case .*git rev-list --first-parent --max-parents=0 origin\/main/.test(
          error.message,
        ),
    );
    process.env['INPUT_ROOT-COMMIT'] = FIRST;
    assert.equal(readSettings({ GITHUB_WORKSPACE: '/tmp' }).root, FIRST);
  } finally {
    for (const [name, value] of [
      ['INPUT_COMMAND', saved.command],
      ['INPUT_ROOT-COMMIT', saved.root],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
});
