/**
 * `npm run demo`: the request lifecycle as far as it is built, on a scratch repository made from this
 * template, with the bundled action run the way the Actions runner runs it. No tenant, no GitHub.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pullRequestEvent, runAction, type ActionRun } from './lib/actions-runner.ts';
import { createRepo } from './lib/git-repo.ts';
import { parsePolicy } from '../src/policy/policy.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
let step = 0;
const heading = (title: string) => console.log(`\n${bold(`${++step}. ${title}`)}`);
const say = (text: string) => console.log(`   ${text.split('\n').join('\n   ')}`);

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`demo: expected ${what}`);
}

function showCheck(run: ActionRun): void {
  const problems = run.annotations.filter((a) => a.file);
  for (const a of problems) say(`${a.level.toUpperCase()} ${a.file}:${a.line}:${a.col}\n  ${a.message}`);
  const rows = JSON.parse(run.outputs.requests ?? '[]') as { file: string; change: string; verdict: string }[];
  for (const r of rows) say(`${r.change.padEnd(8)} ${r.file}  ->  ${r.verdict}`);
  say(`check: ${run.exitCode === 0 ? 'passed' : 'FAILED'} (${Math.round(run.ms)} ms)`);
}

// A scratch access repository: the template's configuration, as an organisation would start.
const scratch = mkdtempSync(join(tmpdir(), 'aac-demo-template-'));
for (const path of ['.github/access-policy.yaml', '.github/access-identities.yaml', '.github/CODEOWNERS', 'schemas']) {
  cpSync(join(ROOT, path), join(scratch, path), { recursive: true });
}
const repo = createRepo({ configFrom: scratch });
rmSync(scratch, { recursive: true, force: true });

try {
  heading('An access repository made from the template');
  const { policy } = parsePolicy('.github/access-policy.yaml', repo.git('show', 'HEAD:.github/access-policy.yaml'));
  for (const g of policy?.groups.values() ?? []) {
    say(`group ${g.name}: at most ${g.maxDurationText}, ${g.approvals} approval${g.approvals === 1 ? '' : 's'}${g.requireTicket ? ', ticket required' : ''}, ${g.mode} mode`);
  }
  say(`code owners of requests/prod-db-admins/: ${/^\/requests\/prod-db-admins\/\s+(.*)$/m.exec(readFileSync(join(repo.dir, '.github/CODEOWNERS'), 'utf8'))?.[1]}`);
  const base = repo.head();

  heading('octocat hand-writes a request, with three mistakes, and opens a pull request');
  repo.git('switch', '-q', '-c', 'octocat/db-access');
  const bad = [
    'version: 1',
    'requester: octocat',
    'group: prod-db-admins',
    `expires: "${new Date(Date.now() + 12 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')}"`,
    'justification: "Restore the orders replica"',
    'role: Owner',
    '',
  ].join('\n');
  say(bad.trimEnd());
  let head = repo.commit('Request prod-db-admins', { 'requests/prod-db-admins/octocat-restore.yaml': bad });
  const rejected = await runAction({ workspace: repo.dir, inputs: { command: 'validate' }, eventName: 'pull_request', event: pullRequestEvent({ number: 1, author: 'octocat', base, head }) });
  say('The pull-request check annotates each problem on its line:');
  showCheck(rejected);
  expect(rejected.exitCode === 1 && rejected.annotations.filter((a) => a.file).length === 3, 'the bad request to be rejected with 3 annotations');

  heading('octocat lets the CLI write it instead, and pushes');
  repo.commit('Start over', { 'requests/prod-db-admins/octocat-restore.yaml': null });
  const made = spawnSync(process.execPath, [CLI, 'new', '--group', 'prod-db-admins', '--for', '2h', '--justification', 'Restore the orders replica after INC-4521', '--ticket', 'INC-4521', '--requester', 'octocat'], { cwd: repo.dir, encoding: 'utf8' });
  say(`$ access-as-code new --group prod-db-admins --for 2h --justification "..." --ticket INC-4521\n${made.stdout.trim()}`);
  expect(made.status === 0, 'new to write the request');
  head = repo.commit('Request prod-db-admins', {});
  const accepted = await runAction({ workspace: repo.dir, inputs: { command: 'validate' }, eventName: 'pull_request', event: pullRequestEvent({ number: 1, author: 'octocat', base, head, action: 'synchronize' }) });
  showCheck(accepted);
  expect(accepted.exitCode === 0, 'the written request to pass');

  heading("mallory opens a pull request that edits octocat's request to name herself");
  const mine = repo.git('ls-files', 'requests/prod-db-admins/');
  const text = readFileSync(join(repo.dir, mine), 'utf8');
  repo.git('switch', '-q', 'main');
  repo.git('merge', '-q', '--no-ff', '-m', 'Merge pull request #1', 'octocat/db-access');
  const merged = repo.head();
  repo.git('switch', '-q', '-c', 'mallory/steal');
  const stolen = repo.commit('Make it mine', { [mine]: text.replace('requester: octocat', 'requester: mallory') });
  const refused = await runAction({ workspace: repo.dir, inputs: { command: 'validate' }, eventName: 'pull_request', event: pullRequestEvent({ number: 2, author: 'mallory', base: merged, head: stolen }) });
  showCheck(refused);
  expect(refused.exitCode === 1 && refused.annotations.some((a) => /belongs to octocat/.test(a.message)), "mallory's edit to be refused");

  heading('Still to come');
  say('Granting on merge, the expiry sweep and the report run against the local twin of Entra and GitHub,');
  say('which later issues add to this demo.');
  console.log(`\n${bold('Demo finished: bad request rejected on its lines, good request accepted, hijack refused.')}`);
} finally {
  repo.remove();
}
