/**
 * Reads what doctor needs to judge the automation identity's reach (reach.ts): who signed in and its
 * application permissions (the access token's claims), its directory role assignments with their
 * scopes, the administrative units of the policy's groups, and the groups of the units the app is
 * scoped to. Every read beyond the token is optional: a 403 means "not known", with the read-only
 * permission that would show it, never a failure of doctor.
 */
import type { IdentityFacts, RoleAssignment, UnitFacts } from './reach.ts';
import type { GraphGet } from './pages.ts';

export interface RawAnswer {
  status: number;
  body?: unknown;
  message: string;
}

export interface GraphReader {
  /** Many GETs at once (batched); each answered on its own, a listing with all its pages (pages.ts). */
  readAll(requests: readonly GraphGet[]): Promise<RawAnswer[]>;
  /** The access token the reads are made with. */
  accessToken(): Promise<string>;
}

/**
 * The claims of the access token, or undefined when it is not a readable JWT. Microsoft reserves the
 * right to change the format of tokens for its own APIs, so this is only used to describe the
 * identity (the roles claim lists the app's application permissions; idtyp says app or user), never
 * to decide anything.
 */
export function tokenClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A read Graph answered with success (narrowed to an answer that has its body; a failed one stays a RawAnswer). */
export const answered = (a: RawAnswer | undefined): a is RawAnswer & { body: unknown } => a !== undefined && a.status >= 200 && a.status < 300;

/** The objects of a listing's `value` (anything else in it left out). */
export const listed = (a: RawAnswer): Record<string, unknown>[] =>
  ((a.body as { value?: unknown } | undefined)?.value as Record<string, unknown>[] | undefined)?.filter((v) => v && typeof v === 'object') ?? [];

/**
 * Graph's error code for data the tenant's licence does not include: sign-in logs and a user's
 * signInActivity need Microsoft Entra ID P1 or P2 (signin-list, user resource signInActivity; Graph
 * "Known issues": license check errors for Microsoft Entra activity reports). It comes as a 403 like a
 * missing permission, which no permission can fix.
 */
export const NO_PREMIUM_LICENCE = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

/** Graph's error code of a failed answer ({ error: { code } }), or ''. */
export const errorCode = (a: RawAnswer): string => {
  const code = (a.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : '';
};

/**
 * What could not be read, and why, told by Graph's error code: a licence the tenant lacks, the read-only
 * permission the app lacks, or what Graph answered.
 */
export const unreadable = (what: string, a: RawAnswer, permission: string): string =>
  errorCode(a) === NO_PREMIUM_LICENCE
    ? `${what}: not available in this tenant (it needs a Microsoft Entra ID P1 or P2 licence; the app's permission ${permission} is not what is missing)`
    : a.status === 403
      ? `${what}: not readable (needs ${permission}, read-only)`
      : `${what}: Graph answered ${a.status}: ${a.message}`;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export async function readIdentity(graph: GraphReader, policyGroupIds: readonly string[]): Promise<IdentityFacts> {
  const claims = tokenClaims(await graph.accessToken());
  const kind = identityKind(claims);
  const principalId = typeof claims?.oid === 'string' ? claims.oid.toLowerCase() : undefined;
  const facts: IdentityFacts = {
    kind,
    units: new Map(),
    ...(principalId ? { principalId } : {}),
    ...(kind === 'app' ? { permissions: strings(claims?.roles) } : {}),
  };

  // Role assignments of this principal and the units each policy group is in, in one batch.
  const requests = [
    ...(principalId
      ? [{ url: `/roleManagement/directory/roleAssignments?$filter=principalId%20eq%20'${principalId}'&$select=roleDefinitionId,directoryScopeId` }]
      : []),
    ...policyGroupIds.map((id) => ({
      url: `/groups/${encodeURIComponent(id)}/memberOf/microsoft.graph.administrativeUnit?$select=id,displayName,isMemberManagementRestricted&$count=true`,
      headers: { ConsistencyLevel: 'eventual' },
    })),
  ];
  const answers = await graph.readAll(requests);
  if (principalId) readRoleAssignments(facts, answers.shift()!);
  else facts.roleAssignmentsUnreadable = 'the access token names no principal';
  readUnitsOfGroups(facts, policyGroupIds, answers);
  await readScopedUnits(graph, facts);
  const writesTenantWide =
    (facts.permissions ?? []).some((p) => ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'].includes(p)) ||
    (facts.roleAssignments ?? []).some((r: RoleAssignment) => r.directoryScopeId === '/');
  if (writesTenantWide) {
    const [count] = await graph.readAll([{ url: '/groups?$count=true&$top=1&$select=id', headers: { ConsistencyLevel: 'eventual' }, onePage: true }]);
    const n = answered(count) ? (count!.body as { '@odata.count'?: unknown })['@odata.count'] : undefined;
    if (typeof n === 'number') facts.tenantGroups = n;
  }
  return facts;
}

/** An app (application permissions, `roles`), a person (delegated, `scp`), or unknown. */
function identityKind(claims: Record<string, unknown> | undefined): IdentityFacts['kind'] {
  if (claims?.idtyp === 'app' || (!claims?.scp && claims?.roles)) return 'app';
  return claims?.idtyp === 'user' || claims?.scp ? 'user' : 'unknown';
}

function readRoleAssignments(facts: IdentityFacts, a: RawAnswer): void {
  if (!answered(a)) {
    facts.roleAssignmentsUnreadable =
      a.status === 403 ? 'reading them needs RoleManagement.Read.Directory, read-only and optional' : `Graph answered ${a.status}: ${a.message}`;
    return;
  }
  const value = ((a.body as { value?: unknown }).value ?? []) as { roleDefinitionId?: unknown; directoryScopeId?: unknown }[];
  facts.roleAssignments = value
    .filter((r) => typeof r.roleDefinitionId === 'string' && typeof r.directoryScopeId === 'string')
    .map((r) => ({ roleDefinitionId: String(r.roleDefinitionId).toLowerCase(), directoryScopeId: String(r.directoryScopeId) }));
}

/** The administrative units each policy group is in (not known when any group's could not be read). */
function readUnitsOfGroups(facts: IdentityFacts, policyGroupIds: readonly string[], answers: readonly RawAnswer[]): void {
  const unitsOfGroup = new Map<string, string[]>();
  let groupsReadable = true;
  policyGroupIds.forEach((id, i) => {
    const a = answers[i]!;
    if (!answered(a)) {
      if (a.status !== 404) groupsReadable = false;
      return;
    }
    const value = ((a.body as { value?: unknown }).value ?? []) as { id?: unknown; displayName?: unknown; isMemberManagementRestricted?: unknown }[];
    const ids: string[] = [];
    for (const u of value) {
      if (typeof u.id !== 'string') continue;
      const unitId = u.id.toLowerCase();
      ids.push(unitId);
      // Without a permission to read units Graph names them by id only, with null properties.
      if (!facts.units.has(unitId))
        facts.units.set(unitId, {
          id: unitId,
          displayName: typeof u.displayName === 'string' ? u.displayName : unitId,
          ...(typeof u.isMemberManagementRestricted === 'boolean' ? { restricted: u.isMemberManagementRestricted } : {}),
        });
    }
    unitsOfGroup.set(id.toLowerCase(), ids);
  });
  if (groupsReadable) facts.unitsOfGroup = unitsOfGroup;
}

/** The groups of each unit the app holds a role in: what it reaches beyond the policy. */
async function readScopedUnits(graph: GraphReader, facts: IdentityFacts): Promise<void> {
  const scoped = [
    ...new Set(
      (facts.roleAssignments ?? [])
        .map((r) => /^\/administrativeUnits\/([0-9a-fA-F-]{36})$/.exec(r.directoryScopeId)?.[1]?.toLowerCase())
        .filter((u): u is string => u !== undefined),
    ),
  ];
  if (scoped.length === 0) return;
  const unitAnswers = await graph.readAll(
    scoped.flatMap((u) => [
      { url: `/directory/administrativeUnits/${u}?$select=id,displayName,isMemberManagementRestricted` },
      { url: `/directory/administrativeUnits/${u}/members/microsoft.graph.group?$select=id&$top=999&$count=true`, headers: { ConsistencyLevel: 'eventual' } },
    ]),
  );
  scoped.forEach((u, i) => {
    const detail = unitAnswers[2 * i]!;
    const members = unitAnswers[2 * i + 1]!;
    const known: UnitFacts = facts.units.get(u) ?? { id: u, displayName: u };
    if (answered(detail)) {
      const d = detail.body as { displayName?: unknown; isMemberManagementRestricted?: unknown };
      if (typeof d.displayName === 'string') known.displayName = d.displayName;
      known.restricted = d.isMemberManagementRestricted === true;
    }
    // More than 999 groups in one unit is far beyond a policy; the count says how many.
    if (answered(members)) {
      const body = members.body as { value?: { id?: unknown }[]; '@odata.count'?: unknown };
      known.groupIds = (body.value ?? []).map((g) => String(g.id ?? '').toLowerCase()).filter((g) => g !== '');
    }
    facts.units.set(u, known);
  });
}
