/**
 * Approval in proportion to risk: a group whose membership leads to privileged access (an Entra
 * administrator role, an app's administrator role) should need more than one approval and allow only a
 * short time. One rule, asked by doctor (from Graph) and by the pull-request check (from the catalogue
 * the sweep publishes). Pure.
 */
import { formatDuration, HOUR_MS } from '../duration.ts';
import { accessLines, heaviest, type GroupAccess } from '../entra/catalogue.ts';
import type { GroupPolicy } from './policy.ts';

/** What privileged access should at least need, unless the policy says more. */
export const PRIVILEGED_APPROVALS = 2;
export const PRIVILEGED_MAX_MS = 8 * HOUR_MS;

export function privilegeFindings(group: Pick<GroupPolicy, 'name' | 'approvals' | 'maxDurationMs' | 'maxDurationText'>, access: GroupAccess): string[] {
  if (heaviest(access) < 10) return [];
  const what = accessLines({ ...access, confers: access.confers.filter((c) => c.privileged), unknown: [] })
    .slice(0, 3)
    .map((l) => l.replace(/^⚠️ PRIVILEGED: /, ''))
    .join('; ');
  const out: string[] = [];
  if (group.approvals < PRIVILEGED_APPROVALS)
    out.push(
      `${group.name} confers privileged access (${what}) but its policy asks for ${group.approvals} approval: set "approvals: ${PRIVILEGED_APPROVALS}" (or more) for it, so that one person cannot grant it alone.`,
    );
  if (group.maxDurationMs > PRIVILEGED_MAX_MS)
    out.push(
      `${group.name} confers privileged access (${what}) and allows requests of up to ${group.maxDurationText}: set "maxDuration" to ${formatDuration(PRIVILEGED_MAX_MS)} or less, so that privileged access lasts a working session, not ${group.maxDurationText}.`,
    );
  return out;
}
