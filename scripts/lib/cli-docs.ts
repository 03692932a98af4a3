/** The README's command-line reference, generated from the CLI's command table (its help text), so the two cannot drift. */
import { USAGE } from '../../src/cli/main.ts';

export const CLI_START = '<!-- cli:start (generated from the command table by npm run docs) -->';
export const CLI_END = '<!-- cli:end -->';

export function cliDocs(): string {
  return [CLI_START, '```', USAGE, '```', CLI_END].join('\n');
}

export function replaceCliDocs(readme: string, docs: string): string {
  const start = readme.indexOf(CLI_START);
  const end = readme.indexOf(CLI_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${CLI_START} ... ${CLI_END} block`);
  return readme.slice(0, start) + docs + readme.slice(end + CLI_END.length);
}
