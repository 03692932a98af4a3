/**
 * CODEOWNERS as GitHub documents it ("About code owners"): gitignore-style patterns, the last
 * matching line wins, a line with no owners leaves the path without an owner, and a pattern ending
 * in `/*` matches only the files directly in that folder. GitHub does not support `!` negation,
 * `[ ]` ranges or `\#` escapes, and skips lines with invalid syntax; we report those lines instead
 * of silently skipping them. Paths are case-sensitive. Every npm parser we tried differs from these
 * rules somewhere (see shared TOOLCHAIN notes), hence this small matcher of our own.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/** Where GitHub looks, in its order: the first file found is the one used. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** GitHub ignores a CODEOWNERS file larger than 3 MB. */
export const CODEOWNERS_MAX_BYTES = 3 * 1024 * 1024;

export type Owner = { kind: 'user'; login: string } | { kind: 'team'; org: string; slug: string } | { kind: 'email'; email: string };

export interface CodeownersRule {
  pattern: string;
  owners: Owner[];
  line: number;
  regex: RegExp;
}

export interface Codeowners {
  file: string;
  rules: CodeownersRule[];
}

const USER = /^@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;
const TEAM = /^@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\/([A-Za-z0-9._-]+)$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A GitHub team, lower-case (team names ignore case). */
export interface TeamName {
  org: string;
  slug: string;
}

/**
 * The one parser of team names: "@org/team" as CODEOWNERS and the policy write it (a policy's
 * `requesters` may leave out the "@"), lower-case; undefined for anything that is not a team.
 */
export function parseTeam(name: string): TeamName | undefined {
  const m = TEAM.exec(name.startsWith('@') ? name : `@${name}`);
  return m ? { org: m[1]!.toLowerCase(), slug: m[2]!.toLowerCase() } : undefined;
}

/** A team's key in memberships read from GitHub: "org/slug". */
export const teamKey = (team: TeamName): string => `${team.org}/${team.slug}`;

export function parseOwner(token: string): Owner | undefined {
  const team = token.startsWith('@') ? parseTeam(token) : undefined;
  if (team) return { kind: 'team', ...team };
  const m = USER.exec(token);
  if (m) return { kind: 'user', login: m[1]!.toLowerCase() };
  if (EMAIL.test(token)) return { kind: 'email', email: token.toLowerCase() };
  return undefined;
}

export function formatOwner(owner: Owner): string {
  switch (owner.kind) {
    case 'user':
      return `@${owner.login}`;
    case 'team':
      return `@${owner.org}/${owner.slug}`;
    case 'email':
      return owner.email;
  }
}

export function parseCodeowners(file: string, text: string): { codeowners: Codeowners; diagnostics: Diagnostic[] } {
  const rules: CodeownersRule[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const tokens = trimmed.split(/\s+/);
    const pattern = tokens[0]!;
    const column = raw.indexOf(pattern) + 1;
    const skip = (why: string) => diagnostics.push(diagnostic(file, { line, column }, `${why} GitHub skips this line, so it gives no owner.`));
    if (pattern.startsWith('\\#')) return skip('escaping "#" with "\\" is not supported in CODEOWNERS.');
    if (pattern.startsWith('!')) return skip('"!" negation is not supported in CODEOWNERS; give the path its own line with other owners, or none.');
    if (/[[\]]/.test(pattern)) return skip('"[ ]" character ranges are not supported in CODEOWNERS; list the paths separately.');
    const owners: Owner[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.startsWith('#')) break; // inline comment
      const owner = parseOwner(token);
      if (!owner) {
        return skip(`"${token}" is not an owner: use @login, @org/team-name or an email address.`);
      }
      owners.push(owner);
    }
    rules.push({ pattern, owners, line, regex: compilePattern(pattern) });
  });
  return { codeowners: { file, rules }, diagnostics };
}

/** The rule that decides the owners of `path` (the last one that matches), if any. */
export function ruleFor(codeowners: Codeowners, path: string): CodeownersRule | undefined {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i]!;
    if (rule.regex.test(path)) return rule;
  }
  return undefined;
}

export function ownersOf(codeowners: Codeowners, path: string): Owner[] {
  return ruleFor(codeowners, path)?.owners ?? [];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function translateSegment(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      while (segment[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < segment.length) out += escapeRegex(segment[++i]!);
    else out += escapeRegex(c);
  }
  return out;
}

export function compilePattern(pattern: string): RegExp {
  let p = pattern;
  const directoryOnly = p.endsWith('/');
  if (directoryOnly) p = p.slice(0, -1);
  // gitignore: a slash at the start or in the middle anchors the pattern to the repository root.
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const segments = p.split('/');
  let body = '';
  segments.forEach((segment, i) => {
    const first = i === 0;
    const last = i === segments.length - 1;
    if (segment === '**') {
      if (segments.length === 1) body += '.*';
      else if (first) body += '(?:[^/]*/)*';
      else if (last) body += '/.*';
      else body += '/(?:[^/]*/)*';
      return;
    }
    if (!first && segments[i - 1] !== '**') body += '/';
    body += translateSegment(segment);
  });
  const prefix = anchored ? '^' : '^(?:.*/)?';
  let suffix: string;
  const lastSegment = segments[segments.length - 1];
  if (directoryOnly) suffix = '/.*$';
  else if (lastSegment === '**') suffix = '$';
  // GitHub: "docs/*" matches docs/getting-started.md but not docs/build-app/troubleshooting.md.
  else if (lastSegment === '*' && segments.length > 1) suffix = '$';
  else suffix = '(?:/.*)?$';
  return new RegExp(prefix + body + suffix);
}
