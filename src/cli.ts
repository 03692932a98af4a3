#!/usr/bin/env node
import { runCli } from './cli/main.ts';

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  now: () => Date.now(),
}).catch((error: unknown) => {
  process.stderr.write(`access-as-code: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
  return 2;
});
process.exitCode = code;
