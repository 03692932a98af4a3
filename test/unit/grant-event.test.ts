// Which events the action's grant runs on (src/action/grant.ts, requireDefaultBranchPush): only a push
// to the default branch (docs/threat-model.md 12: access is granted after merge, never from a pull
// request). The event is as src/action/event.ts reads it from the runner's payload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/diagnostics.ts';
import { requireDefaultBranchPush } from '../../src/action/grant.ts';

const refused = (message: RegExp) => (error: unknown) => error instanceof ConfigError && message.test(error.message);

test('THREATS 12: grant runs only on a push to the default branch: a pull request event, another branch and a tag named like the default branch are refused', () => {
  assert.throws(
    () => requireDefaultBranchPush({ kind: 'pull_request' }, 'pull_request'),
    refused(/^grant runs only on a push to the default branch, not on "pull_request": access is granted after merge, never from a pull request/),
  );
  assert.throws(
    () => requireDefaultBranchPush({ kind: 'other' }, 'workflow_dispatch'),
    refused(/^grant runs only on a push to the default branch, not on "workflow_dispatch"/),
  );
  assert.throws(
    () => requireDefaultBranchPush({ kind: 'push', ref: 'refs/heads/feature', defaultBranch: 'main' }, 'push'),
    refused(/^grant runs only on a push to the default branch \(refs\/heads\/main\), not on refs\/heads\/feature\.$/),
  );
  assert.throws(() => requireDefaultBranchPush({ kind: 'push', ref: 'refs/tags/main', defaultBranch: 'main' }, 'push'), refused(/not on refs\/tags\/main\.$/));
});

test('a push to the default branch, whatever it is called, is where grant runs', () => {
  assert.doesNotThrow(() => requireDefaultBranchPush({ kind: 'push', ref: 'refs/heads/main', defaultBranch: 'main' }, 'push'));
  assert.doesNotThrow(() => requireDefaultBranchPush({ kind: 'push', ref: 'refs/heads/trunk', defaultBranch: 'trunk' }, 'push'));
  assert.throws(
    () => requireDefaultBranchPush({ kind: 'push', ref: 'refs/heads/main', defaultBranch: 'trunk' }, 'push'),
    refused(/not on refs\/heads\/main\./),
  );
});
