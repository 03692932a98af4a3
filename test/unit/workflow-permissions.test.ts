// The token permissions each command needs, checked against the template's own workflow files (as
// doctor checks a repository's), and the message for a call GitHub refuses for want of one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { acceptedPermissions, missingPermissionMessage, workflowFileOf, workflowPermissionProblems } from '../../src/github/permissions.ts';

const WORKFLOWS = fileURLToPath(new URL('../../template/.github/workflows/', import.meta.url));
const read = (file: string) => readFileSync(`${WORKFLOWS}${file}`, 'utf8');

test('every template workflow gives its job token and its teams App token what its command needs', () => {
  for (const file of readdirSync(WORKFLOWS)) assert.deepEqual(workflowPermissionProblems(`.github/workflows/${file}`, parse(read(file))), [], file);
});

test('a permission taken out of a workflow is named with the file and job to add it to', () => {
  const grant = parse(read('access-grant.yml').replace(/^ {2}actions: read.*\n/m, ''));
  assert.deepEqual(workflowPermissionProblems('.github/workflows/access-grant.yml', grant), [
    '.github/workflows/access-grant.yml: command "grant" needs `actions: read`: add it to the permissions of .github/workflows/access-grant.yml (job "grant").',
  ]);
  const report = parse(read('access-report.yml').replace(/^ {10}permission-pull-requests: read\n/m, ''));
  assert.match(workflowPermissionProblems('.github/workflows/access-report.yml', report).join('\n'), /add `permission-pull-requests: read` to it/);
});

test("a job's own block replaces the workflow's, as GitHub applies it", () => {
  const w = parse(read('access-revoke.yml')) as { jobs: Record<string, { permissions?: unknown }> };
  w.jobs.revoke!.permissions = { contents: 'read', 'id-token': 'write' };
  assert.match(workflowPermissionProblems('x.yml', w).join('\n'), /needs `pull-requests: write`, `issues: write`, `actions: read`/);
});

test('a refusal names the permission from x-accepted-github-permissions and the workflow from GITHUB_WORKFLOW_REF', () => {
  assert.equal(workflowFileOf('acme/access/.github/workflows/access-grant.yml@refs/heads/main'), '.github/workflows/access-grant.yml');
  assert.equal(workflowFileOf('not a ref'), undefined);
  assert.deepEqual(acceptedPermissions('issues=read; pull_requests=read'), [[{ scope: 'issues', level: 'read' }], [{ scope: 'pull-requests', level: 'read' }]]);
  assert.equal(
    missingPermissionMessage({ kind: 'job', workflow: '.github/workflows/access-report.yml' }, 'GET /repos/acme/access/issues', 'issues=read'),
    'GitHub refused GET /repos/acme/access/issues (Resource not accessible by integration): the job token lacks `issues: read`. Add `issues: read` to the permissions of .github/workflows/access-report.yml.',
  );
  assert.match(
    missingPermissionMessage({ kind: 'teams', workflow: '.github/workflows/access-grant.yml' }, 'reviews', 'pull_requests=read'),
    /Add `permission-pull-requests: read` to the "A token that can read teams" step \(actions\/create-github-app-token\) of \.github\/workflows\/access-grant\.yml/,
  );
  // A hostile header cannot put text in the message.
  assert.deepEqual(acceptedPermissions('x=read`; <b>=write'), []);
});
