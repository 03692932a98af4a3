import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  unmanageable
} from "./chunk-MVHJ5TNF.js";

// src/grant/resolve.ts
var UserResolver = class {
  users = /* @__PURE__ */ new Map();
  groups = /* @__PURE__ */ new Map();
  config;
  directory;
  constructor(config, directory) {
    this.config = config;
    this.directory = directory;
  }
  /** Looks up many policy groups in a few batched calls (the sweep and the report need all of them). */
  async prefetchGroups(names) {
    const groups = names.map((n) => this.config.policy.groups.get(n)).filter((g) => g !== void 0 && !this.groups.has(g.id));
    if (groups.length === 0) return;
    const found = this.directory.getGroups(groups.map((g) => g.id));
    for (const g of groups) {
      this.groups.set(
        g.id,
        found.then((map) => groupProblem(g.name, g.id, map.get(g.id)))
      );
    }
    await found;
  }
  /** Looks up many logins' Entra users in a few batched calls. */
  async prefetchUsers(logins) {
    const wanted = [...new Set(logins.map((l) => l.toLowerCase()))].filter((l) => !this.users.has(l) && this.config.identities.users.has(l));
    if (wanted.length === 0) return;
    const found = this.directory.resolveUsers(wanted.map((l) => this.config.identities.users.get(l)));
    wanted.forEach((login, i) => this.users.set(login, found.then((list) => list[i]?.id)));
    await found;
  }
  /** The Entra group of a policy group, or why it cannot be managed. */
  async group(groupName) {
    const group = this.config.policy.groups.get(groupName);
    if (!group) return `the group ${groupName} is not in the policy.`;
    let problem = this.groups.get(group.id);
    if (!problem) {
      problem = this.directory.getGroup(group.id).then((g) => groupProblem(groupName, group.id, g));
      this.groups.set(group.id, problem);
    }
    const found = await problem;
    return found ?? { groupId: group.id };
  }
  /** The Entra ids, or why they cannot be used. */
  async groupAndUser(groupName, login) {
    const group = await this.group(groupName);
    if (typeof group === "string") return group;
    const key = login.toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      const ref = this.config.identities.users.get(key);
      user = ref ? this.directory.resolveUser(ref).then((u) => u?.id) : Promise.resolve(void 0);
      this.users.set(key, user);
    }
    const userId = await user;
    if (!userId) {
      return this.config.identities.users.has(key) ? `${login}'s entry in ${this.config.identities.file} names no Entra user that exists.` : `${login} has no Entra identity in ${this.config.identities.file}.`;
    }
    return { groupId: group.groupId, userId };
  }
};
function groupProblem(name, id, entra) {
  if (!entra) return `the Entra group ${id} for ${name} does not exist; fix its id in the policy.`;
  const why = unmanageable(entra);
  return why ? `the Entra group for ${name} cannot be managed: ${why}` : void 0;
}

export {
  UserResolver
};
