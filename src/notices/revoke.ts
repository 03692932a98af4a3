/** What the sweep tells people: a reminder on the pull request before access ends, and chat notices. */
import { noticeId, type Effect } from '../plan/effects.ts';
import type { NotifyEvent } from '../notify/notify.ts';
import { isRemoval, type EntraChange } from '../backends/backend.ts';
import type { GroupResult } from '../reconcile/decide.ts';
import { reminderBody, reminderMarker, type Reminder } from './reminders.ts';

/**
 * The sweep's effects on GitHub and in chat, planned from the plan: reminders (each once per request
 * version) with their notices, and a notice per planned removal. `names`: who each member is, by
 * `group:id` (a login where a request names one).
 */
export function revokeEffects(
  report: { reminders: readonly Reminder[]; groups: readonly GroupResult[]; changes: readonly EntraChange[]; names: ReadonlyMap<string, string> },
  now: number,
): Effect[] {
  const effects: Effect[] = [];
  for (const r of report.reminders) {
    const marker = reminderMarker(r);
    const id = `reminder:#${r.pull}:${r.file}:${r.expires}`;
    effects.push({ id, kind: 'reminder', pull: r.pull, marker, body: reminderBody(r, now), reason: `${r.file} ends at ${r.expires}` });
    const event: NotifyEvent = { kind: 'reminder', group: r.group, who: r.requester, until: r.expires, pull: r.pull };
    // The notice goes with the reminder: only when the reminder is posted in this run.
    effects.push({ id: noticeId(event), kind: 'notice', event, reason: `reminder for ${r.file}`, after: id });
  }
  // A notice per planned removal, sent only when the removal is made in this run (its `after`).
  const removals = new Map(report.changes.filter(isRemoval).map((c) => [`${c.group}:${c.member}`, c.id]));
  for (const g of report.groups) {
    for (const d of g.dispositions.filter((x) => x.action === 'remove')) {
      const event: NotifyEvent = {
        kind: 'removed',
        group: g.group,
        who: report.names.get(`${g.group}:${d.id}`) ?? d.id,
        why: d.reason === 'drift' ? 'drift' : 'ended',
        ...(d.files[0] ? { file: d.files[0] } : {}),
      };
      const after = removals.get(`${g.group}:${d.id}`);
      effects.push({ id: noticeId(event), kind: 'notice', event, reason: `${d.id} removed from ${g.group} (${d.reason})`, ...(after ? { after } : {}) });
    }
  }
  return effects;
}
