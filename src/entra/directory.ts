/**
 * The Entra directory as access-as-code needs it: the port every command and backend uses (users,
 * groups, members, membership and PIM changes and their outcomes) and its errors. Graph itself is in
 * graph.ts, loaded only by the commands that sign in (connect.ts): a command that never talks to Entra
 * (validate, issue, the CLI's help) does not load @azure/identity or the Graph client.
 */
import type { AzureRoleWrites } from './azure-roles.ts';
import type { EntraUserRef } from '../identities/identities.ts';
import type { IdentityFacts } from './reach.ts';
import type { GraphGet } from './pages.ts';

export interface DirectoryUser {
  id: string;
  userPrincipalName?: string;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  isAssignableToRole: boolean;
  /** "DynamicMembership" for rule-based groups, "Unified" for Microsoft 365 groups. */
  groupTypes: string[];
  onPremisesSyncEnabled: boolean;
  mailEnabled: boolean;
  securityEnabled: boolean;
}

/**
 * Why access-as-code cannot manage a group's membership, or undefined when it can. Graph refuses
 * membership writes (403 Authorization_RequestDenied) for rule-based, on-premises-synced and
 * mail-enabled security or distribution groups, whatever the app's permissions; role-assignable groups
 * grant directory roles and belong in Privileged Identity Management.
 */
export function unmanageable(g: DirectoryGroup): string | undefined {
  if (g.isAssignableToRole)
    return `"${g.displayName}" is role-assignable: its members receive Entra directory roles. access-as-code does not manage role-assignable groups; use Privileged Identity Management for them and remove this group from the policy.`;
  if (g.groupTypes.includes('DynamicMembership'))
    return `"${g.displayName}" has dynamic membership: a rule decides its members and Entra refuses changes to them. Use a security group with assigned membership.`;
  if (g.onPremisesSyncEnabled)
    return `"${g.displayName}" is synced from on-premises Active Directory: its members can only be changed there. Use a cloud security group.`;
  if (g.mailEnabled && !g.groupTypes.includes('Unified'))
    return `"${g.displayName}" is a mail-enabled ${g.securityEnabled ? 'security' : 'distribution'} group: Microsoft Graph cannot change its members (they are managed in Exchange). Use a security group that is not mail-enabled.`;
  return undefined;
}

export interface Member {
  id: string;
  type: 'user' | 'servicePrincipal' | 'other';
}

export interface MembershipChange {
  op: 'add' | 'remove';
  groupId: string;
  memberId: string;
}

/**
 * What a write came to, typed so that no caller reads it from the message: made now, already as asked
 * (a member already, a member already gone), deferred (PIM moved the end instead: it ends the
 * assignment itself later), or failed.
 */
export type WriteResult = 'made' | 'already' | 'deferred' | 'failed';

export interface ChangeOutcome {
  change: MembershipChange;
  /** True when the membership is now as asked (including "already a member" and "already absent"). */
  done: boolean;
  result: WriteResult;
  status: number;
  detail: string;
  attempts: number;
}

/** A PIM for Groups membership assignment in force; `end` null for a permanent one (a direct member). */
export interface PimAssignment {
  principalId: string;
  end: string | null;
}

export interface PimChange {
  action: 'adminAssign' | 'adminUpdate' | 'adminRemove';
  groupId: string;
  principalId: string;
  /** For adminAssign and adminUpdate: when Entra ends the membership. */
  end?: string;
  justification: string;
}

export interface PimOutcome {
  change: PimChange;
  done: boolean;
  result: WriteResult;
  status: number;
  detail: string;
  /** A removal PIM would not make yet: the assignment now ends at this time instead (Entra ends it). */
  endsAt?: string;
}

/** PIM for Groups refuses to end an assignment within 5 minutes of making it (ActiveDurationTooShort). */
export const PIM_FLOOR_MS = 5 * 60_000;

/** The end a withdrawn PIM assignment is moved to instead (PIM for Groups and for Azure resources): just past the floor, whole seconds. */
export const pimFloorEnd = (now = Date.now()): string => new Date(now + PIM_FLOOR_MS + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface Directory {
  /** Starts signing in without waiting, so that the sign-in overlaps the run's reading of git and GitHub. */
  warmUp?(): void;
  resolveUser(ref: EntraUserRef): Promise<DirectoryUser | undefined>;
  getGroup(id: string): Promise<DirectoryGroup | undefined>;
  listMembers(groupId: string): Promise<Member[]>;
  /** Many at once, batched: what the sweep and the report need for hundreds of groups. */
  getGroups(ids: readonly string[]): Promise<Map<string, DirectoryGroup | undefined>>;
  listMembersOfGroups(groupIds: readonly string[]): Promise<Map<string, Member[]>>;
  /** The same, each group's listing on its own: one group Graph would not list does not hide the others. */
  listMembersOfEachGroup(groupIds: readonly string[]): Promise<Map<string, Member[] | DirectoryError>>;
  resolveUsers(refs: readonly EntraUserRef[]): Promise<(DirectoryUser | undefined)[]>;
  apply(changes: readonly MembershipChange[]): Promise<ChangeOutcome[]>;
  /** Users who are members of each group through any path (nested groups included); a group Graph would not list, why. */
  transitiveUsers?(groupIds: readonly string[]): Promise<Map<string, Set<string> | DirectoryError>>;
  /** Principals eligible (PIM for Groups) to activate each group's membership; a group that could not be read, why. */
  pimEligible?(groupIds: readonly string[]): Promise<Map<string, Set<string> | DirectoryError>>;
  /**
   * When each user's sign-in sessions were last revoked (signInSessionsValidFromDateTime; 0: never), or
   * why it cannot be read: what makes revoking sessions after an access ended happen once.
   */
  sessionsValidFrom?(userIds: readonly string[]): Promise<Map<string, number | string>>;
  /** Ends users' sign-in sessions (groups with revokeSessions: true, when their access ends). */
  revokeSessions?(userIds: readonly string[]): Promise<{ userId: string; done: boolean; detail: string }[]>;
  /** PIM for Groups: member assignments in force, per group (groups with backend: pim). */
  listPimAssignments(groupIds: readonly string[]): Promise<Map<string, PimAssignment[]>>;
  /** PIM for Groups: assignment schedule requests, batched like membership changes. */
  applyPim(changes: readonly PimChange[]): Promise<PimOutcome[]>;
  /** Who signed in and what it can reach (doctor); absent where it cannot be known. */
  identity?(policyGroupIds: readonly string[]): Promise<IdentityFacts>;
  /** The signed-in principal's object id (the token's oid), when it can be told. */
  signedInPrincipal?(): Promise<string | undefined>;
  /** Azure role assignment writes (the azure-role and azure-pim backends), with the same identity; absent without an ARM endpoint. */
  azureRoleWrites?(): Promise<AzureRoleWrites | undefined>;
  /** Azure Resource Manager GETs (paths from the endpoint), each answered on its own; absent without an ARM endpoint. */
  armReadAll?(paths: readonly string[]): Promise<{ status: number; body?: unknown; message: string }[]>;
  /** GETs answered one by one, batched, every page of a listing read (optional reads: a 403 is a fact, not a failure). */
  readAll?(requests: readonly GraphGet[]): Promise<{ status: number; body?: unknown; message: string }[]>;
  /** Polls (reads only) until the changes are visible or the attempts run out (read-after-write lag). */
  confirm(changes: readonly MembershipChange[], options?: { attempts?: number; delayMs?: number }): Promise<{ visible: boolean; pending: MembershipChange[] }>;
}

/** A Graph failure that retrying will not fix, with the permission or fix it needs. */
export class DirectoryError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'DirectoryError';
    this.status = status;
  }
}

/** Entra refused to sign in: retrying cannot help; the message says what to configure. */
export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}
