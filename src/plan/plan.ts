/**
 * One run's plan as a value (Terraform's `plans.Plan`): every change to Entra, each naming the
 * backend that makes it (backends), and every effect on GitHub and in chat, each with a stable
 * id, a kind and its reason, plus the checks that follow the writes and what the run could not
 * judge. Made before any write (reconcile/decide.ts, then the command's effects), printed by `grant|revoke --dry-run` and at the top of every grant and sweep
 * job summary; applying it records outcomes beside it (by id), never changes it. Pure.
 */
import type { ChangeOutcome, EntraChange } from '../backends/backend.ts';
import { BACKENDS } from '../backends/index.ts';
import type { CheckOutcome, EntraCheck, GroupResult } from '../reconcile/decide.ts';
import type { Effect, EffectOutcome } from './effects.ts';

/** A member kept but reported (audit mode, or a holder the backend may not remove): in the plan so that it is seen, never a write. */
export interface ReportedMember {
  id: string;
  kind: 'report-member';
  backend: GroupResult['backend'];
  group: string;
  member: string;
  reason: string;
  sources: string[];
}

export type PlannedChange = EntraChange | ReportedMember;

export interface RunPlan {
  /** The default branch's commit the plan was made from. */
  head: string;
  changes: PlannedChange[];
  /** Reads after the writes that verify them, each made only when the change it follows was made. */
  checks: EntraCheck[];
  effects: Effect[];
  /** Set when GitHub could not be read: only removals are planned. */
  degraded?: string;
  /** Configuration changes not in force, with why. */
  configIgnored: { sha: string; files: string[]; why: string }[];
}

/** What making the plan did, by id (nothing in a dry run). */
export interface RunOutcomes {
  changes: ChangeOutcome[];
  effects: EffectOutcome[];
  checks: CheckOutcome[];
}

/** The plan of a run: its Entra changes as decided (removals first), the audit-mode reports, and its effects. */
export function runPlan(
  report: {
    head: string;
    groups: readonly GroupResult[];
    changes: readonly EntraChange[];
    checks: readonly EntraCheck[];
    degraded?: string;
    configIgnored: RunPlan['configIgnored'];
  },
  effects: readonly Effect[],
): RunPlan {
  const reported: ReportedMember[] = report.groups.flatMap((g) =>
    g.dispositions
      .filter((d) => d.action === 'report')
      .map((d) => ({
        id: `report-member:${g.group}:${d.id}`,
        kind: 'report-member' as const,
        backend: g.backend,
        group: g.group,
        member: d.id,
        reason: d.reason,
        sources: [...d.files],
      })),
  );
  return {
    head: report.head,
    changes: [...report.changes, ...reported],
    checks: [...report.checks],
    effects: [...effects],
    ...(report.degraded ? { degraded: report.degraded } : {}),
    configIgnored: report.configIgnored,
  };
}

/** Each kind of change in words: the backends' own, and the two that belong to no backend. */
const VERB: Partial<Record<PlannedChange['kind'], string>> = {
  ...Object.assign({}, ...Object.values(BACKENDS).map((b) => b.verbs)),
  'revoke-sessions': 'revoke the sign-in sessions of',
  'report-member': 'report (kept, not removed)',
};

/**
 * The planned effects with the words of the applied ones (a comment says what happened, not what
 * was going to): matched by id, so that nothing is added or left out after the plan was shown.
 */
export function sameEffects(planned: readonly Effect[], applied: readonly Effect[]): Effect[] {
  const byId = new Map(applied.map((e) => [e.id, e]));
  return planned.map((e) => (byId.get(e.id)?.kind === e.kind ? byId.get(e.id)! : e));
}

/** One line per planned change and effect, with its id and reason: the same words in the CLI and the job summary. */
export function planLines(plan: RunPlan): string[] {
  const changes = plan.changes.map(
    (c) =>
      `${c.id}: ${VERB[c.kind] ?? c.kind} ${c.member} in ${c.group} (${c.backend}; ${c.reason}${c.sources.length > 0 ? `: ${c.sources.join(', ')}` : ''})${'end' in c && c.end ? `, ending ${c.end}` : ''}${'after' in c && c.after ? `, after ${c.after}` : ''}`,
  );
  const effects = plan.effects.map(
    (e) => `${e.id}: ${e.kind}${'pull' in e ? ` on #${e.pull}` : ''}: ${e.reason}${'after' in e && e.after ? `, after ${e.after}` : ''}`,
  );
  const checks = plan.checks.map(
    (c) =>
      `${c.id}: check that ${c.kind === 'verify-removal' ? `${c.member} no longer holds ${c.group}` : `Graph's reads show ${c.member} in ${c.group}`} (${c.reason}), after ${c.after}`,
  );
  return [...changes, ...checks, ...effects];
}

/** Every id of the plan, changes then effects. */
export function planIds(plan: RunPlan): string[] {
  return [...plan.changes.map((c) => c.id), ...plan.checks.map((c) => c.id), ...plan.effects.map((e) => e.id)];
}
