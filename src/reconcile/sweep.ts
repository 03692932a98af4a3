/**
 * The sweep's decision for one group, as a pure function of who is a member and which requests
 * exist: desired membership is the set of users with an active, approved request, plus `standing`
 * exemptions (DESIGN.md invariant 7). Members whose requests ended are removed in every mode;
 * members nobody requested are removed in enforce mode and only reported in audit mode. The sweep
 * never adds anyone.
 */
import type { GroupPolicy } from '../policy/policy.ts';
import type { Member } from '../entra/directory.ts';

export type SweepReason = 'active' | 'standing' | 'ended' | 'drift';

export interface Disposition {
  id: string;
  type: Member['type'];
  action: 'keep' | 'remove' | 'report';
  reason: SweepReason;
  /** The request files behind the decision. */
  files: string[];
}

export interface GroupFacts {
  group: GroupPolicy;
  members: readonly Member[];
  /** User id -> active, approved request files. */
  active: ReadonlyMap<string, readonly string[]>;
  /** User id -> request files that ended (expired, deleted, or no longer approved). */
  ended: ReadonlyMap<string, readonly string[]>;
}

export function planGroupSweep(facts: GroupFacts): Disposition[] {
  const standing = new Set(facts.group.standing);
  return facts.members.map((m) => {
    const id = m.id.toLowerCase();
    if (standing.has(id)) return { id, type: m.type, action: 'keep', reason: 'standing', files: [] };
    const active = facts.active.get(id);
    if (active && active.length > 0) return { id, type: m.type, action: 'keep', reason: 'active', files: [...active] };
    const ended = facts.ended.get(id);
    if (ended && ended.length > 0) return { id, type: m.type, action: 'remove', reason: 'ended', files: [...ended] };
    return { id, type: m.type, action: facts.group.mode === 'enforce' ? 'remove' : 'report', reason: 'drift', files: [] };
  });
}
