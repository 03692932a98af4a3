// The GitHub adapter (Octokit with retry and throttling) against the twin, and the twin's answers
// checked against GitHub's published OpenAPI description, so the twin cannot drift into a shape
// GitHub never sends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ValidateFunction } from 'ajv';
import { commentOnPull, createGitHub, pullComments } from '../../src/github/client.ts';
import { successfulRuns } from '../../src/github/runs.ts';
import { issuesWithLabel } from '../../src/github/issues.ts';
import { fileAt, getPull, isTeamMember, pullCommitters, pullFiles, pullReviews, pullsForCommit } from '../helpers/github-rest.ts';
import { createRepo } from '../../scripts/lib/git-repo.ts';
import { Twin } from '../helpers/twin.ts';
import { componentSchema, githubOpenApi } from '../helpers/openapi.ts';

const TOKEN = 'ghs_twintoken';
const repo = { owner: 'acme', repo: 'access' };
let twin: Twin;
const git = createRepo();
const baseSha = git.commit('base', { '.github/CODEOWNERS': '/requests/db/ @acme/dba\n' });
const headSha = git.commit('request', { 'requests/db/octocat-x.yaml': 'version: 1\n' });
const mergeSha = 'c'.repeat(40);

// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('github-adapter', () => {
  before(async () => {
    twin = await Twin.start({
      seed: { repos: [{ owner: 'acme', name: 'access', gitDir: git.dir }], teams: { 'acme/dba': ['monalisa'] }, githubTokens: [TOKEN] },
    });
    twin.addPull('acme', 'access', {
      number: 12,
      title: 'Request db access',
      body: 'INC-1',
      user: 'octocat',
      state: 'closed',
      merged: true,
      created_at: '2026-11-24T10:00:00Z',
      merged_at: '2026-11-24T10:30:00Z',
      merge_commit_sha: mergeSha,
      head: { sha: headSha, ref: 'octocat/db' },
      base: { sha: baseSha, ref: 'main' },
      files: Array.from({ length: 150 }, (_, i) => ({ filename: `requests/db/octocat-${i}.yaml`, status: 'added' as const })),
      commits: [{ sha: headSha, author: 'octocat', committer: 'web-flow' }],
      reviews: [
        { id: 1, user: 'monalisa', state: 'APPROVED', commit_id: headSha, submitted_at: '2026-11-24T10:20:00Z' },
        { id: 2, user: 'hubot', state: 'COMMENTED', commit_id: baseSha, submitted_at: '2026-11-24T10:21:00Z' },
      ],
    });
    // Runs of the sweep's workflow, one failed, for the OpenAPI check of the run listing below.
    twin.state.repos.get('acme/access')!.workflowRuns.push(
      {
        workflow: 'access-revoke.yml',
        id: 5,
        status: 'completed',
        conclusion: 'failure',
        created_at: '2026-11-24T11:00:00Z',
        updated_at: '2026-11-24T11:01:00Z',
      },
      {
        workflow: 'access-revoke.yml',
        id: 4,
        status: 'completed',
        conclusion: 'success',
        created_at: '2026-11-24T10:45:00Z',
        updated_at: '2026-11-24T10:46:00Z',
      },
    );
  });

  after(async () => {
    await twin.stop();
    git.remove();
  });

  const gh = () => createGitHub({ token: TOKEN, baseUrl: twin.urls.github });

  test('a 404 costs one request: "not found" is an answer, not a fault to retry', async () => {
    twin.log.clear();
    assert.equal(await fileAt(gh(), repo, 'main', 'no/such/file.yaml'), undefined);
    assert.equal(twin.log.count('github'), 1);
  });

  test('the pull request of a merge commit, with its author, head and base', async () => {
    const [pr] = await pullsForCommit(gh(), repo, mergeSha);
    assert.deepEqual(pr, {
      number: 12,
      author: 'octocat',
      state: 'closed',
      merged: true,
      mergeCommitSha: mergeSha,
      headSha,
      baseSha,
      createdAt: '2026-11-24T10:00:00Z',
      mergedAt: '2026-11-24T10:30:00Z',
    });
    assert.deepEqual(await pullsForCommit(gh(), repo, 'd'.repeat(40)), []);
    assert.equal((await getPull(gh(), repo, 12)).merged, true);
  });

  test('files are read across pages (150 files, 100 a page)', async () => {
    twin.log.clear();
    // GitHub's page of 100, which the reader asks for (the twin's default is smaller).
    const small = twin.state.restPageMax;
    twin.state.restPageMax = 100;
    const files = await pullFiles(gh(), repo, 12).finally(() => (twin.state.restPageMax = small));
    assert.equal(files.length, 150);
    assert.equal(files[149]!.path, 'requests/db/octocat-149.yaml');
    assert.equal(
      twin.log.count('github', (r) => r.path.endsWith('/files')),
      2,
    );
  });

  test('reviews carry the reviewer, state and the commit they approved', async () => {
    assert.deepEqual(await pullReviews(gh(), repo, 12), [
      { id: 1, reviewer: 'monalisa', state: 'APPROVED', commitId: headSha, submittedAt: '2026-11-24T10:20:00Z' },
      { id: 2, reviewer: 'hubot', state: 'COMMENTED', commitId: baseSha, submittedAt: '2026-11-24T10:21:00Z' },
    ]);
    assert.deepEqual(await pullCommitters(gh(), repo, 12), [{ sha: headSha, author: 'octocat', committer: 'web-flow' }]);
  });

  test('team membership: active member true, anyone else false', async () => {
    assert.equal(await isTeamMember(gh(), 'acme', 'dba', 'MonaLisa'), true);
    assert.equal(await isTeamMember(gh(), 'acme', 'dba', 'octocat'), false);
    assert.equal(await isTeamMember(gh(), 'acme', 'nobody', 'octocat'), false);
  });

  test('files at a commit come from the real repository; absent files are undefined', async () => {
    assert.equal(Buffer.from((await fileAt(gh(), repo, baseSha, '.github/CODEOWNERS'))!).toString(), '/requests/db/ @acme/dba\n');
    assert.equal(await fileAt(gh(), repo, baseSha, 'requests/db/octocat-x.yaml'), undefined);
    assert.equal(Buffer.from((await fileAt(gh(), repo, headSha, 'requests/db/octocat-x.yaml'))!).toString(), 'version: 1\n');
  });

  test('comments are posted as the token owner and listed back', async () => {
    const id = await commentOnPull(gh(), repo, 12, 'Granted until 12:00 UTC.');
    const comments = await pullComments(gh(), repo, 12);
    assert.deepEqual(
      comments.find((c) => c.id === id),
      { id, author: 'github-actions[bot]', bot: true, body: 'Granted until 12:00 UTC.' },
    );
  });

  test('a bad token is refused with 401, as GitHub does', async () => {
    await assert.rejects(pullReviews(createGitHub({ token: 'nope', baseUrl: twin.urls.github }), repo, 12), (e: { status?: number }) => e.status === 401);
  });

  test('throttling (429 with retry-after) and 503 are retried by the client', async () => {
    twin.faults.add({ service: 'github', match: /\/reviews$/, kind: 'throttle', retryAfterSeconds: 0, times: 1 });
    twin.faults.add({ service: 'github', match: /\/reviews$/, kind: 'unavailable', times: 1 });
    twin.log.clear();
    assert.equal((await pullReviews(gh(), repo, 12)).length, 2);
    assert.equal(
      twin.log.count('github', (r) => r.path.endsWith('/reviews')),
      3,
    );
    twin.faults.clear();
  });

  // --- conformance with GitHub's OpenAPI description ---------------------------------------------

  const { ajv } = githubOpenApi();
  const schemaOf = (name: string, array = false): ValidateFunction => componentSchema(ajv, name, array);

  async function raw(path: string, init: RequestInit = {}): Promise<unknown> {
    const res = await fetch(`${twin.urls.github}${path}`, {
      ...init,
      headers: { authorization: `token ${TOKEN}`, accept: 'application/vnd.github+json', ...(init.headers ?? {}) },
    });
    assert.ok(res.ok, `${path}: ${res.status}`);
    return res.json();
  }

  const operations: [string, string, () => Promise<unknown>, ValidateFunction][] = [
    [
      'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
      'pull-request-simple[]',
      () => raw(`/repos/acme/access/commits/${mergeSha}/pulls`),
      schemaOf('pull-request-simple', true),
    ],
    ['GET /repos/{owner}/{repo}/pulls/{pull_number}', 'pull-request', () => raw('/repos/acme/access/pulls/12'), schemaOf('pull-request')],
    ['GET /repos/{owner}/{repo}/pulls/{pull_number}/files', 'diff-entry[]', () => raw('/repos/acme/access/pulls/12/files'), schemaOf('diff-entry', true)],
    [
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      'pull-request-review[]',
      () => raw('/repos/acme/access/pulls/12/reviews'),
      schemaOf('pull-request-review', true),
    ],
    ['GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', 'commit[]', () => raw('/repos/acme/access/pulls/12/commits'), schemaOf('commit', true)],
    [
      'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
      'team-membership',
      () => raw('/orgs/acme/teams/dba/memberships/monalisa'),
      schemaOf('team-membership'),
    ],
    [
      'GET /repos/{owner}/{repo}/contents/{path}',
      'content-file',
      () => raw(`/repos/acme/access/contents/.github/CODEOWNERS?ref=${baseSha}`),
      schemaOf('content-file'),
    ],
    [
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'issue-comment',
      () =>
        raw('/repos/acme/access/issues/12/comments', {
          method: 'POST',
          body: JSON.stringify({ body: 'hello' }),
          headers: { 'content-type': 'application/json' },
        }),
      schemaOf('issue-comment'),
    ],
    [
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      'workflow-run[]',
      async () => ((await raw('/repos/acme/access/actions/workflows/access-revoke.yml/runs?status=success')) as { workflow_runs: unknown[] }).workflow_runs,
      schemaOf('workflow-run', true),
    ],
    [
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'issue-comment[]',
      () => raw('/repos/acme/access/issues/12/comments'),
      schemaOf('issue-comment', true),
    ],
    [
      'GET /repos/{owner}/{repo}/rules/branches/{branch}',
      'repository-rule-detailed[]',
      async () => {
        twin.state.repos.get('acme/access')!.rules = [
          {
            type: 'pull_request',
            parameters: {
              required_approving_review_count: 1,
              dismiss_stale_reviews_on_push: true,
              require_code_owner_review: true,
              require_last_push_approval: true,
              required_review_thread_resolution: false,
            },
          },
        ];
        return raw('/repos/acme/access/rules/branches/main');
      },
      schemaOf('repository-rule-detailed', true),
    ],
    [
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}',
      'workflow-run',
      async () => {
        const now = '2026-11-25T10:00:00Z';
        twin.state.repos.get('acme/access')!.workflowRuns.push({
          workflow: 'access-break-glass.yml',
          id: 77,
          status: 'completed',
          conclusion: 'failure',
          created_at: now,
          updated_at: now,
          event: 'workflow_dispatch',
          actor: 'hubot',
          triggering_actor: 'octocat',
          run_attempt: 2,
          attempts: [{ conclusion: 'success', triggering_actor: 'hubot' }],
        });
        return raw('/repos/acme/access/actions/runs/77/attempts/1');
      },
      schemaOf('workflow-run'),
    ],
    [
      'GET /repos/{owner}/{repo}/issues/{issue_number}/events',
      'issue-event-for-issue[]',
      async () => {
        const now = '2026-11-25T10:00:00Z';
        twin.state.repos.get('acme/access')!.issues.set(90, {
          number: 90,
          title: 'x',
          body: '',
          user: 'github-actions[bot]',
          state: 'closed',
          labels: [],
          pinned: false,
          created_at: now,
          updated_at: now,
          closed_by: 'monalisa',
          state_reason: 'completed',
          events: [{ id: 5, event: 'closed', actor: 'monalisa', created_at: now, state_reason: 'completed' }],
        });
        return raw('/repos/acme/access/issues/90/events');
      },
      schemaOf('issue-event-for-issue', true),
    ],
    [
      'GET /repos/{owner}/{repo}/environments/{environment_name}',
      'environment',
      async () => {
        twin.state.repos.get('acme/access')!.environments.set('access-grant', {
          policy: { protected_branches: false, custom_branch_policies: true },
          patterns: [{ name: 'main', type: 'branch' }],
        });
        return raw('/repos/acme/access/environments/access-grant');
      },
      schemaOf('environment'),
    ],
    [
      'GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies',
      'deployment-branch-policy[]',
      async () => ((await raw('/repos/acme/access/environments/access-grant/deployment-branch-policies')) as { branch_policies: unknown[] }).branch_policies,
      schemaOf('deployment-branch-policy', true),
    ],
  ];

  for (const [operation, schema, call, validate] of operations) {
    test(`OpenAPI: ${operation} answers a valid ${schema}`, async () => {
      const body = await call();
      const ok = validate(body);
      assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    });
  }

  test('OpenAPI: the check does fail on a shape GitHub never sends', async () => {
    const [review] = (await raw('/repos/acme/access/pulls/12/reviews')) as Record<string, unknown>[];
    const validate = schemaOf('pull-request-review');
    assert.equal(validate({ ...review, user: undefined, state: 42 }), false);
    assert.equal(validate({ ...review, commit_id: null }), true, 'commit_id is nullable in the description');
  });

  test('REST readers follow Link pages: with two items a page, every comment, issue and run is read', async () => {
    const state = twin.state;
    const r = state.repos.get('acme/access')!;
    for (let i = 0; i < 5; i++) await commentOnPull(gh(), repo, 12, `comment ${i}`);
    for (let i = 0; i < 5; i++)
      r.issues.set(900 + i, {
        number: 900 + i,
        title: `t${i}`,
        body: '',
        user: 'octocat',
        state: 'open',
        labels: ['paged'],
        pinned: false,
        created_at: '2026-11-24T10:00:00Z',
        updated_at: '2026-11-24T10:00:00Z',
      });
    state.restPageMax = 2;
    try {
      twin.log.clear();
      assert.deepEqual(
        (await pullComments(gh(), repo, 12)).filter((c) => c.body.startsWith('comment ')).map((c) => c.body),
        ['comment 0', 'comment 1', 'comment 2', 'comment 3', 'comment 4'],
      );
      assert.ok(twin.log.count('github', (c) => c.path.endsWith('/comments')) >= 3, 'read in pages of two');
      assert.equal((await issuesWithLabel(gh(), repo, 'paged')).length, 5);
      const runs = await successfulRuns(gh(), repo, 'access-revoke.yml', Date.parse('2026-11-24T00:00:00Z'));
      assert.equal(runs.cut, false);
    } finally {
      state.restPageMax = 100;
    }
  });
});
