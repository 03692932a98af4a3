/**
 * What approving a waiting pull request confers, told on the pull request itself: the sweep, which
 * reads Graph, comments once per pull request and content (a marker holds a digest of it), so the
 * code owners see it where they approve even where the pull-request check's summary is not read.
 * Nothing is said where nothing is known beyond membership itself.
 */
import { createHash } from 'node:crypto';
import type { AccessConfig } from '../config/config.ts';
import type { GroupAccess } from '../entra/catalogue.ts';
import { conferredViews } from '../report/conferred.ts';
import { markdownCell } from '../markdown.ts';
import type { Effect } from '../plan/effects.ts';

export function confersEffects(config: AccessConfig, pending: readonly { number: number; groups: string[] }[], catalogue: readonly GroupAccess[]): Effect[] {
  const effects: Effect[] = [];
  for (const p of pending) {
    if (p.groups.length === 0) continue;
    const views = conferredViews(
      config,
      p.groups.map((group) => ({ group, file: '' })),
      catalogue,
    );
    // Nothing known to tell (no read permission, or membership confers nothing more): no comment.
    if (!views.some((v) => v.conferred > 0)) continue;
    const content = views.flatMap((v) => [
      `**${markdownCell(v.group)}**${v.privileged ? ' ⚠️ privileged' : ''}`,
      ...v.lines.map((l) => `- ${markdownCell(l)}`),
      ...v.warnings.map((w) => `> ⚠️ ${markdownCell(w)}`),
      '',
    ]);
    const digest = createHash('sha256').update(content.join('\n')).digest('hex').slice(0, 32);
    const marker = `<!-- access-as-code:confers:${p.number}:${digest} -->`;
    const body = [
      marker,
      '**access-as-code**: what approving this pull request confers, as the sweep read it from Microsoft Graph:',
      '',
      ...content,
      'A new comment follows only when this changes.',
    ].join('\n');
    effects.push({
      id: `comment:#${p.number}:${digest}`,
      kind: 'comment',
      pull: p.number,
      marker,
      body,
      reason: `what ${p.groups.join(', ')} confers, for the code owners of #${p.number}`,
    });
  }
  return effects;
}
