/** What every CLI command shares: its input/output, the common options and the clock. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../diagnostics.ts';
import { parseTimestamp } from '../timestamp.ts';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  now: () => number;
}

export const COMMON = {
  repo: { type: 'string' },
  at: { type: 'string' },
} as const;

/** `--format text|json` (validate, plan, status): JSON for scripts, one object on stdout. */
export const FORMAT = { format: { type: 'string' } } as const;

export function jsonWanted(format: string | undefined): boolean {
  if (format === undefined || format === 'text') return false;
  if (format === 'json') return true;
  throw new ConfigError(`--format "${format}" is not known: use text or json.`);
}

/** A time option's value (--at unless another is named), or now when none was given. */
export function clock(at: string | undefined, io: CliIo, option = '--at'): number {
  if (at === undefined) return io.now();
  const parsed = parseTimestamp(at);
  if (!parsed.ok) throw new ConfigError(`${option} "${at}" is not valid: ${parsed.reason}.`);
  return parsed.epochMs;
}

/**
 * The access repository a command works on: --repo when given; otherwise, as git finds its work tree,
 * the nearest folder at or above the current one that holds .github/access-policy.yaml, so commands
 * work from requests/<group>/ too. Without one, the current folder (and the missing policy is named).
 */
export function repoRoot(repo: string | undefined, io: CliIo): string {
  if (repo !== undefined) {
    const dir = resolve(io.cwd, repo);
    if (!existsSync(dir)) throw new ConfigError(`--repo ${repo}: there is no such folder. Pass the folder of your access repository.`);
    if (!existsSync(join(dir, '.github', 'access-policy.yaml')))
      throw new ConfigError(
        `no access repository at ${dir} (it has no .github/access-policy.yaml): run "access-as-code init" there to make one, or pass --repo <folder of your access repository>.`,
      );
    return dir;
  }
  for (let dir = resolve(io.cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.github', 'access-policy.yaml'))) return dir;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir)
      throw new ConfigError(
        `no access repository here (no .github/access-policy.yaml in ${resolve(io.cwd)} or above it): run "access-as-code init" to make one, or pass --repo <folder of your access repository>.`,
      );
  }
}
