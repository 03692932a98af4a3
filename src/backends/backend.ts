/**
 * What a backend is: the one place that knows how a kind of access is held and changed. The decision
 * (reconcile/decide.ts) says who should hold an entry; a backend says whether the entry's target can be
 * managed, who holds it now, turns the decision into its own changes (plan), makes them (apply), and
 * checks them afterwards. Which backend an entry uses is read from the table (index.ts), never from its
 * name elsewhere. Adding a backend: its module here, its row in the table, its value in the policy
 * schema (schemas/), and the twin's side of it (scripts/twin/).
 */
import type { Directory, DirectoryError, WriteResult } from '../entra/directory.ts';
import type { Member } from '../entra/directory.ts';

export type BackendName = 'membership' | 'pim' | 'azure-role' | 'azure-pim';

/** Why a member is where the decision puts them (reconcile/group-plan.ts). */
export type MemberReason = 'active' | 'standing' | 'ended' | 'drift' | 'unverified';

/** One member's decision in a group, as a backend sees it (the reconciler's disposition). */
export interface Planned {
  id: string;
  type: Member['type'];
  action: 'keep' | 'add' | 'remove' | 'report' | 'update';
  reason: MemberReason;
  files: string[];
  /** When Entra ends the access (backends that hold an end, e.g. pim). */
  end?: string;
  justification?: string;
}

/** When an active member's access should end, and the words for the audit trail, from their requests and break-glass grants. */
export type EndOf = (member: string) => { end: number; justification: string } | undefined;

/** One Entra write of the plan, with a stable id (kind, group, member) and why. */
export interface EntraChange {
  id: string;
  /** Who makes it: a backend of the table, or 'sessions' (revokeSignInSessions). */
  backend: BackendName | 'sessions';
  kind:
    | 'add-member'
    | 'remove-member'
    | 'pim-assign'
    | 'pim-update'
    | 'pim-remove'
    | 'azure-assign'
    | 'azure-remove'
    | 'azure-pim-assign'
    | 'azure-pim-update'
    | 'azure-pim-remove'
    | 'revoke-sessions';
  group: string;
  groupId: string;
  member: string;
  /** The rule (active request, ended, drift, standing, access ended) behind it. */
  reason: string;
  /** The request files or break-glass runs behind it. */
  sources: string[];
  /** For PIM: when Entra ends the assignment. */
  end?: string;
  justification?: string;
  /** Made only when this other change was made in this run (sessions after the removal that ends the access). */
  after?: string;
}

/** What making one change did (beside the plan, which stays as planned). */
export interface ChangeOutcome {
  id: string;
  result: WriteResult | 'skipped';
  detail?: string;
  /** A removal PIM deferred: when Entra ends the assignment instead. */
  endsAt?: string;
}

const REMOVALS: ReadonlySet<EntraChange['kind']> = new Set(['remove-member', 'pim-remove', 'azure-remove', 'azure-pim-remove']);
const ADDITIONS: ReadonlySet<EntraChange['kind']> = new Set(['add-member', 'pim-assign', 'azure-assign', 'azure-pim-assign']);
export const isRemoval = (c: Pick<EntraChange, 'kind'>) => REMOVALS.has(c.kind);
/** A change that gives access (not one that moves an end, ends it, or revokes sessions). */
export const isAddition = (c: Pick<EntraChange, 'kind'>) => ADDITIONS.has(c.kind);

/** A policy entry as a backend sees it: its name and the id of what it grants (an Entra group's object id). */
export interface Entry {
  name: string;
  id: string;
}

/**
 * A read after a write, planned with it (reconcile/decide.ts checksOf): a removal's verification
 * (invariant 20: no other path keeps the access) and an add's confirmation (reads lag writes).
 */
export interface EntraCheck {
  id: string;
  kind: 'verify-removal' | 'confirm-add';
  /** The backend of the entry, which makes the check (it knows the other paths to its access). */
  backend: BackendName;
  group: string;
  groupId: string;
  member: string;
  after: string;
  /** verify-removal: the group's listing held a group (or another kind of member), so the user may still hold it through one. */
  nested: boolean;
  reason: string;
}

/** What a check found, beside the plan. */
export interface CheckOutcome {
  id: string;
  result: 'passed' | 'found' | 'unanswered' | 'skipped';
  /** A removal: how the user still holds the access. */
  stillHeld?: string;
  /** A removal whose check was not answered: why it could not be verified (never taken as verified). */
  unverified?: string;
  /** An add the service confirmed but its reads do not show yet. */
  lagging?: string;
}

export interface Backend {
  readonly name: BackendName;
  /** What its policy entries name: an Entra group (`id`) or an Azure role at a scope (`azureRole`). */
  readonly target: 'group' | 'azureRole';
  /**
   * For Azure role entries, the writer the app needs at the entry's scope: Role Based Access Control
   * Administrator with the delegation condition (`delegated`), or without one at the entry's own scope
   * (`unconditioned`: PIM for Azure resources is not documented to honour the condition).
   */
  readonly azureWriter?: 'delegated' | 'unconditioned';
  /** Who ends the access at its end, in words, when Entra does it itself (the sweep then only reconciles drift); none: the sweep. */
  readonly endsItself?: string;
  /** How the plan names each kind of change it makes (the same words in the CLI and the job summary). */
  readonly verbs: Partial<Record<EntraChange['kind'], string>>;
  /** How listings name it beside a group (none: plain membership, the default). */
  readonly label?: string;
  /** The Entra feature it works through, in words (doctor's messages). */
  readonly title: string;
  /** The longest access it can hold, and why: a policy asking for more is refused at load. */
  readonly maxDuration?: { ms: number; text: string; why: string };
  /** Whether it writes members directly (group-post-members), so the identity must reach each of its groups by a membership write path. */
  readonly writesMembers: boolean;
  /** Graph permissions its writes need besides a membership write path (doctor and the reach check). */
  readonly permissions: readonly string[];
  /**
   * Doctor's proof, by reading only, that it can work for these entries: throws a DirectoryError naming
   * what is missing; may return findings (an entry it cannot serve, by id; reach beyond the policy).
   */
  ready?(directory: Directory, ids: readonly string[]): Promise<void | ReadyFinding[]>;
  /** What the backend reads beyond a group's members to plan (pim: each assignment's end; null: none), per group id (lower case). */
  readState?(directory: Directory, groupIds: readonly string[]): Promise<Map<string, Map<string, string | null>>>;
  /**
   * The group's dispositions with what the backend holds besides membership (pim: the end of each
   * added member, and an update where the end in force differs). Pure; nothing changed in place.
   * `moveExisting`: ends of kept members are moved too (only once requests are verified).
   */
  shape?(dispositions: readonly Planned[], state: ReadonlyMap<string, string | null> | undefined, endOf: EndOf, moveExisting: boolean): Planned[];
  /** The Entra change a disposition calls for, if any. Pure. */
  change(group: { name: string; id: string }, d: Planned): EntraChange | undefined;
  /** Makes the changes, one typed outcome each, in the order given. */
  apply(directory: Directory, changes: readonly EntraChange[]): Promise<ChangeOutcome[]>;
  /** Why each entry's target cannot be managed (a missing or unmanageable group), by id (lower case); absent: it can. */
  checkTargets(directory: Directory, entries: readonly Entry[]): Promise<Map<string, string | undefined>>;
  /** Who holds each entry's access now, by id (lower case); an entry that could not be read, why (the others go on). */
  readHolders(directory: Directory, entries: readonly Entry[]): Promise<Map<string, Member[] | DirectoryError>>;
  /** Makes the planned checks of its entries (verified removal, confirmed add), one outcome each. */
  check(directory: Directory, checks: readonly EntraCheck[]): Promise<CheckOutcome[]>;
}

/** What doctor says after a backend's read-only check. */
export interface ReadyFinding {
  severity: 'error' | 'warning';
  message: string;
  /** The entry it is about (its id), if one. */
  entry?: string;
}

/** A change's id: what is done to whom in which group; one change per member, group and run. */
export const changeId = (kind: EntraChange['kind'], group: string, member: string) => `${kind}:${group}:${member}`;

/** The change of one member's disposition, made by `backend` (its own fields, such as an end, in `extra`). */
export function changeFor(
  backend: BackendName,
  kind: EntraChange['kind'],
  group: { name: string; id: string },
  d: Planned,
  extra: Pick<EntraChange, 'end' | 'justification'> = {},
): EntraChange {
  return {
    id: changeId(kind, group.name, d.id),
    backend,
    kind,
    group: group.name,
    groupId: group.id,
    member: d.id,
    reason: d.reason,
    sources: [...d.files],
    ...extra,
  };
}
