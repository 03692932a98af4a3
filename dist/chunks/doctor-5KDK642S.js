import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  unmanageable
} from "./chunk-WJLDL4UE.js";
import {
  diagnostic
} from "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";

// src/commands/doctor.ts
async function doctor(config, directory) {
  const diagnostics = [];
  const groups = [];
  const policyGroups = [...config.policy.groups.values()];
  const found = await directory.getGroups(policyGroups.map((g) => g.id));
  const usable = policyGroups.filter((g) => found.get(g.id) && !unmanageable(found.get(g.id)));
  const members = await directory.listMembersOfGroups(usable.map((g) => g.id));
  for (const group of policyGroups) {
    const at = config.policy.positions.get(group.name);
    const entra = found.get(group.id);
    let problem;
    if (!entra) problem = `no Entra group has the id ${group.id}. Copy the object id from the group's overview page in the Entra admin center.`;
    else problem = unmanageable(entra);
    if (problem) {
      groups.push({ name: group.name, id: group.id, ...entra ? { displayName: entra.displayName } : {}, problem });
      diagnostics.push(diagnostic(config.policy.file, at, `group "${group.name}": ${problem}`));
    } else groups.push({ name: group.name, id: group.id, displayName: entra.displayName, members: members.get(group.id)?.length ?? 0 });
  }
  const identities = [];
  const entries = [...config.identities.users];
  const users = await directory.resolveUsers(entries.map(([, ref]) => ref));
  entries.forEach(([login, ref], i) => {
    identities.push({ login, resolved: users[i] !== void 0 });
    if (!users[i]) {
      diagnostics.push(diagnostic(config.identities.file, void 0, `${login} maps to ${"upn" in ref ? ref.upn : ref.id}, which is not a user in Entra. Fix the entry or remove it.`, "warning"));
    }
  });
  return { groups, identities, diagnostics };
}
export {
  doctor
};
