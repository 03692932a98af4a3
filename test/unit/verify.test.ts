// Request verification and the reconcile plan as pure functions (docs/threat-model.md invariants 3, 7, 12, 13),
// and the GraphQL the reconciler sends, checked against GitHub's published schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '@octokit/graphql-schema';
import { GitHubFacts, type PullFacts } from '../../src/github/graphql.ts';
import type { GitHub } from '../../src/github/client.ts';
import { planGroup } from '../../src/reconcile/group-plan.ts';
import { verifyRequest, type RequestEvidence } from '../../src/reconcile/verify.ts';
import { queryCost } from '../../scripts/twin/graphql.ts';
import { fixtureConfig } from '../helpers/config.ts';

const HEAD = 'a'.repeat(40);
const MERGE = 'c'.repeat(40);
const BLOB = 'f'.repeat(40);
const FILE = 'requests/k8s-prod-operators/hubot-x.yaml';
const merged = '2030-01-01T08:00:00Z';
const now = Date.parse(merged) + 60_000;
const text = `version: 1\nrequester: hubot\ngroup: k8s-prod-operators\nexpires: "2030-01-01T09:00:00Z"\njustification: "Needed for the change window"\n`;

function pull(overrides: Partial<PullFacts> = {}): PullFacts {
  return {
    number: 7,
    baseRefName: 'main',
    merged: true,
    headRefOid: HEAD,
    mergeCommit: MERGE,
    author: 'hubot',
    authorBot: false,
    mergedAt: merged,
    createdAt: '2030-01-01T07:00:00Z',
    changedFiles: 1,
    commitCount: 1,
    commits: [{ oid: HEAD, author: 'hubot', committer: 'hubot', signer: null, signedByGitHub: false }],
    reviews: [
      { id: 'r1', reviewer: 'lead1', bot: false, state: 'APPROVED', submittedAt: '2030-01-01T07:30:00Z', commit: HEAD, onBehalfOf: ['acme/sre-leads'] },
    ],
    ...overrides,
  };
}

async function evidence(overrides: Partial<RequestEvidence> = {}): Promise<RequestEvidence> {
  const p = overrides.pull ?? pull();
  return {
    file: FILE,
    blob: BLOB,
    content: { size: text.length, bytes: new TextEncoder().encode(text) },
    landing: { sha: MERGE, parents: ['b'.repeat(40), HEAD], landed: [FILE] },
    baseConfig: await fixtureConfig(),
    baseRequester: undefined,
    defaultBranch: 'main',
    candidates: [p],
    pull: p,
    headBlob: BLOB,
    teams: new Map([['acme/sre-leads', new Set(['lead1', 'lead2'])]]),
    pushGuarantee: { ok: true },
    now,
    ...overrides,
  };
}

test('an approved, content-bound request merged into the default branch is approved', async () => {
  const v = verifyRequest(await evidence());
  assert.deepEqual(v.reasons, []);
  assert.equal(v.approved, true);
  assert.deepEqual(v.approvers, ['lead1']);
});

test('invariant 12: the blob on the default branch must be the blob at the approved head', async () => {
  const v = verifyRequest(await evidence({ headBlob: 'e'.repeat(40) }));
  assert.equal(v.approved, false);
  assert.match(v.reasons.join(), /is not the version approved in #7/);
});

test('invariant 12: reviews submitted after the merge do not count', async () => {
  const late = pull({
    reviews: [
      { id: 'r2', reviewer: 'lead1', bot: false, state: 'APPROVED', submittedAt: '2030-01-01T08:00:01Z', commit: HEAD, onBehalfOf: ['acme/sre-leads'] },
    ],
  });
  assert.equal(verifyRequest(await evidence({ pull: late, candidates: [late] })).approved, false);
});

test('invariant 12: only a merged pull request into the default branch counts', async () => {
  const side = pull({ baseRefName: 'side' });
  const v = verifyRequest(await evidence({ pull: side, candidates: [side] }));
  assert.match(v.reasons.join(), /approvals on #7 \(into side\) do not count/);
  const open = pull({ merged: false });
  assert.match(verifyRequest(await evidence({ pull: open, candidates: [open] })).reasons.join(), /no merged pull request contains this change/);
});

test('a commit that is no merge and belongs to several merged pull requests is ambiguous: nothing is granted', async () => {
  const a = pull({ number: 7, mergeCommit: 'd'.repeat(40) });
  const b = pull({ number: 8, mergeCommit: 'e'.repeat(40) });
  const v = verifyRequest(await evidence({ pull: a, candidates: [a, b] }));
  assert.equal(v.approved, false);
  assert.match(v.reasons.join(), /belongs to several merged pull requests into main \(#7, #8\)/);
  assert.equal(verifyRequest(await evidence({ pull: a, candidates: [a] })).approved, true, 'one such pull request (a rebase merge) is judged');
});

test('invariant 13: 250 commits or 3,000 files are refused', async () => {
  const many = pull({ commitCount: 250 });
  assert.match(verifyRequest(await evidence({ pull: many, candidates: [many] })).reasons.join(), /has 250 commits/);
  const wide = pull({ changedFiles: 3000 });
  assert.match(verifyRequest(await evidence({ pull: wide, candidates: [wide] })).reasons.join(), /changes 3000 files/);
});

test('scope: what the landing commit changed outside requests/, and renames GitHub cannot explain without a merge commit', async () => {
  const mixed = verifyRequest(await evidence({ landing: { sha: MERGE, parents: ['b'.repeat(40), HEAD], landed: [FILE, '.github/CODEOWNERS'] } }));
  assert.match(mixed.reasons.join(), /also \.github\/CODEOWNERS/);
  const renamed = pull({ files: [{ path: FILE, changeType: 'RENAMED' }] });
  const squash = { sha: MERGE, parents: ['b'.repeat(40)], landed: [FILE] };
  assert.match(verifyRequest(await evidence({ pull: renamed, candidates: [renamed], landing: squash })).reasons.join(), /renames or copies a file into/);
  assert.equal(verifyRequest(await evidence({ pull: renamed, candidates: [renamed] })).approved, true, 'with a merge commit git saw the whole change');
});

test('a deleted GitHub account as author, or a pusher who approves, does not count', async () => {
  const ghost = pull({ author: null });
  assert.match(verifyRequest(await evidence({ pull: ghost, candidates: [ghost] })).reasons.join(), /names no author/);
  const pushed = pull({ commits: [{ oid: HEAD, author: 'hubot', committer: 'lead1', signer: null, signedByGitHub: false }] });
  assert.match(verifyRequest(await evidence({ pull: pushed, candidates: [pushed] })).reasons.join(), /@lead1 pushed commits/);
});

test('a team that cannot be read is named, so the admin knows what token to give', async () => {
  // A token that cannot read the organisation's teams cannot see on whose behalf a review was given either.
  const unseen = pull({
    reviews: [
      {
        id: 'r3',
        reviewer: 'lead1',
        bot: false,
        state: 'APPROVED',
        submittedAt: '2030-01-01T07:30:00Z',
        commit: HEAD,
        onBehalfOf: [],
        onBehalfOfUnread: 'Resource not accessible by integration',
      },
    ],
  });
  const v = verifyRequest(await evidence({ pull: unseen, candidates: [unseen] }));
  assert.equal(v.approved, false);
  assert.match(v.reasons.join(), /on behalf of @acme\/sre-leads could not be read[\s\S]*Resource not accessible by integration[\s\S]*teams-token/);
});

test('a requester the policy admits only through a team that cannot be read is neither granted nor refused', async () => {
  const config = await fixtureConfig();
  const k8s = config.policy.groups.get('k8s-prod-operators')!;
  const withTeam = {
    ...config,
    policy: { ...config.policy, groups: new Map([...config.policy.groups, ['k8s-prod-operators', { ...k8s, requesters: ['@acme/sre'] }]]) },
  };
  const teams = new Map([['acme/sre', 'could not read the team @acme/sre (FORBIDDEN)']]);
  const v = verifyRequest(await evidence({ baseConfig: withTeam, teams }));
  assert.equal(v.approved, false);
  assert.match(v.unavailable ?? '', /could not read the team @acme\/sre[\s\S]*kept and nothing is granted/);
  // Read, and the requester not in it: refused, with the rule.
  const refused = verifyRequest(await evidence({ baseConfig: withTeam, teams: new Map([['acme/sre', new Set<string>()]]) }));
  assert.equal(refused.unavailable, undefined);
  assert.match(refused.reasons.join(), /may not request k8s-prod-operators/);
});

test('the plan adds verified requesters, keeps unverified members without adding them, removes ended ones', async () => {
  const group = (await fixtureConfig()).policy.groups.get('billing-readers')!;
  const plan = planGroup({
    group,
    members: [
      { id: 'u-kept', type: 'user' },
      { id: 'u-ended', type: 'user' },
      { id: 'u-wait', type: 'user' },
      { id: 'u-drift', type: 'user' },
    ],
    active: new Map([
      ['u-kept', ['a.yaml']],
      ['u-new', ['b.yaml']],
    ]),
    unverified: new Map([
      ['u-wait', ['c.yaml']],
      ['u-absent', ['d.yaml']],
    ]),
    ended: new Map([['u-ended', ['e.yaml']]]),
  });
  assert.deepEqual(
    plan.map((d) => `${d.id}:${d.action}:${d.reason}`),
    ['u-kept:keep:active', 'u-ended:remove:ended', 'u-wait:keep:unverified', 'u-drift:report:drift', 'u-new:add:active'],
  );
});

test("every GraphQL query the reconciler sends is valid against GitHub's published schema", async () => {
  const sent: string[] = [];
  const gh = { graphql: async (query: string) => (sent.push(query), { rateLimit: { cost: 1 } }) } as unknown as GitHub;
  const githubFacts = new GitHubFacts(gh, { owner: 'acme', repo: 'access' });
  await githubFacts.defaultBranch().catch(() => undefined);
  await githubFacts.pullsOfCommits(['a'.repeat(40)], [{ org: 'acme', slug: 'leads' }]);
  await githubFacts.pulls(
    [
      { number: 1, files: true },
      { number: 2, files: false },
    ],
    [`${'a'.repeat(40)}:requests/x/y.yaml`],
  );
  assert.equal(sent.length, 3);
  for (const q of sent)
    assert.deepEqual(
      validate(q).map((e) => e.message),
      [],
      q,
    );
});

test("the twin's query cost follows GitHub's documented example (5,101 requests = 51 points)", () => {
  const example =
    'query { viewer { login repositories(first: 100) { edges { node { id issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }';
  assert.equal(queryCost(example, {}), 51);
});

test('THREATS 9: the maximum duration counts from the merge, not from now', async () => {
  // Merged 08:00; expires 10:01 is 2h1m after the merge.
  const later = text.replace('2030-01-01T09:00:00Z', '2030-01-01T10:01:00Z');
  const v = verifyRequest(await evidence({ content: { size: later.length, bytes: new TextEncoder().encode(later) } }));
  assert.match(v.reasons.join(' '), /"expires" is 2h1m after the merge; k8s-prod-operators allows at most 2h/);
});

test('a request that had expired when it was merged never counts', async () => {
  const old = text.replace('2030-01-01T09:00:00Z', '2030-01-01T07:59:00Z');
  const v = verifyRequest(await evidence({ content: { size: old.length, bytes: new TextEncoder().encode(old) } }));
  assert.match(v.reasons.join(' '), /expired at 2030-01-01T07:59:00Z, before it was merged/);
});

test("a changed request must have been the author's before; an unreadable earlier version is refused too", async () => {
  assert.match(verifyRequest(await evidence({ baseRequester: 'monalisa' })).reasons.join(' '), /this request belongs to monalisa/);
  assert.match(verifyRequest(await evidence({ baseRequester: null })).reasons.join(' '), /could not be read/);
  assert.equal(verifyRequest(await evidence({ baseRequester: 'hubot' })).approved, true);
});

test("THREATS 46: without the ruleset guarantee, a commit not provably the author's (unsigned, or signed by someone else with the author's name on it) refuses the request; signed by the author or made in GitHub's web interface by them passes", async () => {
  const none = { ok: false as const, why: 'no ruleset on main requires approval of the most recent reviewable push' };
  const unsigned = verifyRequest(await evidence({ pushGuarantee: none }));
  assert.equal(unsigned.approved, false);
  assert.match(unsigned.reasons.join(), /#7 has a commit \(\w{7}\) not provably written by hubot[\s\S]*Require approval of the most recent reviewable push/);
  const forged = pull({ commits: [{ oid: HEAD, author: 'hubot', committer: 'hubot', signer: 'lead1', signedByGitHub: false }] });
  assert.equal(
    verifyRequest(await evidence({ pull: forged, candidates: [forged], pushGuarantee: none })).approved,
    false,
    "lead1 signed a commit that claims to be hubot's",
  );
  for (const commit of [
    { signer: 'hubot', signedByGitHub: false },
    { signer: null, signedByGitHub: true },
  ]) {
    const p = pull({ commits: [{ oid: HEAD, author: 'hubot', committer: 'hubot', ...commit }] });
    assert.deepEqual(verifyRequest(await evidence({ pull: p, candidates: [p], pushGuarantee: none })).reasons, [], JSON.stringify(commit));
  }
  assert.deepEqual(verifyRequest(await evidence({ pushGuarantee: { ok: true } })).reasons, [], 'with the ruleset, GitHub guarantees it');
});
