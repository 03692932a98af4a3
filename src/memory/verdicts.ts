/**
 * Verdicts fixed when given (docs/threat-model.md invariant 22, case 61): whether a break-glass review
 * issue's close was a review depends on who was a code owner, and who the closer was, at the close.
 * GitHub keeps no history of team membership, so the first sweep that sees a close judges it and
 * records the verdict here; later runs use the record for that same close (same issue, same closer,
 * same time), so a non-owner who joins the team afterwards does not turn their close into a review.
 * A reopen and a new close is a new close, judged afresh.
 *
 * Files live on the memory branch (memory.ts), `verdicts/<run>.json`, with the same MAC: a file
 * without this repository's MAC is not read, and the close is judged again as if first seen.
 */
import type { CatFile } from '../git/cat-file.ts';
import type { Git } from '../git/git.ts';
import { memoryFolder, memoryHead, openJson, sealJson, type MemoryKey, type SealedFile } from './memory.ts';

export interface RememberedVerdict {
  /** The break-glass run whose use the review issue is for. */
  run: number;
  issue: number;
  /** The close judged: who closed it and when, as the issue's events record it. */
  by: string;
  at: string;
  reviewed: boolean;
  /** Why the close was no review. */
  why?: string;
}

export const verdictPath = (run: number) => `verdicts/${run}.json`;

export function sealVerdict(k: MemoryKey, v: RememberedVerdict): SealedFile {
  return sealJson(k, verdictPath(v.run), v);
}

/** The verdict of a file on the memory branch, or why it does not count. Pure. */
export function openVerdict(k: MemoryKey, run: number, text: string): RememberedVerdict | string {
  const opened = openJson(k, verdictPath(run), text);
  if (typeof opened === 'string') return opened;
  const v = opened.value as Partial<RememberedVerdict>;
  if (v.run !== run || !Number.isInteger(v.issue) || typeof v.by !== 'string' || typeof v.at !== 'string' || typeof v.reviewed !== 'boolean')
    return 'not in the expected form';
  return { run, issue: v.issue!, by: v.by, at: v.at, reviewed: v.reviewed, ...(typeof v.why === 'string' ? { why: v.why } : {}) };
}

/** Whether a remembered verdict is the one of this close. */
export const verdictOfClose = (v: RememberedVerdict | undefined, issue: number, close: { by: string; at: string }): boolean =>
  v !== undefined && v.issue === issue && v.by.toLowerCase() === close.by.toLowerCase() && v.at === close.at;

/** The remembered verdicts of `runs`, read from the checkout's memory branch (no GitHub request); files without a valid MAC are left out. */
export async function readVerdicts(git: Git, reader: CatFile, k: MemoryKey, runs: Iterable<number>): Promise<Map<number, RememberedVerdict>> {
  const out = new Map<number, RememberedVerdict>();
  const head = await memoryHead(git);
  if (!head) return out;
  const held = new Set((await memoryFolder(git, head, 'verdicts', /^(\d{1,15})\.json$/)).map(Number));
  for (const run of new Set(runs)) {
    if (!held.has(run)) continue;
    const object = await reader.read(`${head}:${verdictPath(run)}`);
    const opened = object?.bytes ? openVerdict(k, run, Buffer.from(object.bytes).toString('utf8')) : 'unreadable';
    if (typeof opened !== 'string') out.set(run, opened);
  }
  return out;
}
