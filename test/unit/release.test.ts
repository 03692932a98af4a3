// Releases: the notes come from CHANGELOG.md, and the tag, package.json and the changelog agree;
// third-party actions are pinned by commit with their version named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { pinnedVersions, releaseNotes, versionProblems } from '../../scripts/release-notes.ts';
import { pinByCommit } from '../../scripts/pin-template.ts';

const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; license: string; private?: boolean };

test('the changelog has a dated section for the version in package.json, and the release notes are that section', () => {
  const notes = releaseNotes(`v${pkg.version}`, changelog, pkg.version);
  assert.match(notes, /^First release\./);
  assert.doesNotMatch(notes, /## \[/);
});

test('a tag that disagrees with package.json, a missing or undated section, and a bad tag stop the release with the fix', () => {
  const log = '# Changelog\n\n## [Unreleased]\n\n## [1.1.0]\n\n- x\n\n## [1.0.0] - 2026-11-25\n\n- first\n';
  assert.throws(() => releaseNotes('v1.0.1', log, '1.0.0'), /the tag says 1\.0\.1 but package\.json says 1\.0\.0/);
  assert.throws(() => releaseNotes('v2.0.0', log, '2.0.0'), /has no "## \[2\.0\.0\] - YYYY-MM-DD" section/);
  assert.throws(() => releaseNotes('v1.1.0', log, '1.1.0'), /should read "## \[1\.1\.0\] - YYYY-MM-DD"/);
  assert.throws(() => releaseNotes('release-1', log, '1.0.0'), /not a release tag/);
  assert.equal(releaseNotes('v1.0.0', log, '1.0.0'), '- first\n');
});

test('one version everywhere: package.json, the changelog, the template pins and the README agree', () => {
  const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const workflows = readdirSync(new URL('../../template/.github/workflows/', import.meta.url)).map((f) => `template/.github/workflows/${f}`);
  const pinned = pinnedVersions(read, workflows);
  assert.ok(pinned.filter((p) => p.file !== 'README.md').length >= 7, 'every template workflow pins the action');
  assert.deepEqual(versionProblems(changelog, pkg.version, pinned), []);
  // Disagreements are named with the fix.
  const log = '# Changelog\n\n## [1.2.0] - unreleased\n\n- y\n\n## [1.1.0] - 2026-12-01\n\n- x\n';
  assert.deepEqual(versionProblems(log, '1.1.0', [{ file: 'a.yml', version: '1.2.0' }]), []);
  assert.match(versionProblems(log, '1.0.0', [])[0]!, /package\.json says 1\.0\.0, but the newest released version in CHANGELOG\.md is 1\.1\.0/);
  assert.match(versionProblems(log, '1.1.0', [{ file: 'a.yml', version: '1.1.0' }])[0]!, /a\.yml names 1\.1\.0, but the version being made is 1\.2\.0/);
});

test('the LICENSE file is the license package.json names', () => {
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync(new URL('../../LICENSE', import.meta.url), 'utf8'), /^MIT License\n/);
});

test('every third-party action in every workflow is pinned by full commit id, with its version in a comment', () => {
  const dirs = ['../../.github/workflows/', '../../template/.github/workflows/'].map((d) => new URL(d, import.meta.url));
  let checked = 0;
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
      for (const line of readFileSync(new URL(file, dir), 'utf8').split('\n')) {
        const uses = /^\s*(?:- )?uses:\s*(\S+)(.*)$/.exec(line);
        if (!uses || uses[1]!.startsWith('./') || uses[1]!.startsWith('access-as-code/access-as-code@')) continue;
        checked++;
        assert.match(uses[1]!, /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/, `${file}: ${line.trim()}`);
        assert.match(uses[2]!, /^ # v\d+\.\d+\.\d+$/, `${file}: ${line.trim()} names no version`);
      }
    }
  }
  assert.ok(checked >= 6, 'the check saw the pinned actions');
});

test('the published template pins the action by the release commit, its version in a comment; the release runs that step before it publishes', () => {
  const commit = 'a'.repeat(40);
  const text = readFileSync('template/.github/workflows/access-grant.yml', 'utf8');
  const pinned = pinByCommit(text, `v${pinnedVersions((p) => readFileSync(p, 'utf8'), ['template/.github/workflows/access-grant.yml'])[0]!.version}`, commit);
  assert.match(pinned, new RegExp(`uses: access-as-code/access-as-code@${commit} # v\\d+\\.\\d+\\.\\d+\\n`));
  assert.doesNotMatch(pinned, /access-as-code@v\d/);
  // Run again (a re-run of the release job): the same text.
  const version = /# (v[\d.]+)/.exec(pinned.split('access-as-code@')[1]!)![1]!;
  assert.equal(pinByCommit(pinned, version, commit), pinned);
  // Still one version everywhere: the pinned form names the version in its comment.
  assert.deepEqual(
    pinnedVersions((p) => (p === 'x.yml' ? pinned : readFileSync(p, 'utf8')), ['x.yml'])
      .filter((p) => p.file === 'x.yml')
      .map((p) => `v${p.version}`),
    [version],
  );
  assert.throws(() => pinByCommit(text, 'v0.0.1', commit), /the template must name the version being released/);
  assert.throws(() => pinByCommit(text, version, 'main'), /not a full commit id/);
  const release = readFileSync('.github/workflows/release.yml', 'utf8');
  const at = (s: string) => release.indexOf(s);
  assert.ok(
    at('node scripts/pin-template.ts') > 0 && at('node scripts/pin-template.ts') < at('npm publish') && at('node scripts/pin-template.ts') < at('npm pack'),
  );
});
