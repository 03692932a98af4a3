/** Shared by grant and revoke: Entra ids for logins and policy groups, looked up once per run. */
import type { AccessConfig } from '../config/config.ts';
import { unmanageable, type Directory, type DirectoryGroup } from '../entra/directory.ts';

/** Logins to Entra users and policy groups to Entra groups, each looked up once per run. */
export class UserResolver {
  private readonly users = new Map<string, Promise<string | undefined>>();
  private readonly groups = new Map<string, Promise<string | undefined>>();
  private readonly config: AccessConfig;
  private readonly directory: Directory;
  constructor(config: AccessConfig, directory: Directory) {
    this.config = config;
    this.directory = directory;
  }

  /** Looks up many policy groups in a few batched calls (the sweep and the report need all of them). */
  async prefetchGroups(names: readonly string[]): Promise<void> {
    const groups = names.map((n) => this.config.policy.groups.get(n)).filter((g) => g !== undefined && !this.groups.has(g.id));
    if (groups.length === 0) return;
    const found = this.directory.getGroups(groups.map((g) => g!.id));
    for (const g of groups) this.groups.set(g!.id, settled(found.then((map) => groupProblem(g!.name, g!.id, map.get(g!.id)))));
    await found;
  }

  /**
   * Users Graph has just listed as members of a policy group exist: a login whose identity names one
   * of them by id needs no look-up (a steady sweep then looks up only requesters who are not members).
   */
  knownToExist(memberIds: Iterable<string>): void {
    const ids = new Set([...memberIds].map((id) => id.toLowerCase()));
    for (const [login, ref] of this.config.identities.users) {
      if ('id' in ref && ids.has(ref.id.toLowerCase()) && !this.users.has(login)) this.users.set(login, Promise.resolve(ref.id.toLowerCase()));
    }
  }

  /** Looks up many logins' Entra users in a few batched calls. */
  async prefetchUsers(logins: readonly string[]): Promise<void> {
    const wanted = [...new Set(logins.map((l) => l.toLowerCase()))].filter((l) => !this.users.has(l) && this.config.identities.users.has(l));
    if (wanted.length === 0) return;
    const found = this.directory.resolveUsers(wanted.map((l) => this.config.identities.users.get(l)!));
    wanted.forEach((login, i) => this.users.set(login, settled(found.then((list) => list[i]?.id))));
    await found;
  }

  /** The Entra group of a policy group, or why it cannot be managed. */
  async group(groupName: string): Promise<{ groupId: string } | string> {
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
  async groupAndUser(groupName: string, login: string): Promise<{ groupId: string; userId: string } | string> {
    const group = await this.group(groupName);
    if (typeof group === 'string') return group;
    const key = login.toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      const ref = this.config.identities.users.get(key);
      user = ref ? this.directory.resolveUser(ref).then((u) => u?.id) : Promise.resolve(undefined);
      this.users.set(key, user);
    }
    const userId = await user;
    if (!userId) {
      return this.config.identities.users.has(key)
        ? `${login}'s entry in ${this.config.identities.file} names no Entra user that exists.`
        : `${login} has no Entra identity in ${this.config.identities.file}.`;
    }
    return { groupId: group.groupId, userId };
  }
}

/** Why a policy group's Entra group cannot be managed, or undefined when it can. */
function groupProblem(name: string, id: string, entra: DirectoryGroup | undefined): string | undefined {
  if (!entra) return `the Entra group ${id} for ${name} does not exist; fix its id in the policy.`;
  const why = unmanageable(entra);
  return why ? `the Entra group for ${name} cannot be managed: ${why}` : undefined;
}

/**
 * A promise kept for later look-ups: its failure is thrown to whoever awaits it, and is not also an
 * unhandled rejection when nobody does (a Graph outage must end the run with its message, not a crash).
 */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
