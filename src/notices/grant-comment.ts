/** What the grant tells a pull request after its merge: one comment per version of its requests. */
import { createHash } from 'node:crypto';
import type { GrantItem } from './grant-items.ts';
import { noticeId, type Effect } from '../plan/effects.ts';
import type { NotifyEvent } from '../notify/notify.ts';
import { inlineCode } from '../markdown.ts';

export const ICON: Record<GrantItem['outcome'], string> = {
  granted: '✅ granted',
  'already-member': '✅ already a member',
  refused: '⛔ not granted',
  removed: '🔒 removed',
  'not-a-member': '🔒 nothing to remove',
  kept: 'ℹ️ kept',
  ending: '⏳ ending',
  failed: '❌ failed',
};

/**
 * Identifies what a comment reports: the pull request and the versions of its request files (path,
 * change, expiry). A re-run, or a later run that reports the same versions again (a re-run of an old
 * push after newer merges), finds it and does not comment twice; a new version gets a new comment.
 */
export function commentMarker(pull: number, items: readonly GrantItem[]): string {
  const versions = items
    .map((i) => `${i.file}\n${i.change}\n${i.expires ?? ''}`)
    .sort()
    .join('\n\n');
  return `<!-- access-as-code:grant:${pull}:${createHash('sha256').update(versions).digest('hex').slice(0, 32)} -->`;
}

/** GitHub refuses issue comments longer than this (422 "body is too long"). */
export const COMMENT_LIMIT = 65_536;

export function commentBody(items: readonly GrantItem[], after: string, pull: number): string {
  const head = [commentMarker(pull, items), `**access-as-code** after merging this pull request (main at ${after.slice(0, 7)}):`, ''];
  const tail: string[] = [];
  if (items.some((i) => i.outcome === 'refused'))
    tail.push('', "To ask again, fix what is listed above in a new pull request and have it approved by the folder's code owners.");
  if (items.some((i) => i.outcome === 'granted'))
    tail.push('', 'To extend, open a pull request that changes `expires`; to end it early, one that deletes the file.');
  // A file name is the requester's text: shown literally, whatever backticks it holds.
  const lines = items.map((item) => `- ${ICON[item.outcome]}: ${inlineCode(item.file)} — ${item.detail.replace(/[\r\n]+/g, ' ')}`);
  let shown = lines.length;
  const body = (n: number) =>
    [
      ...head,
      ...lines.slice(0, n),
      ...(n < lines.length ? ['', `… and ${lines.length - n} more: the run's job summary lists every request with its outcome.`] : []),
      ...tail,
    ].join('\n');
  // Too long for one comment: as many whole lines as fit, and where to read the rest.
  while (shown > 0 && body(shown).length > COMMENT_LIMIT) shown = Math.max(0, Math.min(shown - 1, Math.floor(shown * 0.9)));
  return body(shown);
}

/**
 * The grant's effects on GitHub and in chat, planned from the plan (each item's planned outcome): one
 * comment per pull request and version of its requests, and a notice per planned grant, refusal and
 * removal; a notice of an Entra change is sent only when that change is made (its `after`). After the
 * run the comment's words say what happened; the set of effects (ids) is the planned one.
 */
export function grantEffects(report: { items: readonly GrantItem[]; head: string }): Effect[] {
  const effects: Effect[] = [];
  const byPull = new Map<number, GrantItem[]>();
  for (const item of report.items) if (item.pull !== undefined) byPull.set(item.pull, [...(byPull.get(item.pull) ?? []), item]);
  for (const [pull, list] of byPull) {
    const marker = commentMarker(pull, list);
    effects.push({
      id: `comment:#${pull}:${marker.slice(-36, -4)}`,
      kind: 'comment',
      pull,
      marker,
      body: commentBody(list, report.head, pull),
      reason: `the outcome of ${list.map((i) => i.file).join(', ')}`,
    });
  }
  for (const i of report.items) {
    if (!i.group || !i.requester) continue;
    const base = { group: i.group, who: i.requester, file: i.file, ...(i.pull !== undefined ? { pull: i.pull } : {}) };
    const event: NotifyEvent | undefined =
      i.planned === 'granted'
        ? { kind: 'granted', ...base, until: i.expires ?? '' }
        : i.planned === 'refused'
          ? { kind: 'refused', ...base, reason: i.detail }
          : i.planned === 'removed'
            ? { kind: 'removed', group: i.group, who: i.requester, why: 'ended', file: i.file }
            : undefined;
    if (event)
      effects.push({
        id: noticeId(event),
        kind: 'notice',
        event,
        reason: `${i.file}: ${i.planned}`,
        ...(i.entraChange && i.planned !== 'refused' ? { after: i.entraChange } : {}),
      });
  }
  return effects;
}
