/**
 * The effects a run makes on GitHub and in chat, as a value (Terraform's plan: each change with an
 * action and its reason). Membership and PIM changes are the reconciler's dispositions; these are what
 * follows from them: a comment on a pull request (the grant's outcome, a reminder), a chat notice,
 * the facts remembered for the next run (memory/memory.ts), the dashboard's text, a break-glass
 * use's review issue.
 * Each has a stable id, so a plan can be printed, compared and applied exactly; an effect that reports
 * another names it in `after` and is made only when that one was. Pure.
 */
import type { NotifyEvent } from '../notify/notify.ts';
import type { MemoryChange } from '../memory/memory.ts';

export type Effect =
  | { id: string; kind: 'comment'; pull: number; marker: string; body: string; reason: string }
  | { id: string; kind: 'reminder'; pull: number; marker: string; body: string; reason: string }
  | { id: string; kind: 'notice'; event: NotifyEvent; reason: string; after?: string }
  | { id: string; kind: 'remember'; change: MemoryChange; reason: string }
  | { id: string; kind: 'dashboard'; next: { body: string; stable: string }; reason: string }
  | { id: string; kind: 'answer'; issue: number; marker: string; body: string; reason: string }
  | { id: string; kind: 'review-issue'; run: number; runCreatedAt: number; title: string; body: string; labels: string[]; assignees: string[]; reason: string };

export type EffectStatus = 'done' | 'already' | 'failed' | 'skipped';

/** What applying one effect did, recorded beside the plan (the plan itself is never changed). */
export interface EffectOutcome {
  id: string;
  status: EffectStatus;
  detail: string;
  /** A notice's undelivered messages, one line each, in the service's words (never the URL). */
  failures?: string[];
  /** A notice: how many webhook messages it took, and how many arrived. */
  messages?: { sent: number; delivered: number };
}

/** A notice's id: what happened to whom in which group (one notice per event and run). */
export function noticeId(e: NotifyEvent): string {
  return `notice:${e.kind}:${e.group}:${e.who}${'pull' in e && e.pull !== undefined ? `:#${e.pull}` : ''}${'file' in e && e.file ? `:${e.file}` : ''}`;
}

/** The memory branch's change as an effect (none when nothing changes). */
export function rememberEffects(change: MemoryChange | undefined): Effect[] {
  if (!change) return [];
  const landings = change.files.filter((f) => f.path.startsWith('landings/')).length;
  const points = change.files.length - landings;
  const what = [
    landings > 0 ? `${landings} landing commit${landings === 1 ? '' : 's'} verified now` : '',
    points > 0 ? "today's standing-privilege point" : '',
    change.deletions.length > 0 ? `${change.deletions.length} no longer needed` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return [{ id: 'remember', kind: 'remember', change, reason: `facts that cannot change, remembered for the next run (${what})` }];
}
