// `npm test`: build dist/, create the twin's local certificate authority, then run every test with
// NODE_EXTRA_CA_CERTS set, so that each test process (and each action it starts) trusts the twin's
// HTTPS certificates the way a real client trusts a real service. Extra arguments select test files.
// Four processes at a time on two cores: an end-to-end test waits on child processes and on the paced
// GitHub writes of the actions it runs, and another file's work fills that wait.
// Every call the product sends the twin is logged (scripts/twin/call-log.ts); after all other files,
// the conformance test checks those calls against GitHub's and Microsoft's references, and its
// failure fails `npm test` as any other test's does.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { createAuthority } from './twin/tls.ts';
import { withFastWaits } from './twin/waits.ts';

const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const CONFORMANCE = join('test', 'conformance', 'references.test.ts');
const ca = await createAuthority();
// TWIN_CALL_LOG=<dir> npm test keeps the calls there for a look; otherwise they go with the run.
const calls = process.env.TWIN_CALL_LOG || mkdtempSync(join(tmpdir(), 'aac-calls-'));
// `npm test -- <files> --test-name-pattern <name>`: Node reads its options only before the first file,
// so options given anywhere are put first; with options and no files, they apply to every file (and the
// conformance check, which needs the whole suite's calls, is left out: said below).
const { options, given } = optionsAndFiles(process.argv.slice(2));
// Node's compile cache (NODE_COMPILE_CACHE), shared by the test processes and every action and CLI
// they start (twin.env() passes it on): each would otherwise compile the same bundle again, about 50 ms
// of a run's 700 (measured with ACTION_CPU_PROF). Test wiring, like the short waits below.
const compileCache = mkdtempSync(join(tmpdir(), 'aac-compile-cache-'));
const env = {
  ...process.env,
  NODE_COMPILE_CACHE: compileCache,
  NODE_EXTRA_CA_CERTS: ca.certPath,
  TWIN_CA_DIR: ca.dir,
  // Waits for a service's sake (retry back-off, the second between GitHub writes) at a fiftieth of
  // their length: the twin recovers at once, and tests must not sleep. Test wiring, preloaded into
  // each test process, not a variable of the product (scripts/twin/waits.ts). The bench and the demo
  // keep real waits.
  NODE_OPTIONS: withFastWaits(process.env.NODE_OPTIONS),
};
const all = given.length > 0 ? given : longestFirst().filter((f) => f !== CONFORMANCE);
let status: number;
if (given.length > 0 || options.length > 0) {
  if (given.length === 0) console.log(`Every test file with ${options.join(' ')}; the conformance check runs only with the whole suite.`);
  status =
    spawnSync(process.execPath, ['--test', '--test-concurrency=4', ...options, ...all], { stdio: 'inherit', env: { ...env, TWIN_CALL_LOG: calls } }).status ??
    1;
} else {
  status = await everyFile(all);
  const conformance = spawnSync(process.execPath, ['--test', CONFORMANCE], { stdio: 'inherit', env: { ...env, CONFORMANCE_LOG: calls } });
  status = status || (conformance.status ?? 1);
}
rmSync(ca.dir, { recursive: true, force: true });
rmSync(compileCache, { recursive: true, force: true });
if (!process.env.TWIN_CALL_LOG) rmSync(calls, { recursive: true, force: true });
process.exit(status);

/**
 * Every test file, in fewer processes than files: a test process costs about 0.8 s of CPU to start and
 * load its modules (the twin, GitHub's GraphQL schema, the sources), so files share processes
 * (`--test-isolation=none`), a batch each, four batches at a time, the longest first; each batch's
 * output is shown whole when it ends. The unit tests (pure functions) are one batch beside the others:
 * 30 CPU-seconds in a process per file, 6 in one. A file with hooks at its top level runs alone: in a
 * shared process such hooks apply to every file's tests (nodejs/node#61854). Files in one process run
 * one after another, and what one leaves behind is seen by the next: a test that changes process.env
 * for a call puts it back (test/helpers/cli.ts), and the runs it starts get an environment of their
 * own. A file that called process.exit would end its batch early: none does. A batch's output comes
 * whole at its end, so a batch that hangs shows nothing until it is stopped.
 */
async function everyFile(files: readonly string[]): Promise<number> {
  const hooked = (f: string) => /^(before|after|beforeEach|afterEach)\(/m.test(readFileSync(f, 'utf8'));
  const unit = files.filter((f) => f.startsWith(join('test', 'unit') + sep) && !hooked(f));
  const rest = files.filter((f) => !unit.includes(f));
  const alone = rest.filter((f) => f.endsWith('demo.test.ts') || hooked(f));
  const shared = rest.filter((f) => !alone.includes(f));
  // Batches of about a twelfth of the shared files' size each (three per worker), so that none runs much
  // longer than the others; a file of that size or more is a batch of its own. Size stands in for time.
  const size = (f: string) => statSync(f).size;
  const target = shared.reduce((sum, f) => sum + size(f), 0) / 12;
  const batches: string[][] = alone.map((f) => [f]);
  let current: string[] = [];
  let weight = 0;
  for (const f of shared) {
    if (current.length > 0 && weight + size(f) > target) {
      batches.push(current);
      [current, weight] = [[], 0];
    }
    current.push(f);
    weight += size(f);
  }
  if (current.length > 0) batches.push(current);
  // The longest first (files are ordered so): the demo, then the batches of the biggest files.
  batches.sort((a, b) => rest.indexOf(a[0]!) - rest.indexOf(b[0]!));
  process.stdout.write(`npm test: ${files.length} files in ${batches.length + (unit.length > 0 ? 1 : 0)} processes\n`);
  if (process.env.TEST_BATCHES) for (const b of batches) process.stdout.write(`  ${b.join(' ')}\n`);
  const unitBatch = batch(unit);
  const failed: string[] = [];
  const worker = async () => {
    for (let next = batches.shift(); next; next = batches.shift()) if ((await batch(next)) !== 0) failed.push(...next);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  if ((await unitBatch) !== 0) failed.push('test/unit');
  if (failed.length > 0) process.stdout.write(`\nnpm test: failures in ${failed.join(', ')} (their output is above)\n`);
  return failed.length > 0 ? 1 : 0;
}

/** One process running `files` (sharing it when there are several); its output printed whole when it ends. */
function batch(files: readonly string[]): Promise<number> {
  if (files.length === 0) return Promise.resolve(0);
  const args = files.length > 1 ? ['--test', '--test-isolation=none', ...files] : ['--test', ...files];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, TWIN_CALL_LOG: calls } });
  const out: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => out.push(d));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(out));
      resolve(code ?? 1);
    }),
  );
}

/**
 * Every test file, the longest first: four processes run at a time on two cores, and a long one
 * started last would leave one core idle at the end. End-to-end files run the bundled action and take longest, the
 * demo most of all; within a tier, a larger file has more to run.
 */
function longestFirst(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk('test');
  const tier = (f: string) => (f.endsWith('demo.test.ts') ? 0 : f.startsWith(join('test', 'e2e')) ? 1 : f.startsWith(join('test', 'twin')) ? 2 : 3);
  return files.sort((a, b) => tier(a) - tier(b) || statSync(b).size - statSync(a).size);
}

/** Node's options (`--name=value`, or `--name value` where the value is not a file) apart from the files. */
function optionsAndFiles(args: readonly string[]): { options: string[]; given: string[] } {
  const options: string[] = [];
  const given: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) given.push(arg);
    else if (arg.includes('=') || i + 1 >= args.length || args[i + 1]!.startsWith('--') || existsSync(args[i + 1]!)) options.push(arg);
    else options.push(arg, args[++i]!);
  }
  return { options, given };
}
