import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  diagnostic
} from "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";

// src/commands/doctor.ts
async function doctor(config, directory) {
  const diagnostics = [];
  const groups = [];
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
  const identities = [];
  for (const [login, ref] of config.identities.users) {
    const user = await directory.resolveUser(ref);
    identities.push({ login, resolved: user !== void 0 });
    if (!user) {
      diagnostics.push(diagnostic(config.identities.file, void 0, `${login} maps to ${"upn" in ref ? ref.upn : ref.id}, which is not a user in Entra. Fix the entry or remove it.`, "warning"));
    }
  }
  return { groups, identities, diagnostics };
}
export {
  doctor
};
