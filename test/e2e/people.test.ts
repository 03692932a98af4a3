// People, not logins, end to end (docs/threat-model.md invariant 21, case 60): the bundled grant on a
// push to main against the twin and a real git repository. One person with two GitHub accounts that
// the identities map to the same Entra user approves their own request with the second one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml } from '../helpers/scenario.ts';

const K8S = 'requests/k8s-prod-operators';

function changes(run: { outputs: Record<string, string> }): { file: string; outcome: string; detail: string; approvers?: string[] }[] {
  return JSON.parse(run.outputs.changes ?? '[]');
}

test("THREATS 60: a requester's second GitHub account, mapped to the same Entra user, approving his own request is not counted", async () => {
  const s = await Scenario.begin();
  try {
    // hubot-ops is in the code owners' team of the folder. Identities name hubot by object id and
    // hubot-ops by UPN: the same Entra user, which only Entra can tell.
    s.twin.state.teams.get('acme/sre-leads')!.add('hubot-ops');
    s.approvedConfigChange({
      '.github/access-identities.yaml': `${s.repo.git('show', 'HEAD:.github/access-identities.yaml')}\n  hubot-ops: { upn: hubot@contoso.com }\n`,
    });
    const pull = s.openPull('hubot', { files: { [`${K8S}/hubot-drain.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) } });
    s.review(pull, 'hubot-ops');
    const run = await s.grant(s.merge(pull));
    assert.deepEqual(s.members('k8s-prod-operators'), [], run.stdout);
    const [item] = changes(run);
    assert.notEqual(item!.outcome, 'granted');
    assert.match(
      item!.detail,
      /@hubot-ops is the requester hubot under another GitHub account \(hubot-ops and hubot are the same Entra user \(hubot@contoso\.com\) in \.github\/access-identities\.yaml\)/,
    );

    // Both accounts of one reviewer count once: monalisa (by UPN) and her second account (by id). Under
    // two approvals, and granted by the same push as the next request, by another requester: each is
    // read from its own file's item, and octocat's refusal from the members being exactly hubot.
    s.twin.state.teams.get('acme/sre-leads')!.add('mona-ops');
    s.approvedConfigChange({
      '.github/access-identities.yaml': `${s.repo.git('show', 'HEAD:.github/access-identities.yaml')}\n  mona-ops: { id: 3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a02 }\n`,
    });
    s.twin.state.teams.get('acme/sre-leads')!.add('monalisa');
    const policy = s.repo.git('show', 'HEAD:.github/access-policy.yaml');
    s.approvedConfigChange({ '.github/access-policy.yaml': policy.replace('    maxDuration: 2h\n', '    maxDuration: 2h\n    approvals: 2\n') });
    const two = s.openPull('octocat', { files: { [`${K8S}/octocat-two.yaml`]: requestYaml({ requester: 'octocat', group: 'k8s-prod-operators' }) } });
    s.review(two, 'monalisa');
    s.review(two, 'mona-ops');
    const before = s.merge(two).before;

    // A code owner who is someone else approves: granted, and the second account is not named as an approver.
    const ok = s.openPull('hubot', { files: { [`${K8S}/hubot-again.yaml`]: requestYaml({ requester: 'hubot', group: 'k8s-prod-operators' }) } });
    s.review(ok, 'hubot-ops');
    s.review(ok, 'lead1');
    s.review(ok, 'lead2');
    const granted = await s.grant({ before, after: s.merge(ok).after });
    assert.equal(granted.exitCode, 0, granted.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['hubot'], 'octocat is not granted; hubot is');
    assert.match(
      changes(granted).find((c) => c.file === `${K8S}/octocat-two.yaml`)!.detail,
      /@mona-ops is monalisa under another GitHub account .*one person approves once/,
    );
    assert.deepEqual(changes(granted).find((c) => c.file === `${K8S}/hubot-again.yaml`)!.approvers, ['lead1', 'lead2']);
  } finally {
    await s.stop();
  }
});
