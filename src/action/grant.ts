/** The action's grant: only on a push to the default branch; outcome on each pull request, in the summary and outputs. */
import { createHash } from 'node:crypto';
import * as core from './runner.ts';
import { ConfigError } from '../diagnostics.ts';
import type { GrantItem, GrantReport } from '../commands/grant.ts';
import { escapeHtml, filled } from './report.ts';

const ICON: Record<GrantItem['outcome'], string> = {
  granted: '✅ granted',
  'already-member': '✅ already a member',
  refused: '⛔ not granted',
  removed: '🔒 removed',
  'not-a-member': '🔒 nothing to remove',
  kept: 'ℹ️ kept',
  ending: '⏳ ending',
  failed: '❌ failed',
};

export function requireDefaultBranchPush(event: { kind: string; ref?: string; defaultBranch?: string }, eventName: string): asserts event is { kind: 'push'; ref: string; defaultBranch: string } {
  if (event.kind !== 'push') {
    throw new ConfigError(`grant runs only on a push to the default branch, not on "${eventName}": access is granted after merge, never from a pull request (docs/threat-model.md, case 12).`);
  }
  if (event.ref !== `refs/heads/${event.defaultBranch}`) {
    throw new ConfigError(`grant runs only on a push to the default branch (refs/heads/${event.defaultBranch}), not on ${event.ref}.`);
  }
}

/**
 * Identifies what a comment reports: the pull request and the versions of its request files (path,
 * change, expiry). A re-run, or a later run that reports the same versions again (a re-run of an old
 * push after newer merges), finds it and does not comment twice; a new version gets a new comment.
 */
export function commentMarker(pull: number, items: readonly GrantItem[]): string {
  const versions = items.map((i) => `${i.file}\n${i.change}\n${i.expires ?? ''}`).sort().join('\n\n');
  return `<!-- access-as-code:grant:${pull}:${createHash('sha256').update(versions).digest('hex').slice(0, 32)} -->`;
}

/** GitHub refuses issue comments longer than this (422 "body is too long"). */
export const COMMENT_LIMIT = 65_536;

export function commentBody(items: readonly GrantItem[], after: string, pull: number): string {
  const head = [commentMarker(pull, items), `**access-as-code** after merging this pull request (main at ${after.slice(0, 7)}):`, ''];
  const tail: string[] = [];
  if (items.some((i) => i.outcome === 'refused')) tail.push('', 'To ask again, fix what is listed above in a new pull request and have it approved by the folder\'s code owners.');
  if (items.some((i) => i.outcome === 'granted')) tail.push('', 'To extend, open a pull request that changes `expires`; to end it early, one that deletes the file.');
  // Inline code cannot hold a backtick, and a file name is the requester's text: it is shown without them.
  const lines = items.map((item) => `- ${ICON[item.outcome]}: \`${item.file.replace(/[`\r\n]/g, '?')}\` — ${item.detail.replace(/[\r\n]+/g, ' ')}`);
  let shown = lines.length;
  const body = (n: number) => [...head, ...lines.slice(0, n), ...(n < lines.length ? ['', `… and ${lines.length - n} more: the run's job summary lists every request with its outcome.`] : []), ...tail].join('\n');
  // Too long for one comment: as many whole lines as fit, and where to read the rest.
  while (shown > 0 && body(shown).length > COMMENT_LIMIT) shown = Math.max(0, Math.min(shown - 1, Math.floor(shown * 0.9)));
  return body(shown);
}

/** One comment per pull request and version of its requests; a re-run finds its marker and does not post again. */
export async function commentOnPulls(after: string, items: readonly GrantItem[], api: { list: (n: number) => Promise<{ body: string }[]>; post: (n: number, body: string) => Promise<unknown> }): Promise<void> {
  const byPull = new Map<number, GrantItem[]>();
  for (const item of items) if (item.pull !== undefined) byPull.set(item.pull, [...(byPull.get(item.pull) ?? []), item]);
  for (const [pull, list] of byPull) {
    const marker = commentMarker(pull, list);
    const existing = await api.list(pull);
    if (existing.some((c) => c.body.includes(marker))) continue;
    await api.post(pull, commentBody(list, after, pull));
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
      ...report.items.map((i) => [escapeHtml(i.file), i.pull !== undefined ? `#${i.pull}` : 'none', escapeHtml(i.requester ?? ''), escapeHtml(i.group ?? ''), escapeHtml(i.expires ?? ''), ICON[i.outcome], escapeHtml(i.detail)].map(filled)),
    ]);
  }
  if (report.failed) summary.addRaw('Some approved changes could not be applied. Re-run this workflow: finished changes are not repeated.', true);
  await summary.write();
}
