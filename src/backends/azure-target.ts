/**
 * What the backends whose entries are Azure roles at a scope (azure-role, azure-pim) share: the role
 * must exist at the scope (doctor reads it; a write names a missing one), its holders are the principals assigned that role exactly at
 * that scope (an assignment inherited from above is another path, checked after a removal, never
 * removed from here), and a removal is verified: no other assignment of the role (or of Owner, which
 * includes it) reaches the user at the scope, from a scope above or through a group (invariant 20).
 *
 * Reads (Azure RBAC REST reference, Role Assignments - List For Scope, api-version 2022-04-01):
 * `$filter=atScope()` lists the assignments at the scope and above it, one listing per scope serves
 * every entry there (a sweep costs ARM calls by scopes, not by grants), every page followed.
 */
import { DirectoryError, type Directory, type Member } from '../entra/directory.ts';
import type { Backend, CheckOutcome, EntraCheck, Entry, Planned, ReadyFinding } from './backend.ts';
import { judgeAzureReach } from '../entra/azure-reach.ts';
import { OWNER_ROLE_ID, roleDefinitionAt, roleIdOf } from '../entra/azure-built-in-roles.ts';

const ASSIGNMENTS_VERSION = 'api-version=2022-04-01';
const DEFINITIONS_VERSION = 'api-version=2022-04-01';

/** An entry's Azure target, from its id (`<scope>/providers/Microsoft.Authorization/roleDefinitions/<guid>`). */
export function azureTarget(id: string): { scope: string; roleId: string } {
  const m = /^(.*)\/providers\/microsoft\.authorization\/roledefinitions\/([0-9a-f-]{36})$/i.exec(id);
  if (!m) throw new Error(`not an Azure role entry: ${id}`);
  return { scope: m[1]!, roleId: m[2]!.toLowerCase() };
}

/** One role assignment as ARM lists it. */
export interface AzureAssignment {
  name: string;
  scope: string;
  principalId: string;
  principalType: string;
  roleId: string;
  /** An ABAC condition on the assignment (a delegation condition), if any. */
  condition?: string;
}

const sameScope = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function memberOf(a: AzureAssignment): Member {
  const type = a.principalType === 'User' ? 'user' : a.principalType === 'ServicePrincipal' ? 'servicePrincipal' : 'other';
  return { id: a.principalId.toLowerCase(), type };
}

/** The Authorization lists read at a scope and above it (`$filter=atScope()`), with their api-versions. */
const AT_SCOPE_LISTS = {
  roleAssignments: ASSIGNMENTS_VERSION,
  roleAssignmentScheduleInstances: 'api-version=2020-10-01',
  roleEligibilityScheduleInstances: 'api-version=2020-10-01',
} as const;

/**
 * The items of one Authorization list at each scope and above it (atScope()), one read per scope
 * (every page); a scope whose answer failed or is not a list is not read (`failure` says why): a
 * partial or odd answer is never taken as "nobody".
 */
export async function listAtScope(
  directory: Directory,
  scopes: readonly string[],
  list: keyof typeof AT_SCOPE_LISTS,
  failure: (scope: string, status: number, message: string) => string,
): Promise<Map<string, unknown[] | DirectoryError>> {
  const unique = [...new Map(scopes.map((s) => [s.toLowerCase(), s])).values()];
  const out = new Map<string, unknown[] | DirectoryError>();
  if (!directory.armReadAll) {
    for (const s of unique) out.set(s.toLowerCase(), new DirectoryError(0, 'no Azure Resource Manager endpoint is configured (arm-endpoint)'));
    return out;
  }
  const answers = await directory.armReadAll(
    unique.map((s) => `${s}/providers/Microsoft.Authorization/${list}?${AT_SCOPE_LISTS[list]}&$filter=${encodeURIComponent('atScope()')}`),
  );
  unique.forEach((scope, i) => {
    const a = answers[i]!;
    const value = (a.body as { value?: unknown } | undefined)?.value;
    if (a.status < 200 || a.status >= 300) out.set(scope.toLowerCase(), new DirectoryError(a.status, failure(scope, a.status, a.message)));
    else if (!Array.isArray(value)) out.set(scope.toLowerCase(), new DirectoryError(a.status, failure(scope, a.status, 'the answer is not a list')));
    else out.set(scope.toLowerCase(), value);
  });
  return out;
}

/** Every assignment at each scope and above it (atScope()), one read per scope; a scope that could not be read, why. */
export async function assignmentsAt(directory: Directory, scopes: readonly string[]): Promise<Map<string, AzureAssignment[] | DirectoryError>> {
  return parsed(await listAtScope(directory, scopes, 'roleAssignments', armReadFailure));
}

/** Each scope's listing read as assignments (entries that are not one are dropped). */
function parsed(listed: Map<string, unknown[] | DirectoryError>): Map<string, AzureAssignment[] | DirectoryError> {
  return new Map([...listed].map(([scope, l]) => [scope, l instanceof DirectoryError ? l : l.flatMap(assignmentOf)]));
}

function assignmentOf(raw: unknown): AzureAssignment[] {
  const r = raw as {
    name?: unknown;
    properties?: { scope?: unknown; principalId?: unknown; principalType?: unknown; roleDefinitionId?: unknown; condition?: unknown };
  };
  const p = r?.properties;
  const roleId = typeof p?.roleDefinitionId === 'string' ? roleIdOf(p.roleDefinitionId) : undefined;
  if (typeof r?.name !== 'string' || typeof p?.scope !== 'string' || typeof p.principalId !== 'string' || !GUID.test(p.principalId) || !roleId) return [];
  return [
    {
      name: r.name,
      scope: p.scope,
      principalId: p.principalId.toLowerCase(),
      principalType: typeof p.principalType === 'string' ? p.principalType : '',
      roleId: roleId.toLowerCase(),
      ...(typeof p.condition === 'string' && p.condition !== '' ? { condition: p.condition } : {}),
    },
  ];
}

function armReadFailure(scope: string, status: number, message: string): string {
  if (status === 403)
    return `Azure Resource Manager refused to list the role assignments at ${scope} (403: ${message}). Give the app Role Based Access Control Administrator there with the delegation condition (docs/setup.md, "Azure roles"; it includes reading assignments).`;
  return `Azure Resource Manager did not list the role assignments at ${scope}${status > 0 ? ` (${status})` : ''}: ${message}`;
}

/**
 * The assignments of an entry's role made exactly at its scope, without a condition: an assignment
 * with an ABAC condition grants less than the role (someone made it narrower on purpose) and is
 * neither the entry's grant nor its drift; it is left alone.
 */
export function heldAt(all: readonly AzureAssignment[], scope: string, roleId: string): AzureAssignment[] {
  return all.filter((a) => a.roleId === roleId && sameScope(a.scope, scope) && a.condition === undefined);
}

/**
 * Assignments to groups and service principals nobody requested are reported, not removed: the app's
 * delegation condition lets it write role assignments of users only (docs/setup.md), so Azure would
 * refuse the removal; a person removes them.
 */
export function usersOnly(dispositions: readonly Planned[]): Planned[] {
  return dispositions.map((d) => (d.action === 'remove' && d.type !== 'user' ? { ...d, action: 'report' } : d));
}

/**
 * Doctor's check of the app's own reach at the entries' scopes: its role assignments there (at and
 * above each scope, one listing per scope) judged against what the entries grant (entra/azure-reach.ts).
 */
export async function readyAzure(directory: Directory, ids: readonly string[], options: { pim?: boolean } = {}): Promise<ReadyFinding[]> {
  const targets = ids.map((id) => ({ id, ...azureTarget(id) }));
  const me = directory.signedInPrincipal ? await directory.signedInPrincipal() : undefined;
  const listed = await assignmentsAt(
    directory,
    targets.map((t) => t.scope),
  );
  const findings: ReadyFinding[] = [];
  // The role must exist where the entry names it (Role Definitions - Get at the entry's own scope).
  const definitions = directory.armReadAll
    ? await directory.armReadAll(targets.map((t) => `${roleDefinitionAt(t.scope, t.roleId)}?${DEFINITIONS_VERSION}`))
    : [];
  targets.forEach((t, i) => {
    const a = definitions[i];
    if (!a || (a.status >= 200 && a.status < 300)) return;
    findings.push({
      severity: 'error',
      entry: t.id,
      message:
        a.status === 404
          ? `the Azure role ${t.roleId} does not exist at ${t.scope} (${a.message}); fix azureRole in the policy.`
          : `the Azure role could not be read at ${t.scope}: ${armReadFailure(t.scope, a.status, a.message)}`,
    });
  });
  // The app's own assignments, each with the scopes where ARM listed it (so one at a management group
  // above a subscription counts there, though no path shows it).
  const own = new Map<string, AzureAssignment & { appliesAt: string[] }>();
  for (const t of targets) {
    const all = listed.get(t.scope.toLowerCase());
    if (!Array.isArray(all)) findings.push({ severity: 'error', message: all?.message ?? 'not read', entry: t.id });
    else
      for (const a of all.filter((x) => x.principalId === me)) {
        const key = `${a.scope.toLowerCase()}|${a.name}`;
        const held = own.get(key) ?? { ...a, appliesAt: [] };
        held.appliesAt.push(t.scope.toLowerCase());
        own.set(key, held);
      }
  }
  if (!me)
    return [
      ...findings,
      { severity: 'warning', message: 'who the app is could not be told from its token, so its own Azure role assignments were not judged.' },
    ];
  const reach = judgeAzureReach(
    [...own.values()],
    targets.map((t) => ({ name: t.id, scope: t.scope, roleId: t.roleId, ...(options.pim ? { pim: true } : {}) })),
    me,
  );
  for (const m of reach.missing) findings.push({ severity: 'error', message: m.why, entry: m.entry });
  for (const b of new Set(reach.beyond)) findings.push({ severity: 'warning', message: b });
  return findings;
}

export const azureTargetParts: Pick<Backend, 'checkTargets' | 'readHolders' | 'check' | 'ready'> = {
  ready: (directory, ids) => readyAzure(directory, ids),
  /**
   * Nothing to read each run: a role that does not exist at the scope is named by ARM's own answer to
   * the write that needs it (RoleDefinitionDoesNotExist), doctor reads each entry's definition at its
   * scope, and the holders' listing shows whether the scope can be read. A read here would cost a call
   * per entry every run, and a definition read at the subscription needs rights there that the app,
   * given its role at a resource group, does not have.
   */
  async checkTargets(directory, entries) {
    const out = new Map<string, string | undefined>();
    const why = directory.armReadAll ? undefined : 'grants an Azure role, and no Azure Resource Manager endpoint is configured (arm-endpoint).';
    for (const e of entries) out.set(e.id.toLowerCase(), why && `${e.name} ${why}`);
    return out;
  },
  async readHolders(directory, entries: readonly Entry[]) {
    const targets = entries.map((e) => azureTarget(e.id));
    const listed = await assignmentsAt(
      directory,
      targets.map((t) => t.scope),
    );
    return new Map(
      entries.map((e, i) => {
        const t = targets[i]!;
        const all = listed.get(t.scope.toLowerCase());
        return [
          e.id.toLowerCase(),
          all instanceof DirectoryError || all === undefined ? (all ?? new DirectoryError(0, 'not read')) : heldAt(all, t.scope, t.roleId).map(memberOf),
        ];
      }),
    );
  },
  check: (directory, checks) => checkAzure(directory, checks),
};

/**
 * After the run's writes, one listing per scope: an add shows (role assignments replicate within
 * minutes: one not shown yet is said, never written again); a removed user holds the role at the scope
 * no other way, neither by an assignment from a scope above nor through a group assigned the role at
 * or above it (its transitive members, read from Graph).
 */
async function checkAzure(directory: Directory, checks: readonly EntraCheck[]): Promise<CheckOutcome[]> {
  if (checks.length === 0) return [];
  const targets = checks.map((c) => azureTarget(c.groupId));
  const listed = await assignmentsAt(
    directory,
    targets.map((t) => t.scope),
  );
  // The groups whose members would still hold the role: assigned the role itself, or Owner, at or above the scope.
  const groupIds = new Set<string>();
  checks.forEach((c, i) => {
    const all = listed.get(targets[i]!.scope.toLowerCase());
    if (c.kind === 'verify-removal' && Array.isArray(all))
      for (const a of all)
        if (a.principalType === 'Group' && (a.roleId === targets[i]!.roleId || isBroader(a, targets[i]!.roleId))) groupIds.add(a.principalId);
  });
  const members =
    groupIds.size > 0 && directory.transitiveUsers ? await directory.transitiveUsers([...groupIds]) : new Map<string, Set<string> | DirectoryError>();
  const removals = checks.flatMap((c, i) => (c.kind === 'verify-removal' ? [targets[i]!.scope] : []));
  const eligible = await eligibilitiesAt(directory, removals);
  return checks.map((c, i) => {
    const t = targets[i]!;
    const all = listed.get(t.scope.toLowerCase());
    if (!Array.isArray(all))
      return c.kind === 'verify-removal'
        ? {
            id: c.id,
            result: 'unanswered',
            unverified: `the removal could not be verified: ${all?.message ?? 'not read'}. Check by hand, or let the next run check again.`,
          }
        : { id: c.id, result: 'skipped' };
    const role = all.filter((a) => a.roleId === t.roleId);
    if (c.kind === 'confirm-add')
      return role.some((a) => a.principalId === c.member && sameScope(a.scope, t.scope))
        ? { id: c.id, result: 'passed' }
        : {
            id: c.id,
            result: 'found',
            lagging:
              'Azure accepted the role assignment, but its listing does not show it yet (role assignments take up to a few minutes to replicate); nothing needs to be done.',
          };
    // Owner allows every action, so it holds whatever the entry's role gives (its control-plane actions at
    // least): held directly, or through a group (whose members, unread, leave the removal unverified).
    const owners = all.filter((a) => isBroader(a, t.roleId));
    const broader = owners.filter((a) => a.principalId === c.member);
    const byGroup = owners.filter((a) => a.principalType === 'Group' && inGroup(members, a.principalId, c.member));
    const unread = owners.filter((a) => a.principalType === 'Group' && !(members.get(a.principalId) instanceof Set));
    const found = verifiedRemoval(c, t.scope, role, members);
    const more: string[] = [];
    if (broader.length > 0)
      more.push(
        `still holds Owner at ${broader.map((a) => a.scope).join(', ')}, which includes this role's rights at ${t.scope}. Remove that assignment if the access should be gone.`,
      );
    for (const a of byGroup)
      more.push(
        `still holds Owner through the group ${a.principalId}, assigned Owner at ${a.scope}, which includes this role's rights at ${t.scope}. Remove them from that group, or remove its assignment.`,
      );
    if (more.length === 0 && unread.length > 0 && found.result === 'passed')
      return {
        id: c.id,
        result: 'unanswered',
        unverified: `the removal could not be verified: Graph did not answer whether they are in ${unread.map((a) => `the group ${a.principalId}, assigned Owner at ${a.scope}`).join(', nor ')}. Check by hand, or let the next run check again.`,
      };
    const canActivate = eligible.get(t.scope.toLowerCase());
    if (Array.isArray(canActivate) && canActivate.some((e) => e.principalId === c.member && e.roleId === t.roleId))
      more.push(
        `can activate the role at ${t.scope} again through a PIM for Azure resources eligibility. End the eligibility in PIM if the access should be gone.`,
      );
    if (more.length === 0) return withUnreadEligibility(found, canActivate);
    return { id: c.id, result: 'found', stillHeld: [found.stillHeld, ...more].filter(Boolean).join(' It also ') };
  });
}

/** A removal whose eligibility read failed (for any reason but the permission: a 403 is a fact of the set-up) is not verified. */
function withUnreadEligibility(found: CheckOutcome, read: AzureAssignment[] | DirectoryError | undefined): CheckOutcome {
  if (!(read instanceof DirectoryError) || read.status === 403 || found.result !== 'passed') return found;
  return {
    ...found,
    result: 'unanswered',
    unverified: `the removal could not be verified: Azure did not answer whether they can activate the role again through PIM (${read.message}). Check by hand, or let the next run check again.`,
  };
}

/** Who may activate a role at and above each scope through PIM for Azure resources (Role Eligibility Schedule Instances, atScope()). */
async function eligibilitiesAt(directory: Directory, scopes: readonly string[]): Promise<Map<string, AzureAssignment[] | DirectoryError>> {
  if (scopes.length === 0 || !directory.armReadAll) return new Map();
  // Schedule instances have names of their own; an eligibility needs none here.
  const listed = await listAtScope(directory, scopes, 'roleEligibilityScheduleInstances', (_, status, message) => `${status}: ${message}`);
  return parsed(new Map([...listed].map(([scope, l]) => [scope, l instanceof DirectoryError ? l : l.map((v) => ({ name: 'eligibility', ...(v as object) }))])));
}

function verifiedRemoval(
  c: EntraCheck,
  scope: string,
  role: readonly AzureAssignment[],
  members: ReadonlyMap<string, Set<string> | DirectoryError>,
): CheckOutcome {
  const paths: string[] = [];
  const unknown: string[] = [];
  for (const a of role) {
    if (a.principalId === c.member && !sameScope(a.scope, scope))
      paths.push(`still holds the role at ${scope} through an assignment at ${a.scope} (inherited). Remove that assignment if the access should be gone.`);
    if (a.principalType !== 'Group') continue;
    const holders = members.get(a.principalId);
    if (holders instanceof Set && holders.has(c.member))
      paths.push(
        `still holds the role at ${scope} through the group ${a.principalId}, assigned it at ${a.scope}. Remove them from that group, or remove its assignment.`,
      );
    else if (!(holders instanceof Set)) unknown.push(`whether they are in the group ${a.principalId}, assigned the role at ${a.scope}`);
  }
  if (sameScopeHeld(c, scope, role))
    paths.push(`is still assigned the role at ${scope}: the removal has not shown yet, or another assignment was made. The next run removes it.`);
  if (paths.length > 0) return { id: c.id, result: 'found', stillHeld: paths.join(' It also ') };
  if (unknown.length > 0)
    return {
      id: c.id,
      result: 'unanswered',
      unverified: `the removal could not be verified: Graph did not answer ${unknown.join(', nor ')}. Check by hand, or let the next run check again.`,
    };
  return { id: c.id, result: 'passed' };
}

const inGroup = (members: ReadonlyMap<string, Set<string> | DirectoryError>, group: string, user: string) => {
  const m = members.get(group);
  return m instanceof Set && m.has(user);
};

/** An unconditioned Owner assignment, which holds every right a narrower role (not Owner itself) gives. */
const isBroader = (a: AzureAssignment, roleId: string) => a.roleId === OWNER_ROLE_ID && roleId !== OWNER_ROLE_ID && a.condition === undefined;

const sameScopeHeld = (c: EntraCheck, scope: string, role: readonly AzureAssignment[]) =>
  role.some((a) => a.principalId === c.member && sameScope(a.scope, scope));
