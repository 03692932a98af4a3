// The README's main command must not silently break: run the demo and check what it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('npm run demo: bad request rejected on its lines, good one accepted, hijack refused, exit 0', () => {
  const demo = fileURLToPath(new URL('../../scripts/demo.ts', import.meta.url));
  const r = spawnSync(process.execPath, [demo], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ERROR requests\/prod-db-admins\/octocat-restore\.yaml:6:1\n\s+unknown key "role"/);
  assert.match(r.stdout, /added\s+requests\/prod-db-admins\/octocat-restore\.yaml\s+->\s+invalid \(3 errors\)/);
  assert.match(r.stdout, /added\s+requests\/prod-db-admins\/octocat-inc-4521\.yaml\s+->\s+valid\n\s+check: passed/);
  assert.match(r.stdout, /this request belongs to octocat; only they can change it/);
  assert.match(r.stdout, /Demo finished/);
});
