/**
 * Prints the release notes of a tag from CHANGELOG.md, after checking that the tag, package.json and
 * the changelog agree: `node scripts/release-notes.ts v1.2.3`. The release workflow publishes what
 * it prints; any disagreement stops the release with the fix.
 */
import { readFileSync } from 'node:fs';

export function releaseNotes(tag: string, changelog: string, packageVersion: string): string {
  const version = /^v(\d+\.\d+\.\d+)$/.exec(tag)?.[1];
  if (!version) throw new Error(`"${tag}" is not a release tag: push tags like v1.2.3.`);
  if (version !== packageVersion)
    throw new Error(`the tag says ${version} but package.json says ${packageVersion}: set "version" in package.json, commit, and tag that commit.`);
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith(`## [${version}]`));
  if (start === -1) throw new Error(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: add one saying what changed.`);
  if (!/^## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/.test(lines[start]!))
    throw new Error(`CHANGELOG.md: "${lines[start]}" should read "## [${version}] - YYYY-MM-DD".`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## ['));
  const body = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join('\n')
    .trim();
  if (body === '') throw new Error(`CHANGELOG.md: the section for ${version} is empty.`);
  return `${body}\n`;
}

if (import.meta.main) {
  try {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    process.stdout.write(releaseNotes(process.argv[2] ?? '', readFileSync('CHANGELOG.md', 'utf8'), pkg.version));
  } catch (error) {
    process.stderr.write(`release-notes: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
