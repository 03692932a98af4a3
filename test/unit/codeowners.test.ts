// Every example on GitHub's "About code owners" page, as the page explains it, plus the syntax GitHub
// documents as unsupported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOwner, ownersOf, parseCodeowners } from '../../src/codeowners/codeowners.ts';

function owners(text: string, path: string): string[] {
  const { codeowners } = parseCodeowners('CODEOWNERS', text);
  return ownersOf(codeowners, path).map(formatOwner);
}

const DOCS_EXAMPLE = `# This is a comment.
# Each line is a file pattern followed by one or more owners.

# These owners will be the default owners for everything in
# the repo. Unless a later match takes precedence,
# @global-owner1 and @global-owner2 will be requested for
# review when someone opens a pull request.
*       @global-owner1 @global-owner2

# Order is important; the last matching pattern takes the most
# precedence. When someone opens a pull request that only
# modifies JS files, only @js-owner and not the global
# owner(s) will be requested for a review.
*.js    @js-owner #This is an inline comment.

# You can also use email addresses if you prefer.
*.go docs@example.com

# Teams can be specified as code owners as well.
*.txt @octo-org/octocats

/build/logs/ @doctocat

docs/* docs@example.com

apps/ @octocat

/docs/ @doctocat

/scripts/ @doctocat @octocat

**/logs @octocat

/apps/ @octocat
/apps/github
`;

test('the default owners own a file no later line matches', () => {
  assert.deepEqual(owners(DOCS_EXAMPLE, 'README.md'), ['@global-owner1', '@global-owner2']);
});

test('*.js: the last matching pattern wins, and an inline comment is not an owner', () => {
  assert.deepEqual(owners(DOCS_EXAMPLE, 'src/index.js'), ['@js-owner']);
});

test('*.go: email owners', () => {
  assert.deepEqual(owners(DOCS_EXAMPLE, 'cmd/main.go'), ['docs@example.com']);
});

test('*.txt: team owners', () => {
  assert.deepEqual(owners(DOCS_EXAMPLE, 'notes/todo.txt'), ['@octo-org/octocats']);
});

test('/build/logs/ owns that root folder and its subfolders, not build/logs elsewhere', () => {
  const text = '* @global\n/build/logs/ @doctocat\n';
  assert.deepEqual(owners(text, 'build/logs/today.log'), ['@doctocat']);
  assert.deepEqual(owners(text, 'build/logs/2026/today.log'), ['@doctocat']);
  assert.deepEqual(owners(text, 'src/build/logs/today.log'), ['@global']);
});

test('docs/* matches files directly in docs/ but not nested files', () => {
  const text = '* @global\ndocs/* docs@example.com\n';
  assert.deepEqual(owners(text, 'docs/getting-started.md'), ['docs@example.com']);
  assert.deepEqual(owners(text, 'docs/build-app/troubleshooting.md'), ['@global']);
});

test('apps/ owns any apps folder anywhere in the repository', () => {
  const text = '* @global\napps/ @octocat\n';
  assert.deepEqual(owners(text, 'apps/web/index.ts'), ['@octocat']);
  assert.deepEqual(owners(text, 'services/apps/web/index.ts'), ['@octocat']);
  assert.deepEqual(owners(text, 'apps'), ['@global'], 'a file named apps is not an apps folder');
});

test('/docs/ owns the root docs folder and its subfolders', () => {
  const text = '* @global\n/docs/ @doctocat\n';
  assert.deepEqual(owners(text, 'docs/a.md'), ['@doctocat']);
  assert.deepEqual(owners(text, 'docs/deep/er/a.md'), ['@doctocat']);
  assert.deepEqual(owners(text, 'src/docs/a.md'), ['@global']);
});

test('/scripts/ with two owners requires either', () => {
  assert.deepEqual(owners('/scripts/ @doctocat @octocat\n', 'scripts/deploy.sh'), ['@doctocat', '@octocat']);
});

test('**/logs owns logs folders at any depth', () => {
  const text = '* @global\n**/logs @octocat\n';
  for (const path of ['build/logs/a.log', 'scripts/logs/a.log', 'deeply/nested/logs/a.log', 'logs/a.log']) {
    assert.deepEqual(owners(text, path), ['@octocat'], path);
  }
  assert.deepEqual(owners(text, 'build/catalogs/a.log'), ['@global']);
});

test('/apps/ with an ownerless /apps/github leaves apps/github without owner', () => {
  const text = '/apps/ @octocat\n/apps/github\n';
  assert.deepEqual(owners(text, 'apps/web/a.ts'), ['@octocat']);
  assert.deepEqual(owners(text, 'apps/github/a.ts'), []);
});

test('/apps/ with /apps/github @doctocat gives that subfolder its own owner', () => {
  const text = '/apps/ @octocat\n/apps/github @doctocat\n';
  assert.deepEqual(owners(text, 'apps/web/a.ts'), ['@octocat']);
  assert.deepEqual(owners(text, 'apps/github/a.ts'), ['@doctocat']);
});

test('paths are case-sensitive', () => {
  const text = '* @global\n/requests/Prod/ @prod-owner\n';
  assert.deepEqual(owners(text, 'requests/Prod/a.yaml'), ['@prod-owner']);
  assert.deepEqual(owners(text, 'requests/prod/a.yaml'), ['@global']);
});

test('* and ? do not cross folders; ** does', () => {
  assert.deepEqual(owners('/requests/*.yaml @a\n', 'requests/x/y.yaml'), []);
  assert.deepEqual(owners('/requests/**/*.yaml @a\n', 'requests/x/y.yaml'), ['@a']);
  assert.deepEqual(owners('/requests/?/ @a\n', 'requests/x/y.yaml'), ['@a']);
  assert.deepEqual(owners('/requests/?/ @a\n', 'requests/xy/y.yaml'), []);
  assert.deepEqual(owners('/requests/** @a\n', 'requests/x/y/z.yaml'), ['@a']);
});

test('regular-expression characters in a pattern are literal', () => {
  assert.deepEqual(owners('/requests/a.b+c/ @a\n', 'requests/a.b+c/x.yaml'), ['@a']);
  assert.deepEqual(owners('/requests/a.b+c/ @a\n', 'requests/aXbbc/x.yaml'), []);
});

test('unsupported syntax (!, [ ], \\#) and invalid owners are reported and give no owner, as GitHub skips them', () => {
  const text = ['* @global', '!/requests/x/ @a', '/requests/[ab]/ @a', '\\#file @a', '/requests/y/ not-an-owner', ''].join('\n');
  const { codeowners, diagnostics } = parseCodeowners('.github/CODEOWNERS', text);
  assert.deepEqual(
    diagnostics.map((d) => d.line),
    [2, 3, 4, 5],
  );
  assert.match(diagnostics[0]!.message, /negation is not supported/);
  assert.match(diagnostics[1]!.message, /character ranges are not supported/);
  assert.match(diagnostics[2]!.message, /escaping "#"/);
  assert.match(diagnostics[3]!.message, /"not-an-owner" is not an owner/);
  assert.deepEqual(ownersOf(codeowners, 'requests/x/a.yaml').map(formatOwner), ['@global']);
  assert.deepEqual(ownersOf(codeowners, 'requests/y/a.yaml').map(formatOwner), ['@global']);
});

test('owners are compared without case; teams keep org and slug', () => {
  assert.deepEqual(owners('* @Acme/DBA-Leads @MonaLisa\n', 'x'), ['@acme/dba-leads', '@monalisa']);
});
