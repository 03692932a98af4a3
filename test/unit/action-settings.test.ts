// The action's settings (src/action/settings.ts, readSettings): the one place that reads the inputs.
// The runner passes every input as an INPUT_* variable; here they are set on the environment for one
// call, and the environment is put back after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/diagnostics.ts';
import { readSettings, type Settings } from '../../src/action/settings.ts';

function withEnvironment(env: Record<string, string>, read: () => Settings): Settings {
  const saved = process.env;
  process.env = { PATH: saved.PATH ?? '', ...env };
  try {
    return read();
  } finally {
    process.env = saved;
  }
}

test('an unknown command is refused with the supported ones, before anything else is read', () => {
  // No GITHUB_WORKSPACE either: the command is what is refused, first.
  assert.throws(
    () => withEnvironment({ INPUT_COMMAND: 'grant-everyone' }, () => readSettings()),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.message ===
        'the input "command" is "grant-everyone"; this version of the action supports: validate, grant, revoke, report, doctor, issue, break-glass, discover.',
  );
});

test('a supported command is read as it is named', () => {
  const settings = withEnvironment({ INPUT_COMMAND: 'validate', GITHUB_WORKSPACE: '/work/checkout' }, () => readSettings());
  assert.equal(settings.command, 'validate');
  assert.equal(settings.workspace, '/work/checkout');
});
