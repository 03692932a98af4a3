/**
 * Runs the bundled action (dist/index.js) the way the GitHub Actions runner runs a node24 action:
 * a fresh process in the workspace, inputs as INPUT_* variables, the event as a JSON file, and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files to write to. Reads back what the runner would show.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import examples from '@octokit/webhooks-examples' with { type: 'json' };
import { parse } from 'yaml';

export const ACTION_ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const ACTION_YML = fileURLToPath(new URL('../../action.yml', import.meta.url));

let actionYml: { inputs?: Record<string, { default?: string }> } | undefined;

/** action.yml's input defaults, with the one expression they use (github.token) evaluated. */
export function actionDefaults(token: string): Record<string, string> {
  // Read once per process: a test runs the action dozens of times, and action.yml does not change meanwhile.
  actionYml ??= parse(readFileSync(ACTION_YML, 'utf8')) as { inputs?: Record<string, { default?: string }> };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(actionYml.inputs ?? {})) {
    if (input.default !== undefined) defaults[name] = String(input.default).replace(/\$\{\{\s*github\.token\s*\}\}/, token);
  }
  return defaults;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: number;
  col?: number;
  title?: string;
  message: string;
}

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

export interface RunOptions {
  workspace: string;
  inputs: Record<string, string>;
  eventName: string;
  event: unknown;
  env?: Record<string, string>;
  node?: string;
  /** Kill the process (SIGKILL, as a cancelled or crashed runner would) after this many ms. */
  killAfterMs?: number;
  /** Kill the process (SIGKILL) as soon as this says so: asked every 5 ms while the run lasts, e.g. of the twin's state. */
  killWhen?: () => boolean;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'aac-runner-'));
  const eventPath = join(runnerTemp, 'event.json');
  const outputPath = join(runnerTemp, 'output');
  const summaryPath = join(runnerTemp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runnerTemp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_REPOSITORY: 'acme/access',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  // The runner sets every input: the workflow's value, else action.yml's default (expressions evaluated).
  const inputs = { ...actionDefaults(options.env?.GITHUB_TOKEN ?? ''), ...options.inputs };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const started = performance.now();
  // ACTION_CPU_PROF=<dir>: a V8 CPU profile of each run, to see where an action's time goes.
  const profile = process.env.ACTION_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.ACTION_CPU_PROF}`] : [];
  const child = spawn(options.node ?? process.execPath, [...profile, ACTION_ENTRY], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const killer = options.killAfterMs !== undefined ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs) : undefined;
  const watcher = options.killWhen ? setInterval(() => options.killWhen!() && child.kill('SIGKILL'), 5) : undefined;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (killer) clearTimeout(killer);
  if (watcher) clearInterval(watcher);
  const ms = performance.now() - started;
  try {
    return {
      exitCode,
      stdout,
      stderr,
      annotations: parseAnnotations(stdout),
      outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
      ms,
    };
  } finally {
    // The runner's temporary folder lives as long as the step; so does ours.
    rmSync(runnerTemp, { recursive: true, force: true });
  }
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** Workflow commands as the runner reads them: ::error file=F,line=L,col=C::message */
export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of commandLines(stdout)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const annotation: Annotation = { level: m[1] as Annotation['level'], message: unescapeData(m[3]!) };
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq);
      const value = unescapeProperty(pair.slice(eq + 1));
      if (key === 'file') annotation.file = value;
      else if (key === 'line') annotation.line = Number(value);
      else if (key === 'col') annotation.col = Number(value);
      else if (key === 'title') annotation.title = value;
    }
    out.push(annotation);
  }
  return out;
}

/**
 * The lines the runner would read as workflow commands: those starting with "::" (after blanks),
 * except between "::stop-commands::TOKEN" and "::TOKEN::", as the runner honours them.
 */
export function commandLines(stdout: string): string[] {
  const out: string[] = [];
  let stopped: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopped = stop[1]!;
      continue;
    }
    if (line.startsWith('::') || line.startsWith('##[')) out.push(line);
  }
  return out;
}

/** GITHUB_OUTPUT's heredoc format: name<<DELIMITER\nvalue\nDELIMITER */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
      outputs[m[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const eq = lines[i]!.indexOf('=');
      outputs[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1);
    }
  }
  return outputs;
}

type Example = { name: string; examples: { action?: string }[] };

/** A pull_request event payload, starting from GitHub's own example and set to this test's PR. */
export function pullRequestEvent(pr: { number: number; author: string; base: string; head: string; action?: string; fork?: boolean }): unknown {
  const group = (examples as unknown as Example[]).find((e) => e.name === 'pull_request')!;
  const action = pr.action ?? 'opened';
  const example = structuredClone(group.examples.find((e) => e.action === action)!) as {
    number: number;
    pull_request: { number: number; user: { login: string }; base: { sha: string }; head: { sha: string; repo: { full_name: string; fork: boolean } } };
  };
  example.number = pr.number;
  example.pull_request.number = pr.number;
  example.pull_request.user.login = pr.author;
  example.pull_request.base.sha = pr.base;
  example.pull_request.head.sha = pr.head;
  if (pr.fork) {
    example.pull_request.head.repo.full_name = `${pr.author}/access`;
    example.pull_request.head.repo.fork = true;
  }
  return example;
}

/** A push event payload, starting from GitHub's example, for a push to `ref`. */
export function pushEvent(push: { before: string; after: string; ref?: string; owner?: string; repo?: string; defaultBranch?: string }): unknown {
  const group = (examples as unknown as Example[]).find((e) => e.name === 'push')!;
  const example = structuredClone(group.examples[0]!) as {
    before: string;
    after: string;
    ref: string;
    repository: { name: string; full_name: string; default_branch: string; master_branch?: string; owner: { login: string; name: string } };
  };
  example.before = push.before;
  example.after = push.after;
  example.ref = push.ref ?? 'refs/heads/main';
  example.repository.name = push.repo ?? 'access';
  example.repository.owner.login = push.owner ?? 'acme';
  example.repository.owner.name = push.owner ?? 'acme';
  example.repository.full_name = `${push.owner ?? 'acme'}/${push.repo ?? 'access'}`;
  example.repository.default_branch = push.defaultBranch ?? 'main';
  return example;
}
