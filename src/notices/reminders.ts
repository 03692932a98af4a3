/**
 * Reminders before access ends: which verified requests are due one, and its words on the pull request
 * (one reminder per request version: the marker names the file and its expiry, no state store).
 */
import { formatDuration } from '../duration.ts';
import { inlineCode } from '../markdown.ts';
import type { ReconcileReport } from '../reconcile/reconcile.ts';

export interface Reminder {
  file: string;
  pull: number;
  requester: string;
  group: string;
  expires: string;
}

/**
 * Verified active requests that end within their group's reminder window, the soonest-ending first
 * (a run posts a limited number: execute/executor.ts, NEW_REMINDERS_PER_RUN).
 */
export function dueReminders(report: ReconcileReport, now: number): Reminder[] {
  const due: (Reminder & { at: number })[] = [];
  for (const r of report.requests) {
    const window = report.config.policy.groups.get(r.group)?.reminderBeforeMs ?? 0;
    const pull = r.verification?.pull;
    if (r.state !== 'active' || !r.verification?.approved || !r.request || pull === undefined) continue;
    if (r.request.expiresAt - now <= window)
      due.push({ file: r.file, pull, requester: r.request.requester, group: r.group, expires: r.request.expires, at: r.request.expiresAt });
  }
  return due.sort((a, b) => a.at - b.at || a.file.localeCompare(b.file)).map(({ at: _at, ...r }) => r);
}

/** The reminder's marker names the file and its expiry: one reminder per request version, no state store. */
export function reminderMarker(r: Reminder): string {
  return `<!-- access-as-code:reminder:${r.file}:${r.expires} -->`;
}

export function reminderBody(r: Reminder, now: number): string {
  const left = formatDuration(Math.max(0, Date.parse(r.expires) - now));
  return [
    reminderMarker(r),
    `@${r.requester}, your membership of **${r.group}** ends at ${r.expires} (in about ${left}).`,
    '',
    `Still need it? Open a pull request that changes \`expires\` in ${inlineCode(r.file)}; it is reviewed like a new request. Otherwise nothing to do: the access is removed automatically.`,
  ].join('\n');
}
