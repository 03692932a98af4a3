// The report's Markdown, from plain data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, renderReport, type ReportData } from '../../src/report/render.ts';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const base: ReportData = {
  generatedAt: NOW,
  lastRevokeRun: '2026-11-24T11:50:00Z',
  revokeIntervalMs: 15 * 60_000,
  grants: [
    {
      group: 'prod-db-admins',
      requester: 'octocat',
      file: 'requests/prod-db-admins/octocat-inc-1.yaml',
      since: '2026-11-24T10:00:00Z',
      expires: '2026-11-24T14:00:00Z',
    },
    { group: 'k8s:prod', requester: 'mona#lisa', file: 'requests/k8s/monalisa-x.yaml', since: '2026-11-24T11:00:00Z', expires: '2026-11-24T12:30:00Z' },
  ],
  groups: [
    { group: 'prod-db-admins', mode: 'enforce', members: 2, covered: 1, standingExempt: 1, drift: [] },
    { group: 'billing-readers', mode: 'audit', members: 1, covered: 0, standingExempt: 0, drift: ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'] },
  ],
  overdue: [],
  history: {
    days: 30,
    requestsPerGroup: { 'prod-db-admins': 3 },
    grantedPerGroup: { 'prod-db-admins': 2 },
    elevations: [
      { file: 'a', ms: 3_600_000 },
      { file: 'b', ms: 4 * 3_600_000 },
      { file: 'c', ms: 2 * 3_600_000 },
    ],
    approvalLatencies: [{ pull: 4, ms: 600_000 }],
  },
};

test('active grants as a Mermaid gantt chart and a table, soonest expiry first', () => {
  const md = renderReport(base);
  assert.match(md, /```mermaid\ngantt\n {4}title Active grants \(UTC\)\n {4}dateFormat YYYY-MM-DD HH:mm/);
  assert.match(md, / {4}section k8s prod\n {4}mona lisa :active, 2026-11-24 11:00, 2026-11-24 12:30\n/, 'gantt names cannot carry ":" or "#"');
  assert.match(md, / {4}section prod-db-admins\n {4}octocat :active, 2026-11-24 10:00, 2026-11-24 14:00\n```/);
  const rows = md.split('\n').filter((l) => l.startsWith('| k8s') || l.startsWith('| prod-db-admins | octocat'));
  assert.deepEqual(
    rows.map((r) => r.split(' | ')[4]),
    ['30m', '2h'],
  );
});

test('standing privilege per group: members, covered, exemptions, drift', () => {
  const md = renderReport(base);
  assert.match(md, /\| prod-db-admins \| enforce \| 2 \| 1 \| 1 \| 0 \|/);
  assert.match(md, /\| billing-readers \| audit \| 1 \| 0 \| 0 \| 1 \(9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\) \|/);
});

test('figures of the last 30 days: requests per group, median and longest elevation, approval latency', () => {
  const md = renderReport(base);
  assert.match(md, /\| prod-db-admins \| 3 \| 2 \|/);
  assert.match(md, /Elevation of granted requests \(merge to expiry or early revoke\): median 2h, longest 4h \(`b`\)\./);
  assert.match(md, /Approval latency of granted requests \(pull request opened to merged\): median 10m, longest 10m \(#4\)\./);
  assert.equal(median([1, 3, 2, 4]), 2.5);
});

test('THREATS 20: a sweep that has not run shows as overdue, with the expiries it left behind', () => {
  const late = renderReport({
    ...base,
    lastRevokeRun: '2026-11-24T09:00:00Z',
    overdue: [{ group: 'prod-db-admins', requester: 'hubot', file: 'requests/prod-db-admins/hubot-x.yaml', expires: '2026-11-24T10:00:00Z' }],
  });
  assert.match(late, /Last successful sweep: 2026-11-24 09:00 UTC \(3h ago\) — \*\*overdue\*\*: scheduled sweeps are delayed or disabled\./);
  assert.match(late, /\| prod-db-admins \| hubot \| 2026-11-24 10:00 \| `requests\/prod-db-admins\/hubot-x\.yaml` \|/);
  assert.match(renderReport({ ...base, lastRevokeRun: undefined }), /Last successful sweep: \*\*none found\*\*/);
  assert.match(renderReport(base), /Last successful sweep: 2026-11-24 11:50 UTC \(10m ago\)\./);
  assert.match(renderReport(base), /### Overdue expiries\n\nNone/);
});

test('THREATS 56: the dashboard stays within the 65,536 characters GitHub allows an issue body, however many holders, and says what it left out', async () => {
  const { renderDashboard, ISSUE_BODY_LIMIT } = await import('../../src/report/dashboard.ts');
  const members = Array.from({ length: 4000 }, (_, i) => ({
    who: `person-${i}`,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: 'user' as const,
    holds: 'active' as const,
    since: Date.parse('2030-01-01T00:00:00Z'),
    until: '2030-01-01T04:00:00Z',
    file: `requests/ops/person-${i}-a-rather-long-request-file-name.yaml`,
  }));
  const status = {
    generatedAt: '2030-01-01T00:00:00Z',
    head: 'a'.repeat(40),
    groups: [{ group: 'ops', mode: 'enforce' as const, backend: 'membership' as const, members }],
  };
  const { body } = renderDashboard({ status, pending: [], exemptionsDue: [], sweptAt: Date.parse('2030-01-01T00:00:00Z') });
  assert.ok(body.length <= ISSUE_BODY_LIMIT, `${body.length} characters`);
  assert.match(body, /\| … \| and \d+ more \| \| \|/);
  assert.match(body, /\| ops \| person-0 \|/);
});
