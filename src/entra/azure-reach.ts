/**
 * The automation's own reach in Azure, judged from its role assignments at and above the policy's
 * scopes (pure). Writing role assignments is itself the most privileged right at a scope: Owner, User
 * Access Administrator and Role Based Access Control Administrator can give anyone any role there.
 * The set-up (docs/setup.md, "Azure roles") limits the app with a delegation condition to the policy's
 * roles and to users; this says where the app can do less than the policy needs, and more than it
 * grants.
 */
import { builtInRoleById, RBAC_ADMINISTRATOR_ROLE_ID, ROLE_WRITERS } from './azure-built-in-roles.ts';
import { delegationCondition } from './azure-condition.ts';

/** One of the app's own role assignments. */
export interface OwnAssignment {
  scope: string;
  roleId: string;
  condition?: string;
  /**
   * Scopes where ARM listed it as applying (lower case): a listing at a scope with `atScope()` gives the
   * assignments at and above it, management groups included, which a path alone cannot show.
   */
  appliesAt?: readonly string[];
}

/** What a delegation condition lets its holder write: role ids (undefined: any), and whether only users. */
interface Allowed {
  roles?: Set<string>;
  usersOnly: boolean;
  readable: boolean;
}

/** Whether `inner` is `outer` or below it by path (the root scope "/" holds everything); management groups are not followed. */
const within = (inner: string, outer: string) =>
  outer === '/' || inner.toLowerCase() === outer.toLowerCase() || inner.toLowerCase().startsWith(`${outer.toLowerCase()}/`);
/** Whether the app's assignment `w` applies at `scope`: ARM listed it there, or its scope holds `scope` by path. */
const reaches = (w: OwnAssignment, scope: string) => w.appliesAt?.includes(scope.toLowerCase()) === true || within(scope, w.scope);
const name = (id: string) => builtInRoleById(id)?.name ?? id;

/**
 * The roles a delegation condition allows, for users only, when it is exactly the condition the
 * set-up writes (both clauses, write and delete; the ids in any order, spacing and case aside). Any
 * other condition is unreadable here and never taken as narrow: a write clause alone leaves deletes
 * open, and one more OR can allow everything.
 */
export function allowedBy(condition: string | undefined): Allowed {
  if (!condition) return { usersOnly: false, readable: true };
  const ids = /@Request\[Microsoft\.Authorization\/roleAssignments:RoleDefinitionId\]\s+ForAnyOfAnyValues:GuidEquals\s+\{([^}]*)\}/i.exec(condition)?.[1];
  if (ids === undefined) return { usersOnly: false, readable: false };
  const roles = ids
    .split(',')
    .map((r) => r.trim().toLowerCase())
    .filter(Boolean);
  if (normalised(condition) !== normalised(delegationCondition(roles))) return { usersOnly: false, readable: false };
  return { roles: new Set(roles), usersOnly: true, readable: true };
}

/** A condition with spacing and case removed and each set's items in order, for comparing two. */
function normalised(condition: string): string {
  return condition
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\{([^}]*)\}/g, (_, items: string) => `{${items.split(',').sort().join(',')}}`);
}

export interface AzureReach {
  /** Entries the app cannot grant (no role assignment writer at or above their scope, or a condition that leaves their role out). */
  missing: { entry: string; why: string }[];
  /** What the app could grant beyond the policy. */
  beyond: string[];
}

/** The az command that gives the app (`me`) Role Based Access Control Administrator at `scope`, limited to `roleIds` and users. */
export function delegationCommand(me: string, scope: string, roleIds: readonly string[]): string {
  return `az role assignment create --assignee-object-id ${me} --assignee-principal-type ServicePrincipal --role "Role Based Access Control Administrator" --scope ${scope} --condition-version 2.0 --condition "${delegationCondition(roleIds)}"`;
}

/** The az command that gives the app Role Based Access Control Administrator at `scope` without a condition (PIM for Azure resources entries only). */
export function unconditionedCommand(me: string, scope: string): string {
  return `az role assignment create --assignee-object-id ${me} --assignee-principal-type ServicePrincipal --role "Role Based Access Control Administrator" --scope ${scope}`;
}

/** A policy entry as the reach is judged: its scope, its role and whether PIM for Azure resources makes its assignments. */
export interface ReachEntry {
  name: string;
  scope: string;
  roleId: string;
  pim?: boolean;
}

/** One conditioned writer the set-up gives the app: at `scope`, for the roles of the entries below it. */
export interface Delegation {
  scope: string;
  roleIds: string[];
  entries: ReachEntry[];
}

/** Where an entry's conditioned writer goes: its subscription, or the entry's own scope when that is above any subscription. */
const homeOf = (scope: string) => /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? scope;

/**
 * The conditioned writers the policy needs (docs/setup.md, "Azure roles"): one per subscription (or per
 * management group or root entry), allowing every role the policy grants there through the condition.
 * Entries of PIM for Azure resources are left out: the condition does not cover PIM's requests, and
 * their writer is an unconditioned one at the entry's own scope. The same answer for doctor's advice
 * and init's set-up.
 */
export function delegations(entries: readonly ReachEntry[]): Delegation[] {
  const out = new Map<string, Delegation>();
  for (const e of entries) {
    if (e.pim) continue;
    const scope = homeOf(e.scope);
    const d = out.get(scope.toLowerCase()) ?? { scope, roleIds: [], entries: [] };
    if (!d.roleIds.includes(e.roleId.toLowerCase())) d.roleIds.push(e.roleId.toLowerCase());
    d.entries.push(e);
    out.set(scope.toLowerCase(), d);
  }
  return [...out.values()];
}

/** The command for the conditioned writer of `entry`'s subscription (or scope), with every role the policy grants there. */
function delegationCommandFor(me: string, entry: ReachEntry, entries: readonly ReachEntry[]): string {
  const d = delegations(entries).find((x) => x.scope.toLowerCase() === homeOf(entry.scope).toLowerCase())!;
  return delegationCommand(me, d.scope, d.roleIds);
}

export function judgeAzureReach(own: readonly OwnAssignment[], entries: readonly ReachEntry[], me = "<the app's object id>"): AzureReach {
  const writers = own.filter((a) => ROLE_WRITERS.has(a.roleId.toLowerCase()));
  const missing: AzureReach['missing'] = [];
  for (const e of entries) {
    const covering = writers.filter((w) => reaches(w, e.scope));
    if (covering.length === 0) {
      missing.push({
        entry: e.name,
        why: e.pim
          ? `the app cannot write role assignments at ${e.scope}. PIM for Azure resources makes this entry's assignments and is not documented to honour a delegation condition, so the app needs Role Based Access Control Administrator without one, at the entry's own scope and no wider (docs/setup.md, "Azure roles"): ${unconditionedCommand(me, e.scope)}`
          : `the app cannot write role assignments at ${e.scope}. Give it Role Based Access Control Administrator with the delegation condition (docs/setup.md, "Azure roles"): ${delegationCommandFor(me, e, entries)}`,
      });
      continue;
    }
    // PIM for Azure resources is not documented to honour a delegation condition (docs/setup.md, "Azure roles").
    if (e.pim && covering.every((w) => w.condition !== undefined)) {
      missing.push({
        entry: e.name,
        why: `PIM for Azure resources makes this entry's assignments, and it is not documented to honour a delegation condition: the app needs Role Based Access Control Administrator without a condition at ${e.scope} (the entry's own scope, no wider), or use backend: azure-role, which the condition does cover.`,
      });
      continue;
    }
    const allows = covering.some((w) => {
      const a = allowedBy(w.condition);
      return !a.readable || !a.roles || a.roles.has(e.roleId.toLowerCase());
    });
    if (!allows)
      missing.push({
        entry: e.name,
        why: `the app's delegation condition at ${covering.map((w) => w.scope).join(', ')} leaves out ${name(e.roleId)}: add ${e.roleId} to both of its clauses.`,
      });
  }
  const beyond: string[] = [];
  // A role that can itself give access must be in the condition, so the condition stops nothing there.
  for (const e of entries)
    if (builtInRoleById(e.roleId)?.grantsAccess)
      beyond.push(
        `an entry grants ${name(e.roleId)} at ${e.scope}, which can give anyone any role there: the delegation condition has to allow it, so whoever holds the job's token could make anyone ${name(e.roleId)} there. Grant a narrower role where you can.`,
      );
  for (const w of writers) {
    const a = allowedBy(w.condition);
    const role = name(w.roleId);
    if (!a.readable) {
      beyond.push(`the app holds ${role} at ${w.scope} with a condition doctor cannot read: check it allows only the policy's roles, and only users.`);
      continue;
    }
    if (!a.roles) {
      // The set-up PIM for Azure resources entries need: Role Based Access Control Administrator without a
      // condition at exactly their scope. Still a standing writer there, said as such, not as a mistake.
      const reached = entries.filter((e) => reaches(w, e.scope));
      const forPim =
        w.roleId.toLowerCase() === RBAC_ADMINISTRATOR_ROLE_ID &&
        reached.length > 0 &&
        reached.every((e) => e.pim && e.scope.toLowerCase() === w.scope.toLowerCase());
      beyond.push(
        forPim
          ? `the app holds ${role} at ${w.scope} without a condition, as the azure-pim entry there needs (docs/setup.md, "Azure roles"): it can give anyone any role at that scope. backend: azure-role needs only the conditioned writer.`
          : `the app holds ${role} at ${w.scope} without a condition: it can give anyone any role there, Owner included. Replace it with Role Based Access Control Administrator and the delegation condition (docs/setup.md, "Azure roles").`,
      );
      continue;
    }
    const needed = new Set(entries.filter((e) => reaches(w, e.scope)).map((e) => e.roleId.toLowerCase()));
    const extra = [...a.roles].filter((r) => !needed.has(r));
    if (extra.length > 0)
      beyond.push(
        `the app can also grant ${extra.map(name).join(', ')} at ${w.scope}, which no policy entry there grants: remove ${extra.length === 1 ? 'it' : 'them'} from the condition.`,
      );
    if (!a.usersOnly)
      beyond.push(`the app can also assign roles to groups and service principals at ${w.scope}: limit the condition's principal type to 'User'.`);
  }
  return { missing, beyond };
}
