/** What the twin knows: the Entra directory, the app registration, and the GitHub side. Plain data. */
import type { TokenGrant } from './permissions.ts';

export interface DirectoryObject {
  id: string;
  /** Directory objects a group can hold (group-post-members): users, service principals, groups, devices, org contacts. */
  kind: 'user' | 'servicePrincipal' | 'group' | 'device' | 'orgContact';
  userPrincipalName?: string;
  displayName: string;
  /** For a service principal: the app roles its application defines (serviceprincipal resource, appRoles). */
  appRoles?: { id: string; value: string; displayName: string }[];
  /** For a service principal: its owners (object ids). */
  owners?: string[];
  /** For a service principal: its application's id (what sign-in log entries name as appId); the object id when a seed gives none. */
  appId?: string;
  /** For a user: signInSessionsValidFromDateTime (ms; unset: null, never revoked); revokeSignInSessions sets it to now. */
  signInSessionsValidFrom?: number;
  /** For a user: signInActivity (null when it never signed in). */
  signInActivity?: { lastSignInDateTime: string | null; lastNonInteractiveSignInDateTime: string | null } | null;
}

/** An app role assigned to a principal (appRoleAssignment): appRoleId all zeros is default access. */
export interface AppRoleAssignment {
  id: string;
  principalId: string;
  resourceId: string;
  appRoleId: string;
}

export interface Group {
  id: string;
  displayName: string;
  isAssignableToRole: boolean;
  /** "DynamicMembership" (with membershipRule) or "Unified"; empty for an assigned security group. */
  groupTypes: string[];
  membershipRule: string | null;
  onPremisesSyncEnabled: boolean | null;
  mailEnabled: boolean;
  members: Set<string>;
  /** PIM for Groups: members whose assignment has an end (ms); Entra removes them then, by itself. */
  pimEnds: Map<string, number>;
  /** PIM for Groups: the longest active assignment the group's PIM settings allow, when limited. */
  pimMaxMs?: number;
  /** When each PIM assignment was made (twin clock, ms): PIM refuses to end one within 5 minutes. */
  pimStarts: Map<string, number>;
  /** PIM for Groups eligibilities: principals who may activate membership themselves. */
  pimEligible?: Set<string>;
  /** PIM for Groups eligibilities for ownership (an owner can add members). */
  pimEligibleOwners?: Set<string>;
  /** Recent changes, for read-after-write lag: reads see a change only once it is older than the lag. */
  recent: { op: 'add' | 'remove'; id: string; at: number }[];
}

export interface AppRegistration {
  tenantId: string;
  clientId: string;
  /** Application permissions granted with admin consent, e.g. GroupMember.ReadWrite.All. */
  roles: string[];
  /** Federated credential subjects, e.g. repo:acme/access:environment:access-grant. */
  federatedSubjects: string[];
  clientSecret?: string;
  /** Audiences its federated credentials list (default api://AzureADTokenExchange). */
  audiences?: string[];
  /** Object id of the app's service principal in the tenant (the oid claim of its tokens). */
  servicePrincipalId?: string;
}

/**
 * An administrative unit holding groups. Restricted management units (isMemberManagementRestricted)
 * accept changes to their groups only from principals holding a role scoped to the unit.
 */
export interface AdministrativeUnit {
  id: string;
  displayName: string;
  restricted: boolean;
  groups: Set<string>;
}

/** A directory role assignment (unifiedRoleAssignment): built-in role template id, "/" or "/administrativeUnits/{id}". */
export interface RoleAssignment {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId: string;
}

export interface GitHubReview {
  id: number;
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit_id: string;
  submitted_at: string;
  body?: string;
  /**
   * The teams GitHub recorded the review as made on behalf of ("org/slug"): the requested code-owner
   * teams the reviewer belonged to when reviewing (GraphQL PullRequestReview.onBehalfOf).
   */
  on_behalf_of?: string[];
}

export interface GitHubPull {
  number: number;
  title: string;
  body: string;
  user: string;
  state: 'open' | 'closed';
  merged: boolean;
  created_at: string;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  /** As GitHub's files API reports them: a rename is one entry with the old path in previous_filename. */
  files: { filename: string; status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied'; previous_filename?: string }[];
  /** Commits on the pull request, with the GitHub logins of author and committer (null: no GitHub account matched). */
  /**
   * Logins GitHub derives from each commit's author and committer e-mails (written by the pusher), and
   * its signature as GitHub verified it: the signer's login, or `github` for a commit GitHub signed
   * itself (web interface); absent: unsigned.
   */
  commits: { sha: string; author: string | null; committer: string | null; signer?: string }[];
  /** Commits the merge made on the base branch besides merge_commit_sha (a rebase merge's earlier commits). */
  landed?: string[];
  reviews: GitHubReview[];
}

export interface GitHubComment {
  id: number;
  issue: number;
  user: string;
  body: string;
  created_at: string;
  updated_at?: string;
}

export interface GitHubIssue {
  number: number;
  title: string;
  body: string;
  user: string;
  state: 'open' | 'closed';
  labels: string[];
  pinned: boolean;
  assignees?: string[];
  /** Who closed it, and why (GitHub's state_reason: completed or not_planned). */
  closed_by?: string;
  state_reason?: 'completed' | 'not_planned' | null;
  created_at: string;
  updated_at: string;
  /** Closed and reopened events, oldest first (GET .../issues/{n}/events). */
  events?: GitHubIssueEvent[];
  /** Who last edited the body, and when (GraphQL Issue.editor, Issue.lastEditedAt). */
  editor?: string;
  last_edited_at?: string;
}

/**
 * A workflow run as GitHub records it. Its status, conclusion and triggering actor are its latest
 * attempt's; `attempts` holds the earlier ones (GET .../runs/{id}/attempts/{n}), oldest first.
 * `actor` is the first attempt's user, `head_branch` the short name of the ref it ran on (a tag named
 * like a branch reads the same), `head_sha` the commit it ran (the default branch's head if not given).
 */
export interface WorkflowRun {
  workflow: string;
  id: number;
  status: 'completed' | 'in_progress';
  conclusion: 'success' | 'failure' | null;
  created_at: string;
  updated_at: string;
  event?: 'schedule' | 'push' | 'workflow_dispatch';
  title?: string;
  actor?: string;
  triggering_actor?: string;
  head_branch?: string;
  head_sha?: string;
  run_attempt?: number;
  attempts?: { conclusion: 'success' | 'failure'; triggering_actor?: string; created_at?: string }[];
}

/** An issue's timeline entry of the kinds the product reads: who closed or reopened it, when and why. */
export interface GitHubIssueEvent {
  id: number;
  event: 'closed' | 'reopened';
  actor: string;
  created_at: string;
  state_reason?: 'completed' | 'not_planned' | null;
}

export interface GitHubRepo {
  owner: string;
  name: string;
  pulls: Map<number, GitHubPull>;
  /** Issues (not pull requests); numbers are shared with pull requests, as on GitHub. */
  issues: Map<number, GitHubIssue>;
  /**
   * The highest issue or pull request number handed out, including pull requests a test opened but has
   * not described to the twin yet: a new issue never reuses a pull request's number, as on GitHub.
   */
  lastNumber?: number;
  /** Commit sha -> numbers of the pull requests it belongs to (head commits and merge commits). */
  commitPulls: Map<string, number[]>;
  comments: GitHubComment[];
  /** Runs of workflows, by workflow file name, for "last successful sweep". */
  workflowRuns: WorkflowRun[];
  /** A real git repository to serve contents from. */
  gitDir?: string;
  /** Rules in force on the default branch (from rulesets), as GET /rules/branches/{branch} lists them. */
  rules: { type: string; parameters?: Record<string, unknown> }[];
  /** Labels that exist in the repository (an issue form applies only these); absent: none. */
  labels?: Set<string>;
  /** Who GitHub lets be assigned to issues (write access, org members with read, commenters); absent: anyone. */
  assignable?: Set<string>;
  /** Environments and their deployment branch policies (null: any ref may deploy). */
  environments: Map<
    string,
    { policy: { protected_branches: boolean; custom_branch_policies: boolean } | null; patterns: { name: string; type: 'branch' | 'tag' }[] }
  >;
}

/** An Azure RBAC role assignment (Role Assignments - Get: properties). */
export interface ArmRoleAssignment {
  /** Its name (a GUID). */
  id: string;
  scope: string;
  principalId: string;
  /** The role definition's GUID. */
  roleDefinitionId: string;
  /** User, Group or ServicePrincipal; absent: told from the twin's directory. */
  principalType?: string;
  /** An ABAC condition (conditionVersion 2.0), such as a delegation condition on a Role Based Access Control Administrator assignment. */
  condition?: string;
  /** Made through PIM for Azure resources: when it was made, and when Azure ends it (twin clock, ms; null: permanent). */
  pim?: { start: number; end: number | null };
}

/** The twin's clock: real time moved by `clockOffsetMs`, so tests move time instead of sleeping. */
export function twinNow(state: Pick<TwinState, 'clockOffsetMs'>): number {
  return Date.now() + state.clockOffsetMs;
}

export interface TwinState {
  /** How far the twin's clock is ahead of real time (ms): PIM assignments end by it. */
  clockOffsetMs: number;
  users: Map<string, DirectoryObject>;
  groups: Map<string, Group>;
  apps: AppRegistration[];
  repos: Map<string, GitHubRepo>;
  /** "org/slug" -> logins (lower-case). */
  teams: Map<string, Set<string>>;
  /** Tokens the GitHub API accepts; empty means any token is accepted. */
  githubTokens: Set<string>;
  /**
   * The permission set of each job token and GitHub App installation token the twin issued
   * (scripts/twin/permissions.ts). A token without one stands for a person's classic token with the
   * repo scope, as the command line uses.
   */
  tokenGrants: Map<string, TokenGrant>;
  /** The login the GitHub API answers as (e.g. github-actions[bot]). */
  githubActor: string;
  /** Subject of the Actions OIDC token the twin issues, e.g. repo:acme/access:environment:access-grant. */
  oidcSubject: string;
  nextId: number;
  /** REST requests an hour per token (the job token has 1,000 per repository). */
  restLimit: number;
  /** GraphQL points an hour per token (1,000 for the job token). */
  graphqlLimit: number;
  /** Per token: REST requests and GraphQL points used this hour. */
  rateUsed: Map<string, { core: number; graphql: number }>;
  /** Whether tokens may read organisation teams (the job token may not). */
  teamsReadable: boolean;
  /** Tokens that may read organisation teams although teamsReadable is false (a GitHub App token with Members: read). */
  teamReaders: Set<string>;
  /** Users whose sign-in sessions were revoked (user-revokesigninsessions), and when (twin time, ms). */
  sessionRevocations: { userId: string; at: number }[];
  /** Whether the job token may write contents (commits and refs): the workflow's `contents: write`. */
  contentsWritable: boolean;
  /** How Graph answers the removal of a member that is not there: 404, or 400 "... do not exist". */
  absentRemoval: 404 | 400;
  administrativeUnits: Map<string, AdministrativeUnit>;
  roleAssignments: RoleAssignment[];
  /** Directory roles a principal is eligible for through PIM for Microsoft Entra roles (unifiedRoleEligibilitySchedule). */
  roleEligibilities: RoleAssignment[];
  appRoleAssignments: AppRoleAssignment[];
  /** Azure RBAC role assignments (scope, principal, built-in or custom role definition GUID). */
  armRoleAssignments: ArmRoleAssignment[];
  /** Custom Azure role names by definition GUID. */
  armCustomRoles: Map<string, string>;
  /** Custom Azure roles' permissions by definition GUID (none: no actions). */
  armCustomPermissions: Map<string, { actions: string[]; notActions: string[]; dataActions: string[] }>;
  /** PIM for Azure resources eligibilities: who may activate a role at a scope (Role Eligibility Schedule Instances). */
  armEligibilities: { scope: string; principalId: string; roleDefinitionId: string }[];
  /** The management group hierarchy: a subscription or management group scope (lower case) to its parent management group's scope. */
  armParents: Map<string, string>;
  /** The longest active assignment PIM for Azure resources allows (its role setting's ExpirationRule); 180 days unless a test sets it. */
  armPimMaxMs?: number;
  /** Role assignments per ARM list page (each page but the last has `nextLink`); small, so a reader that stops at page 1 fails a test. */
  armPageSize: number;
  /** The largest REST page the twin serves: 5 unless a test or the bench sets it (GitHub's maximum is 100), so readers must follow `Link`. */
  restPageMax: number;
  /** Sign-in log entries (auditLogs/signIns): who, when, to which app. */
  signIns: { userId: string; createdDateTime: string; appId: string }[];
  /** The most items the twin puts on one page of a Graph listing (graph-pages.ts); small, so readers must follow @odata.nextLink. */
  graphPageSize: number;
  /** Whether the tenant has Microsoft Entra ID P1 or P2: sign-in logs and signInActivity need it. */
  premiumLicence: boolean;
  /** Messages received by the chat webhooks (Slack, Teams). */
  hookMessages: { service: 'slack' | 'teams'; channel: string; body: unknown }[];
}

/** The shape of a seed file (`npm run twin -- --seed file.json`) or of seeding from code. */
export interface TwinSeed {
  users?: { id: string; userPrincipalName?: string; displayName?: string; kind?: DirectoryObject['kind'] }[];
  groups?: {
    id: string;
    displayName?: string;
    isAssignableToRole?: boolean;
    groupTypes?: string[];
    membershipRule?: string;
    onPremisesSyncEnabled?: boolean;
    mailEnabled?: boolean;
    members?: string[];
  }[];
  apps?: AppRegistration[];
  repos?: { owner: string; name: string; gitDir?: string }[];
  teams?: Record<string, string[]>;
  githubTokens?: string[];
  githubActor?: string;
  oidcSubject?: string;
  restLimit?: number;
  graphqlLimit?: number;
  teamsReadable?: boolean;
  administrativeUnits?: { id: string; displayName?: string; restricted?: boolean; groups?: string[] }[];
  roleAssignments?: { principalId: string; roleDefinitionId: string; directoryScopeId?: string }[];
}

export function createState(seed: TwinSeed = {}): TwinState {
  const state: TwinState = {
    users: new Map(),
    groups: new Map(),
    apps: [],
    repos: new Map(),
    teams: new Map(),
    githubTokens: new Set(seed.githubTokens ?? []),
    tokenGrants: new Map(),
    githubActor: seed.githubActor ?? 'github-actions[bot]',
    oidcSubject: seed.oidcSubject ?? 'repo:acme/access:environment:access-grant',
    nextId: 1000,
    restLimit: seed.restLimit ?? 1000,
    graphqlLimit: seed.graphqlLimit ?? 1000,
    rateUsed: new Map(),
    teamsReadable: seed.teamsReadable ?? true,
    teamReaders: new Set(),
    sessionRevocations: [],
    contentsWritable: true,
    clockOffsetMs: 0,
    absentRemoval: 404,
    administrativeUnits: new Map(),
    roleAssignments: [],
    roleEligibilities: [],
    appRoleAssignments: [],
    armRoleAssignments: [],
    armCustomRoles: new Map(),
    armCustomPermissions: new Map(),
    armPageSize: 2,
    armParents: new Map(),
    armEligibilities: [],
    restPageMax: 5,
    signIns: [],
    graphPageSize: 3,
    premiumLicence: true,
    hookMessages: [],
  };
  applySeed(state, seed);
  return state;
}

export function applySeed(state: TwinState, seed: TwinSeed): void {
  for (const u of seed.users ?? []) state.users.set(u.id.toLowerCase(), seedUser(u));
  for (const g of seed.groups ?? []) state.groups.set(g.id.toLowerCase(), seedGroup(g));
  state.apps.push(...(seed.apps ?? []));
  for (const r of seed.repos ?? []) {
    state.repos.set(`${r.owner}/${r.name}`.toLowerCase(), newRepo(r.owner, r.name, r.gitDir));
  }
  for (const u of seed.administrativeUnits ?? []) {
    state.administrativeUnits.set(u.id.toLowerCase(), {
      id: u.id.toLowerCase(),
      displayName: u.displayName ?? u.id,
      restricted: u.restricted ?? false,
      groups: new Set((u.groups ?? []).map((g) => g.toLowerCase())),
    });
  }
  for (const r of seed.roleAssignments ?? []) {
    state.roleAssignments.push({
      id: crypto.randomUUID(),
      principalId: r.principalId.toLowerCase(),
      roleDefinitionId: r.roleDefinitionId.toLowerCase(),
      directoryScopeId: r.directoryScopeId ?? '/',
    });
  }
  for (const [team, logins] of Object.entries(seed.teams ?? {})) state.teams.set(team.toLowerCase(), new Set(logins.map((l) => l.toLowerCase())));
}

function seedUser(u: NonNullable<TwinSeed['users']>[number]) {
  return {
    id: u.id.toLowerCase(),
    kind: u.kind ?? 'user',
    displayName: u.displayName ?? u.userPrincipalName ?? u.id,
    ...(u.userPrincipalName ? { userPrincipalName: u.userPrincipalName } : {}),
  };
}

function seedGroup(g: NonNullable<TwinSeed['groups']>[number]) {
  return {
    id: g.id.toLowerCase(),
    displayName: g.displayName ?? g.id,
    isAssignableToRole: g.isAssignableToRole ?? false,
    groupTypes: g.groupTypes ?? [],
    membershipRule: g.membershipRule ?? null,
    onPremisesSyncEnabled: g.onPremisesSyncEnabled ?? null,
    mailEnabled: g.mailEnabled ?? false,
    pimEnds: new Map<string, number>(),
    pimStarts: new Map<string, number>(),
    members: new Set((g.members ?? []).map((m) => m.toLowerCase())),
    recent: [],
  };
}

export function newRepo(owner: string, name: string, gitDir?: string): GitHubRepo {
  return {
    owner,
    name,
    pulls: new Map(),
    issues: new Map(),
    commitPulls: new Map(),
    comments: [],
    workflowRuns: [],
    rules: [],
    environments: new Map(),
    ...(gitDir ? { gitDir } : {}),
  };
}
