/** `new`: write a request file that validate will accept, at the path it must have. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GITHUB_LOGIN } from '../identities/identities.ts';
import { ConfigError, hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { AccessConfig } from '../config/config.ts';
import { formatDuration, parseDuration } from '../duration.ts';
import { REQUESTS_DIR, requestFileName, slugify } from '../request/path.ts';
import { judgeRequest } from '../request/verdict.ts';
import { formatTimestamp, parseTimestamp } from '../timestamp.ts';

export interface NewRequestOptions {
  group: string;
  /** A duration such as 4h or 1h30m, counted from the merge (written as `duration:`). */
  duration?: string;
  /** Or a fixed end, an RFC 3339 timestamp (written as `expires:`). */
  until?: string;
  justification: string;
  ticket?: string;
  requester: string;
  now: number;
  /** The modeline's schema: a path inside the repository, or the released schema's URL. */
  schema?: string;
}

export interface DraftedRequest {
  path: string;
  text: string;
  /** The end in words: "for 2h from the merge" or "until <time>". */
  ends: string;
  /** The requester's existing request at the path this one would have had, when there is one. */
  alongside?: string;
}

/**
 * The modeline's schema (`schema` above): where editors find the request schema, the repository's own
 * copy, else the released version's. Both doors ask it, the CLI for `new` and the action for a request
 * made through the issue form, so it lives here with the modeline rather than in either door.
 */
export function requestSchemaRef(root: string, version: string): string {
  if (existsSync(join(root, 'schemas', 'access-request.schema.json'))) return '../../schemas/access-request.schema.json';
  const major = /^(\d+)\./.exec(version)?.[1];
  return `https://raw.githubusercontent.com/access-as-code/access-as-code/${major ? `v${major}` : 'main'}/schemas/access-request.schema.json`;
}

export type DraftResult = { ok: true; draft: DraftedRequest } | { ok: false; diagnostics: Diagnostic[]; draftText: string };

/**
 * The request text and its path, checked by the same rules as validate. `taken` says whether a path
 * is already used, so that a second request for the same group gets its own file.
 *
 * By default it writes `duration:`, counted from the merge: the access lasts as long as asked however
 * long the review takes, and the file cannot go stale while it waits. `until` writes a fixed
 * `expires:` instead, for access that must end at a given time whenever it is approved.
 */
export function draftRequest(options: NewRequestOptions, config: AccessConfig, taken: (path: string) => boolean): DraftResult {
  if ((options.duration === undefined) === (options.until === undefined)) {
    throw new ConfigError(
      'give either --for (a duration counted from the merge, e.g. --for 2h) or --until (a fixed end, e.g. --until 2026-11-24T18:00:00Z), not both.',
    );
  }
  let end: string;
  let ends: string;
  if (options.duration !== undefined) {
    const ms = parseDuration(options.duration);
    if (ms === undefined)
      throw new ConfigError(
        `--for "${options.duration}" is not a duration.${/^\d+$/.test(options.duration) ? ` Give it a unit: --for ${options.duration}m (minutes) or --for ${options.duration}h (hours).` : ''} Use minutes, hours or days, e.g. 30m, 4h, 1h30m or 1d.`,
      );
    end = `duration: ${formatDuration(ms)}`;
    ends = `for ${formatDuration(ms)} from the merge`;
  } else {
    const parsed = parseTimestamp(options.until!);
    if (!parsed.ok) throw new ConfigError(`--until "${options.until}" is not valid: ${parsed.reason}.`);
    end = `expires: "${formatTimestamp(parsed.epochMs)}"`;
    ends = `until ${formatTimestamp(parsed.epochMs)}`;
  }
  const base = slugify(options.ticket ?? options.justification.split(/\s+/).slice(0, 5).join(' '));
  const first = `${REQUESTS_DIR}/${options.group}/${requestFileName(options.requester, base)}`;
  let path = first;
  for (let n = 2; taken(path); n++) path = `${REQUESTS_DIR}/${options.group}/${requestFileName(options.requester, `${base}-${n}`)}`;

  const lines = [
    `# yaml-language-server: $schema=${options.schema ?? '../../schemas/access-request.schema.json'}`,
    'version: 1',
    `requester: ${options.requester}`,
    `group: ${JSON.stringify(options.group)}`,
    end,
    `justification: ${JSON.stringify(options.justification)}`,
    ...(options.ticket !== undefined ? [`ticket: ${JSON.stringify(options.ticket)}`] : []),
    '',
  ];
  const text = lines.join('\n');
  const verdict = judgeRequest(path, { size: Buffer.byteLength(text), bytes: new TextEncoder().encode(text) }, config, options.now);
  if (hasErrors(verdict.diagnostics)) {
    return { ok: false, diagnostics: verdict.diagnostics, draftText: text };
  }
  return { ok: true, draft: { path, text, ends, ...(path !== first ? { alongside: first } : {}) } };
}

/** The key on a line of a drafted file (1-based), to name a problem by what produced it. */
export function keyAtLine(text: string, line: number | undefined): string | undefined {
  return line === undefined ? undefined : /^([a-z]+):/.exec(text.split('\n')[line - 1] ?? '')?.[1];
}

export function requireLogin(requester: string | undefined): string {
  if (requester === undefined || requester.trim() === '') {
    throw new ConfigError('who is asking? Pass --requester <your GitHub login>, or set it once with "git config --global github.user <login>".');
  }
  if (!GITHUB_LOGIN.test(requester)) {
    throw new ConfigError(`"${requester}" is not a GitHub login (letters, digits and single hyphens, at most 39 characters).`);
  }
  return requester;
}
