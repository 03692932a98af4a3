// Approval rules as pure functions (docs/threat-model.md invariant 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateApprovals, latestDecisiveReviews, pendingApprovers, type ReviewFact } from '../../src/approval/approval.ts';
import { parseOwner, type Owner } from '../../src/codeowners/codeowners.ts';
import { personOf, samePerson, upnsToResolve, type People } from '../../src/identities/people.ts';

const HEAD = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
let id = 0;
const review = (
  reviewer: string,
  state = 'APPROVED',
  commitId: string | null = HEAD,
  onBehalfOf: string[] = reviewer === 'bob' ? ['acme/leads'] : [],
): ReviewFact => ({ id: ++id, reviewer, state, commitId, submittedAt: `2026-11-24T10:${String(id).padStart(2, '0')}:00Z`, onBehalfOf });
const owners = (...tokens: string[]): Owner[] => tokens.map((t) => parseOwner(t)!);
const base = { required: 1, headSha: HEAD, owners: owners('@acme/leads', '@alice'), requester: 'req', author: 'req', pushers: ['req'] };

test('a code owner by login or through a team counts', () => {
  assert.deepEqual(evaluateApprovals({ ...base, reviews: [review('Alice')] }).approvers, ['Alice']);
  assert.deepEqual(evaluateApprovals({ ...base, reviews: [review('bob')] }).approvers, ['bob']);
});

test('the requester, the author and pushers never count, even as owners', () => {
  const r = evaluateApprovals({
    ...base,
    requester: 'alice',
    author: 'bob',
    pushers: ['carol'],
    owners: owners('@alice', '@bob', '@carol'),
    reviews: [review('alice'), review('bob'), review('carol')],
  });
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.ignored.map((i) => i.why),
    ['is the requester', 'is the author of the pull request', 'pushed commits to the pull request'],
  );
});

test('distinct reviewers: two approvals by one person count once', () => {
  const r = evaluateApprovals({ ...base, required: 2, reviews: [review('alice'), review('alice')] });
  assert.equal(r.ok, false);
  assert.deepEqual(r.approvers, ['alice']);
});

test('only the latest decisive review of each reviewer counts; comments are not decisive', () => {
  const reviews = [
    review('alice'),
    review('alice', 'COMMENTED'),
    review('bob'),
    review('bob', 'CHANGES_REQUESTED'),
    review('dave', 'CHANGES_REQUESTED'),
    review('dave'),
  ];
  assert.deepEqual(
    latestDecisiveReviews(reviews).map((r) => `${r.reviewer}:${r.state}`),
    ['alice:APPROVED', 'bob:CHANGES_REQUESTED', 'dave:APPROVED'],
  );
});

test('an approval of another commit than the merged head does not count', () => {
  const r = evaluateApprovals({ ...base, reviews: [review('alice', 'APPROVED', OLD)] });
  assert.equal(r.ok, false);
  assert.match(r.ignored[0]!.why, /approved an earlier commit \(bbbbbbb\), not the merged head aaaaaaa/);
});

test('an approver outside the owners (or in an unconfirmed team) does not count; email owners never match', () => {
  const r = evaluateApprovals({ ...base, owners: owners('@acme/leads', 'alice@example.com'), reviews: [review('alice'), review('bob', 'APPROVED', HEAD, [])] });
  assert.deepEqual(r.approvers, []);
  assert.match(r.ignored[0]!.why, /is not a code owner of this file \(owners: @acme\/leads alice@example\.com\)/);
});

test('no owners at all: nothing can be approved', () => {
  assert.equal(evaluateApprovals({ ...base, owners: [], reviews: [review('alice')] }).ok, false);
});

test("THREATS 47: a team approval counts by GitHub's record of the review as made on the team's behalf, not by who is in the team later", () => {
  assert.deepEqual(
    evaluateApprovals({ ...base, reviews: [review('carol', 'APPROVED', HEAD, ['acme/leads'])] }).approvers,
    ['carol'],
    'left the team since: still counts',
  );
  const joinedLater = evaluateApprovals({ ...base, reviews: [review('dave', 'APPROVED', HEAD, [])] });
  assert.equal(joinedLater.ok, false, 'in the team now, but the review was not made on its behalf');
  assert.match(joinedLater.ignored[0]!.why, /GitHub did not record the review as made on behalf of @acme\/leads/);
  assert.equal(
    evaluateApprovals({ ...base, reviews: [review('erin', 'APPROVED', HEAD, ['acme/other'])] }).ok,
    false,
    'on behalf of a team that owns nothing here',
  );
});

const ALICE_ID = '11111111-2222-4333-8444-555555555555';
const people = (users: Record<string, { upn: string } | { id: string }>, upnIds: Record<string, string> = {}): People => ({
  identities: { file: '.github/access-identities.yaml', users: new Map(Object.entries(users)) },
  upnIds: new Map(Object.entries(upnIds)),
});

test('THREATS 60: people, not logins: a second account mapped to the same Entra user is the requester, the author or a pusher', () => {
  const mapped = people({
    alice: { upn: 'alice@contoso.com' },
    'alice-ops': { upn: 'Alice@Contoso.com' },
    carol: { id: ALICE_ID.toUpperCase() },
    'carol-2': { id: ALICE_ID },
  });
  const asRequester = evaluateApprovals({
    ...base,
    owners: owners('@alice-ops'),
    requester: 'alice',
    author: 'alice',
    pushers: [],
    people: mapped,
    reviews: [review('alice-ops')],
  });
  assert.equal(asRequester.ok, false);
  assert.match(asRequester.ignored[0]!.why, /^is the requester alice under another GitHub account \(alice-ops and alice are the same Entra user/);
  const asPusher = evaluateApprovals({ ...base, owners: owners('@carol-2'), pushers: ['carol'], people: mapped, reviews: [review('carol-2')] });
  assert.match(asPusher.ignored[0]!.why, /^is someone who pushed commits to the pull request carol under another GitHub account/);
  // Without identities the same logins are different people (the rule compares logins as before).
  assert.equal(
    evaluateApprovals({ ...base, owners: owners('@alice-ops'), requester: 'alice', author: 'alice', pushers: [], reviews: [review('alice-ops')] }).ok,
    true,
  );
});

test('THREATS 60: an id and a UPN are one person once Entra resolved the UPN to that id; a login with no identity is a person only as a login', () => {
  const users = { alice: { id: ALICE_ID }, 'alice-ops': { upn: 'alice@contoso.com' } };
  const input = {
    ...base,
    owners: owners('@alice-ops', '@nobody'),
    requester: 'alice',
    author: 'alice',
    pushers: [],
    reviews: [review('alice-ops'), review('nobody')],
  };
  assert.deepEqual(upnsToResolve(people(users).identities, [['alice', 'alice-ops', 'nobody']]), ['alice@contoso.com']);
  assert.deepEqual(upnsToResolve(people({ a: { upn: 'a@x' }, b: { upn: 'b@x' } }).identities, [['a', 'b']]), [], 'no look-up where all are UPNs');
  const resolved = evaluateApprovals({ ...input, people: people(users, { 'alice@contoso.com': ALICE_ID }) });
  assert.deepEqual(resolved.approvers, ['nobody'], 'the unmapped login counts as itself');
  assert.deepEqual(
    resolved.ignored.map((i) => i.reviewer),
    ['alice-ops'],
  );
  assert.deepEqual(evaluateApprovals({ ...input, people: people(users) }).approvers, ['alice-ops', 'nobody'], 'an unresolved UPN is not that id');
});

test('THREATS 60: one person approving with two accounts counts once', () => {
  const both = people({ bob: { upn: 'bob@contoso.com' }, 'bob-2': { upn: 'bob@contoso.com' } });
  const r = evaluateApprovals({ ...base, required: 2, owners: owners('@bob', '@bob-2'), people: both, reviews: [review('bob'), review('bob-2')] });
  assert.equal(r.ok, false);
  assert.deepEqual(r.approvers, ['bob']);
  assert.match(r.ignored.find((i) => i.reviewer === 'bob-2')!.why, /is bob under another GitHub account .*one person approves once/);
  assert.equal(samePerson(both, 'BOB', 'bob-2'), true);
  assert.equal(personOf(both, 'stranger'), 'login:stranger');
});

test("rules once: the dashboard counts pending approvals by the grant's rule (latest decisive review of the head, not the author as a person, each person once)", () => {
  const who = people({
    alice: { upn: 'alice@contoso.com' },
    'alice-ops': { upn: 'alice@contoso.com' },
    bob: { upn: 'bob@contoso.com' },
    'bob-2': { upn: 'bob@contoso.com' },
  });
  const ownersOfPaths = [owners('@alice-ops', '@bob', '@bob-2', '@carol', '@dave')];
  const reviews = [
    { reviewer: 'alice-ops', state: 'APPROVED', commit: HEAD },
    { reviewer: 'bob', state: 'APPROVED', commit: HEAD },
    { reviewer: 'bob-2', state: 'APPROVED', commit: HEAD },
    { reviewer: 'carol', state: 'APPROVED', commit: HEAD },
    { reviewer: 'carol', state: 'CHANGES_REQUESTED', commit: HEAD },
    { reviewer: 'dave', state: 'APPROVED', commit: OLD },
    { reviewer: 'erin', state: 'APPROVED', commit: HEAD },
  ];
  assert.deepEqual(pendingApprovers({ author: 'alice', head: HEAD, reviews }, ownersOfPaths, new Set(), who), ['bob']);
});
