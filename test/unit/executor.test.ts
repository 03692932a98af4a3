// The one executor of GitHub and chat effects, with plain ports: idempotent, isolated, outcomes beside the plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executeEffects, type PostedComment } from '../../src/execute/executor.ts';
import type { Effect } from '../../src/plan/effects.ts';
import type { NotifyEvent } from '../../src/notify/notify.ts';

const reminder = (pull: number, marker: string): Effect => ({
  id: `reminder:${pull}`,
  kind: 'reminder',
  pull,
  marker,
  body: `${marker}\nends soon`,
  reason: 'ends soon',
});
const event = (who: string): NotifyEvent => ({ kind: 'reminder', group: 'g', who, until: '2030-01-01T00:00:00Z', pull: 1 });

test('a comment already on the pull request is not posted again; one failure stops no other effect; a notice goes only with what it reports; the plan is not changed', async () => {
  const posted: [number, string][] = [];
  const comments = new Map<number, PostedComment[]>([
    [1, [{ body: '<!-- m1 --> earlier', bot: true }]],
    [2, []],
    [3, []],
  ]);
  const plan: Effect[] = [
    reminder(1, '<!-- m1 -->'),
    reminder(2, '<!-- m2 -->'),
    reminder(3, '<!-- m3 -->'),
    { id: 'notice:1', kind: 'notice', event: event('a'), reason: 'r', after: 'reminder:1' },
    { id: 'notice:2', kind: 'notice', event: event('b'), reason: 'r', after: 'reminder:2' },
    { id: 'notice:3', kind: 'notice', event: event('c'), reason: 'r', after: 'reminder:3' },
  ];
  const frozen = JSON.stringify(plan);
  const sent: NotifyEvent[] = [];
  const outcomes = await executeEffects(plan, {
    listComments: async (n) => comments.get(n)!,
    postComment: async (n, body) => {
      if (n === 2) throw new Error('HTTP 502');
      posted.push([n, body]);
    },
    notify: async (events) => {
      sent.push(...events);
      return events.map((e) => ({ event: e, target: 'g', service: 'slack' as const, ok: true, detail: 'sent' }));
    },
  });
  assert.deepEqual(
    outcomes.map((o) => [o.id, o.status]),
    [
      ['reminder:1', 'already'],
      ['reminder:2', 'failed'],
      ['reminder:3', 'done'],
      ['notice:1', 'skipped'],
      ['notice:2', 'skipped'],
      ['notice:3', 'done'],
    ],
  );
  assert.match(outcomes[1]!.detail, /not posted on #2: HTTP 502/);
  assert.deepEqual(
    posted.map(([n]) => n),
    [3],
  );
  assert.deepEqual(
    sent.map((e) => e.who),
    ['c'],
  );
  assert.equal(JSON.stringify(plan), frozen, 'outcomes are recorded beside the plan, never written into it');
});

test('the duplicate check of many reminders is one batched read; a pull request with more comments than it returns is listed in full', async () => {
  const batches: number[][] = [];
  const listed: number[] = [];
  const posted: number[] = [];
  const plan = [reminder(1, '<!-- m1 -->'), reminder(2, '<!-- m2 -->'), reminder(3, '<!-- m3 -->')];
  const outcomes = await executeEffects(plan, {
    recentComments: async (pulls) => {
      batches.push(pulls);
      return new Map([
        [1, [{ body: '<!-- m1 --> earlier', bot: true }]],
        [2, []],
        [3, undefined],
      ]);
    },
    listComments: async (n) => {
      listed.push(n);
      return n === 3 ? [{ body: '<!-- m3 --> long ago', bot: true }] : [];
    },
    postComment: async (n) => {
      posted.push(n);
    },
  });
  assert.deepEqual(batches, [[1, 2, 3]]);
  assert.deepEqual(listed, [3], 'only the pull request the batch could not answer in full');
  assert.deepEqual(posted, [2]);
  assert.deepEqual(
    outcomes.map((o) => o.status),
    ['already', 'done', 'already'],
  );
});

test('a memory write that GitHub refuses is recorded, never thrown, and nothing else is held up', async () => {
  const plan: Effect[] = [
    { id: 'remember', kind: 'remember', change: { expectedHead: 'a'.repeat(40), files: [], deletions: ['landings/x.json'] }, reason: 'r' },
    reminder(2, '<!-- m2 -->'),
  ];
  const outcomes = await executeEffects(plan, {
    remember: async () => {
      throw new Error('GitHub refused to write the access-as-code/memory branch: Resource not accessible by integration');
    },
    listComments: async () => [],
    postComment: async () => undefined,
  });
  assert.deepEqual(
    outcomes.map((o) => o.status),
    ['failed', 'done'],
  );
  assert.match(outcomes[0]!.detail, /not remembered .*next run asks GitHub for these again/);
});

test('a run posts at most its budget of new reminders: ones already posted do not count, the rest are deferred with their notices, comments are never held back', async () => {
  const posted: number[] = [];
  // Pull requests 1-6 each have a reminder due, in the plan's order (soonest-ending first); #2 has it already.
  const comments = new Map<number, PostedComment[]>([[2, [{ body: '<!-- m2 -->', bot: true }]]]);
  const plan: Effect[] = [
    ...[1, 2, 3, 4, 5, 6].map((n) => reminder(n, `<!-- m${n} -->`)),
    { id: 'comment:9', kind: 'comment', pull: 9, marker: '<!-- c9 -->', body: 'granted', reason: 'grant' },
    { id: 'notice:5', kind: 'notice', event: event('e'), reason: 'r', after: 'reminder:5' },
  ];
  const outcomes = await executeEffects(
    plan,
    {
      listComments: async (n) => comments.get(n) ?? [],
      recentComments: async (pulls) => new Map(pulls.map((n) => [n, comments.get(n) ?? []])),
      postComment: async (n) => void posted.push(n),
    },
    { newReminders: 3 },
  );
  assert.deepEqual(
    outcomes.map((o) => [o.id, o.status]),
    [
      ['reminder:1', 'done'],
      ['reminder:2', 'already'],
      ['reminder:3', 'done'],
      ['reminder:4', 'done'],
      ['reminder:5', 'skipped'],
      ['reminder:6', 'skipped'],
      ['comment:9', 'done'],
      ['notice:5', 'skipped'],
    ],
  );
  assert.deepEqual(posted, [1, 3, 4, 9]);
  assert.match(outcomes[4]!.detail, /deferred to the next run/);
});

test("THREATS 68: only a bot's comment with the marker counts as the product's own, told by type: a person's copy of the marker silences nothing", async () => {
  const posted: number[] = [];
  // #1: a person pasted the marker; #2: the product's bot wrote it (GraphQL names it without [bot]: the type decides).
  const comments = new Map<number, PostedComment[]>([
    [1, [{ body: '<!-- m1 --> copied by hand', bot: false }]],
    [2, [{ body: '<!-- m2 --> ends soon', bot: true }]],
  ]);
  const outcomes = await executeEffects([reminder(1, '<!-- m1 -->'), reminder(2, '<!-- m2 -->')], {
    listComments: async (n) => comments.get(n) ?? [],
    recentComments: async (pulls) => new Map(pulls.map((n) => [n, comments.get(n) ?? []])),
    postComment: async (n) => void posted.push(n),
  });
  assert.deepEqual(
    outcomes.map((o) => o.status),
    ['done', 'already'],
  );
  assert.deepEqual(posted, [1]);
});
