// `init --create-app` runs az and gh: a tool that exits before reading its input must not crash the CLI
// with EPIPE and a stack trace (issue 33); its exit status and words are what is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemTool } from '../../src/cli/init-setup.ts';

test('an az that exits at once, before reading what it was given, is a failed step, not a crash', async () => {
  const bin = mkdtempSync(join(tmpdir(), 'aac-az-'));
  const path = process.env.PATH;
  try {
    writeFileSync(join(bin, 'az'), '#!/bin/sh\necho "az: not signed in" >&2\nexit 3\n');
    chmodSync(join(bin, 'az'), 0o755);
    process.env.PATH = `${bin}:${path ?? ''}`;
    // More than a pipe holds, so the write fails once az has gone.
    const result = await systemTool('az', ['ad', 'app', 'create'], 'x'.repeat(4 * 1024 * 1024));
    assert.equal(result.code, 3);
    assert.match(result.stderr, /not signed in/);
  } finally {
    process.env.PATH = path;
    rmSync(bin, { recursive: true, force: true });
  }
});
