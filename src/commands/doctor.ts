/**
 * `doctor`: checks that the set-up works end to end before anything depends on it: sign-in, every
 * policy group exists in Entra and its membership can be managed (not role-assignable, THREATS.md 8;
 * not dynamic, synced from on-premises or mail-enabled, THREATS.md 39), and every identity resolves to a user.
 * It only reads.
 */
import type { AccessConfig } from '../config/config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { unmanageable, type Directory } from '../entra/directory.ts';

export interface GroupCheck {
  name: string;
  id: string;
  displayName?: string;
  members?: number;
  problem?: string;
}

export interface DoctorReport {
  groups: GroupCheck[];
  identities: { login: string; resolved: boolean }[];
  diagnostics: Diagnostic[];
}

export async function doctor(config: AccessConfig, directory: Directory): Promise<DoctorReport> {
  const diagnostics: Diagnostic[] = [];
  const groups: GroupCheck[] = [];
  // Everything in a few batched calls: the same lookups the sweep makes.
  const policyGroups = [...config.policy.groups.values()];
  const found = await directory.getGroups(policyGroups.map((g) => g.id));
  const usable = policyGroups.filter((g) => found.get(g.id) && !unmanageable(found.get(g.id)!));
  const members = await directory.listMembersOfGroups(usable.map((g) => g.id));
  for (const group of policyGroups) {
    const at = config.policy.positions.get(group.name);
    const entra = found.get(group.id);
    let problem: string | undefined;
    if (!entra) problem = `no Entra group has the id ${group.id}. Copy the object id from the group's overview page in the Entra admin center.`;
    else problem = unmanageable(entra);
    if (problem) {
      groups.push({ name: group.name, id: group.id, ...(entra ? { displayName: entra.displayName } : {}), problem });
      diagnostics.push(diagnostic(config.policy.file, at, `group "${group.name}": ${problem}`));
    } else groups.push({ name: group.name, id: group.id, displayName: entra!.displayName, members: members.get(group.id)?.length ?? 0 });
  }
  const identities: { login: string; resolved: boolean }[] = [];
  const entries = [...config.identities.users];
  const users = await directory.resolveUsers(entries.map(([, ref]) => ref));
  entries.forEach(([login, ref], i) => {
    identities.push({ login, resolved: users[i] !== undefined });
    if (!users[i]) {
      diagnostics.push(diagnostic(config.identities.file, undefined, `${login} maps to ${'upn' in ref ? ref.upn : ref.id}, which is not a user in Entra. Fix the entry or remove it.`, 'warning'));
    }
  });
  return { groups, identities, diagnostics };
}
