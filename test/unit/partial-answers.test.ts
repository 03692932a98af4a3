// GitHub's GraphQL can answer HTTP 200 with both `data` and `errors` (a field that failed is null and
// its error names its path). Partial data is never a fact (docs/threat-model.md 68): the rule that maps
// error paths to the facts they leave unavailable, and what a request judged by such facts comes to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorOf, unavailablePart, type GraphqlError } from '../../src/github/graphql.ts';
import { unavailableFor } from '../../src/reconcile/verify.ts';

const failed = (path?: unknown[], message = 'Something went wrong while executing your query.'): GraphqlError => ({ message, ...(path ? { path } : {}) });

test('THREATS 69: an error touches the part it failed inside, and the part that lies inside what failed; nothing beside it', () => {
  const reviews = [failed(['repository', 'p1', 'reviews'])];
  assert.match(unavailablePart(reviews, ['repository', 'p1'])!, /^GitHub answered only in part: Something went wrong .* \(at repository\.p1\.reviews\)$/);
  assert.equal(unavailablePart(reviews, ['repository', 'p0']), undefined, 'another pull request in the same answer is whole');
  assert.equal(unavailablePart(reviews, ['repository', 'p10']), undefined, 'aliases compare whole, not as text prefixes');
  assert.equal(unavailablePart(reviews, ['repository', 'b1']), undefined, 'a blob beside it is whole');
  // The repository itself failed: every part inside it is unavailable.
  assert.ok(unavailablePart([failed(['repository'])], ['repository', 'c3']));
  // A review's on-behalf-of teams (the nodes list, by index).
  assert.ok(unavailablePart([failed(['t', 2, 'onBehalfOf'])], ['t', 2]));
  assert.equal(unavailablePart([failed(['t', 2, 'onBehalfOf'])], ['t', 1]), undefined);
  // The rate-limit field is no fact about a pull request.
  assert.equal(unavailablePart([failed(['rateLimit'])], ['repository', 'p0']), undefined);
});

test('THREATS 69: an error that names no path touches every part; no errors, no part', () => {
  assert.ok(unavailablePart([failed()], ['repository', 'p0']));
  assert.ok(unavailablePart([failed([])], ['repository', 'b7']));
  assert.equal(unavailablePart([], ['repository', 'p0']), undefined);
});

test("GitHub's error text is said on one line, typed, bounded, and at most three of them", () => {
  const many = [
    { type: 'NOT_FOUND', message: 'Could not resolve\n::error::x', path: ['repository', 'p0'] },
    failed(['repository', 'p0', 'commits'], 'a'.repeat(500)),
    failed(['repository', 'p0', 'files']),
    failed(['repository', 'p0', 'reviews']),
  ];
  const why = unavailablePart(many, ['repository', 'p0'])!;
  assert.doesNotMatch(why, /\n/);
  assert.match(why, /NOT_FOUND: Could not resolve ::error::x \(at repository\.p0\)/);
  assert.ok(!why.includes('a'.repeat(201)));
  assert.match(why, /; and 1 more$/);
});

test('THREATS 69: a request is unavailable when its landing commit, its pull request or the file at its head was answered in part', () => {
  const ref = { number: 7, baseRefName: 'main', merged: true, headRefOid: 'h'.repeat(40), mergeCommit: 'm'.repeat(40) };
  const none = { commits: new Map<string, string>(), pulls: new Map<number, string>(), blobs: new Map<string, string>() };
  const file = 'requests/prod-db-admins/octocat-1.yaml';
  assert.equal(unavailableFor('m'.repeat(40), ref, file, none), undefined);
  const byCommit = unavailableFor('m'.repeat(40), undefined, file, { ...none, commits: new Map([['m'.repeat(40), 'GitHub answered only in part: x']]) });
  assert.match(byCommit!, /^GitHub answered only in part: x\. Not verified in this run: a member it covers is kept and nothing is granted on it/);
  assert.ok(unavailableFor('m'.repeat(40), ref, file, { ...none, pulls: new Map([[7, 'reviews failed']]) }));
  assert.equal(unavailableFor('m'.repeat(40), ref, file, { ...none, pulls: new Map([[8, 'another pull request']]) }), undefined);
  assert.ok(unavailableFor('m'.repeat(40), ref, file, { ...none, blobs: new Map([[`${'h'.repeat(40)}:${file}`, 'blob failed']]) }));
  assert.equal(unavailableFor('m'.repeat(40), ref, file, { ...none, blobs: new Map([[`${'h'.repeat(40)}:requests/other.yaml`, 'x']]) }), undefined);
});

test('THREATS 68: a bot is told by __typename, named as REST names it, so it never equals the person with its slug as login', () => {
  assert.deepEqual(actorOf({ __typename: 'Bot', login: 'monalisa' }), { login: 'monalisa[bot]', bot: true });
  assert.deepEqual(actorOf({ __typename: 'User', login: 'monalisa' }), { login: 'monalisa', bot: false });
  // A name that merely looks like a bot's is not one: the type decides.
  assert.deepEqual(actorOf({ __typename: 'User', login: 'github-actions' }), { login: 'github-actions', bot: false });
  assert.equal(actorOf(null), null, 'a deleted account (ghost) names nobody');
});
