/**
 * The runner's side of the action protocol, as GitHub documents it ("Workflow commands for GitHub
 * Actions", "Metadata syntax": inputs as INPUT_<NAME>; GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files).
 * Written here rather than loaded from @actions/core because core pulls in an HTTP stack (undici) that
 * costs the validate check more start-up time than all of its own work; core is still used, loaded on
 * demand, for the OIDC token.
 */
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ConfigError } from '../diagnostics.ts';

export function getInput(name: string, options: { required?: boolean } = {}): string {
  const value = (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  if (options.required && value === '') throw new ConfigError(`the input "${name}" is required and was not supplied.`);
  return value;
}

/**
 * A log line. Text in it may come from a request file, a file name or a pull request, and the runner
 * reads any line that starts with "::" (or the older "##[") as a workflow command (docs/threat-model.md
 * invariant 15). Such text is wrapped in ::stop-commands::, GitHub's documented way to log untrusted
 * text: nothing between the token and its end marker is run, and the token is unguessable.
 */
export function info(message: string): void {
  if (!message.split(/\r\n|\r|\n/).some((line) => /^\s*(?:::|##\[)/.test(line))) {
    process.stdout.write(`${message}\n`);
    return;
  }
  const token = `aac-${randomUUID()}`;
  process.stdout.write(`::stop-commands::${token}\n${message}\n::${token}::\n`);
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(name: string, message: string, props: AnnotationProperties = {}): void {
  const fields = [
    props.title !== undefined ? `title=${escapeProperty(props.title)}` : '',
    props.file !== undefined ? `file=${escapeProperty(props.file)}` : '',
    props.startLine !== undefined ? `line=${props.startLine}` : '',
    props.startColumn !== undefined ? `col=${props.startColumn}` : '',
  ].filter(Boolean);
  process.stdout.write(`::${name}${fields.length > 0 ? ` ${fields.join(',')}` : ''}::${escapeData(message)}\n`);
}

export const error = (message: string, props?: AnnotationProperties) => command('error', message, props);
export const warning = (message: string, props?: AnnotationProperties) => command('warning', message, props);

/** Marks the step failed: an error annotation, and a non-zero exit code when the process ends. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    info(`(output ${name} not written: GITHUB_OUTPUT is not set)`);
    return;
  }
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

export type Cell = string | { data: string; header?: boolean };

/** The job summary, as HTML appended to GITHUB_STEP_SUMMARY. Callers escape text that is not theirs. */
export class Summary {
  private buffer = '';

  addHeading(text: string, level = 1): this {
    return this.addRaw(`<h${level}>${text}</h${level}>`, true);
  }

  addTable(rows: Cell[][]): this {
    const body = rows
      .map((row) => `<tr>${row.map((c) => (typeof c === 'string' ? `<td>${c}</td>` : c.header ? `<th>${c.data}</th>` : `<td>${c.data}</td>`)).join('')}</tr>`)
      .join('');
    return this.addRaw(`<table>${body}</table>`, true);
  }

  addList(items: string[]): this {
    return this.addRaw(`<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`, true);
  }

  addRaw(text: string, addEol = false): this {
    this.buffer += addEol ? `${text}\n` : text;
    return this;
  }

  async write(): Promise<void> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file) appendFileSync(file, this.buffer);
    this.buffer = '';
  }
}

export const summary = new Summary();

/** The job's GitHub OIDC token for an audience (loads @actions/core only when a command needs it). */
export async function getIDToken(audience: string): Promise<string> {
  const core = await import('@actions/core');
  return core.getIDToken(audience);
}
