/** The README's table of the action's inputs and outputs, generated from action.yml so the two cannot drift. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const START = '<!-- action-io:start (generated from action.yml by npm run docs) -->';
export const END = '<!-- action-io:end -->';

interface ActionYml {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
}

const cell = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

export function actionDocs(actionYmlPath: string): string {
  const action = parse(readFileSync(actionYmlPath, 'utf8')) as ActionYml;
  const lines = ['| input | required | default | description |', '|---|---|---|---|'];
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    lines.push(
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${input.default !== undefined ? `\`${input.default}\`` : ''} | ${cell(input.description)} |`,
    );
  }
  lines.push('', '| output | description |', '|---|---|');
  for (const [name, output] of Object.entries(action.outputs ?? {})) lines.push(`| \`${name}\` | ${cell(output.description)} |`);
  return [START, ...lines, END].join('\n');
}

export function replaceActionDocs(readme: string, docs: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} ... ${END} block`);
  return readme.slice(0, start) + docs + readme.slice(end + END.length);
}
