// The evidence's pure parts: who held access at a time (status --at a past time), and CSV a spreadsheet
// cannot run as formulas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceCsv, heldAt, type EvidenceRow } from '../../src/commands/evidence.ts';

const row = (over: Partial<EvidenceRow>): EvidenceRow => ({
  kind: 'request',
  group: 'k8s-prod-operators',
  requester: 'hubot',
  entraUser: 'hubot@contoso.com',
  justification: 'Drain the node pool',
  ticket: '',
  source: 'requests/k8s-prod-operators/hubot-a.yaml',
  pullRequest: '#7',
  approvals: 'lead1 at 2026-11-20T09:00:00Z',
  grantedAt: '2026-11-20T10:00:00Z',
  plannedEnd: '2026-11-20T12:00:00Z',
  endedAt: '2026-11-20T12:00:00Z',
  endedHow: 'expired',
  removedAt: '2026-11-20T12:07:00Z',
  removedBy: 'the first successful grant or sweep run that started after the end',
  lateMinutes: '7',
  ...over,
});
const t = (s: string) => Date.parse(s);

test('who held access at a time: begun by then and not yet removed; an unconfirmed removal still counts as held; one login when asked', () => {
  const rows = [
    row({}),
    row({ requester: 'octocat', grantedAt: '2026-11-20T11:30:00Z', endedAt: '', endedHow: 'active', removedAt: '', removedBy: '', lateMinutes: '' }),
    row({
      requester: 'monalisa',
      endedAt: '2026-11-20T11:00:00Z',
      removedAt: '',
      removedBy: 'no successful grant or sweep run since: not confirmed',
      lateMinutes: '',
    }),
    row({
      requester: 'replaced',
      endedAt: '2026-11-20T11:00:00Z',
      endedHow: 'replaced by a later version',
      removedAt: '',
      removedBy: 'not removed: the next version continues it',
    }),
  ];
  assert.deepEqual(
    heldAt(rows, t('2026-11-20T09:00:00Z')).map((r) => r.requester),
    [],
    'before anything was granted',
  );
  assert.deepEqual(
    heldAt(rows, t('2026-11-20T11:45:00Z')).map((r) => r.requester),
    ['hubot', 'octocat', 'monalisa'],
  );
  assert.deepEqual(
    heldAt(rows, t('2026-11-20T12:05:00Z')).map((r) => r.requester),
    ['hubot', 'octocat', 'monalisa'],
    'ended at 12:00 but removed only at 12:07',
  );
  assert.deepEqual(
    heldAt(rows, t('2026-11-20T12:10:00Z')).map((r) => r.requester),
    ['octocat', 'monalisa'],
  );
  assert.deepEqual(
    heldAt(rows, t('2026-11-20T12:10:00Z'), 'OctoCat').map((r) => r.requester),
    ['octocat'],
  );
});

test('evidence CSV: every field quoted, quotes doubled, and a leading formula sign defused', () => {
  const csv = evidenceCsv([row({ justification: '=HYPERLINK("http://evil")', ticket: 'a "quoted" ticket' })]);
  const [header, line] = csv.trimEnd().split('\n');
  assert.match(header!, /^kind,group,requester,/);
  assert.match(line!, /,"'=HYPERLINK\(""http:\/\/evil""\)","a ""quoted"" ticket",/);
});
