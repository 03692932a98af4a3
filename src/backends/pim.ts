/**
 * The pim backend: a PIM for Groups active member assignment with an end while access is held
 * (privilegedaccessgroup-post-assignmentschedulerequests); Entra ends it at that end by itself. Every
 * member of a pim group is an assignment (a direct member as a permanent one), so a removal ends it.
 */
import type { Backend, EntraChange, Planned } from './backend.ts';
import { changeFor } from './backend.ts';
import { entraGroup } from './entra-group.ts';

/** An end this close to the desired one is the same end (PIM rounds, clocks differ). */
const PIM_END_SLACK_MS = 60_000;

const KIND = { add: 'pim-assign', update: 'pim-update', remove: 'pim-remove' } as const;
const ACTION = { 'pim-assign': 'adminAssign', 'pim-update': 'adminUpdate', 'pim-remove': 'adminRemove' } as const;

/** PIM for Groups' write permission (privilegedaccessgroup-post-assignmentschedulerequests). */
export const PIM_WRITE = 'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup';

export const pim: Backend = {
  name: 'pim',
  target: 'group',
  ...entraGroup,
  endsItself: 'Entra (PIM for Groups assignment end)',
  verbs: { 'pim-assign': 'assign (PIM)', 'pim-update': 'move the PIM assignment end of', 'pim-remove': 'end the PIM assignment of' },
  label: 'PIM',
  title: 'PIM for Groups',
  // The default PIM for Groups policy allows no permanent active assignment and at most 180 days.
  maxDuration: {
    ms: 180 * 24 * 3_600_000,
    text: '180d',
    why: 'the 180 days PIM for Groups allows an active assignment by default, so PIM would refuse the grant',
  },
  writesMembers: false,
  permissions: [PIM_WRITE],
  // Reading the assignments proves PIM's permission (and reads only).
  ready: async (directory, groupIds) => {
    await directory.listPimAssignments(groupIds);
  },
  readState: async (directory, groupIds) => {
    const assignments = await directory.listPimAssignments(groupIds);
    return new Map(groupIds.map((id) => [id.toLowerCase(), new Map((assignments.get(id.toLowerCase()) ?? []).map((a) => [a.principalId, a.end]))]));
  },
  /**
   * Each active member's assignment ends with the last of their approved requests and break-glass
   * grants: added with that end, or moved to it (an extension, or an earlier end when a longer request
   * was deleted) when the assignment in force ends elsewhere or never. Before verification only adds
   * get their end; moving ends waits for verified requests, so an end is never shortened and then
   * moved back.
   */
  shape(dispositions, state, endOf, moveExisting) {
    return dispositions.map((d): Planned => {
      if (d.reason !== 'active' || (d.action !== 'add' && (d.action !== 'keep' || !moveExisting))) return d;
      const wanted = endOf(d.id);
      if (!wanted) return d;
      const current = state?.get(d.id);
      const moved = d.action === 'keep' && (current === undefined || current === null || Math.abs(Date.parse(current) - wanted.end) > PIM_END_SLACK_MS);
      return { ...d, action: moved ? 'update' : d.action, end: new Date(wanted.end).toISOString(), justification: wanted.justification };
    });
  },
  change(group, d) {
    if (d.action !== 'add' && d.action !== 'remove' && d.action !== 'update') return undefined;
    const kind: EntraChange['kind'] = KIND[d.action];
    return changeFor('pim', kind, group, d, { ...(d.end ? { end: d.end } : {}), justification: d.justification ?? `access-as-code: ${d.reason}` });
  },
  async apply(directory, changes) {
    const answers = await directory.applyPim(
      changes.map((c) => ({
        action: ACTION[c.kind as keyof typeof ACTION],
        groupId: c.groupId,
        principalId: c.member,
        ...(c.end ? { end: c.end } : {}),
        justification: c.justification ?? `access-as-code: ${c.reason}`,
      })),
    );
    return answers.map((o, i) => {
      const c = changes[i]!;
      if (o.result === 'failed')
        return { id: c.id, result: 'failed' as const, detail: `PIM did not ${c.kind === 'pim-remove' ? 'end' : 'make'} the assignment: ${o.detail}` };
      // Not removed yet: PIM ends it at endsAt (its 5-minute floor); said in the run, not hidden.
      if (o.result === 'deferred') return { id: c.id, result: 'deferred' as const, detail: o.detail, ...(o.endsAt ? { endsAt: o.endsAt } : {}) };
      return { id: c.id, result: o.result, ...(o.result === 'already' && c.kind === 'pim-assign' ? { detail: o.detail } : {}) };
    });
  },
};
