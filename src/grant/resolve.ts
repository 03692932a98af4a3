/** Shared by grant and revoke: Entra ids for logins and policy groups, looked up once per run. */
import type { AccessConfig } from '../config/config.ts';
import type { Directory } from '../entra/directory.ts';
import { BACKENDS } from '../backends/index.ts';

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

  /** Looks up many policy entries in a few batched calls, each backend its own (the sweep and the report need all of them). */
  async prefetchGroups(names: readonly string[]): Promise<void> {
    const entries = names.map((n) => this.config.policy.groups.get(n)).filter((g) => g !== undefined && !this.groups.has(g.id));
    if (entries.length === 0) return;
    const reads: Promise<unknown>[] = [];
    for (const backend of Object.values(BACKENDS)) {
      const mine = entries.filter((g) => g!.backend === backend.name).map((g) => ({ name: g!.name, id: g!.id }));
      if (mine.length === 0) continue;
      const found = backend.checkTargets(this.directory, mine);
      for (const e of mine) this.groups.set(e.id, settled(found.then((map) => map.get(e.id.toLowerCase()))));
      reads.push(found);
    }
    await Promise.all(reads);
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
      problem = BACKENDS[group.backend].checkTargets(this.directory, [{ name: group.name, id: group.id }]).then((map) => map.get(group.id.toLowerCase()));
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

/**
 * A promise kept for later look-ups: its failure is thrown to whoever awaits it, and is not also an
 * unhandled rejection when nobody does (a Graph outage must end the run with its message, not a crash).
 */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
