/** The sweep's job summary: per group, who was removed, kept and reported, and why. */
import * as core from './runner.ts';
import type { RevokeReport } from '../commands/revoke.ts';
import { escapeHtml } from './report.ts';
import { whatHappened } from '../backends/outcome-words.ts';

const REASON = {
  active: 'active request',
  standing: 'standing exemption',
  ended: 'request ended',
  drift: 'no request (added outside access-as-code)',
  unverified: 'request not verified yet',
} as const;

export async function writeRevokeSummary(report: RevokeReport): Promise<void> {
  const summary = core.summary.addHeading(report.dryRun ? 'Access sweep (dry run: nothing changed)' : 'Access sweep', 2);
  if (report.degraded) summary.addRaw(`<p><strong>GitHub could not be read:</strong> ${escapeHtml(report.degraded)}</p>`, true);
  const rows = report.groups.map((g) => {
    const count = (pred: (d: (typeof g.dispositions)[number]) => boolean) => g.dispositions.filter(pred).length;
    return [
      escapeHtml(g.group),
      g.mode,
      String(count((d) => d.outcome === 'added' || (report.dryRun && d.action === 'add'))),
      String(count((d) => d.outcome === 'removed' || (report.dryRun && d.action === 'remove'))),
      String(count((d) => d.action === 'keep')),
      String(count((d) => d.reason === 'drift')),
      String(count((d) => d.outcome === 'failed') + (g.error ? 1 : 0)),
    ];
  });
  summary.addTable([
    [
      { data: 'Group', header: true },
      { data: 'Mode', header: true },
      { data: report.dryRun ? 'Would add' : 'Added', header: true },
      { data: report.dryRun ? 'Would remove' : 'Removed', header: true },
      { data: 'Kept', header: true },
      { data: 'Drift found', header: true },
      { data: 'Failures', header: true },
    ],
    ...rows,
  ]);
  const details: string[] = [];
  for (const g of report.groups) {
    if (g.error) details.push(`${escapeHtml(g.group)}: ${escapeHtml(g.error)}`);
    for (const d of g.dispositions) {
      if (d.action !== 'keep')
        details.push(
          `${escapeHtml(g.group)}: ${d.type} ${d.id} ${escapeHtml(whatHappened(g, d, report.dryRun))}${d.outcome === 'failed' ? `: ${escapeHtml(d.detail ?? '')}` : ''}${d.sessions ? `; sign-in sessions ${escapeHtml(d.sessions)}` : ''}${d.stillHeld ? `; <strong>${escapeHtml(d.stillHeld)}</strong>` : ''}${d.unverified ? `; <strong>${escapeHtml(d.unverified)}</strong>` : ''} (${REASON[d.reason]}${d.files.length ? `: ${d.files.map(escapeHtml).join(', ')}` : ''})`,
        );
    }
  }
  if (details.length > 0) summary.addList(details);
  // Requests that are on the default branch and hold nothing, with why: the sweep is often where a
  // requester whose grant run was lost looks.
  const refused = report.groups.flatMap((g) => g.ignored.map((i) => `${escapeHtml(i.file)}: ${escapeHtml(i.why)}`));
  if (refused.length > 0) summary.addHeading('Requests that grant nothing', 3).addList(refused);
  if (report.breakGlassIgnored.length > 0)
    summary.addHeading('Break-glass runs that cover nobody', 3).addList(report.breakGlassIgnored.map((b) => `run ${b.run}: ${escapeHtml(b.why)}`));
  if (report.reminders.length > 0)
    summary.addRaw(
      `Reminders due: ${report.reminders.map((r) => `${escapeHtml(r.requester)} (${escapeHtml(r.group)}, ends ${escapeHtml(r.expires)})`).join(', ')}.`,
      true,
    );
  await summary.write();
}
