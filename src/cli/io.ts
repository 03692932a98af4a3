/** What every CLI command shares: its input/output, the common options and the clock. */
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

export function clock(at: string | undefined, io: CliIo): number {
  if (at === undefined) return io.now();
  const parsed = parseTimestamp(at);
  if (!parsed.ok) throw new ConfigError(`--at "${at}" is not valid: ${parsed.reason}.`);
  return parsed.epochMs;
}
