// The twin's GitHub enforces token permissions as GitHub does for a private repository: a job token has
// exactly its workflow block's scopes, an App token what its step asked for (or all of the app's), and
// a call needing more answers 403 "Resource not accessible by integration" with the accepted set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createGitHub } from '../../src/github/client.ts';
import { createRepo } from '../../scripts/lib/git-repo.ts';
import { Twin } from '../helpers/twin.ts';

const git = createRepo();
const head = git.commit('base', { 'README.md': 'hello\n' });
let twin: Twin;
const repo = { owner: 'acme', repo: 'access' };

// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('token-permissions', () => {
  before(async () => {
    twin = await Twin.start({
      seed: { repos: [{ owner: 'acme', name: 'access', gitDir: git.dir }], teams: { 'acme/dba': ['monalisa'] }, githubTokens: ['ghs_person'] },
    });
    const r = twin.state.repos.get('acme/access')!;
    r.issues.set(1, {
      number: 1,
      title: 'Issue',
      body: '',
      user: 'octocat',
      state: 'open',
      labels: [],
      pinned: false,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    });
    twin.addPull('acme', 'access', {
      number: 2,
      title: 'Pull',
      body: '',
      user: 'octocat',
      state: 'open',
      merged: false,
      created_at: '2026-01-01T00:00:00Z',
      merged_at: null,
      merge_commit_sha: null,
      head: { sha: head, ref: 'x' },
      base: { sha: head, ref: 'main' },
    });
  });
  after(async () => {
    await twin.stop();
    git.remove();
  });

  const call = async (token: string, method: string, path: string, body?: unknown, probe?: string) => {
    const res = await fetch(`${twin.urls.github}${path}`, {
      method,
      // A probe is a call no reference describes, sent to show the twin refuses it (kept out of the conformance log).
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(probe ? { 'x-twin-probe': probe } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, accepted: res.headers.get('x-accepted-github-permissions'), body: (await res.json()) as { message?: string } };
  };

  test('a job token has exactly its block: runs need actions: read, and anything unlisted is none', async () => {
    const token = twin.issueJobToken({ contents: 'read', 'pull-requests': 'write' }, 'access-grant.yml');
    const runs = await call(token, 'GET', '/repos/acme/access/actions/workflows/access-break-glass.yml/runs');
    assert.equal(runs.status, 403);
    assert.equal(runs.body.message, 'Resource not accessible by integration');
    assert.equal(runs.accepted, 'actions=read');
    assert.equal((await call(token, 'GET', '/repos/acme/access/contents/README.md')).status, 200);
    assert.equal((await call(token, 'GET', '/repos/acme/access/pulls/2')).status, 200);
    // An issue endpoint takes pull-requests for a pull request, not for an issue.
    assert.equal((await call(token, 'GET', '/repos/acme/access/issues/2/comments')).status, 200);
    const events = await call(token, 'GET', '/repos/acme/access/issues/1/events');
    assert.equal(events.status, 403);
    assert.equal(events.accepted, 'issues=read', 'on an issue, the pull-requests scope is no alternative');
    // write includes read; read is not write.
    const reader = twin.issueJobToken({ issues: 'read' });
    assert.equal((await call(reader, 'GET', '/repos/acme/access/issues/1/events')).status, 200);
    assert.equal((await call(reader, 'POST', '/repos/acme/access/issues', { title: 'x' })).status, 403);
    // The job token never reads organisation teams.
    assert.equal((await call(twin.issueJobToken('write-all'), 'GET', '/orgs/acme/teams/dba/memberships/monalisa')).status, 403);
    // An endpoint the twin has no row for is refused, not allowed.
    assert.equal((await call(twin.issueJobToken('write-all'), 'DELETE', '/repos/acme/access/issues/1', undefined, 'no-such-operation')).status, 403);
  });

  test('an App token has what its step asked for, or every permission of the app when it asked for none', async () => {
    const app = { members: 'read', 'pull-requests': 'read' } as const;
    const membersOnly = twin.issueAppToken({ members: 'read' }, app);
    assert.equal((await call(membersOnly, 'GET', '/orgs/acme/teams/dba/memberships/monalisa')).status, 200);
    assert.equal((await call(membersOnly, 'GET', '/repos/acme/access/pulls/2/reviews')).status, 403);
    const all = twin.issueAppToken(undefined, app);
    assert.equal((await call(all, 'GET', '/repos/acme/access/pulls/2/reviews')).status, 200);
    assert.throws(() => twin.issueAppToken({ contents: 'write' }, app), /no contents: write/);
  });

  test('GraphQL: a field the token may not read is null with FORBIDDEN beside the rest of the answer', async () => {
    const token = twin.issueJobToken({ contents: 'read' });
    const res = await fetch(`${twin.urls.github}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query { repository(owner: "acme", name: "access") { defaultBranchRef { name } pullRequest(number: 2) { number } } }' }),
    });
    const answer = (await res.json()) as {
      data: { repository: { defaultBranchRef: unknown; pullRequest: unknown } };
      errors: { type: string; path: string[] }[];
    };
    assert.deepEqual(answer.data.repository.defaultBranchRef, { name: 'main' });
    assert.equal(answer.data.repository.pullRequest, null);
    assert.deepEqual(
      answer.errors.map((e) => [e.type, e.path.join('.')]),
      [['FORBIDDEN', 'repository.pullRequest']],
    );
  });

  test('the client names the permission a refused call lacks, never a bare 403', async () => {
    const gh = createGitHub({ token: twin.issueJobToken({ contents: 'read' }), baseUrl: twin.urls.github, maxRetries: 0 });
    await assert.rejects(gh.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'access-revoke.yml' }), {
      name: 'GitHubPermissionError',
      message: /GitHub refused GET \/repos\/acme\/access\/actions\/workflows\/access-revoke\.yml\/runs .*lacks `actions: read`/,
    });
  });
});
