/** The command line run as a developer runs it against the twin: the app's secret in the environment, GITHUB_TOKEN for GitHub. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { CLIENT, TENANT, TOKEN, type AccessWorld } from '../../scripts/lib/world.ts';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Runs `access-as-code <args>` in `cwd` (default: the repository); `entra` adds the twin's endpoints.
 * Through the command line's door (src/cli/main.ts runCli) in this process, with the environment a
 * developer's shell would give the bundled cli.js (plus the suite's own wiring: the twin's certificate
 * authority, the call log, the short waits): every command, its sign-in (the real
 * @azure/identity), its Graph, ARM and GitHub clients speaking HTTPS to the twin, git in `cwd`, and
 * the exit status it returns. A bundled cli.js costs a process of about 0.8 s of CPU to start and
 * load; `bundled: true` starts one, for what only the process shows (what the entry point adds: the
 * progress line, a closed pipe, the Node version check), and test/e2e/cli.test.ts runs the bundle
 * for the commands' help, usage and exit statuses.
 */
export async function runCli(
  world: AccessWorld,
  args: string[],
  options: { cwd?: string; entra?: boolean; env?: Record<string, string>; bundled?: boolean } = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const env = {
    ...world.twin.env(),
    PATH: process.env.PATH ?? '',
    HOME: world.repo.dir,
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: 'acme/access',
    AZURE_TENANT_ID: TENANT,
    AZURE_CLIENT_ID: CLIENT,
    AZURE_CLIENT_SECRET: 'twin-client-secret',
    ...options.env,
  };
  const entra =
    options.entra === false
      ? []
      : ['--authority-host', world.twin.urls.authorityHost, '--graph-endpoint', world.twin.urls.graph, '--arm-endpoint', world.twin.urls.arm];
  const cwd = options.cwd ?? world.repo.dir;
  if (options.bundled) return bundledCli([...args, ...entra], cwd, env);
  return door([...args, ...entra], cwd, env);
}

/** What the test process keeps of its own environment while a command runs in it: the suite's wiring. */
const SUITE = ['NODE_EXTRA_CA_CERTS', 'TWIN_CA_DIR', 'TWIN_CALL_LOG', 'NODE_COMPILE_CACHE', 'NODE_OPTIONS'];

/** The command line's door (src/cli/main.ts runCli) in this process, with `env` as its environment. */
export async function door(argv: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const { runCli: cli } = await import('../../src/cli/main.ts');
  const out: string[] = [];
  const err: string[] = [];
  const saved = process.env;
  process.env = { ...Object.fromEntries(SUITE.flatMap((k) => (saved[k] === undefined ? [] : [[k, saved[k]]]))), ...env };
  // What a command writes around its door (a library's console line, a notice written to stderr) is
  // part of what a person sees: caught here as the process's own output would be.
  const writeErr = process.stderr.write;
  const consoled = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  process.stderr.write = ((chunk: string | Uint8Array) => (
    err.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
    true
  )) as typeof process.stderr.write;
  const line =
    (sink: string[]) =>
    (...args: unknown[]) =>
      sink.push(`${format(...args)}\n`);
  Object.assign(console, { log: line(out), info: line(out), debug: line(out), warn: line(err), error: line(err) });
  try {
    const code = await cli(argv, { out: (l) => out.push(`${l}\n`), err: (l) => err.push(`${l}\n`), cwd, now: () => Date.now() });
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.env = saved;
    process.stderr.write = writeErr;
    Object.assign(console, consoled);
  }
}

function bundledCli(argv: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [CLI, ...argv], { cwd, env });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}
