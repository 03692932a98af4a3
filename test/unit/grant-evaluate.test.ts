// Grant decisions as a pure function of the facts (no network).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateGrant, GITHUB_FILE_LIST_LIMIT, type MergedPull } from '../../src/grant/evaluate.ts';
import { NOW, fixtureConfig } from '../helpers/config.ts';

const config = await fixtureConfig();
const HEAD = 'a'.repeat(40);
const FILE = 'requests/k8s-prod-operators/octocat-x.yaml';
const text = (expires: string) => `version: 1\nrequester: octocat\ngroup: k8s-prod-operators\nexpires: "${expires}"\njustification: "Drain the node pool for CHG-310"\n`;
const content = (t: string) => ({ size: t.length, bytes: new TextEncoder().encode(t) });
const pull = (over: Partial<MergedPull> = {}): MergedPull => ({
  number: 3,
  author: 'octocat',
  headSha: HEAD,
  createdAt: '2030-01-01T07:00:00Z',
  mergedAt: '2030-01-01T07:30:00Z',
  files: [{ path: FILE, status: 'added' }],
  pushers: ['octocat'],
  reviews: [{ id: 1, reviewer: 'lead1', state: 'APPROVED', commitId: HEAD, submittedAt: '2030-01-01T07:20:00Z' }],
  ...over,
});
const facts = (over: Partial<Parameters<typeof evaluateGrant>[0]> = {}) => ({
  file: FILE,
  content: content(text('2030-01-01T09:00:00Z')),
  change: 'added' as const,
  config,
  pull: pull(),
  teamMemberships: new Set(['acme/sre-leads:lead1']),
  now: NOW,
  ...over,
});

test('an approved, valid request within its maximum from the merge is granted', () => {
  const d = evaluateGrant(facts());
  assert.deepEqual([d.approved, d.reasons], [true, []]);
  assert.deepEqual(d.approval?.approvers, ['lead1']);
});

test('no pull request: nothing is granted', () => {
  const d = evaluateGrant(facts({ pull: undefined }));
  assert.equal(d.approved, false);
  assert.match(d.reasons[0]!, /no merged pull request contains this change/);
});

test('the maximum duration counts from the merge, not from now', () => {
  // Merged 07:30; expires 09:31 is 2h01m after the merge although only 1h31m after "now" (08:00).
  const d = evaluateGrant(facts({ content: content(text('2030-01-01T09:31:00Z')) }));
  assert.equal(d.approved, false);
  assert.match(d.reasons.join(' '), /"expires" is 2h1m after the merge; k8s-prod-operators allows at most 2h/);
});

test('a request that expired before the grant ran is not granted', () => {
  const d = evaluateGrant(facts({ content: content(text('2030-01-01T07:59:00Z')) }));
  assert.match(d.reasons.join(' '), /expired at 2030-01-01T07:59:00Z, before it could be granted/);
});

test('a pull request with more files than GitHub lists cannot be verified', () => {
  const files = Array.from({ length: GITHUB_FILE_LIST_LIMIT }, (_, i) => ({ path: `requests/k8s-prod-operators/octocat-${i}.yaml`, status: 'added' as const }));
  const d = evaluateGrant(facts({ pull: pull({ files }) }));
  assert.equal(d.approved, false);
  assert.match(d.reasons.join(' '), /3000 or more files, more than GitHub lists/);
});

test("a modified request must have been the author's before", () => {
  const d = evaluateGrant(facts({ change: 'modified', baseRequester: 'monalisa' }));
  assert.match(d.reasons.join(' '), /this request belongs to monalisa/);
});
