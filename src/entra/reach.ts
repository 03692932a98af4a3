/**
 * What the automation identity can change beyond the policy's groups (docs/threat-model.md 41), judged from
 * facts doctor reads: its application permissions, its directory role assignments with their scopes,
 * and the administrative units those scopes name. Pure: the facts come in, findings go out.
 *
 * Sources (Microsoft Entra documentation):
 * - GroupMember.ReadWrite.All (and Group.ReadWrite.All, Directory.ReadWrite.All) reach every group of
 *   the tenant that is not role-assignable (group-post-members, permissions reference).
 * - A role assigned at an administrative unit's scope reaches only the groups in that unit
 *   ("Assign Microsoft Entra roles with administrative unit scope"); Groups Administrator and User
 *   Administrator can be assigned there.
 * - Restricted management administrative units (admin-units-restricted-management, "Programmability"):
 *   applications cannot modify their groups with Graph application permissions, only with a role
 *   assigned at the unit's scope; tenant-scoped administrators cannot change them either. They hold
 *   security groups only, and PIM for Groups does not support groups in them.
 */

/** Built-in role template ids (for built-in roles the definition id equals the template id). */
export const ROLES = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  groupsAdministrator: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  directoryWriters: '9360feb5-f418-4baa-8175-e2a00bac4301',
  intuneAdministrator: '3a2c62db-5318-420d-8d74-23affee5d9d5',
} as const;

const ROLE_NAMES: Record<string, string> = {
  [ROLES.globalAdministrator]: 'Global Administrator',
  [ROLES.privilegedRoleAdministrator]: 'Privileged Role Administrator',
  [ROLES.groupsAdministrator]: 'Groups Administrator',
  [ROLES.userAdministrator]: 'User Administrator',
  [ROLES.directoryWriters]: 'Directory Writers',
  [ROLES.intuneAdministrator]: 'Intune Administrator',
};

/** Roles that can change the members of security groups (Privileged Role Administrator by assigning itself any role). */
const GROUP_WRITER_ROLES = new Set<string>(Object.values(ROLES));
/** Of those, the ones that can be assigned at an administrative unit's scope. */
const UNIT_WRITER_ROLES = new Set<string>([ROLES.groupsAdministrator, ROLES.userAdministrator]);

/** Application permissions that change the members of every non-role-assignable group. */
export const TENANT_WRITE_PERMISSIONS = ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'];
const PIM_WRITE = 'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup';
/** Revoking a user's sign-in sessions (groups with revokeSessions: true). */
const REVOKE_SESSIONS = 'User.RevokeSessions.All';
const REVOKES_SESSIONS = [REVOKE_SESSIONS, 'User.ReadWrite.All', 'Directory.ReadWrite.All'];
/** What each set-up needs, and what doctor may use to see the rest; anything else is more than needed. */
const NEEDED = new Set([
  'GroupMember.Read.All',
  'User.ReadBasic.All',
  'User.Read.All',
  'PrivilegedAssignmentSchedule.Read.AzureADGroup',
  PIM_WRITE,
  'RoleManagement.Read.Directory',
  'AdministrativeUnit.Read.All',
  REVOKE_SESSIONS,
  // Optional: verified revocation also names removed users who can activate the group again through PIM.
  'PrivilegedEligibilitySchedule.Read.AzureADGroup',
  // Optional, read-only: what each group confers (effective access): app roles need Directory.Read.All,
  // their names Application.Read.All (or Directory.Read.All), eligible roles RoleEligibilitySchedule.Read.Directory.
  'Directory.Read.All',
  'Application.Read.All',
  'RoleEligibilitySchedule.Read.Directory',
]);

export interface RoleAssignment {
  roleDefinitionId: string;
  /** "/" for the tenant, "/administrativeUnits/{id}" for a unit. */
  directoryScopeId: string;
}

export interface UnitFacts {
  id: string;
  displayName: string;
  /** Whether it is a restricted management unit; undefined when the unit could not be read. */
  restricted?: boolean;
  /** Group ids in the unit; undefined when they could not be read. */
  groupIds?: string[];
}

export interface IdentityFacts {
  /** "app" for the automation's own sign-in, "user" for a person running the CLI. */
  kind: 'app' | 'user' | 'unknown';
  principalId?: string;
  /** Application permissions (the access token's roles claim); undefined when not known. */
  permissions?: string[];
  /** Directory role assignments; undefined when they could not be read (with why). */
  roleAssignments?: RoleAssignment[];
  roleAssignmentsUnreadable?: string;
  /** Administrative units named by role scopes or holding policy groups, by id. */
  units: Map<string, UnitFacts>;
  /** Units each policy group is in (by group id); undefined when not readable. */
  unitsOfGroup?: Map<string, string[]>;
  /** Groups in the tenant, when counted. */
  tenantGroups?: number;
}

export interface PolicyGroupRef {
  name: string;
  id: string;
  /** Whether its backend writes members directly, so a membership write path must reach it (backends/). */
  writesMembers: boolean;
  /** Graph permissions its backend's writes need besides that (backends/). */
  permissions: readonly string[];
  revokeSessions?: boolean;
}

export interface ReachFinding {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface Reach {
  /** The widest write reach found. */
  scope: 'tenant' | 'unit' | 'restricted-unit' | 'none' | 'unknown';
  /** One line each, for the summary: permissions, roles with scope, reach. */
  lines: string[];
  findings: ReachFinding[];
}

export const roleName = (id: string): string => ROLE_NAMES[id.toLowerCase()] ?? `role ${id}`;
const unitOf = (scope: string): string | undefined => /^\/administrativeUnits\/([0-9a-fA-F-]{36})$/.exec(scope)?.[1]?.toLowerCase();

export const NARROWER_SETUP =
  'The narrowest set-up (docs/setup.md, step 2a, "Narrowest: a restricted management administrative unit"; "access-as-code init --create-app" makes it): put the policy\'s membership groups in a restricted management administrative unit, assign the app Groups Administrator scoped to that unit, then remove GroupMember.ReadWrite.All and keep GroupMember.Read.All. Then the app can change those groups only, and tenant administrators cannot change them out of band.';

export function judgeReach(facts: IdentityFacts, policyGroups: readonly PolicyGroupRef[]): Reach {
  const policyIds = new Set(policyGroups.map((g) => g.id.toLowerCase()));
  const writers = writePaths(facts);
  const reach = reachOf(facts, policyIds, writers);
  const lines = [...identityLines(facts), ...reach.lines];
  const findings = [...reach.findings, ...groupFindings(facts, policyGroups, writers, reach.scope)];
  const pim = pimFindings(facts, policyGroups);
  return {
    scope: reach.scope,
    lines: [...lines, ...pim.lines],
    findings: [...findings, ...pim.findings, ...sessionFindings(facts, policyGroups), ...permissionFindings(facts, writers.tenantPermissions)],
  };
}

interface WritePaths {
  tenantPermissions: string[];
  tenantRoles: RoleAssignmentFact[];
  writableUnits: Set<string>;
}

type RoleAssignmentFact = NonNullable<IdentityFacts['roleAssignments']>[number];

/** The permissions and roles through which the identity can change group members. */
function writePaths(facts: IdentityFacts): WritePaths {
  const assignments = facts.roleAssignments ?? [];
  return {
    tenantPermissions: (facts.permissions ?? []).filter((p) => TENANT_WRITE_PERMISSIONS.includes(p)),
    tenantRoles: assignments.filter((a) => a.directoryScopeId === '/' && GROUP_WRITER_ROLES.has(a.roleDefinitionId.toLowerCase())),
    writableUnits: new Set(
      assignments.filter((a) => unitOf(a.directoryScopeId) && UNIT_WRITER_ROLES.has(a.roleDefinitionId.toLowerCase())).map((a) => unitOf(a.directoryScopeId)!),
    ),
  };
}

/** Who signed in, with which application permissions and directory roles. */
function identityLines(facts: IdentityFacts): string[] {
  const lines: string[] = [];
  if (facts.kind === 'user')
    lines.push(
      "Signed in as a person, not as the automation: the reach below is that person's, not the app's. Run doctor from the access-doctor workflow to see the app's.",
    );
  const permissions = facts.permissions;
  lines.push(
    permissions
      ? `Application permissions: ${permissions.length > 0 ? [...permissions].sort().join(', ') : 'none'}.`
      : 'Application permissions: not known (the access token does not say).',
  );
  const assignments = facts.roleAssignments;
  if (!assignments) return [...lines, `Directory roles: not known (${facts.roleAssignmentsUnreadable ?? 'not read'}).`];
  const described = assignments.map((a) => {
    const unit = unitOf(a.directoryScopeId);
    const u = unit ? facts.units.get(unit) : undefined;
    return `${roleName(a.roleDefinitionId)} (${a.directoryScopeId === '/' ? 'whole tenant' : unit ? `${u?.restricted === true ? 'restricted management ' : ''}administrative unit "${u?.displayName ?? unit}"` : a.directoryScopeId})`;
  });
  return [...lines, `Directory roles: ${described.length > 0 ? described.join(', ') : 'none'}.`];
}

/** How far the identity reaches: every group in the tenant, the groups of its units, none, or unknown. */
function reachOf(
  facts: IdentityFacts,
  policyIds: ReadonlySet<string>,
  writers: WritePaths,
): { scope: Reach['scope']; lines: string[]; findings: ReachFinding[] } {
  if (writers.tenantPermissions.length > 0 || writers.tenantRoles.length > 0) {
    const via = [...writers.tenantPermissions, ...writers.tenantRoles.map((a) => `${roleName(a.roleDefinitionId)} at tenant scope`)].join(', ');
    const count =
      facts.tenantGroups !== undefined ? ` (${facts.tenantGroups.toLocaleString('en-US')} groups in the tenant; the policy names ${policyIds.size})` : '';
    return {
      scope: 'tenant',
      lines: [`Reach: every group in the tenant that is not role-assignable and not in a restricted management administrative unit${count}, through ${via}.`],
      findings: [
        {
          severity: 'warning',
          message: `the automation identity can change the members of every non-role-assignable group in the tenant (${via}), not only the policy's ${policyIds.size}. A leaked workflow token with this identity reaches all of them. ${NARROWER_SETUP}`,
        },
      ],
    };
  }
  if (writers.writableUnits.size > 0) return unitReach(facts, policyIds, writers.writableUnits);
  if (facts.permissions === undefined || facts.roleAssignments === undefined)
    return {
      scope: 'unknown',
      lines: ['Reach: not known.'],
      // Not a pass: whether any grant or removal can succeed is exactly what doctor is asked.
      findings: [
        {
          severity: 'warning',
          message: `whether the app can change any group's members is not known: its ${facts.permissions === undefined ? 'application permissions' : 'directory roles'} could not be read${facts.roleAssignments === undefined ? ' (give it RoleManagement.Read.Directory, read-only, so that doctor can see a role scoped to an administrative unit)' : ''}. Until then doctor cannot say that grants and removals will work.`,
        },
      ],
    };
  return { scope: 'none', lines: [], findings: [] };
}

function unitReach(
  facts: IdentityFacts,
  policyIds: ReadonlySet<string>,
  writableUnits: ReadonlySet<string>,
): { scope: Reach['scope']; lines: string[]; findings: ReachFinding[] } {
  const findings: ReachFinding[] = [];
  const restricted = [...writableUnits].every((u) => facts.units.get(u)?.restricted === true);
  const unknownRestriction = [...writableUnits].some((u) => facts.units.get(u)?.restricted === undefined);
  const beyond: string[] = [];
  let unknown = false;
  for (const u of writableUnits) {
    const unit = facts.units.get(u);
    if (!unit?.groupIds) unknown = true;
    else beyond.push(...unit.groupIds.filter((id) => !policyIds.has(id.toLowerCase())));
  }
  const line = `Reach: the groups of ${[...writableUnits].map((u) => `"${facts.units.get(u)?.displayName ?? u}"`).join(', ')}${unknown ? '' : `: ${beyond.length === 0 ? "the policy's groups and no others" : `${beyond.length} group${beyond.length === 1 ? '' : 's'} beyond the policy`}`}.`;
  if (beyond.length > 0)
    findings.push({
      severity: 'warning',
      message: `the administrative unit the app manages holds ${beyond.length} group${beyond.length === 1 ? '' : 's'} the policy does not name (${beyond.slice(0, 10).join(', ')}${beyond.length > 10 ? ', …' : ''}): the app can change their members too. Move them out of the unit, or add them to the policy.`,
    });
  if (unknownRestriction)
    findings.push({
      severity: 'info',
      message:
        "whether the app's administrative unit is a restricted management unit is not known: AdministrativeUnit.Read.All (read-only) lets doctor read it and the groups it holds.",
    });
  else if (!restricted)
    findings.push({
      severity: 'info',
      message:
        "the app's role is scoped to an administrative unit that is not restricted: tenant administrators can still change these groups out of band (the sweep removes or reports what they add). A restricted management administrative unit stops them too; the restricted setting can only be chosen when the unit is created.",
    });
  return { scope: restricted ? 'restricted-unit' : 'unit', lines: [line], findings };
}

/** Each group whose backend writes members must be reachable by some write path, or every grant to it fails with 403. */
function groupFindings(facts: IdentityFacts, policyGroups: readonly PolicyGroupRef[], writers: WritePaths, scope: Reach['scope']): ReachFinding[] {
  const findings: ReachFinding[] = [];
  const known = facts.roleAssignments !== undefined && facts.permissions !== undefined;
  for (const group of policyGroups) {
    if (!group.writesMembers) continue;
    const units = facts.unitsOfGroup ? (facts.unitsOfGroup.get(group.id.toLowerCase()) ?? []) : undefined;
    const restrictedUnits = (units ?? []).filter((u) => facts.units.get(u)?.restricted === true);
    const byUnit = (units ?? []).some((u) => writers.writableUnits.has(u) && (restrictedUnits.length === 0 || facts.units.get(u)?.restricted === true));
    if (restrictedUnits.length > 0 && !byUnit) {
      findings.push({
        severity: 'error',
        message: `group "${group.name}" is in the restricted management administrative unit "${facts.units.get(restrictedUnits[0]!)?.displayName ?? restrictedUnits[0]}", where application permissions do not apply: every grant and removal will be refused (403). Assign the app Groups Administrator scoped to that unit.`,
      });
    } else if (scope !== 'tenant' && scope !== 'unknown' && units !== undefined && !byUnit && known) {
      findings.push({
        severity: 'error',
        message: `group "${group.name}" is in no administrative unit the app manages, and the app has no tenant-wide permission: every grant and removal will be refused (403). Add the group to the app's administrative unit.`,
      });
    }
  }
  return findings;
}

/** PIM for Groups' permission reaches every onboarded group: needed only where a group's backend writes through PIM. */
function pimFindings(facts: IdentityFacts, policyGroups: readonly PolicyGroupRef[]): { lines: string[]; findings: ReachFinding[] } {
  if (!(facts.permissions ?? []).includes(PIM_WRITE)) return { lines: [], findings: [] };
  const pimGroups = policyGroups.filter((g) => g.permissions.includes(PIM_WRITE));
  const line = `PIM for Groups: ${PIM_WRITE} reaches every group onboarded to PIM${pimGroups.length === 0 ? "; no policy group's backend writes through PIM, so it is not needed" : ''}.`;
  if (pimGroups.length === 0)
    return {
      lines: [line],
      findings: [{ severity: 'warning', message: `the app holds ${PIM_WRITE} but no policy group uses backend: pim. Remove the permission.` }],
    };
  return {
    lines: [line],
    findings: [
      {
        severity: 'info',
        message: `groups with backend: pim need ${PIM_WRITE}, which reaches every group onboarded to PIM for Groups; PIM does not support groups in restricted management administrative units, so those groups cannot be narrowed that way. Onboard to PIM only the groups the policy names.`,
      },
    ],
  };
}

/** Groups with revokeSessions need a permission to revoke sign-in sessions; without one every removal fails the run. */
function sessionFindings(facts: IdentityFacts, policyGroups: readonly PolicyGroupRef[]): ReachFinding[] {
  const groups = policyGroups.filter((g) => g.revokeSessions).map((g) => g.name);
  if (groups.length === 0) {
    return (facts.permissions ?? []).includes(REVOKE_SESSIONS)
      ? [{ severity: 'warning', message: `the app holds ${REVOKE_SESSIONS} but no policy group has revokeSessions: true. Remove the permission.` }]
      : [];
  }
  if (!facts.permissions || facts.permissions.some((p) => REVOKES_SESSIONS.includes(p))) return [];
  return [
    {
      severity: 'error',
      message: `${groups.join(', ')} ${groups.length === 1 ? 'has' : 'have'} revokeSessions: true, but the app cannot revoke sign-in sessions: every removal from ${groups.length === 1 ? 'it' : 'them'} would fail the run. Grant the application permission ${REVOKE_SESSIONS} with admin consent.`,
    },
  ];
}

/** Permissions access-as-code does not use, and ones that reach more than membership. */
function permissionFindings(facts: IdentityFacts, tenantPermissions: readonly string[]): ReachFinding[] {
  const findings: ReachFinding[] = [];
  const extra = (facts.permissions ?? []).filter((p) => !NEEDED.has(p) && !TENANT_WRITE_PERMISSIONS.includes(p));
  if (extra.length > 0)
    findings.push({
      severity: 'warning',
      message: `the app holds application permissions access-as-code does not use: ${extra.sort().join(', ')}. Remove them.`,
    });
  if (tenantPermissions.includes('Directory.ReadWrite.All') || tenantPermissions.includes('Group.ReadWrite.All')) {
    findings.push({
      severity: 'warning',
      message: `${tenantPermissions.filter((p) => p !== 'GroupMember.ReadWrite.All').join(' and ')} can also change or delete the groups themselves (and more); the membership writes need GroupMember.ReadWrite.All at most.`,
    });
  }
  return findings;
}
