/** The membership backend: a direct member of the Entra group while access is held (group-post-members, group-delete-members). */
import type { Backend, EntraChange } from './backend.ts';
import { changeFor } from './backend.ts';
import { entraGroup } from './entra-group.ts';

export const membership: Backend = {
  name: 'membership',
  target: 'group',
  ...entraGroup,
  verbs: { 'add-member': 'add', 'remove-member': 'remove' },
  title: 'group membership',
  writesMembers: true,
  permissions: [],
  change(group, d) {
    if (d.action !== 'add' && d.action !== 'remove') return undefined;
    const kind: EntraChange['kind'] = d.action === 'add' ? 'add-member' : 'remove-member';
    return changeFor('membership', kind, group, d);
  },
  async apply(directory, changes) {
    const answers = await directory.apply(
      changes.map((c) => ({ op: c.kind === 'add-member' ? ('add' as const) : ('remove' as const), groupId: c.groupId, memberId: c.member })),
    );
    return answers.map((o, i) => {
      const c = changes[i]!;
      return o.result === 'failed'
        ? { id: c.id, result: 'failed' as const, detail: `Microsoft Graph did not ${c.kind === 'add-member' ? 'add' : 'remove'} it: ${o.detail}` }
        : { id: c.id, result: o.result };
    });
  },
};
