/**
 * The reconciler's decision for one group, as a pure function of who is a member and which requests
 * exist: desired membership is the set of users with an active, verified request, plus `standing`
 * exemptions (docs/threat-model.md invariant 7). Missing desired members are added; members whose requests ended
 * are removed in every mode; members nobody requested are removed in enforce mode and only reported in
 * audit mode. A member covered only by a request that could not be verified yet (GitHub unavailable)
 * is kept and not added: nothing is granted unverified, and nothing verified before is taken away
 * because GitHub is down.
 */
import type { GroupPolicy } from '../policy/policy.ts';
import type { Member } from '../entra/directory.ts';
import type { MemberReason } from '../backends/backend.ts';

export interface Disposition {
  id: string;
  type: Member['type'];
  action: 'keep' | 'add' | 'remove' | 'report';
  reason: MemberReason;
  /** The request files behind the decision. */
  files: string[];
}

export interface GroupFacts {
  group: GroupPolicy;
  members: readonly Member[];
  /** User id -> active, verified request files. */
  active: ReadonlyMap<string, readonly string[]>;
  /** User id -> active request files not verified yet (kept, never added). */
  unverified?: ReadonlyMap<string, readonly string[]>;
  /** User id -> request files that ended (expired, deleted, unreadable, or not approved). */
  ended: ReadonlyMap<string, readonly string[]>;
}

export function planGroup(facts: GroupFacts): Disposition[] {
  const standing = new Set(facts.group.standing);
  const present = new Set(facts.members.map((m) => m.id.toLowerCase()));
  const out: Disposition[] = facts.members.map((m) => {
    const id = m.id.toLowerCase();
    if (standing.has(id)) return { id, type: m.type, action: 'keep', reason: 'standing', files: [] };
    const active = facts.active.get(id);
    if (active && active.length > 0) return { id, type: m.type, action: 'keep', reason: 'active', files: [...active] };
    const waiting = facts.unverified?.get(id);
    if (waiting && waiting.length > 0) return { id, type: m.type, action: 'keep', reason: 'unverified', files: [...waiting] };
    const ended = facts.ended.get(id);
    if (ended && ended.length > 0) return { id, type: m.type, action: 'remove', reason: 'ended', files: [...ended] };
    return { id, type: m.type, action: facts.group.mode === 'enforce' ? 'remove' : 'report', reason: 'drift', files: [] };
  });
  for (const [id, files] of facts.active) {
    if (files.length > 0 && !present.has(id)) out.push({ id, type: 'user', action: 'add', reason: 'active', files: [...files] });
  }
  return out;
}
