// `new` writes what validate accepts, and refuses what validate refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftRequest } from '../../src/commands/new.ts';
import { ConfigError, formatDiagnostic } from '../../src/diagnostics.ts';
import { judgeRequest } from '../../src/request/verdict.ts';
import { NOW, fixtureConfig } from '../helpers/config.ts';

const config = await fixtureConfig();
const none = () => false;

test('a drafted request is at the right path, lasts the asked duration from the merge, and validates', () => {
  const result = draftRequest(
    {
      group: 'prod-db-admins',
      duration: '2h30m',
      justification: 'Restore the orders replica: "quoted" \\ and # hash',
      ticket: 'INC-4521',
      requester: 'OctoCat',
      now: NOW + 42_000,
    },
    config,
    none,
  );
  assert.ok(result.ok, result.ok ? '' : result.diagnostics.map(formatDiagnostic).join('\n'));
  assert.equal(result.draft.path, 'requests/prod-db-admins/octocat-inc-4521.yaml');
  assert.equal(result.draft.ends, 'for 2h30m from the merge');
  assert.match(result.draft.text, /^duration: 2h30m$/m);
  assert.doesNotMatch(result.draft.text, /expires/);
  const bytes = new TextEncoder().encode(result.draft.text);
  const verdict = judgeRequest(result.draft.path, { size: bytes.length, bytes }, config, NOW + 60_000);
  assert.equal(verdict.valid, true, verdict.diagnostics.map(formatDiagnostic).join('\n'));
  assert.equal(verdict.request?.justification, 'Restore the orders replica: "quoted" \\ and # hash');
  assert.match(result.draft.text, /^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/access-request\.schema\.json\n/);
});

test('a second request for the same group gets its own file', () => {
  const taken = new Set(['requests/k8s-prod-operators/octocat-drain-the-node-pool-now.yaml']);
  const result = draftRequest(
    { group: 'k8s-prod-operators', duration: '1h', justification: 'Drain the node pool now', requester: 'octocat', now: NOW },
    config,
    (p) => taken.has(p),
  );
  assert.ok(result.ok);
  assert.equal(result.draft.path, 'requests/k8s-prod-operators/octocat-drain-the-node-pool-now-2.yaml');
});

test('new refuses what validate refuses: over the maximum, missing ticket, unknown group, short justification', () => {
  const cases = [
    [{ group: 'k8s-prod-operators', duration: '3h', justification: 'Drain the node pool now' }, /allows at most 2h/],
    [{ group: 'prod-db-admins', duration: '1h', justification: 'Restore the orders replica' }, /requires a ticket/],
    [{ group: 'secret-admins', duration: '1h', justification: 'Restore the orders replica' }, /"secret-admins" is not in/],
    [{ group: 'k8s-prod-operators', duration: '1h', justification: 'short' }, /at least 10/],
    [{ group: 'k8s-prod-operators', duration: '4m', justification: 'Drain the node pool now' }, /"duration" is 4m; it must be at least 5 minutes/],
  ] as const;
  for (const [options, pattern] of cases) {
    const result = draftRequest({ ...options, requester: 'octocat', now: NOW }, config, none);
    assert.equal(result.ok, false, options.group);
    if (!result.ok) assert.match(result.diagnostics.map(formatDiagnostic).join('\n'), pattern);
  }
});

test('a duration that is not one is a usage error that shows the accepted forms', () => {
  assert.throws(
    () =>
      draftRequest(
        { group: 'k8s-prod-operators', duration: '2 hours', justification: 'Drain the node pool now', requester: 'octocat', now: NOW },
        config,
        none,
      ),
    (error: unknown) => error instanceof ConfigError && /e\.g\. 30m, 4h, 1h30m or 1d/.test(error.message),
  );
});

test('--until writes a fixed end instead, judged as one; giving both or neither is a usage error', () => {
  const fixed = draftRequest(
    { group: 'k8s-prod-operators', until: '2030-01-01T09:00:00Z', justification: 'Drain the node pool now', requester: 'octocat', now: NOW },
    config,
    none,
  );
  assert.ok(fixed.ok);
  assert.match(fixed.draft.text, /^expires: "2030-01-01T09:00:00Z"$/m);
  assert.equal(fixed.draft.ends, 'until 2030-01-01T09:00:00Z');
  const late = draftRequest(
    { group: 'k8s-prod-operators', until: '2030-01-01T11:00:00Z', justification: 'Drain the node pool now', requester: 'octocat', now: NOW },
    config,
    none,
  );
  assert.ok(!late.ok && late.diagnostics.some((d) => /allows at most 2h/.test(d.message)));
  assert.throws(
    () =>
      draftRequest(
        {
          group: 'k8s-prod-operators',
          duration: '1h',
          until: '2030-01-01T09:00:00Z',
          justification: 'Drain the node pool now',
          requester: 'octocat',
          now: NOW,
        },
        config,
        none,
      ),
    /either --for .* or --until/,
  );
});
