/**
 * Reading one request file: safe YAML, the schema, and the checks that need nothing but the file and
 * its path. Checks against the policy, identities and the clock are in rules.ts.
 */
import { isScalar } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { validateAgainstSchema } from '../schema/validate.ts';
import { formatDuration, parseDuration } from '../duration.ts';
import { formatTimestamp, parseTimestamp } from '../timestamp.ts';
import { loadYaml, nodeAt, posOf, REQUEST_LIMITS, type LoadedYaml, type Position } from '../yaml/safe-load.ts';
import { fileNameMatchesRequester, requestPathProblem, splitRequestPath } from './path.ts';

export interface AccessRequest {
  file: string;
  requester: string;
  group: string;
  /** When the membership ends: as written, or for a duration its anchor (the merge) plus the duration. */
  expires: string;
  expiresAt: number;
  /** For `duration:` requests: the text as written and its length; the end is counted from the merge. */
  duration?: string;
  durationMs?: number;
  justification: string;
  ticket?: string;
  yaml: LoadedYaml;
}

export type RequestKey = 'requester' | 'group' | 'expires' | 'duration' | 'justification' | 'ticket' | 'version';

/** The key that sets the end: "duration" for relative requests, else "expires". */
export const endKey = (request: { durationMs?: number }): RequestKey => (request.durationMs !== undefined ? 'duration' : 'expires');

/** The end in words: "until 2026-11-24T18:00:00Z", with "(2h from the merge)" for a duration. */
export function describeEnd(request: Pick<AccessRequest, 'expires' | 'durationMs'>): string {
  return request.durationMs !== undefined ? `until ${request.expires} (${formatDuration(request.durationMs)} from the merge)` : `until ${request.expires}`;
}

/** Where a key's value is, or the start of the file when the key is absent. */
export function positionOfKey(request: { yaml: LoadedYaml }, key: RequestKey): Position | undefined {
  return posOf(nodeAt(request.yaml.doc, [key]), request.yaml.lineCounter);
}

/**
 * `request` is present when its core fields could be read, which does not make it valid: the
 * request is valid only when `diagnostics` has no error.
 */
export type RequestResult = {
  request: AccessRequest | undefined;
  diagnostics: Diagnostic[];
  /** "line:column" of values the schema refused: the policy's rules say nothing more about them. */
  refused?: ReadonlySet<string>;
};

/**
 * `anchor` is when the file's version landed on the default branch (its merge): a `duration:` request
 * ends that long after it. Before a merge, callers anchor at "now", as if it merged now.
 */
/** `groups`: the policy's group names, when known, so that a mismatch of folder and group suggests only what can work. */
export function parseRequest(file: string, bytes: Uint8Array | string, anchor?: number, groups?: ReadonlySet<string>): RequestResult {
  const pathProblem = requestPathProblem(file);
  if (pathProblem) return { request: undefined, diagnostics: [diagnostic(file, undefined, pathProblem)] };

  const loaded = loadYaml(file, bytes, REQUEST_LIMITS);
  if (!loaded.ok) return { request: undefined, diagnostics: loaded.diagnostics };
  const yaml = loaded.yaml;
  const diagnostics = validateAgainstSchema('request', yaml);
  const refused = new Set(diagnostics.map((d) => `${d.line}:${d.column}`));

  const value = (yaml.value ?? {}) as Record<string, unknown>;
  let expiresAt = readExpires(file, yaml, value, diagnostics);
  let durationMs: number | undefined;
  if (typeof value.duration === 'string' && value.expires === undefined) {
    durationMs = parseDuration(value.duration);
    // The schema's pattern already named a malformed duration; a readable one needs its merge time.
    if (durationMs !== undefined && anchor !== undefined) expiresAt = anchor + durationMs;
    if (durationMs === undefined && /^\d/.test(value.duration.trim()) && !diagnostics.some((d) => d.message.startsWith('"duration"')))
      diagnostics.push(durationTooLong(file, yaml, value.duration));
  }
  diagnostics.push(...placeProblems(file, yaml, value, groups));

  // The request is returned whenever its core fields can be read, even with other errors, so that
  // the policy's rules run too and the author sees every problem in one round.
  const readable =
    typeof value.requester === 'string' && typeof value.group === 'string' && typeof value.justification === 'string' && !Number.isNaN(expiresAt);
  if (!readable) return { request: undefined, diagnostics, refused };
  return {
    request: {
      file,
      requester: value.requester as string,
      group: value.group as string,
      expires: durationMs !== undefined ? formatTimestamp(expiresAt) : (value.expires as string),
      expiresAt,
      ...(durationMs !== undefined ? { duration: value.duration as string, durationMs } : {}),
      justification: value.justification as string,
      ...(typeof value.ticket === 'string' ? { ticket: value.ticket } : {}),
      yaml,
    },
    diagnostics,
    refused,
  };
}

type Loaded = Extract<ReturnType<typeof loadYaml>, { ok: true }>['yaml'];

/** A duration of the right form too long to count in milliseconds: refused on its line, never silently. */
function durationTooLong(file: string, yaml: Loaded, text: string): Diagnostic {
  const at = posOf(nodeAt(yaml.doc, ['duration']), yaml.lineCounter);
  return diagnostic(file, at, `"duration" is ${text}, longer than any group allows. Write how long you need it, e.g. 2h, within the group's maxDuration.`);
}

/** The fixed end, when `expires` is a quoted RFC 3339 timestamp; NaN otherwise (with why, where it says more than the schema). */
function readExpires(file: string, yaml: Loaded, value: Record<string, unknown>, diagnostics: Diagnostic[]): number {
  const expiresNode = nodeAt(yaml.doc, ['expires']);
  if (value.expires instanceof Date || typeof value.expires === 'number') {
    diagnostics.push(diagnostic(file, posOf(expiresNode, yaml.lineCounter), '"expires" must be a quoted RFC 3339 timestamp such as "2026-11-24T18:00:00Z".'));
    return Number.NaN;
  }
  if (typeof value.expires !== 'string' || !isScalar(expiresNode)) return Number.NaN;
  const where = posOf(expiresNode, yaml.lineCounter);
  const parsed = parseTimestamp(value.expires);
  if (!parsed.ok) {
    // The specific reason replaces the schema's generic "wrong form" at the same place.
    const generic = diagnostics.findIndex((d) => d.line === where?.line && d.column === where?.column);
    if (generic >= 0) diagnostics.splice(generic, 1);
    diagnostics.push(diagnostic(file, where, `"expires" is not valid: ${parsed.reason}.`));
    return Number.NaN;
  }
  if (expiresNode.type !== 'QUOTE_DOUBLE' && expiresNode.type !== 'QUOTE_SINGLE') {
    // YAML 1.1 tools read an unquoted timestamp as a date object, not text; quoting keeps every reader exact.
    diagnostics.push(diagnostic(file, where, `put "expires" in quotes: expires: "${value.expires}".`));
  }
  return parsed.epochMs;
}

/** The folder names the group and the file name starts with the requester's login. */
function placeProblems(file: string, yaml: Loaded, value: Record<string, unknown>, groups?: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = splitRequestPath(file)!;
  if (typeof value.group === 'string' && value.group !== where.group) {
    // Only a fix that can work is offered: never a move to a folder whose group the policy does not have.
    const fix = !groups
      ? `move the file to requests/${value.group}/ or set group: ${where.group}`
      : groups.has(value.group) && !groups.has(where.group)
        ? `move the file to requests/${value.group}/`
        : !groups.has(value.group) && groups.has(where.group)
          ? `set group: ${where.group}`
          : `move the file to requests/${value.group}/ or set group: ${where.group}`;
    out.push(
      diagnostic(
        file,
        posOf(nodeAt(yaml.doc, ['group']), yaml.lineCounter),
        `"group" is "${value.group}" but the file is in requests/${where.group}/. The folder decides who reviews it: ${fix}.`,
      ),
    );
  }
  if (typeof value.requester === 'string' && !fileNameMatchesRequester(where.fileName, value.requester)) {
    out.push(
      diagnostic(
        file,
        posOf(nodeAt(yaml.doc, ['requester']), yaml.lineCounter),
        `the file name must start with the requester's login: rename it to requests/${where.group}/${value.requester.toLowerCase()}-<slug>.yaml (letters, digits, ".", "_" or "-" after the login).`,
      ),
    );
  }
  return out;
}
