/**
 * The break-glass workflow dispatched as `actor`, as the runner starts it: GitHub records the run (or,
 * for a re-run, keeps the attempt that ended as an earlier one), the bundled action runs with exactly
 * the template's job token for access-break-glass.yml, and GitHub then records the outcome.
 */
import { runAction } from '../../scripts/lib/actions-runner.ts';
import { CLIENT, TENANT } from '../../scripts/lib/world.ts';
import { iso } from './cli.ts';
import type { Scenario } from './scenario.ts';

let nextRun = 19_000;

export const goodBreakGlass = {
  group: 'k8s-prod-operators',
  duration: '30m',
  ticket: 'INC-77',
  reason: 'The API servers are down; draining a broken node pool',
};

export interface DispatchOptions {
  /** The run's id (a re-run when GitHub already has it). */
  run?: number;
  /** When GitHub first created the run (default now). */
  createdAt?: number;
  /** A re-run's attempt number (default 2). */
  attempt?: number;
  /** More action inputs (webhooks, dry-run). */
  inputs?: Record<string, string>;
}

export async function dispatchBreakGlass(s: Scenario, actor: string, inputs: Record<string, string>, options: DispatchOptions = {}) {
  const repo = s.twin.state.repos.get('acme/access')!;
  const id = options.run ?? nextRun++;
  const created = iso(options.createdAt ?? Date.now());
  const existing = repo.workflowRuns.find((r) => r.id === id);
  // A re-run: the attempt that ended becomes an earlier attempt, as GitHub keeps it.
  if (existing)
    Object.assign(existing, {
      attempts: [...(existing.attempts ?? []), { conclusion: existing.conclusion ?? 'failure', triggering_actor: existing.triggering_actor ?? existing.actor }],
      status: 'in_progress',
      conclusion: null,
      run_attempt: options.attempt ?? 2,
      triggering_actor: actor,
    });
  else
    repo.workflowRuns.push({
      workflow: 'access-break-glass.yml',
      id,
      status: 'in_progress',
      conclusion: null,
      created_at: created,
      updated_at: created,
      event: 'workflow_dispatch',
      title: `break-glass ${inputs.group} for ${inputs.duration} by ${actor}`,
      actor,
      head_branch: 'main',
      run_attempt: 1,
    });
  const attempt = repo.workflowRuns.find((r) => r.id === id)!.run_attempt;
  const run = await runAction({
    workspace: s.repo.dir,
    inputs: {
      command: 'break-glass',
      // Exactly the template's block for access-break-glass.yml, and its App token.
      ...s.jobInputs('break-glass'),
      'tenant-id': TENANT,
      'client-id': CLIENT,
      'authority-host': s.twin.urls.authorityHost,
      'graph-endpoint': s.twin.urls.graph,
      ...(s.memoryKey ? { 'memory-key': s.memoryKey } : {}),
      ...options.inputs,
    },
    eventName: 'workflow_dispatch',
    event: {
      inputs,
      ref: 'refs/heads/main',
      repository: { name: 'access', full_name: 'acme/access', default_branch: 'main', owner: { login: 'acme' } },
      sender: { login: actor },
    },
    env: {
      ...s.twin.env(),
      ...s.workflowEnv('break-glass'),
      GITHUB_REPOSITORY: 'acme/access',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_RUN_ID: String(id),
      GITHUB_RUN_ATTEMPT: String(attempt ?? 1),
      GITHUB_ACTOR: actor,
    },
  });
  Object.assign(
    repo.workflowRuns.find((r) => r.id === id)!,
    { status: 'completed', conclusion: run.exitCode === 0 ? 'success' : 'failure', updated_at: iso(Date.now()) },
  );
  const out = run.outputs['break-glass']
    ? (JSON.parse(run.outputs['break-glass']) as { granted: boolean; end?: string; issue?: number; reasons?: string[] })
    : undefined;
  return { run, id, out };
}
