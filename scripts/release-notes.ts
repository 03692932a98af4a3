/**
 * Prints the release notes of a tag from CHANGELOG.md, after checking that the tag, package.json and
 * the changelog agree: `node scripts/release-notes.ts v1.2.3`. The release workflow publishes what
 * it prints; any disagreement stops the release with the fix.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { actionPins } from './pin-template.ts';

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

/**
 * One version everywhere: the newest changelog section is the version being made (dated once
 * released, "unreleased" before); the template's pins and the README's tarball name it; package.json
 * holds the newest released one, and equals the newest section once that is dated. Problems, with the fix.
 */
export function versionProblems(changelog: string, packageVersion: string, pinned: { file: string; version: string }[]): string[] {
  const headings = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2}|unreleased)$/gm)].map((m) => ({
    version: m[1]!,
    dated: m[2] !== 'unreleased',
  }));
  const next = headings[0];
  if (!next) return ['CHANGELOG.md has no "## [x.y.z] - YYYY-MM-DD" (or "- unreleased") section.'];
  const released = headings.find((h) => h.dated);
  const out: string[] = [];
  if (released && packageVersion !== released.version)
    out.push(`package.json says ${packageVersion}, but the newest released version in CHANGELOG.md is ${released.version}: set "version" to it.`);
  for (const p of pinned)
    if (p.version !== next.version)
      out.push(`${p.file} names ${p.version}, but the version being made is ${next.version} (CHANGELOG.md): name ${next.version}.`);
  return out;
}

/** Every place that names the release users run: the template's workflow pins and the README. */
export function pinnedVersions(read: (path: string) => string, workflows: readonly string[]): { file: string; version: string }[] {
  const out: { file: string; version: string }[] = [];
  for (const file of workflows)
    // By tag (in git), or by the tag's commit with the version in a comment (in the published package).
    for (const pin of actionPins(read(file))) if (pin.version) out.push({ file, version: pin.version.slice(1) });
  for (const m of read('README.md').matchAll(/access-as-code(?:@v|-)(\d+\.\d+\.\d+)/g)) out.push({ file: 'README.md', version: m[1]! });
  return out;
}

if (import.meta.main) {
  try {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    const workflows = readdirSync('template/.github/workflows').map((f) => `template/.github/workflows/${f}`);
    // A release whose template pins another version would ship a template that runs something else.
    const problems = versionProblems(
      changelog,
      pkg.version,
      pinnedVersions((p) => readFileSync(p, 'utf8'), workflows),
    );
    if (problems.length > 0) throw new Error(problems.join(' '));
    process.stdout.write(releaseNotes(process.argv[2] ?? '', changelog, pkg.version));
  } catch (error) {
    process.stderr.write(`release-notes: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
