#!/usr/bin/env node
import { runCli } from './cli/main.ts';
import { progressMode, serviceUrls, watchNetwork } from './cli/progress.ts';
import { EXIT } from './cli/exit.ts';

// Output piped into a reader that stops early (`| head`): the reader has what it wanted; stop quietly
// instead of an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
// The dependencies need Node 22 or later (package.json "engines"); say so instead of failing obscurely.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `access-as-code: needs Node.js 22 or later; this is ${process.version}. Install a current Node.js (https://nodejs.org) and run it again.\n`,
  );
  process.exit(EXIT.notDone);
}
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
}).finally(network.stop);
process.exitCode = code;
