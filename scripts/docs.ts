// `npm run docs`: regenerates the generated parts of README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { actionDocs, replaceActionDocs } from './lib/action-docs.ts';
import { cliDocs, replaceCliDocs } from './lib/cli-docs.ts';

const readme = readFileSync('README.md', 'utf8');
const next = replaceCliDocs(replaceActionDocs(readme, actionDocs('action.yml')), cliDocs());
if (next !== readme) writeFileSync('README.md', next);
console.log(next === readme ? 'README.md is up to date.' : 'README.md updated from action.yml and the command table.');
