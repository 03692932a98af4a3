import { backtrackingRisk } from './pattern-safety.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { HOUR_MS, MINUTE_MS, parseDuration } from '../duration.ts';
import { validateAgainstSchema } from '../schema/validate.ts';
import { CONFIG_LIMITS, keyNodeAt, loadYaml, nodeAt, posOf, type LoadedYaml } from '../yaml/safe-load.ts';

export const POLICY_PATH = '.github/access-policy.yaml';

/** The shortest request the tool accepts; a group whose maximum is shorter could never be used. */
export const MIN_LEAD_MS = 5 * MINUTE_MS;

export type GroupMode = 'enforce' | 'audit';
/** membership: direct group membership, ended by the reconciler; pim: a PIM for Groups assignment that Entra ends itself. */
export type GroupBackend = 'membership' | 'pim';

export interface GroupPolicy {
  name: string;
  /** Entra object id, lower-cased. */
  id: string;
  description?: string;
  maxDurationMs: number;
  maxDurationText: string;
  approvals: number;
  requireTicket: boolean;
  ticketPattern?: RegExp;
  mode: GroupMode;
  backend: GroupBackend;
  /** Logins (lower-cased) and teams ("@org/team", lower-cased); undefined means anyone with an identity. */
  requesters?: string[];
  /** Entra object ids (lower-cased) never removed. */
  standing: string[];
  /** The same exemptions with why and when they are reviewed again. */
  standingEntries: StandingExemption[];
  reminderBeforeMs: number;
  /** Break-glass: who may grant themselves this group at once, for how long at most. */
  breakGlass?: { maxDurationMs: number; maxDurationText: string; requesters: string[]; requireTicket: boolean };
}

export interface StandingExemption {
  id: string;
  reason: string;
  /** YYYY-MM-DD, and the end of that day (UTC) in ms. */
  review: string;
  reviewAt: number;
  position?: { line: number; column: number };
}

/** Exemptions whose review date has passed: doctor and the report flag them. */
export function exemptionsDue(policy: Policy, now: number): { group: string; entry: StandingExemption }[] {
  return [...policy.groups.values()].flatMap((g) => g.standingEntries.filter((e) => e.reviewAt < now).map((entry) => ({ group: g.name, entry })));
}

export interface Policy {
  file: string;
  groups: Map<string, GroupPolicy>;
  /** Where each group is declared, for pointing diagnostics at it. */
  positions: Map<string, { line: number; column: number }>;
}

interface RawRules {
  maxDuration?: string;
  approvals?: number;
  requireTicket?: boolean;
  ticketPattern?: string;
  mode?: GroupMode;
  backend?: GroupBackend;
  reminderBefore?: string;
}

interface RawGroup extends RawRules {
  id: string;
  description?: string;
  requesters?: string[];
  standing?: { id: string; reason: string; review: string }[];
  breakGlass?: { maxDuration: string; requesters: string[]; requireTicket?: boolean };
}

interface RawPolicy {
  version: 1;
  defaults?: RawRules;
  groups: Record<string, RawGroup>;
}

/** The longest active assignment PIM for Groups allows by default. */
export const PIM_MAX_MS = 180 * 24 * HOUR_MS;

export const BUILT_IN_DEFAULTS = { maxDuration: '8h', approvals: 1, requireTicket: false, mode: 'enforce', backend: 'membership', reminderBefore: '1h' } as const;

export type PolicyResult = { policy: Policy; diagnostics: Diagnostic[] } | { policy: undefined; diagnostics: Diagnostic[] };

export function parsePolicy(file: string, bytes: Uint8Array | string): PolicyResult {
  const loaded = loadYaml(file, bytes, CONFIG_LIMITS);
  if (!loaded.ok) return { policy: undefined, diagnostics: loaded.diagnostics };
  const oldStanding = bareStandingEntries(loaded.yaml);
  if (oldStanding.length > 0) return { policy: undefined, diagnostics: oldStanding };
  const schemaErrors = validateAgainstSchema('policy', loaded.yaml);
  if (schemaErrors.length > 0) return { policy: undefined, diagnostics: schemaErrors };
  return buildPolicy(loaded.yaml);
}

/**
 * Standing exemptions written the old way, as bare ids: each now needs a reason and a review date. The
 * message shows the entry rewritten, so migrating is a copy and an edit.
 */
function bareStandingEntries(yaml: LoadedYaml): Diagnostic[] {
  const groups = (yaml.value as { groups?: unknown } | null)?.groups;
  if (!groups || typeof groups !== 'object') return [];
  const out: Diagnostic[] = [];
  for (const [name, group] of Object.entries(groups as Record<string, unknown>)) {
    const standing = (group as { standing?: unknown } | null)?.standing;
    if (!Array.isArray(standing)) continue;
    standing.forEach((entry, i) => {
      if (typeof entry !== 'string') return;
      out.push(
        diagnostic(yaml.file, posOf(nodeAt(yaml.doc, ['groups', name, 'standing', i]), yaml.lineCounter), `standing exemptions now need a reason and a review date, so none is forgotten. Replace this entry with: - { id: ${entry}, reason: "<why it keeps access, e.g. break-glass account>", review: "<YYYY-MM-DD, when to look at it again>" }`),
      );
    });
  }
  return out;
}

function buildPolicy(yaml: LoadedYaml): PolicyResult {
  const raw = yaml.value as RawPolicy;
  const diagnostics: Diagnostic[] = [];
  const at = (path: (string | number)[]) => posOf(nodeAt(yaml.doc, path), yaml.lineCounter);
  const groups = new Map<string, GroupPolicy>();
  const positions = new Map<string, { line: number; column: number }>();
  const idOwner = new Map<string, string>();
  const defaults = raw.defaults ?? {};

  const compilePattern = (source: string | undefined, path: (string | number)[]): RegExp | undefined => {
    if (source === undefined) return undefined;
    const risk = backtrackingRisk(source);
    if (risk) {
      diagnostics.push(diagnostic(yaml.file, at(path), `"${path.join('.')}" could take exponential time on a crafted ticket: ${risk}. Write it without nested repetition, e.g. "^(INC|CHG)-[0-9]+$".`));
      return undefined;
    }
    try {
      return new RegExp(source, 'u');
    } catch (error) {
      diagnostics.push(diagnostic(yaml.file, at(path), `"${path.join('.')}" is not a valid regular expression: ${(error as Error).message}. Fix the pattern, e.g. "^INC-[0-9]+$".`));
      return undefined;
    }
  };
  const durationOf = (text: string, path: (string | number)[]): number => {
    const ms = parseDuration(text) ?? 0;
    if (ms < MIN_LEAD_MS) {
      diagnostics.push(diagnostic(yaml.file, at(path), `"${path.join('.')}" is ${text}; it must be at least 5m, or no request could ever be valid.`));
    }
    return ms;
  };
  if (defaults.ticketPattern !== undefined) compilePattern(defaults.ticketPattern, ['defaults', 'ticketPattern']);
  if (defaults.maxDuration !== undefined) durationOf(defaults.maxDuration, ['defaults', 'maxDuration']);

  for (const [name, group] of Object.entries(raw.groups)) {
    const keyPos = posOf(keyNodeAt(yaml.doc, ['groups'], name), yaml.lineCounter);
    if (keyPos) positions.set(name, keyPos);
    const id = group.id.toLowerCase();
    const other = idOwner.get(id);
    if (other !== undefined) {
      diagnostics.push(diagnostic(yaml.file, at(['groups', name, 'id']), `groups "${other}" and "${name}" have the same id ${id}. Each Entra group is declared once; merge the two entries.`));
    }
    idOwner.set(id, name);
    const maxDurationText = group.maxDuration ?? defaults.maxDuration ?? BUILT_IN_DEFAULTS.maxDuration;
    const maxDurationPath = group.maxDuration !== undefined ? ['groups', name, 'maxDuration'] : ['defaults', 'maxDuration'];
    const patternPath = group.ticketPattern !== undefined ? ['groups', name, 'ticketPattern'] : ['defaults', 'ticketPattern'];
    const ticketPattern = group.ticketPattern !== undefined ? compilePattern(group.ticketPattern, patternPath) : compilePattern(defaults.ticketPattern, patternPath);
    groups.set(name, {
      name,
      id,
      ...(group.description !== undefined ? { description: group.description } : {}),
      maxDurationMs: group.maxDuration !== undefined ? durationOf(maxDurationText, maxDurationPath) : (parseDuration(maxDurationText) ?? 8 * HOUR_MS),
      maxDurationText,
      approvals: group.approvals ?? defaults.approvals ?? BUILT_IN_DEFAULTS.approvals,
      requireTicket: group.requireTicket ?? defaults.requireTicket ?? BUILT_IN_DEFAULTS.requireTicket,
      ...(ticketPattern ? { ticketPattern } : {}),
      mode: group.mode ?? defaults.mode ?? BUILT_IN_DEFAULTS.mode,
      backend: group.backend ?? defaults.backend ?? BUILT_IN_DEFAULTS.backend,
      ...(group.requesters !== undefined ? { requesters: group.requesters.map((r) => r.toLowerCase()) } : {}),
      standing: (group.standing ?? []).map((s) => s.id.toLowerCase()),
      standingEntries: (group.standing ?? []).map((s, i) => {
        const reviewAt = Date.parse(`${s.review}T23:59:59Z`);
        if (Number.isNaN(reviewAt) || new Date(reviewAt).toISOString().slice(0, 10) !== s.review) diagnostics.push(diagnostic(yaml.file, at(['groups', name, 'standing', i, 'review']), `"review" is ${s.review}, which is not a date. Write the day the exemption is reviewed again, e.g. "2027-03-31".`));
        const position = at(['groups', name, 'standing', i]);
        return { id: s.id.toLowerCase(), reason: s.reason, review: s.review, reviewAt, ...(position ? { position } : {}) };
      }),
      reminderBeforeMs: parseDuration(group.reminderBefore ?? defaults.reminderBefore ?? BUILT_IN_DEFAULTS.reminderBefore) ?? HOUR_MS,
      ...(group.breakGlass ? { breakGlass: { maxDurationMs: durationOf(group.breakGlass.maxDuration, ['groups', name, 'breakGlass', 'maxDuration']), maxDurationText: group.breakGlass.maxDuration, requesters: group.breakGlass.requesters.map((r) => r.toLowerCase()), requireTicket: group.breakGlass.requireTicket ?? true } } : {}),
    });
    const made = groups.get(name)!;
    if (made.backend === 'pim') {
      // PIM for Groups' default policy allows no permanent active assignment and none over 180 days
      // (Graph PIM-for-Groups API overview); PIM would refuse every grant past it.
      for (const [ms, text, path] of [[made.maxDurationMs, made.maxDurationText, maxDurationPath], ...(made.breakGlass ? [[made.breakGlass.maxDurationMs, made.breakGlass.maxDurationText, ['groups', name, 'breakGlass', 'maxDuration']] as const] : [])] as const) {
        if (ms > PIM_MAX_MS) diagnostics.push(diagnostic(yaml.file, at([...path]), `"${name}" has backend: pim, and ${text} is longer than the 180 days PIM for Groups allows an active assignment by default, so PIM would refuse the grant. Lower it to 180d at most.`));
      }
    }
  }
  if (groups.size === 0) {
    diagnostics.push(diagnostic(yaml.file, at(['groups']), 'no groups are declared, so nothing can be requested. Add a group under "groups:" with its Entra object id.', 'warning'));
  }
  const failed = diagnostics.some((d) => d.severity === 'error');
  return failed ? { policy: undefined, diagnostics } : { policy: { file: yaml.file, groups, positions }, diagnostics };
}
