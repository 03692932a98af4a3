/** The action's grant: only on a push to the default branch; outcome on each pull request, in the summary and outputs. */
import * as core from './runner.ts';
import { ConfigError } from '../diagnostics.ts';
import type { GrantReport } from '../commands/grant.ts';
import { escapeHtml, filled } from './report.ts';
import { ICON } from '../notices/grant-comment.ts';

export function requireDefaultBranchPush(
  event: { kind: string; ref?: string; defaultBranch?: string },
  eventName: string,
): asserts event is { kind: 'push'; ref: string; defaultBranch: string } {
  if (event.kind !== 'push') {
    throw new ConfigError(
      `grant runs only on a push to the default branch, not on "${eventName}": access is granted after merge, never from a pull request (docs/threat-model.md, case 12).`,
    );
  }
  if (event.ref !== `refs/heads/${event.defaultBranch}`) {
    throw new ConfigError(`grant runs only on a push to the default branch (refs/heads/${event.defaultBranch}), not on ${event.ref}.`);
  }
}

export async function writeGrantSummary(report: GrantReport, after: string): Promise<void> {
  const summary = core.summary.addHeading(`Access changes for ${after.slice(0, 7)}`, 2);
  if (report.items.length === 0) summary.addRaw('This push changed no request files.', true);
  else {
    summary.addTable([
      [
        { data: 'Request', header: true },
        { data: 'Pull request', header: true },
        { data: 'Requester', header: true },
        { data: 'Group', header: true },
        { data: 'Expires', header: true },
        { data: 'Outcome', header: true },
        { data: 'Detail', header: true },
      ],
      ...report.items.map((i) =>
        [
          escapeHtml(i.file),
          i.pull !== undefined ? `#${i.pull}` : 'none',
          escapeHtml(i.requester ?? ''),
          escapeHtml(i.group ?? ''),
          escapeHtml(i.expires ?? ''),
          ICON[i.outcome],
          escapeHtml(i.detail),
        ].map(filled),
      ),
    ]);
  }
  // An entry that could not be read or managed is said with its reason, here and as an error line.
  const unread = report.groups.filter((g) => g.error);
  for (const g of unread) core.error(`${g.group}: ${g.error}`, { title: 'access-as-code: nothing was changed for this entry' });
  if (unread.length > 0) summary.addList(unread.map((g) => `${escapeHtml(g.group)}: ${escapeHtml(g.error!)}`));
  if (report.failed) summary.addRaw('Some approved changes could not be applied. Re-run this workflow: finished changes are not repeated.', true);
  await summary.write();
}
