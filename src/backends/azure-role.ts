/**
 * The azure-role backend: an Azure role assignment of the entry's role at its scope while access is
 * held (Role Assignments - Create), deleted by the run after the end (Role Assignments - Delete); the
 * sweep removes what ended and, in enforce mode, assignments of the role at the scope that nobody
 * requested. The app holds Role Based Access Control Administrator with a delegation condition that
 * limits it to the policy's roles and to users (docs/setup.md), so ARM refuses anything else (403).
 */
import type { Backend, ChangeOutcome, EntraChange } from './backend.ts';
import { changeFor } from './backend.ts';
import { assignmentsAt, azureTarget, azureTargetParts, heldAt, usersOnly } from './azure-target.ts';

export const azureRole: Backend = {
  name: 'azure-role',
  target: 'azureRole',
  azureWriter: 'delegated',
  ...azureTargetParts,
  verbs: { 'azure-assign': 'assign the Azure role to', 'azure-remove': 'remove the Azure role assignment of' },
  label: 'Azure role',
  title: 'Azure role assignment',
  writesMembers: false,
  permissions: [],
  shape: (dispositions) => usersOnly(dispositions),
  change(group, d) {
    if (d.action !== 'add' && d.action !== 'remove') return undefined;
    return changeFor('azure-role', d.action === 'add' ? 'azure-assign' : 'azure-remove', group, d);
  },
  async apply(directory, changes) {
    const writer = directory.azureRoleWrites ? await directory.azureRoleWrites() : undefined;
    if (!writer)
      return changes.map((c) => ({ id: c.id, result: 'failed' as const, detail: 'no Azure Resource Manager endpoint is configured (arm-endpoint)' }));
    // A removal deletes every assignment of the role to the user made at the scope, as listed now (a
    // run killed before, or a person, may have removed some already): one listing per scope.
    const removals = changes.filter((c) => c.kind === 'azure-remove');
    const listed =
      removals.length > 0
        ? await assignmentsAt(
            directory,
            removals.map((c) => azureTarget(c.groupId).scope),
          )
        : new Map();
    const out: ChangeOutcome[] = [];
    for (const c of changes) {
      const { scope, roleId } = azureTarget(c.groupId);
      if (c.kind === 'azure-assign') {
        const a = await writer.assign(scope, roleId, c.member, `access-as-code: ${c.sources.join('; ')}`);
        out.push(outcome(c, a.result, `Azure did not assign the role: ${a.detail}`));
        continue;
      }
      const all = listed.get(scope.toLowerCase());
      if (!Array.isArray(all)) {
        out.push({ id: c.id, result: 'failed', detail: all?.message ?? 'the assignments at the scope could not be read' });
        continue;
      }
      const mine = heldAt(all, scope, roleId).filter((a) => a.principalId === c.member);
      const answers = await Promise.all(mine.map((a) => writer.remove(a.scope, a.name)));
      const failed = answers.find((a) => a.result === 'failed');
      out.push(
        failed
          ? { id: c.id, result: 'failed', detail: `Azure did not remove the role assignment: ${failed.detail}` }
          : { id: c.id, result: answers.some((a) => a.result === 'made') ? 'made' : 'already' },
      );
    }
    return out;
  },
};

function outcome(c: EntraChange, result: ChangeOutcome['result'], failure: string): ChangeOutcome {
  return result === 'failed' ? { id: c.id, result, detail: failure } : { id: c.id, result };
}
