/**
 * Graph paths for membership. Removal is always `/groups/{id}/members/{id}/$ref`: that deletes the
 * membership reference. Without `/$ref` the path names the member object itself (docs/threat-model.md 22), so
 * the builders validate both ids as GUIDs and are the only place these paths are made.
 */
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function assertObjectId(kind: string, id: string): string {
  if (!GUID.test(id)) throw new Error(`${kind} id ${JSON.stringify(id)} is not an Entra object id (a GUID)`);
  return id.toLowerCase();
}

export function membersPath(groupId: string): string {
  return `/groups/${assertObjectId('group', groupId)}/members`;
}

/** POST here with { "@odata.id": directoryObjectUri(...) } to add a member. */
export function addMemberPath(groupId: string): string {
  return `${membersPath(groupId)}/$ref`;
}

/** DELETE here to remove a member: the reference, never the object. */
export function removeMemberPath(groupId: string, memberId: string): string {
  return `${membersPath(groupId)}/${assertObjectId('member', memberId)}/$ref`;
}

export function directoryObjectUri(graphEndpoint: string, memberId: string): string {
  return `${graphEndpoint}/v1.0/directoryObjects/${assertObjectId('member', memberId)}`;
}

export function groupPath(groupId: string): string {
  return `/groups/${assertObjectId('group', groupId)}`;
}

/**
 * Groups by id, at most GROUPS_PER_FILTER of them: `$filter=id in (...)` on the group listing, which
 * GroupMember.Read.All may read. Graph limits an `in` clause to 15 values by default (the $filter
 * query parameter page); a group that does not exist is simply absent from the answer.
 */
export const GROUPS_PER_FILTER = 15;
export function groupsByIdPath(groupIds: readonly string[], select: string): string {
  if (groupIds.length === 0 || groupIds.length > GROUPS_PER_FILTER) throw new Error(`between 1 and ${GROUPS_PER_FILTER} group ids, not ${groupIds.length}`);
  const list = groupIds.map((id) => `'${assertObjectId('group', id)}'`).join(',');
  return `/groups?$filter=${encodeURIComponent(`id in (${list})`)}&$select=${select}`;
}

/**
 * A user by object id or user principal name (UPNs may contain characters that need encoding). A UPN
 * that starts with "$" is written /users('$x@contoso.com'), as the user-get reference page says:
 * after a slash Graph would read it as a query option and answer 400.
 */
export function userPath(idOrUpn: string): string {
  if (idOrUpn.startsWith('$')) return `/users('${encodeURIComponent(idOrUpn.replace(/'/g, "''"))}')`;
  return `/users/${encodeURIComponent(idOrUpn)}`;
}

/** Service principals in a group: v1.0's plain member listing leaves them out (group-list-members, known issue). */
export function servicePrincipalMembersPath(groupId: string): string {
  return `${membersPath(groupId)}/microsoft.graph.servicePrincipal`;
}

/** PIM for Groups: assignment schedule requests (create: adminAssign, adminUpdate, adminRemove). */
export const PIM_REQUESTS_PATH = '/identityGovernance/privilegedAccess/group/assignmentScheduleRequests';

/** PIM for Groups: the assignment instances in force for one group (the $filter is required). */
export function pimInstancesPath(groupId: string): string {
  return `/identityGovernance/privilegedAccess/group/assignmentScheduleInstances?$filter=${encodeURIComponent(`groupId eq '${assertObjectId('group', groupId)}'`)}`;
}
