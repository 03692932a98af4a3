// What a review of a break-glass use is (docs/threat-model.md 44, 49, 60, 61), as pure functions: the
// use's review issue, the one rule over how it was closed, a verdict fixed when first judged, a review
// in time, and a person's earlier unreviewed use blocking their next. test/e2e/break-glass.test.ts
// shows a user each rule once through the bundled action; every case is here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issueOfUse, readMarker, reviewOf, type ReviewIssue } from '../../src/breakglass/review.ts';
import { judgeUse, reviewedInTime, reviewersOf, type BreakGlassUse } from '../../src/breakglass/uses.ts';
import { decideBreakGlass } from '../../src/commands/break-glass.ts';
import type { People } from '../../src/identities/people.ts';
import { NOW, fixtureConfig } from '../helpers/config.ts';

const config = await fixtureConfig();
const M = 60_000;
const owners = reviewersOf(config, 'k8s-prod-operators'); // @acme/sre-leads
const leads = new Set(['acme/sre-leads:lead1', 'acme/sre-leads:hubot-ops']);
const use = { run: 7, group: 'k8s-prod-operators', login: 'hubot', durationMs: 30 * M, start: NOW, updatedAt: NOW + 2 * M };
const issue = (more: Partial<ReviewIssue> = {}): ReviewIssue => ({
  number: 12,
  author: 'github-actions',
  authorBot: true,
  run: 7,
  createdAt: NOW + M,
  state: 'closed',
  closed: { by: 'lead1', at: new Date(NOW + 5 * M).toISOString(), reason: 'completed' },
  ...more,
});
// hubot is mapped by object id; hubot-ops by UPN, which Entra resolves to the same object id.
const people: People = {
  identities: { ...config.identities, users: new Map([...config.identities.users, ['hubot-ops', { upn: 'hubot@contoso.com' }]]) },
  upnIds: new Map([['hubot@contoso.com', '2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40']]),
};

test('THREATS 44: a review is the issue closed as completed by a code owner who is not the user, as a login or as a person', () => {
  assert.deepEqual(reviewOf(issue(), 'hubot', owners, leads, people), { reviewed: true, by: 'lead1', at: new Date(NOW + 5 * M).toISOString() });
  const not: [ReviewIssue | undefined, RegExp][] = [
    [undefined, /no review issue was opened by the break-glass run/],
    [issue({ state: 'open' }), /#12 is open/],
    [issue({ state: 'closed', closed: undefined }), /#12 is open/],
    [issue({ closed: { by: 'lead1', at: '', reason: 'not_planned' } }), /closed as not_planned, not as completed/],
    [issue({ closed: { by: 'lead1', at: '', reason: null } }), /closed as no reason, not as completed/],
    [issue({ closed: { by: 'HUBOT', at: '', reason: 'completed' } }), /closed by hubot, who used break-glass/],
    [issue({ closed: { by: 'octocat', at: '', reason: 'completed' } }), /closed by octocat, who is not a code owner of the group/],
    // THREATS 60: hubot's second account, in the code owners' team, is still hubot.
    [
      issue({ closed: { by: 'hubot-ops', at: '', reason: 'completed' } }),
      /closed by hubot-ops, who is hubot, who used break-glass \(hubot-ops and hubot are the same Entra user \(hubot@contoso.com\)/,
    ],
  ];
  for (const [given, why] of not) {
    const verdict = reviewOf(given, 'hubot', owners, leads, people);
    assert.ok(!verdict.reviewed && why.test(verdict.why), `${JSON.stringify(given)}: ${JSON.stringify(verdict)}`);
  }
  // Without the Entra look-up (no people), the second account is only another login.
  assert.equal(reviewOf(issue({ closed: { by: 'hubot-ops', at: '', reason: 'completed' } }), 'hubot', owners, leads).reviewed, true);
});

test("a use's review issue is the earliest one a bot opened while its run ran, naming the run; a hand-written or later issue is not", () => {
  assert.equal(issueOfUse(use, [issue({ number: 14 }), issue()])?.number, 12, 'the earliest');
  assert.equal(issueOfUse(use, [issue({ author: 'hubot', authorBot: false })]), undefined, 'opened by a person, label and marker copied');
  assert.equal(issueOfUse(use, [issue({ run: 8 })]), undefined, 'another run');
  assert.equal(issueOfUse(use, [issue({ createdAt: NOW + 13 * M })]), undefined, 'opened after the run was over');
  assert.equal(issueOfUse(use, [issue({ createdAt: NOW - 2 * M })]), undefined, 'opened before the run');
  assert.deepEqual(readMarker(`<!-- access-as-code:break-glass {"run":7,"group":"g","login":"hubot"} -->\nbody`), { run: 7, group: 'g', login: 'hubot' });
  for (const body of [
    '<!-- access-as-code:break-glass {"run":"7","group":"g","login":"hubot"} -->',
    '<!-- access-as-code:break-glass {run:7} -->',
    'x\n<!-- access-as-code:break-glass {"run":7,"group":"g","login":"h"} -->',
  ])
    assert.equal(readMarker(body), undefined, body);
});

test('THREATS 61: a close keeps the verdict first judged; a new close (reopened, closed again) is judged afresh', () => {
  const close = issue({ closed: { by: 'octocat', at: new Date(NOW + 5 * M).toISOString(), reason: 'completed' } });
  const first = judgeUse(use, close, owners, leads, people, undefined);
  assert.equal(first.review.reviewed, false);
  assert.deepEqual(first.judged, {
    run: 7,
    issue: 12,
    by: 'octocat',
    at: close.closed!.at,
    reviewed: false,
    why: '#12 was closed by octocat, who is not a code owner of the group.',
  });
  // octocat joins the team later: the same close keeps its verdict, and nothing new is remembered.
  const joined = new Set([...leads, 'acme/sre-leads:octocat']);
  const later = judgeUse(use, close, owners, joined, people, first.judged);
  assert.deepEqual(later, { issue: 12, review: { reviewed: false, why: first.judged!.why } });
  // A new close by octocat, now a code owner: a review, remembered in turn.
  const again = issue({ closed: { by: 'octocat', at: new Date(NOW + 9 * 24 * 60 * M).toISOString(), reason: 'completed' } });
  const afresh = judgeUse(use, again, owners, joined, people, first.judged);
  assert.equal(afresh.review.reviewed, true);
  assert.equal(afresh.judged?.reviewed, true);
  // An open issue has no close to remember.
  assert.equal(judgeUse(use, issue({ state: 'open', closed: undefined }), owners, leads, people, undefined).judged, undefined);
});

test('ratified or ended: a review counts for access only within breakGlass.reviewWithin; a late one stands for the record', () => {
  const policy = config.policy.groups.get('k8s-prod-operators')!;
  const within = {
    ...config,
    policy: {
      ...config.policy,
      groups: new Map([...config.policy.groups, ['k8s-prod-operators', { ...policy, breakGlass: { ...policy.breakGlass!, reviewWithinMs: 15 * M } }]]),
    },
  };
  const at = (minutes: number): Pick<BreakGlassUse, 'group' | 'start' | 'review'> => ({
    group: 'k8s-prod-operators',
    start: NOW,
    review: { reviewed: true, by: 'lead1', at: new Date(NOW + minutes * M).toISOString() },
  });
  assert.equal(reviewedInTime(at(14), within), true);
  assert.equal(reviewedInTime(at(21), within), false, 'a review after the window does not bring the access back');
  assert.equal(reviewedInTime(at(21), config), true, 'a group without reviewWithin takes any review');
  assert.equal(reviewedInTime({ ...at(1), review: { reviewed: false, why: 'open' } }, config), false);
});

test("THREATS 60: a person's earlier use, under any of their accounts, blocks their next until it is reviewed", async () => {
  const facts = {
    actor: 'hubot-ops',
    run: 9,
    runCreatedAt: NOW,
    now: NOW,
    config: { ...config, identities: people.identities },
    upnIds: people.upnIds,
    teamMembers: async () => new Set(['hubot-ops']),
  };
  const inputs = { group: 'k8s-prod-operators', duration: '30m', ticket: 'INC-1', reason: 'The ingress is down' };
  const earlier = { run: 7, group: 'k8s-prod-operators', login: 'hubot', issue: 12, review: { reviewed: false as const, why: '#12 is open.' } };
  const refused = await decideBreakGlass(inputs, { ...facts, previous: [earlier] });
  assert.ok(!refused.ok);
  assert.match(refused.reasons.join(), /your earlier break-glass for k8s-prod-operators \(#12\) has not been reviewed: .*\(#12 is open\.\)/);
  assert.ok((await decideBreakGlass(inputs, { ...facts, previous: [{ ...earlier, review: { reviewed: true, by: 'lead1', at: '' } }] })).ok, 'reviewed');
  assert.ok((await decideBreakGlass(inputs, { ...facts, previous: [{ ...earlier, group: 'prod-db-admins' }] })).ok, 'another group');
  assert.ok((await decideBreakGlass(inputs, { ...facts, previous: [{ ...earlier, login: 'octocat' }] })).ok, 'another person');
  assert.ok((await decideBreakGlass(inputs, { ...facts, previous: [{ ...earlier, run: 9 }] })).ok, 'a re-run of this very run');
});
