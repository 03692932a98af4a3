// The blast radius, pure: standing members weighted by what the group leads to, and the hours elevated
// through requests counted only inside each window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blastRadius, renderBlastRadius, weeklyTrend } from '../../src/report/blast-radius.ts';
import { classify, dailySpan, folderName, propose, proposeMaxDuration, usageFromLogs } from '../../src/commands/discover.ts';
import { blastHeadline } from '../../src/report/dashboard.ts';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const H = 3_600_000;
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();

test('standing hours count only for privileged groups; elevated hours are clipped to each window; ongoing grants count until now', () => {
  const b = blastRadius(
    [
      { group: 'tier0', standingUsers: 1, standingApps: 1 },
      { group: 'ops', standingUsers: 2, standingApps: 0 },
      { group: 'readers', standingUsers: 5, standingApps: 0 },
    ],
    new Map([
      ['tier0', 100],
      ['ops', 10],
    ]),
    [
      { group: 'ops', grantedAt: at(2 * H), endedAt: at(1 * H), plannedEnd: at(1 * H) }, // 1 h, in every window
      { group: 'ops', grantedAt: at(10 * 24 * H), endedAt: at(10 * 24 * H - 4 * H), plannedEnd: '' }, // 4 h, 10 days ago
      { group: 'tier0', grantedAt: at(30 * 60_000), endedAt: '', plannedEnd: at(-90 * 60_000) }, // ongoing: 0.5 h so far
      { group: 'ops', grantedAt: at(8 * 24 * H - 1 * H), endedAt: at(8 * 24 * H - 3 * H), plannedEnd: '' }, // straddles nothing: 2 h, 8 days ago
    ],
    NOW,
  );
  assert.deepEqual(
    b.rows.map((r) => [r.group, r.standingHoursPerWeek, r.elevatedHours, r.exposure]),
    [
      ['tier0', 336, { d7: 0.5, d30: 0.5, d90: 0.5 }, 200],
      ['ops', 336, { d7: 1, d30: 7, d90: 7 }, 20],
      ['readers', 0, { d7: 0, d30: 0, d90: 0 }, 0],
    ],
  );
  assert.deepEqual(b.total, { standingUsers: 3, standingApps: 1, standingHoursPerWeek: 672, elevatedHours: { d7: 1.5, d30: 7.5, d90: 7.5 }, exposure: 220 });
});

test('usage classes from sign-in days, else the last sign-in alone; the proposal follows', () => {
  assert.equal(classify({ activeDays: 20 }, NOW), 'daily');
  assert.equal(classify({ activeDays: 4 }, NOW), 'weekly');
  assert.equal(classify({ activeDays: 1 }, NOW), 'rare');
  assert.equal(classify({ activeDays: 0, lastSignIn: at(100 * 24 * H) }, NOW), 'never');
  assert.equal(classify({ lastSignIn: '' }, NOW), 'never');
  assert.equal(classify({ lastSignIn: at(40 * 24 * H) }, NOW), 'rare');
  assert.equal(classify({ lastSignIn: at(2 * H) }, NOW), 'unknown', 'a recent last sign-in says nothing about how often');
  assert.equal(classify({}, NOW), 'unknown');
  assert.equal(propose({ kind: 'user', usage: 'rare' }).proposal, 'just-in-time');
  assert.equal(propose({ kind: 'user', usage: 'unknown' }).proposal, 'standing');
  assert.equal(propose({ kind: 'servicePrincipal', usage: 'never' }).proposal, 'standing');
  assert.equal(folderName('Finance Admins (EU)', new Set()), 'finance-admins-eu');
  assert.equal(folderName('Finance Admins', new Set(['finance-admins'])), 'finance-admins-2');
  assert.equal(folderName('***', new Set()), 'group');
});

test('the dashboard headline counts standing members of privileged groups only, users and apps apart', () => {
  const member = (who: string, type: 'user' | 'servicePrincipal' | 'other', holds: 'active' | 'standing' | 'drift') => ({ who, id: who, type, holds });
  const access = (group: string, weight: number) => ({
    group,
    id: group,
    confers: weight > 0 ? [{ kind: 'app-role' as const, name: 'Admin', via: [], privileged: true, weight }] : [],
    unknown: [],
  });
  const line = blastHeadline({
    status: {
      generatedAt: '',
      head: '',
      groups: [
        {
          group: 'tier0',
          mode: 'enforce',
          backend: 'membership',
          members: [member('a', 'user', 'standing'), member('b', 'user', 'active'), member('app', 'servicePrincipal', 'standing')],
        },
        { group: 'ops', mode: 'audit', backend: 'membership', members: [member('c', 'user', 'drift'), member('g', 'other', 'drift')] },
        { group: 'readers', mode: 'enforce', backend: 'membership', members: [member('d', 'user', 'drift')] },
      ],
    },
    pending: [],
    exemptionsDue: [],
    sweptAt: NOW,
    catalogue: { readAt: '', groups: [access('tier0', 100), access('ops', 10), access('readers', 0)] },
  });
  assert.equal(
    line,
    '**Blast radius:** 2 standing privileged users and 1 app hold privileged groups around the clock (504 standing privileged hours a week, weighted exposure 210); the daily access report compares it with the hours used through requests.',
  );
});

test('week by week: hours elevated inside each week, exemptions as known, oldest first', () => {
  const trend = weeklyTrend(
    3,
    NOW,
    [2, undefined, 5],
    [
      { group: 'ops', grantedAt: at(8 * 24 * H), endedAt: at(8 * 24 * H - 3 * H), plannedEnd: '' }, // 3 h in the week before last
      { group: 'ops', grantedAt: at(7 * 24 * H + 1 * H), endedAt: at(7 * 24 * H - 1 * H), plannedEnd: '' }, // 1 h each side of a week's end
      { group: 'ops', grantedAt: at(1 * H), endedAt: '', plannedEnd: at(-5 * H) }, // ongoing: 1 h so far
    ],
  );
  assert.deepEqual(trend, [
    { weekEnding: '2026-11-15', standingExemptions: 5, elevatedHours: 0 },
    { weekEnding: '2026-11-22', elevatedHours: 4 },
    { weekEnding: '2026-11-29', standingExemptions: 2, elevatedHours: 2 },
  ]);
});

test("the proposed maximum follows the members' working span, capped by what the group leads to", () => {
  assert.equal(dailySpan(['2026-11-20T08:00:00Z', '2026-11-20T10:30:00Z', '2026-11-21T09:00:00Z', '2026-11-22T07:00:00Z', '2026-11-22T13:00:00Z']), 2.5);
  assert.equal(dailySpan([]), undefined);
  assert.deepEqual(proposeMaxDuration(10, [2.5, 0.2]), {
    maxDuration: '3h',
    maxDurationWhy: "members' days span up to 3h (first to last sign-in, median day)",
  });
  assert.deepEqual(proposeMaxDuration(100, [6]), {
    maxDuration: '2h',
    maxDurationWhy: "members' days span up to 6h, capped at 2h for a path to control of the tenant",
  });
  assert.deepEqual(proposeMaxDuration(10, [0]), { maxDuration: '1h', maxDurationWhy: "members' days span up to 1h (first to last sign-in, median day)" });
  assert.equal(proposeMaxDuration(1, []).maxDuration, '8h');
});

test("usage is judged by the group's own applications where it has any: sign-ins elsewhere are not use of its privilege", () => {
  const payroll = { appId: 'a1', name: 'Payroll' };
  const at = (day: number, hour: number, appId: string) => ({
    createdDateTime: `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`,
    appId,
  });
  const mailOnly = [at(1, 9, 'mail'), at(1, 17, 'mail'), at(2, 9, 'mail'), at(3, 9, 'mail')];
  const elsewhere = usageFromLogs(mailOnly, [payroll]);
  assert.deepEqual(elsewhere, { activeDays: 3, apps: [{ app: 'Payroll', activeDays: 0 }], appDays: 0 }, 'no use of Payroll: no working span either');
  assert.equal(classify(elsewhere, Date.parse('2026-11-05T00:00:00Z')), 'never');
  assert.deepEqual(propose({ kind: 'user', usage: 'never', ...elsewhere }), {
    proposal: 'just-in-time',
    reason: 'did not use Payroll in the last 30 days (signs in on 3 days, to other applications)',
  });
  const used = usageFromLogs([...mailOnly, at(2, 10, 'A1'), at(2, 12, 'a1')], [payroll]);
  assert.deepEqual(used.apps, [{ app: 'Payroll', activeDays: 1, last: '2026-11-02T12:00:00Z' }], 'application ids compared without case');
  assert.equal(used.dailySpanHours, 2, "the span is Payroll's, not the mail's 8 hours");
  assert.equal(classify(used, Date.parse('2026-11-05T00:00:00Z')), 'rare');
  // A group with no application: every sign-in counts, as before.
  assert.deepEqual(usageFromLogs(mailOnly, []), { activeDays: 3, dailySpanHours: 0 });
});

test("the day's point counts members who stay without a request: exemptions and drift the run did not remove", async () => {
  const { pointOf } = await import('../../src/memory/history.ts');
  const point = pointOf(Date.parse('2026-11-29T00:05:00Z'), [
    {
      group: 'finance-admins',
      dispositions: [
        { reason: 'standing', type: 'user', action: 'keep' },
        { reason: 'standing', type: 'servicePrincipal', action: 'keep' },
        { reason: 'drift', type: 'user', action: 'report' },
        { reason: 'drift', type: 'user', action: 'remove', outcome: 'removed' },
        { reason: 'drift', type: 'user', action: 'remove', outcome: 'failed' },
        { reason: 'active', type: 'user', action: 'keep' },
      ],
    },
    { group: 'unreadable', error: 'Graph answered 403', dispositions: [] },
  ]);
  assert.deepEqual(point, { day: '2026-11-29', at: '2026-11-29T00:05:00.000Z', groups: [{ group: 'finance-admins', users: 3, apps: 1 }] });
});

test('the report never reads as a contradiction: members of other groups are said beside the headline, and weeks before any record are one line', () => {
  const row = (group: string, weight: number, standingUsers: number) => ({
    group,
    weight,
    standingUsers,
    standingApps: 0,
    standingHoursPerWeek: weight >= 10 ? standingUsers * 168 : 0,
    elevatedHours: { d7: 0, d30: 0, d90: 0 },
    exposure: standingUsers * weight,
  });
  const empty = (weekEnding: string) => ({ weekEnding, elevatedHours: 0 });
  const text = renderBlastRadius(
    {
      rows: [row('tier0', 100, 0), row('readers', 0, 1)],
      total: { standingUsers: 0, standingApps: 0, standingHoursPerWeek: 0, elevatedHours: { d7: 0, d30: 0, d90: 0 }, exposure: 0 },
      trend: [empty('2026-11-15'), empty('2026-11-22'), { weekEnding: '2026-11-29', standingMembers: 0, elevatedHours: 1.5 }],
    },
    (s) => s,
  ).join('\n');
  assert.match(text, /\*\*0 standing privileged users\*\*[^\n]* Besides, 1 standing member holds groups that are not privileged \(the table lists them\)/);
  assert.match(text, /\| the 2 weeks before \| not recorded \| not known \| 0 \|\n\| 2026-11-29 \| 0 \| not known \| 1\.5 \|/);
  assert.doesNotMatch(text, /2026-11-15/);
  const none = renderBlastRadius(
    {
      rows: [],
      total: { standingUsers: 0, standingApps: 0, standingHoursPerWeek: 0, elevatedHours: { d7: 0, d30: 0, d90: 0 }, exposure: 0 },
      trend: [empty('2026-11-22')],
    },
    (s) => s,
  ).join('\n');
  assert.match(
    none,
    /\*\*Week by week:\*\* nothing was recorded and no hours were elevated in the last week \(standing exemptions in privileged groups: not known\)\./,
  );
  assert.doesNotMatch(none, /\| Week ending/);
  // A group whose access could not be read is not called "not privileged", and the headline says its members are not counted.
  const unread = renderBlastRadius(
    {
      rows: [{ ...row('ops', 0, 2), unknown: true }],
      total: { standingUsers: 0, standingApps: 0, standingHoursPerWeek: 0, elevatedHours: { d7: 0, d30: 0, d90: 0 }, exposure: 0 },
    },
    (s) => s,
  ).join('\n');
  assert.match(unread, /\*\*Not known in full:\*\* what ops leads to could not be read[^\n]*so 2 standing members are not counted as privileged/);
  assert.match(unread, /\| ops \| not known \| 2 \|/);
  assert.doesNotMatch(unread, /Besides/);
});
