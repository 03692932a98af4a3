import { backtrackingRisk } from './pattern-safety.ts';
import { BACKENDS } from '../backends/index.ts';
import type { BackendName } from '../backends/backend.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { AZURE_BUILT_IN_ROLES, builtInRoleById, builtInRoleByName, roleDefinitionAt } from '../entra/azure-built-in-roles.ts';
import { HOUR_MS, MINUTE_MS, parseDuration } from '../duration.ts';
import { validateAgainstSchema } from '../schema/validate.ts';
import { CONFIG_LIMITS, keyNodeAt, loadYaml, nodeAt, posOf, type LoadedYaml } from '../yaml/safe-load.ts';

export const POLICY_PATH = '.github/access-policy.yaml';

/** The shortest request the tool accepts; a group whose maximum is shorter could never be used. */
export const MIN_LEAD_MS = 5 * MINUTE_MS;

export type GroupMode = 'enforce' | 'audit';
/** How a group's access is held and ended: a row of the backend table (backends/index.ts). */
export type GroupBackend = BackendName;

/** An entry that grants an Azure role at a scope (azureRole:) instead of a group's membership. */
export interface AzureRoleTarget {
  /** The scope as the policy writes it (ARM compares scopes without regard to case). */
  scope: string;
  /** The role definition's GUID, lower-cased. */
  roleId: string;
  /** The role's name where it is a built-in role (else the id names it). */
  roleName?: string;
}

export interface GroupPolicy {
  name: string;
  /** What the entry grants: an Entra group's object id (lower-cased), or for azureRole the role definition at its scope (`<scope>/providers/Microsoft.Authorization/roleDefinitions/<guid>`, compared without regard to case). */
  id: string;
  /** Set for an entry that grants an Azure role (its backend's target is 'azureRole'). */
  azureRole?: AzureRoleTarget;
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
  breakGlass?: {
    maxDurationMs: number;
    maxDurationText: string;
    requesters: string[];
    requireTicket: boolean;
    /** Ratified or ended: a use not reviewed this long after it began is ended. */ reviewWithinMs?: number;
    reviewWithinText?: string;
  };
  /** When a member's access ends, also revoke their Entra sign-in sessions. */
  revokeSessions: boolean;
}

export interface StandingExemption {
  id: string;
  reason: string;
  /** YYYY-MM-DD, and the end of that day (UTC) in ms. */
  review: string;
  reviewAt: number;
  position?: { line: number; column: number };
}

/** How holding an entry's access is said: "a member of <group>", or "assigned <role> at <scope> (<entry>)" for an Azure role. */
export function holding(policy: Pick<Policy, 'groups'>, name: string): string {
  const role = policy.groups.get(name)?.azureRole;
  return role ? `assigned ${role.roleName ?? `the Azure role ${role.roleId}`} at ${role.scope} (${name})` : `a member of ${name}`;
}

/** What an entry names, for people: "Entra group <id>", or "Azure role <role> at <scope>". */
export function describeTarget(g: Pick<GroupPolicy, 'id' | 'azureRole'>): string {
  return g.azureRole ? `Azure role ${g.azureRole.roleName ?? g.azureRole.roleId} at ${g.azureRole.scope}` : `Entra group ${g.id}`;
}

/** Exemptions whose review date has passed: doctor and the report flag them. */
export function exemptionsDue(policy: Policy, now: number): { group: string; entry: StandingExemption }[] {
  return [...policy.groups.values()].flatMap((g) => g.standingEntries.filter((e) => e.reviewAt < now).map((entry) => ({ group: g.name, entry })));
}

export interface Policy {
  file: string;
  groups: Map<string, GroupPolicy>;
  /** Azure scopes whose role assignments to the groups reviewers are shown (effective access). */
  azureScopes: string[];
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
  id?: string;
  azureRole?: { role: string; scope: string };
  description?: string;
  requesters?: string[];
  standing?: { id: string; reason: string; review: string }[];
  breakGlass?: { maxDuration: string; requesters: string[]; requireTicket?: boolean; reviewWithin?: string };
  revokeSessions?: boolean;
}

interface RawPolicy {
  version: 1;
  defaults?: RawRules;
  azureScopes?: string[];
  groups: Record<string, RawGroup>;
}

export const BUILT_IN_DEFAULTS = {
  maxDuration: '8h',
  approvals: 1,
  requireTicket: false,
  mode: 'enforce',
  backend: 'membership',
  reminderBefore: '1h',
} as const;

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
        diagnostic(
          yaml.file,
          posOf(nodeAt(yaml.doc, ['groups', name, 'standing', i]), yaml.lineCounter),
          `standing exemptions now need a reason and a review date, so none is forgotten. Replace this entry with: - { id: ${entry}, reason: "<why it keeps access, e.g. break-glass account>", review: "<YYYY-MM-DD, when to look at it again>" }`,
        ),
      );
    });
  }
  return out;
}

/** What building the policy needs at hand: the file, where each path is, and the problems found. */
interface Building {
  yaml: LoadedYaml;
  diagnostics: Diagnostic[];
  at: (path: (string | number)[]) => { line: number; column: number } | undefined;
}

function buildPolicy(yaml: LoadedYaml): PolicyResult {
  const raw = yaml.value as RawPolicy;
  const b: Building = { yaml, diagnostics: [], at: (path) => posOf(nodeAt(yaml.doc, path), yaml.lineCounter) };
  const groups = new Map<string, GroupPolicy>();
  const positions = new Map<string, { line: number; column: number }>();
  const idOwner = new Map<string, string>();
  const defaults = raw.defaults ?? {};
  if (defaults.ticketPattern !== undefined) compilePattern(b, defaults.ticketPattern, ['defaults', 'ticketPattern']);
  if (defaults.maxDuration !== undefined) durationOf(b, defaults.maxDuration, ['defaults', 'maxDuration']);

  for (const [name, group] of Object.entries(raw.groups)) {
    const keyPos = posOf(keyNodeAt(yaml.doc, ['groups'], name), yaml.lineCounter);
    if (keyPos) positions.set(name, keyPos);
    const target = entryTarget(b, name, group);
    const id = target.id.toLowerCase();
    const other = idOwner.get(id);
    if (other !== undefined) {
      b.diagnostics.push(
        diagnostic(
          yaml.file,
          b.at(['groups', name, group.azureRole ? 'azureRole' : 'id']),
          group.azureRole
            ? `"${other}" and "${name}" both grant ${target.azureRole?.roleName ?? target.azureRole?.roleId} at ${target.azureRole?.scope}. Each role at a scope is declared once; merge the two entries.`
            : `groups "${other}" and "${name}" have the same id ${id}. Each Entra group is declared once; merge the two entries.`,
        ),
      );
    }
    idOwner.set(id, name);
    groups.set(name, { ...groupPolicy(b, name, group, defaults), ...target });
  }
  if (groups.size === 0) {
    b.diagnostics.push(
      diagnostic(
        yaml.file,
        b.at(['groups']),
        'no groups are declared, so nothing can be requested. Add a group under "groups:" with its Entra object id.',
        'warning',
      ),
    );
  }
  const failed = b.diagnostics.some((d) => d.severity === 'error');
  return failed
    ? { policy: undefined, diagnostics: b.diagnostics }
    : { policy: { file: yaml.file, groups, positions, azureScopes: raw.azureScopes ?? [] }, diagnostics: b.diagnostics };
}

/** One group's rules, its own settings over the defaults over the built-in defaults. */
function groupPolicy(b: Building, name: string, group: RawGroup, defaults: RawRules): GroupPolicy {
  const pick = <K extends keyof typeof BUILT_IN_DEFAULTS>(key: K): NonNullable<RawRules[K]> | (typeof BUILT_IN_DEFAULTS)[K] =>
    group[key] ?? defaults[key] ?? BUILT_IN_DEFAULTS[key];
  const own = (key: keyof RawRules) => (group[key] !== undefined ? ['groups', name, key] : ['defaults', key]);
  const maxDurationText = pick('maxDuration');
  const ticketPattern = compilePattern(b, group.ticketPattern ?? defaults.ticketPattern, own('ticketPattern'));
  const made: GroupPolicy = {
    name,
    id: (group.id ?? '').toLowerCase(),
    ...optional('description', group.description),
    maxDurationMs: group.maxDuration !== undefined ? durationOf(b, maxDurationText, own('maxDuration')) : (parseDuration(maxDurationText) ?? 8 * HOUR_MS),
    maxDurationText,
    approvals: pick('approvals'),
    requireTicket: pick('requireTicket'),
    ...optional('ticketPattern', ticketPattern),
    mode: pick('mode'),
    // defaults.backend is for group entries; an azureRole entry's own backend, else azure-role.
    backend: group.backend ?? (group.azureRole ? 'azure-role' : pick('backend')),
    ...optional(
      'requesters',
      group.requesters?.map((r) => r.toLowerCase()),
    ),
    standing: (group.standing ?? []).map((s) => s.id.toLowerCase()),
    standingEntries: standingEntries(b, name, group),
    revokeSessions: group.revokeSessions === true,
    reminderBeforeMs: parseDuration(pick('reminderBefore')) ?? HOUR_MS,
    ...optional('breakGlass', group.breakGlass ? breakGlassRules(b, name, group.breakGlass) : undefined),
  };
  backendTarget(b, made, group);
  backendLimits(b, made, own('maxDuration'));
  return made;
}

/** What an entry grants: an Entra group (id), or a role at an Azure scope (azureRole, its role by name or definition id). */
function entryTarget(b: Building, name: string, group: RawGroup): Pick<GroupPolicy, 'id' | 'azureRole'> {
  if (!group.azureRole) return { id: (group.id ?? '').toLowerCase() };
  const { role, scope } = group.azureRole;
  const byId = GUID.test(role) ? role.toLowerCase() : undefined;
  const builtIn = byId ? builtInRoleById(byId) : builtInRoleByName(role);
  const roleId = byId ?? builtIn?.id;
  if (!roleId)
    b.diagnostics.push(
      diagnostic(
        b.yaml.file,
        b.at(['groups', name, 'azureRole', 'role']),
        `"${role}" is not a built-in role this tool knows by name (${AZURE_BUILT_IN_ROLES.map((r) => r.name).join(', ')}). Write the role's definition id instead (a GUID: "az role definition list --name '<name>' --query [].name"), which works for every role, custom ones included.`,
      ),
    );
  const trimmed = scope.replace(/\/+$/, '');
  // A URL made from the scope must name that scope: clients resolve "." and ".." segments, which
  // would put the assignment at another (wider) scope than the one approved.
  if (new URL(`https://scope.invalid${trimmed}`).pathname.toLowerCase() !== trimmed.toLowerCase())
    b.diagnostics.push(
      diagnostic(
        b.yaml.file,
        b.at(['groups', name, 'azureRole', 'scope']),
        `the scope "${scope}" names another scope once a client reads it as a URL ("." or ".." segments, or escapes). Write the scope as Azure shows it.`,
      ),
    );
  const azureRole: AzureRoleTarget = { scope: trimmed, roleId: roleId ?? '', ...(builtIn ? { roleName: builtIn.name } : {}) };
  // The scope keeps the policy's case (shown to people); ARM and every comparison here ignore case.
  return { id: roleDefinitionAt(trimmed, azureRole.roleId), azureRole };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An entry's backend must work on what it names: groups for id, Azure roles for azureRole. */
function backendTarget(b: Building, made: GroupPolicy, group: RawGroup): void {
  const wants = group.azureRole ? 'azureRole' : 'group';
  if (BACKENDS[made.backend].target === wants) return;
  const fits = Object.values(BACKENDS)
    .filter((x) => x.target === wants)
    .map((x) => `${x.name} (${x.title})`)
    .join(' or ');
  b.diagnostics.push(
    diagnostic(
      b.yaml.file,
      b.at(group.backend !== undefined ? ['groups', made.name, 'backend'] : ['defaults', 'backend']),
      `"${made.name}" ${wants === 'azureRole' ? 'names an Azure role (azureRole)' : 'names an Entra group (id)'}, but backend: ${made.backend} works on ${wants === 'azureRole' ? 'Entra groups' : 'Azure roles'}. Use backend: ${fits}.`,
    ),
  );
}

/** `{ key: value }` when there is a value, else nothing (for optional properties). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function breakGlassRules(b: Building, name: string, raw: NonNullable<RawGroup['breakGlass']>): NonNullable<GroupPolicy['breakGlass']> {
  return {
    maxDurationMs: durationOf(b, raw.maxDuration, ['groups', name, 'breakGlass', 'maxDuration']),
    maxDurationText: raw.maxDuration,
    requesters: raw.requesters.map((r) => r.toLowerCase()),
    requireTicket: raw.requireTicket ?? true,
    ...(raw.reviewWithin !== undefined
      ? { reviewWithinMs: durationOf(b, raw.reviewWithin, ['groups', name, 'breakGlass', 'reviewWithin']), reviewWithinText: raw.reviewWithin }
      : {}),
  };
}

function standingEntries(b: Building, name: string, group: RawGroup): GroupPolicy['standingEntries'] {
  return (group.standing ?? []).map((s, i) => {
    const reviewAt = Date.parse(`${s.review}T23:59:59Z`);
    if (Number.isNaN(reviewAt) || new Date(reviewAt).toISOString().slice(0, 10) !== s.review)
      b.diagnostics.push(
        diagnostic(
          b.yaml.file,
          b.at(['groups', name, 'standing', i, 'review']),
          `"review" is ${s.review}, which is not a date. Write the day the exemption is reviewed again, e.g. "2027-03-31".`,
        ),
      );
    const position = b.at(['groups', name, 'standing', i]);
    return { id: s.id.toLowerCase(), reason: s.reason, review: s.review, reviewAt, ...(position ? { position } : {}) };
  });
}

/** A maximum the group's backend cannot hold (pim: 180 days, PIM for Groups' default policy) is refused at load. */
function backendLimits(b: Building, made: GroupPolicy, maxDurationPath: string[]): void {
  const most = BACKENDS[made.backend].maxDuration;
  if (!most) return;
  const limits: [number, string, string[]][] = [[made.maxDurationMs, made.maxDurationText, maxDurationPath]];
  if (made.breakGlass) limits.push([made.breakGlass.maxDurationMs, made.breakGlass.maxDurationText, ['groups', made.name, 'breakGlass', 'maxDuration']]);
  for (const [ms, text, path] of limits) {
    if (ms > most.ms)
      b.diagnostics.push(
        diagnostic(
          b.yaml.file,
          b.at(path),
          `"${made.name}" has backend: ${made.backend}, and ${text} is longer than ${most.why}. Lower it to ${most.text} at most.`,
        ),
      );
  }
}

function compilePattern(b: Building, source: string | undefined, path: (string | number)[]): RegExp | undefined {
  if (source === undefined) return undefined;
  const risk = backtrackingRisk(source);
  if (risk) {
    b.diagnostics.push(
      diagnostic(
        b.yaml.file,
        b.at(path),
        `"${path.join('.')}" could take exponential time on a crafted ticket: ${risk}. Write it without nested repetition, e.g. "^(INC|CHG)-[0-9]+$".`,
      ),
    );
    return undefined;
  }
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    b.diagnostics.push(
      diagnostic(
        b.yaml.file,
        b.at(path),
        `"${path.join('.')}" is not a valid regular expression: ${(error as Error).message}. Fix the pattern, e.g. "^INC-[0-9]+$".`,
      ),
    );
    return undefined;
  }
}

function durationOf(b: Building, text: string, path: (string | number)[]): number {
  const ms = parseDuration(text) ?? 0;
  if (ms < MIN_LEAD_MS)
    b.diagnostics.push(diagnostic(b.yaml.file, b.at(path), `"${path.join('.')}" is ${text}; it must be at least 5m, or no request could ever be valid.`));
  return ms;
}
