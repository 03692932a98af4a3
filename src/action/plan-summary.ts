/**
 * The plan in the job summary, first, and what making it did, after: every grant, sweep and
 * break-glass run shows the same plan a dry run of it shows (the `plan` output holds it as JSON),
 * then each change's and effect's outcome by id (the `outcomes` output).
 */
import * as core from './runner.ts';
import { escapeHtml } from './report.ts';
import { planIds, planLines, type RunOutcomes, type RunPlan } from '../plan/plan.ts';
import type { CheckOutcome } from '../reconcile/decide.ts';

export async function writePlan(plan: RunPlan, dryRun: boolean): Promise<void> {
  core.setOutput('plan', JSON.stringify(plan));
  const lines = planLines(plan);
  const summary = core.summary.addHeading(dryRun ? 'Plan (dry run: nothing is changed)' : 'Plan', 2);
  if (plan.degraded) summary.addRaw(`<p><strong>GitHub could not be read:</strong> ${escapeHtml(plan.degraded)}</p>`, true);
  if (lines.length === 0) summary.addRaw('<p>Nothing to change.</p>', true);
  else summary.addList(lines.map(escapeHtml));
  await summary.write();
  for (const line of lines) core.info(`${dryRun ? 'would' : 'plan'}: ${line}`);
}

export async function writeOutcomes(plan: RunPlan, outcomes: RunOutcomes): Promise<void> {
  const byId = new Map<string, { status: string; detail?: string }>([
    ...outcomes.changes.map((o) => [o.id, { status: o.result, ...(o.detail ? { detail: o.detail } : {}) }] as const),
    ...outcomes.checks.map((o) => [o.id, { status: o.result, ...checkDetail(o) }] as const),
    ...outcomes.effects.map((o) => [o.id, { status: o.status, detail: o.detail }] as const),
  ]);
  const rows = planIds(plan).flatMap((id) => {
    const o = byId.get(id);
    return o ? [{ id, ...o }] : [];
  });
  core.setOutput('outcomes', JSON.stringify(rows));
  if (rows.length === 0) return;
  await core.summary
    .addHeading('Outcomes', 3)
    .addList(rows.map((r) => `${escapeHtml(r.id)}: ${escapeHtml(r.status)}${r.detail ? ` (${escapeHtml(r.detail)})` : ''}`))
    .write();
}

/** A check's finding in words (what still holds the access, what Graph did not answer, a lagging read). */
function checkDetail(o: CheckOutcome): { detail?: string } {
  const detail = [o.stillHeld, o.unverified, o.lagging].filter(Boolean).join(' ');
  return detail ? { detail } : {};
}
