/**
 * What became of one member of an entry in a run, in words: the same in the job summary and the CLI.
 * The words are those of what the backend holds (a membership is added and removed, an Azure role
 * assigned and unassigned), with the end where the service enforces it itself.
 */
import { backendOf } from './index.ts';
import type { GroupResult } from '../reconcile/decide.ts';

const MEMBERSHIP = { add: 'added', remove: 'removed', already: 'already a member', gone: 'already gone' };
const ASSIGNMENT = { add: 'assigned', remove: 'unassigned', already: 'already assigned', gone: 'already unassigned' };

/** A change's outcome (a failure without its detail, which each presenter adds in its own way). */
export function whatHappened(g: Pick<GroupResult, 'backend' | 'mode'>, d: GroupResult['dispositions'][number], dryRun: boolean): string {
  const backend = backendOf(g.backend);
  const w = backend.target === 'azureRole' ? ASSIGNMENT : MEMBERSHIP;
  // Audit mode reports; in enforce mode a backend keeps what it may not remove (an Azure role's group holder).
  if (d.action === 'report') return g.mode === 'audit' ? 'reported (audit mode)' : 'reported, not removed';
  if (d.outcome === 'failed') return `NOT ${d.action === 'add' ? w.add : d.action === 'update' ? 'moved' : w.remove}`;
  if (d.action === 'update') return `${dryRun ? 'would have' : 'has'} its ${backend.label ?? 'PIM'} assignment end at ${d.end ?? ''}`;
  if (d.action === 'add') {
    const ends = d.end && backend.endsItself ? ` (${backend.label}: the service ends it at ${d.end})` : '';
    return `${dryRun ? `would be ${w.add}` : d.outcome === 'already-member' ? w.already : w.add}${ends}`;
  }
  return dryRun ? `would be ${w.remove}` : d.outcome === 'already-gone' ? w.gone : w.remove;
}
