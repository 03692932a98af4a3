#!/usr/bin/env node
import { runCli } from './cli/main.ts';
import { progressMode, serviceUrls, watchNetwork } from './cli/progress.ts';
import { EXIT } from './cli/exit.ts';

const { mode, rest } = progressMode(process.argv.slice(2), process.stderr.isTTY === true, process.env);
const network = watchNetwork({ mode, services: serviceUrls(rest, process.env), write: (text) => process.stderr.write(text), now: () => Date.now() });
// The live progress line is erased before any other output, so the two never share a line.
const code = await runCli(rest, {
  out: (line) => {
    network.clear();
    process.stdout.write(`${line}\n`);
  },
  err: (line) => {
    network.clear();
    process.stderr.write(`${line}\n`);
  },
  cwd: process.cwd(),
  now: () => Date.now(),
})
  .catch((error: unknown) => {
    process.stderr.write(`access-as-code: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.notDone;
  })
  .finally(network.stop);
process.exitCode = code;
