// Pull-request rules: scope (docs/threat-model.md 6), authorship (1, 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { checkAuthor, checkOwnerOfChanged, checkScope } from '../../src/pr/rules.ts';
import { parseRequest } from '../../src/request/request.ts';

const REQUEST =
  'version: 1\nrequester: octocat\ngroup: k8s-prod-operators\nexpires: "2030-01-01T09:30:00Z"\njustification: "Drain the node pool for CHG-310"\n';

test('a pull request with only request files is in scope', () => {
  assert.deepEqual(
    checkScope([
      { path: 'requests/k8s-prod-operators/octocat-a.yaml', status: 'added' },
      { path: 'requests/prod-db-admins/octocat-b.yaml', status: 'deleted' },
    ]),
    [],
  );
});

for (const other of [
  '.github/access-policy.yaml',
  '.github/access-identities.yaml',
  '.github/CODEOWNERS',
  '.github/workflows/access-grant.yml',
  'schemas/access-request.schema.json',
  'src/request/rules.ts',
  'dist/index.js',
  'requests/README.md',
]) {
  test(`requests together with ${other} are refused, on the other file`, () => {
    const diagnostics = checkScope([
      { path: 'requests/k8s-prod-operators/octocat-a.yaml', status: 'added' },
      { path: other, status: 'modified' },
    ]);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.file, other);
    assert.match(formatDiagnostic(diagnostics[0]!), /Requests must be alone in their pull request/);
  });
}

test('a configuration-only pull request is in scope (it is reviewed by its own owners)', () => {
  assert.deepEqual(checkScope([{ path: '.github/access-policy.yaml', status: 'modified' }]), []);
});

test('a file at a wrong place under requests/ is refused', () => {
  const d = checkScope([{ path: 'requests/k8s-prod-operators/nested/octocat-a.yaml', status: 'added' }]);
  assert.match(d.map(formatDiagnostic).join('\n'), /exactly one folder deep/);
});

test('the author must be the requester (logins ignore case)', () => {
  const { request } = parseRequest('requests/k8s-prod-operators/octocat-a.yaml', REQUEST);
  assert.ok(request);
  assert.deepEqual(checkAuthor(request, 'OctoCat'), []);
  const [d] = checkAuthor(request, 'mallory');
  assert.equal(
    formatDiagnostic(d!),
    'requests/k8s-prod-operators/octocat-a.yaml:2:12: error: "requester" is octocat but this pull request is by mallory. Access is granted only to the author of the pull request: octocat must open their own.',
  );
});

test("changing someone else's request is refused; changing your own is fine", () => {
  assert.deepEqual(checkOwnerOfChanged('requests/g/octocat-a.yaml', 'octocat', 'octocat'), []);
  const [d] = checkOwnerOfChanged('requests/g/octocat-a.yaml', 'octocat', 'mallory', { line: 2, column: 12 });
  assert.match(
    formatDiagnostic(d!),
    /:2:12: error: this request belongs to octocat; only they can change it\. To end their access early, delete the file instead/,
  );
  const [u] = checkOwnerOfChanged('requests/g/octocat-a.yaml', undefined, 'mallory');
  assert.match(formatDiagnostic(u!), /could not be read, so it is unclear whose it is/);
});
