// When the sweep writes the access dashboard again (docs/threat-model.md 45, 68), as a pure function over
// the issue's body and GitHub's record of its edits. test/e2e/dashboard.test.ts shows a user the
// dashboard created, edited by hand and rewritten, and left alone, through the bundled action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsEdit, REFRESH_MS, renderDashboard, type IssueEdits } from '../../src/report/dashboard.ts';

const SWEPT = Date.parse('2030-01-01T08:00:00Z');
const status = {
  generatedAt: '2030-01-01T08:00:00Z',
  head: 'a'.repeat(40),
  groups: [
    {
      group: 'k8s-prod-operators',
      mode: 'enforce' as const,
      backend: 'membership' as const,
      members: [
        {
          who: 'hubot',
          id: '2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40',
          type: 'user' as const,
          holds: 'active' as const,
          since: SWEPT - 60_000,
          until: '2030-01-01T09:30:00Z',
          file: 'requests/k8s-prod-operators/hubot-1.yaml',
        },
      ],
    },
  ],
};
/** What the sweep wrote at SWEPT, and what a sweep a few minutes later would write: the same but for the sweep time. */
const written = renderDashboard({ status, pending: [], exemptionsDue: [], sweptAt: SWEPT });
const next = renderDashboard({ status, pending: [], exemptionsDue: [], sweptAt: SWEPT + 15 * 60_000 });
const now = SWEPT + 15 * 60_000;
const created: IssueEdits = { createdAt: '2030-01-01T08:00:00Z', lastEditedAt: null, editor: null };
const byBot: IssueEdits = { createdAt: '2029-12-31T08:00:00Z', lastEditedAt: '2030-01-01T08:00:00Z', editor: { login: 'github-actions', bot: true } };
const byPerson: IssueEdits = { createdAt: '2029-12-31T08:00:00Z', lastEditedAt: '2030-01-01T08:05:00Z', editor: { login: 'mallory', bot: false } };

test("the dashboard is written again only when its body differs, a person edited it last, or the sweep's last write is an hour old", () => {
  assert.notEqual(written.body, next.body, 'the sweep time differs');
  // Left alone: created by the sweep and never edited, or last edited by the sweep's bot, the same but for the sweep time.
  assert.equal(needsEdit(written.body, created, next, now), false, 'created by the sweep, never edited since');
  assert.equal(needsEdit(written.body, byBot, next, now), false, "last edited by the sweep's bot");
  // Written again.
  assert.equal(needsEdit(written.body, byPerson, next, now), true, 'the same body, last edited by a person');
  assert.equal(needsEdit(`${written.body}[Approve here](https://evil.example)\n`, byBot, next, now), true, 'a different body');
  assert.equal(needsEdit(written.body, created, next, SWEPT + REFRESH_MS), true, "the sweep's last write is an hour old");
  assert.equal(needsEdit(written.body, undefined, next, now), true, "GitHub's record of its edits could not be read");
});
