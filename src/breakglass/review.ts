/**
 * What a review of a break-glass use is, stated once (docs/threat-model.md 49): the use's review
 * issue, closed as completed by a code owner of the group who is not the user (as a login, nor as a
 * person: another GitHub account mapped to the same Entra user is the user; invariant 21), as the
 * issue's own events record it (who closed it, when, as what), and not reopened since. A close once
 * judged keeps its verdict (memory/verdicts.ts, invariant 22). Never a label (anyone with
 * triage access can add or remove one), never "closed by anyone". The break-glass command, the
 * dashboard and the report all ask this rule. Pure.
 */
import { isCodeOwner } from '../approval/approval.ts';
import type { Owner } from '../codeowners/codeowners.ts';
import { samePerson, samePersonWhy, type People } from '../identities/people.ts';
import type { BreakGlassRecord } from './breakglass.ts';

/** A review issue as GitHub records it. */
export interface ReviewIssue {
  number: number;
  /** Who opened it: the job's bot account for a genuine one. */
  author: string;
  /** Opened by a bot (REST `user.type: "Bot"`), told by type, never by the login (docs/threat-model.md 67). */
  authorBot: boolean;
  /** The run its marker names (the marker is only a pointer: see issueOfUse). */
  run: number;
  createdAt: number;
  state: 'open' | 'closed';
  /** The last "closed" event after the last "reopened" one, where the issue is closed. */
  closed?: { by: string; at: string; reason: string | null };
}

/** How long after its run last changed a review issue may have been opened and still be that run's. */
const OPENED_WITHIN_MS = 10 * 60_000;

/**
 * The review issue of a use: opened by a bot while the run ran, naming the run. An issue opened at
 * another time (an older issue whose marker was edited, an issue written by another workflow later)
 * is not the use's review issue, and the use stays unreviewed.
 */
export function issueOfUse(use: Pick<BreakGlassRecord, 'run' | 'start' | 'updatedAt'>, issues: readonly ReviewIssue[]): ReviewIssue | undefined {
  return issues
    .filter((i) => i.run === use.run && i.authorBot && i.createdAt >= use.start - 60_000 && i.createdAt <= use.updatedAt + OPENED_WITHIN_MS)
    .sort((a, b) => a.number - b.number)[0];
}

export type ReviewVerdict = { reviewed: true; by: string; at: string } | { reviewed: false; why: string };

/** The one rule: closed as completed by a code owner of the group (teams read from GitHub) who is not the user. */
export function reviewOf(
  issue: ReviewIssue | undefined,
  login: string,
  owners: readonly Owner[],
  memberships: ReadonlySet<string>,
  people?: People,
): ReviewVerdict {
  if (!issue) return { reviewed: false, why: 'no review issue was opened by the break-glass run.' };
  if (issue.state !== 'closed' || !issue.closed) return { reviewed: false, why: `#${issue.number} is open.` };
  const { by, at, reason } = issue.closed;
  if (reason !== 'completed') return { reviewed: false, why: `#${issue.number} was closed as ${reason ?? 'no reason'}, not as completed.` };
  if (by.toLowerCase() === login.toLowerCase()) return { reviewed: false, why: `#${issue.number} was closed by ${login}, who used break-glass.` };
  if (samePerson(people, by, login))
    return { reviewed: false, why: `#${issue.number} was closed by ${by}, who is ${login}, who used break-glass (${samePersonWhy(people!, by, login)}).` };
  if (!isCodeOwner(by, owners, memberships)) return { reviewed: false, why: `#${issue.number} was closed by ${by}, who is not a code owner of the group.` };
  return { reviewed: true, by, at };
}

export const BREAK_GLASS_MARKER = '<!-- access-as-code:break-glass';

/** The run a review issue's marker names (a pointer only: issueOfUse checks when the issue was opened). */
export function readMarker(body: string): { run: number; group: string; login: string } | undefined {
  const m = /^<!-- access-as-code:break-glass (\{[^\n]*\}) -->/.exec(body);
  if (!m) return undefined;
  try {
    const v = JSON.parse(m[1]!) as { run?: unknown; group?: unknown; login?: unknown };
    return typeof v.run === 'number' && typeof v.group === 'string' && typeof v.login === 'string' ? { run: v.run, group: v.group, login: v.login } : undefined;
  } catch {
    return undefined;
  }
}
