// The report's break-glass section, from plain data: each use of the window with its review, or, when
// the uses could not be read, unknown and why (never an empty section that reads as "none").
// test/e2e/break-glass.test.ts and test/e2e/permissions.test.ts show a user each through the bundled action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport, type ReportData } from '../../src/report/render.ts';

const base: ReportData = {
  generatedAt: Date.parse('2030-01-01T08:00:00Z'),
  lastRevokeRun: '2030-01-01T07:55:00Z',
  revokeIntervalMs: 15 * 60_000,
  grants: [],
  groups: [],
  overdue: [],
  history: { days: 30, requestsPerGroup: {}, grantedPerGroup: {}, elevations: [], approvalLatencies: [] },
};

test('the report lists each break-glass use with its review, or says the uses are unknown and why: never none', () => {
  const listed = renderReport({
    ...base,
    breakGlass: [
      { issue: 12, run: 7001, group: 'k8s-prod-operators', login: 'hubot', at: '2030-01-01T07:00:00.000Z', reviewed: false },
      { run: 7002, group: 'k8s-prod-operators', login: 'lead1', at: '2030-01-01T06:00:00.000Z', reviewed: true },
    ],
  });
  assert.match(listed, /### Break-glass\n/);
  assert.match(listed, /\| #12 \| hubot \| k8s-prod-operators \| 2030-01-01 07:00 \| \*\*no, unreviewed\*\* \|/);
  assert.match(listed, /\| none \(run 7002\) \| lead1 \| k8s-prod-operators \| 2030-01-01 06:00 \| yes \|/);

  const why = 'GitHub refused GET /repos/acme/access/issues: add `issues: read` to .github/workflows/access-report.yml.';
  const unknown = renderReport({ ...base, breakGlassUnknown: why, breakGlass: [] });
  assert.match(unknown, /### Break-glass\n\n\*\*Unknown\*\*: the break-glass uses could not be read\. GitHub refused .*issues\\?: read.*access-report\.yml/);
  assert.doesNotMatch(unknown, /\| Review \| Who \|/, 'no table that reads as none');
  // No uses in the window: no section.
  assert.doesNotMatch(renderReport({ ...base, breakGlass: [] }), /Break-glass/);
});
