// The bundle must keep working on the machine's Node 20 as well as on the Node 24 runtime of Actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRepo } from '../helpers/config.ts';
import { pullRequestEvent, runAction } from '../../scripts/lib/actions-runner.ts';

/** Another node on PATH than the one running the tests (npm puts node@24 first). */
function otherNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = `${dir}/node`;
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    if (version.split('.')[0] !== process.version.split('.')[0]) return candidate;
  }
  return undefined;
}

const node = otherNode();

test(
  'the bundled action validates a pull request on the other Node major on this machine',
  { skip: node === undefined ? 'only one Node version on PATH' : false },
  async () => {
    const repo = createRepo();
    try {
      const base = repo.head();
      repo.git('switch', '-q', '-c', 'pr');
      const expires = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const head = repo.commit('req', {
        'requests/k8s-prod-operators/octocat-x.yaml': `version: 1\nrequester: octocat\ngroup: k8s-prod-operators\nexpires: "${expires}"\njustification: "Drain the node pool"\n`,
      });
      const run = await runAction({
        workspace: repo.dir,
        inputs: { command: 'validate' },
        eventName: 'pull_request',
        event: pullRequestEvent({ number: 1, author: 'octocat', base, head }),
        node: node!,
      });
      assert.equal(run.exitCode, 0, run.stdout + run.stderr);
      assert.equal(run.outputs.valid, 'true');
    } finally {
      repo.remove();
    }
  },
);

test(
  'the bundled action signs in to the twin and reads Graph on the other Node major too',
  { skip: node === undefined ? 'only one Node version on PATH' : false },
  async () => {
    const { Twin, seed, TENANT, CLIENT } = await import('../helpers/twin.ts');
    const twin = await Twin.start({ seed: { ...seed({ users: 2, members: 1 }), groups: [] } });
    const repo = createRepo();
    try {
      const run = await runAction({
        workspace: repo.dir,
        inputs: { command: 'doctor', 'tenant-id': TENANT, 'client-id': CLIENT, 'authority-host': twin.urls.authorityHost, 'graph-endpoint': twin.urls.graph },
        eventName: 'workflow_dispatch',
        event: {},
        env: twin.env(),
        node: node!,
      });
      assert.match(run.stdout, /no Entra group has the id/, run.stdout + run.stderr);
      assert.equal(
        twin.log.count('entra', (r) => r.path.endsWith('/token')),
        1,
        'signed in',
      );
    } finally {
      repo.remove();
      await twin.stop();
    }
  },
);
