// Approvals counted from what GitHub itself records: the teams a review was given on behalf of
// (THREATS 47). The bundled action against the twin and a real git repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario, requestYaml } from '../helpers/scenario.ts';

const K8S = 'requests/k8s-prod-operators';

test('THREATS 47: a team approval counts by the team at the time of the review: joining later grants nothing, leaving later takes nothing away', async () => {
  const s = await Scenario.begin();
  try {
    const leads = s.twin.state.teams.get('acme/sre-leads')!;
    // lead3 is not in @acme/sre-leads when approving; joins the team after the merge.
    const early = s.openPull('octocat', { files: { [`${K8S}/octocat-a.yaml`]: requestYaml({ requester: 'octocat', group: 'k8s-prod-operators' }) } });
    s.review(early, 'lead3');
    const refused = await s.grant(s.merge(early));
    assert.equal(refused.exitCode, 0, refused.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), []);
    assert.match(s.comments(early).join('\n'), /@lead3 is not a code owner of this file \(owners: @acme\/sre-leads\), and GitHub did not record the review as made on behalf of @acme\/sre-leads/);
    leads.add('lead3');
    const sweep = await s.revoke();
    assert.equal(sweep.exitCode, 0, sweep.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), [], 'joining the team later does not turn the old refusal into a grant');

    // lead1 approves as a member of the team, then leaves it before the merge: the approval stands.
    const late = s.openPull('monalisa', { files: { [`${K8S}/monalisa-b.yaml`]: requestYaml({ requester: 'monalisa', group: 'k8s-prod-operators' }) } });
    s.review(late, 'lead1');
    leads.delete('lead1');
    const granted = await s.grant(s.merge(late));
    assert.equal(granted.exitCode, 0, granted.stdout);
    assert.deepEqual(s.members('k8s-prod-operators'), ['monalisa']);
  } finally {
    await s.stop();
  }
});
