// `npm run local-action -- [.env file]`: runs the action from source (src/index.ts, on the Node 24
// the npm scripts use) with inputs and GitHub variables from a .env file, as a runner would provide
// them. Output and summary files are made for the run and printed after it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionDefaults } from './lib/actions-runner.ts';

const file = process.argv[2] ?? '.env';
if (!existsSync(file)) {
  console.error(`local-action: ${file} not found. Write one with lines such as:
INPUT_COMMAND=validate
GITHUB_WORKSPACE=/path/to/your/access/repository
GITHUB_EVENT_NAME=push
GITHUB_EVENT_PATH=/path/to/event.json        (optional for validate on a push)
INPUT_TENANT-ID=... INPUT_CLIENT-ID=...       (for grant, revoke, report, doctor; hyphens kept, as the runner names inputs)`);
  process.exit(2);
}
const env: Record<string, string> = {};
for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/.exec(line);
  if (m && !line.trimStart().startsWith('#')) env[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
}
/** action.yml's defaults as INPUT_* variables, as the runner sets them. */
function defaults(token: string): Record<string, string> {
  return Object.fromEntries(Object.entries(actionDefaults(token)).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
}
const temp = mkdtempSync(join(tmpdir(), 'aac-local-action-'));
const output = join(temp, 'output');
const summary = join(temp, 'summary.md');
writeFileSync(output, '');
writeFileSync(summary, '');
const run = spawnSync(process.execPath, [new URL('../src/index.ts', import.meta.url).pathname], {
  stdio: 'inherit',
  cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
  env: { ...process.env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, ...defaults(env.GITHUB_TOKEN ?? ''), ...env },
});
console.log(`\n--- outputs (${output}) ---\n${readFileSync(output, 'utf8')}\n--- job summary (${summary}) ---\n${readFileSync(summary, 'utf8')}`);
process.exit(run.status ?? 1);
