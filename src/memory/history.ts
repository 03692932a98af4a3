/**
 * The history of standing privilege: once a day the sweep records, per policy group, how many users
 * and service principals held it without an active request (standing exemptions and drift). Members
 * without a request are not in git, so without this record the report's trend could count only the
 * exemptions the policy lists; with it, the blast radius is seen to fall (or not) week by week.
 *
 * Points live on the memory branch beside the remembered facts (memory.ts), one file per day, with the
 * same MAC: anyone who can push could write there, and a point without this repository's MAC is left
 * out of the trend (and said), never believed. Points older than HISTORY_DAYS are deleted.
 */
import type { CatFile } from '../git/cat-file.ts';
import type { Git } from '../git/git.ts';
import { memoryFolder, memoryHead, openJson, sealJson, type MemoryKey, type SealedFile } from './memory.ts';

/** A day's record: per policy group, who held it around the clock at the first sweep of the day. */
export interface StandingPoint {
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** When the sweep recorded it (ISO 8601). */
  at: string;
  groups: { group: string; users: number; apps: number }[];
}

/** The report's trend goes back 13 weeks; a little more is kept. */
export const HISTORY_DAYS = 100;

export const historyPath = (day: string) => `history/${day}.json`;

/**
 * Who holds a group without an active request once a run's changes are made (standing exemptions,
 * drift, and members whose request ended and who are not removed yet), users and apps apart: the
 * report's standing members now and the sweep's daily point are both this, so it is defined here with
 * the point, and the report reads it from here. Pure.
 */
export function standingMembers(dispositions: readonly { type: string; action: string; reason: string; outcome?: string }[]): { users: number; apps: number } {
  const holds = (d: { action: string; outcome?: string }) =>
    !(d.action === 'add' && d.outcome !== 'added' && d.outcome !== 'already-member') &&
    !(d.action === 'remove' && (d.outcome === 'removed' || d.outcome === 'already-gone'));
  const standing = dispositions.filter((d) => holds(d) && d.reason !== 'active' && d.reason !== 'unverified');
  return { users: standing.filter((d) => d.type === 'user').length, apps: standing.filter((d) => d.type === 'servicePrincipal').length };
}

export function sealPoint(k: MemoryKey, point: StandingPoint): SealedFile {
  return sealJson(k, historyPath(point.day), point);
}

/** The point of a file on the memory branch, or why it does not count. Pure. */
export function openPoint(k: MemoryKey, day: string, text: string): StandingPoint | string {
  const opened = openJson(k, historyPath(day), text);
  if (typeof opened === 'string') return opened;
  const v = opened.value as Partial<StandingPoint>;
  if (v.day !== day || typeof v.at !== 'string' || !Array.isArray(v.groups)) return 'not in the expected form';
  const groups = v.groups.filter(
    (g): g is StandingPoint['groups'][number] =>
      !!g && typeof g.group === 'string' && Number.isInteger(g.users) && g.users >= 0 && Number.isInteger(g.apps) && g.apps >= 0,
  );
  if (groups.length !== v.groups.length) return 'not in the expected form';
  return { day, at: v.at, groups };
}

/** The day's point from the sweep's decisions: per group, who holds it without an active request once the run's changes are made. Pure. */
export function pointOf(
  now: number,
  groups: readonly { group: string; error?: string; dispositions: readonly { reason: string; type: string; action: string; outcome?: string }[] }[],
): StandingPoint {
  return {
    day: new Date(now).toISOString().slice(0, 10),
    at: new Date(now).toISOString(),
    groups: groups.filter((g) => !g.error).map((g) => ({ group: g.group, ...standingMembers(g.dispositions) })),
  };
}

export interface History {
  head: string | undefined;
  points: StandingPoint[];
  /** Days whose file did not count, with why. */
  rejected: { day: string; why: string }[];
  /** Every day the branch holds a file for. */
  days: string[];
}

/** The days the memory branch holds a point for, oldest first (from the checkout's listing; no MAC checked). */
export async function historyDays(git: Git, head: string | undefined): Promise<string[]> {
  return head ? (await memoryFolder(git, head, 'history', /^(\d{4}-\d{2}-\d{2})\.json$/)).sort() : [];
}

/** The points on the memory branch as the checkout has it, oldest first (no GitHub request). */
export async function readHistory(git: Git, reader: CatFile, k: MemoryKey): Promise<History> {
  const head = await memoryHead(git);
  const out: History = { head, points: [], rejected: [], days: await historyDays(git, head) };
  for (const day of out.days) {
    const object = await reader.read(`${head}:${historyPath(day)}`);
    const opened = object?.bytes ? openPoint(k, day, Buffer.from(object.bytes).toString('utf8')) : 'unreadable';
    if (typeof opened === 'string') out.rejected.push({ day, why: opened });
    else out.points.push(opened);
  }
  return out;
}

/**
 * What the sweep adds to the memory branch: today's point when the branch has no valid one for today
 * (the first sweep of the day records it), and the deletion of points older than HISTORY_DAYS. A file
 * for today without this repository's MAC is no record (THREATS 63): it is written over, so a forged
 * file neither blocks nor forges the day. Pure.
 */
export function historyChange(
  k: MemoryKey,
  history: Pick<History, 'days' | 'points'>,
  point: StandingPoint,
  now: number,
): { files: SealedFile[]; deletions: string[] } {
  const oldest = new Date(now - HISTORY_DAYS * 86_400_000).toISOString().slice(0, 10);
  return {
    files: history.points.some((p) => p.day === point.day) ? [] : [sealPoint(k, point)],
    deletions: history.days.filter((d) => d < oldest).map(historyPath),
  };
}
