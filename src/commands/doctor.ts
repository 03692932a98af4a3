/**
 * `doctor`: checks that the set-up works end to end before anything depends on it: sign-in, every
 * policy group exists in Entra and is not role-assignable (THREATS.md 8: their members get directory
 * roles, and the app's permission rightly cannot change them), and every identity resolves to a user.
 * It only reads.
 */
import type { AccessConfig } from '../config/config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Directory } from '../entra/directory.ts';

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
  for (const group of config.policy.groups.values()) {
    const at = config.policy.positions.get(group.name);
    const found = await directory.getGroup(group.id);
    if (!found) {
      const problem = `no Entra group has the id ${group.id}. Copy the object id from the group's overview page in the Entra admin center.`;
      groups.push({ name: group.name, id: group.id, problem });
      diagnostics.push(diagnostic(config.policy.file, at, `group "${group.name}": ${problem}`));
      continue;
    }
    if (found.isAssignableToRole) {
      const problem = `"${found.displayName}" is role-assignable: its members receive Entra directory roles. access-as-code does not manage role-assignable groups; use Privileged Identity Management for them and remove this group from the policy.`;
      groups.push({ name: group.name, id: group.id, displayName: found.displayName, problem });
      diagnostics.push(diagnostic(config.policy.file, at, `group "${group.name}": ${problem}`));
      continue;
    }
    const members = await directory.listMembers(group.id);
    groups.push({ name: group.name, id: group.id, displayName: found.displayName, members: members.length });
  }
  const identities: { login: string; resolved: boolean }[] = [];
  for (const [login, ref] of config.identities.users) {
    const user = await directory.resolveUser(ref);
    identities.push({ login, resolved: user !== undefined });
    if (!user) {
      diagnostics.push(diagnostic(config.identities.file, undefined, `${login} maps to ${'upn' in ref ? ref.upn : ref.id}, which is not a user in Entra. Fix the entry or remove it.`, 'warning'));
    }
  }
  return { groups, identities, diagnostics };
}
