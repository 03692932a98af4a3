#!/usr/bin/env node
import { runCli } from './cli/main.ts';
import { progressMode, serviceUrls, watchNetwork } from './cli/progress.ts';
import { EXIT } from './cli/exit.ts';

const { mode, rest } = progressMode(process.argv.slice(2), process.stderr.isTTY === true, process.env);
const stop = watchNetwork({ mode, services: serviceUrls(rest, process.env), write: (text) => process.stderr.write(text), now: () => Date.now() });
const code = await runCli(rest, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  now: () => Date.now(),
})
  .catch((error: unknown) => {
    process.stderr.write(`access-as-code: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.notDone;
  })
  .finally(stop);
process.exitCode = code;
