/** The bundled command line run as a developer runs it against the twin: the app's secret in the environment, GITHUB_TOKEN for GitHub. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLIENT, TENANT, TOKEN, type AccessWorld } from '../../scripts/lib/world.ts';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Runs `access-as-code <args>` in `cwd` (default: the repository); `entra` adds the twin's endpoints. */
export function runCli(
  world: AccessWorld,
  args: string[],
  options: { cwd?: string; entra?: boolean; env?: Record<string, string> } = {},
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
  const child = spawn(process.execPath, [CLI, ...args, ...entra], { cwd: options.cwd ?? world.repo.dir, env });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}
