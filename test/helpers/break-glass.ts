/** The break-glass workflow dispatched as `actor`, as the runner starts it; GitHub records the run and then its outcome. */
import { runAction } from '../../scripts/lib/actions-runner.ts';
import { CLIENT, TENANT, TOKEN } from '../../scripts/lib/world.ts';
import { iso } from './cli.ts';
import type { Scenario } from './scenario.ts';

let nextRun = 19_000;

export const goodBreakGlass = {
  group: 'k8s-prod-operators',
  duration: '30m',
  ticket: 'INC-77',
  reason: 'The API servers are down; draining a broken node pool',
};

export async function dispatchBreakGlass(s: Scenario, actor: string, inputs: Record<string, string>, more: { inputs?: Record<string, string> } = {}) {
  const repo = s.twin.state.repos.get('acme/access')!;
  const id = nextRun++;
  const created = iso(Date.now());
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
  const run = await runAction({
    workspace: s.repo.dir,
    inputs: {
      command: 'break-glass',
      'github-token': TOKEN,
      'tenant-id': TENANT,
      'client-id': CLIENT,
      'authority-host': s.twin.urls.authorityHost,
      'graph-endpoint': s.twin.urls.graph,
      ...more.inputs,
    },
    eventName: 'workflow_dispatch',
    event: {
      inputs,
      ref: 'refs/heads/main',
      repository: { name: 'access', full_name: 'acme/access', default_branch: 'main', owner: { login: 'acme' } },
      sender: { login: actor },
    },
    env: { ...s.twin.env(), GITHUB_REPOSITORY: 'acme/access', GITHUB_REF: 'refs/heads/main', GITHUB_RUN_ID: String(id), GITHUB_ACTOR: actor },
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
