/**
 * The azure-pim backend: an active assignment of the entry's role at its scope through PIM for Azure
 * resources (Role Assignment Schedule Requests - Create: AdminAssign with the end, AdminUpdate to move
 * it, AdminRemove to end it early), so Azure itself ends the access on time even if no workflow runs
 * again; the sweep still removes drift. PIM's answers are handled as for PIM for Groups: an assignment
 * that exists (RoleAssignmentExists) has its end moved, never taken as done with the old end; one ended
 * within 5 minutes of being made (ActiveDurationTooShort) has its end moved to PIM's floor instead;
 * the role's settings (ExpirationRule, JustificationRule ...) refuse with their names, said as is.
 */
import type { Backend, ChangeOutcome, EntraChange } from './backend.ts';
import { changeFor } from './backend.ts';
import { DirectoryError, pimFloorEnd } from '../entra/directory.ts';
import { azureTarget, azureTargetParts, listAtScope, readyAzure, usersOnly } from './azure-target.ts';
import { pim } from './pim.ts';
import type { AzureRoleWrites } from '../entra/azure-roles.ts';

const KIND = { add: 'azure-pim-assign', update: 'azure-pim-update', remove: 'azure-pim-remove' } as const;

export const azurePim: Backend = {
  name: 'azure-pim',
  target: 'azureRole',
  azureWriter: 'unconditioned',
  ...azureTargetParts,
  ready: (directory, ids) => readyAzure(directory, ids, { pim: true }),
  endsItself: 'Azure (PIM for Azure resources assignment end)',
  verbs: {
    'azure-pim-assign': 'assign (Azure PIM)',
    'azure-pim-update': 'move the Azure PIM assignment end of',
    'azure-pim-remove': 'end the Azure PIM assignment of',
  },
  label: 'Azure PIM',
  title: 'PIM for Azure resources',
  maxDuration: {
    ms: 180 * 24 * 3_600_000,
    text: '180d',
    why: "the 180 days a PIM role setting allows an active assignment when it makes them expire (as a zero-standing-privilege tenant's settings do), so PIM would refuse the grant",
  },
  writesMembers: false,
  permissions: [],
  /** Each active assignment's end at the entries' scopes (Role Assignment Schedule Instances - List For Scope). */
  async readState(directory, ids) {
    const out = new Map<string, Map<string, string | null>>();
    if (!directory.armReadAll) return out;
    const targets = ids.map((id) => azureTarget(id));
    const listed = await listAtScope(
      directory,
      targets.map((t) => t.scope),
      'roleAssignmentScheduleInstances',
      (scope, status, message) => `PIM for Azure resources did not list the assignments at ${scope} (${status}: ${message}); nothing was changed there.`,
    );
    ids.forEach((id, i) => {
      const t = targets[i]!;
      const value = listed.get(t.scope.toLowerCase());
      // An answer that is not a list is no fact: the entry is left alone this run.
      if (!Array.isArray(value)) throw value ?? new DirectoryError(0, `the assignments at ${t.scope} were not read`);
      const ends = new Map<string, string | null>();
      for (const raw of value) {
        const p = (raw as { properties?: { principalId?: unknown; roleDefinitionId?: unknown; scope?: unknown; endDateTime?: unknown } } | null)?.properties;
        if (typeof p?.principalId !== 'string' || typeof p.roleDefinitionId !== 'string' || typeof p.scope !== 'string') continue;
        if (!p.roleDefinitionId.toLowerCase().endsWith(t.roleId) || p.scope.toLowerCase() !== t.scope.toLowerCase()) continue;
        ends.set(p.principalId.toLowerCase(), typeof p.endDateTime === 'string' ? p.endDateTime : null);
      }
      out.set(id.toLowerCase(), ends);
    });
    return out;
  },
  shape: (dispositions, state, endOf, moveExisting) => usersOnly(pim.shape!(dispositions, state, endOf, moveExisting)),
  change(group, d) {
    if (d.action !== 'add' && d.action !== 'remove' && d.action !== 'update') return undefined;
    return changeFor('azure-pim', KIND[d.action], group, d, {
      ...(d.end ? { end: d.end } : {}),
      justification: d.justification ?? `access-as-code: ${d.reason}`,
    });
  },
  async apply(directory, changes) {
    const writer = directory.azureRoleWrites ? await directory.azureRoleWrites() : undefined;
    if (!writer)
      return changes.map((c) => ({ id: c.id, result: 'failed' as const, detail: 'no Azure Resource Manager endpoint is configured (arm-endpoint)' }));
    const out: ChangeOutcome[] = [];
    for (const c of changes) out.push(await applyOne(writer, c));
    return out;
  },
};

async function applyOne(writer: AzureRoleWrites, c: EntraChange): Promise<ChangeOutcome> {
  const { scope, roleId } = azureTarget(c.groupId);
  const base = { scope, roleId, principalId: c.member, justification: c.justification ?? `access-as-code: ${c.reason}` };
  if (c.kind === 'azure-pim-remove') {
    const a = await writer.pim({ ...base, requestType: 'AdminRemove' });
    if (a.result !== 'failed') return { id: c.id, result: 'made' };
    if (a.code === 'RoleAssignmentDoesNotExist') return { id: c.id, result: 'already' };
    if (a.code !== 'ActiveDurationTooShort') return { id: c.id, result: 'failed', detail: `PIM did not end the assignment: ${a.detail}` };
    // Not removed yet: its end is moved to PIM's floor, when Azure ends it; said in the run, not hidden.
    const endsAt = pimFloorEnd();
    const moved = await writer.pim({ ...base, requestType: 'AdminUpdate', end: endsAt });
    return moved.result === 'failed'
      ? {
          id: c.id,
          result: 'failed',
          detail: `PIM refused to end the assignment within 5 minutes of making it, and to move its end: ${moved.detail}. The next run tries again.`,
        }
      : {
          id: c.id,
          result: 'deferred',
          endsAt,
          detail: `PIM refuses to end an assignment within 5 minutes of making it, so its end was moved to ${endsAt}, when Azure ends it; until then the access stays.`,
        };
  }
  const a = await writer.pim({ ...base, requestType: c.kind === 'azure-pim-assign' ? 'AdminAssign' : 'AdminUpdate', ...(c.end ? { end: c.end } : {}) });
  if (a.result !== 'failed') return { id: c.id, result: 'made' };
  if (c.kind === 'azure-pim-assign' && a.code === 'RoleAssignmentExists' && c.end) {
    // Already assigned (a run killed after the write, or a person): its end is moved, never kept as it was.
    const moved = await writer.pim({ ...base, requestType: 'AdminUpdate', end: c.end });
    return moved.result === 'failed'
      ? { id: c.id, result: 'failed', detail: `PIM did not move the end of the assignment in force: ${moved.detail}` }
      : { id: c.id, result: 'already', detail: 'already assigned; its end was moved to the wanted one' };
  }
  return { id: c.id, result: 'failed', detail: `PIM did not make the assignment: ${a.detail}` };
}
