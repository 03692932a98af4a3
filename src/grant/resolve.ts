/** Shared by grant and revoke: Entra ids for logins and policy groups, looked up once per run. */
import type { AccessConfig } from '../config/config.ts';
import type { Directory } from '../entra/directory.ts';

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

  /** The Entra group of a policy group, or why it cannot be managed. */
  async group(groupName: string): Promise<{ groupId: string } | string> {
    const group = this.config.policy.groups.get(groupName);
    if (!group) return `the group ${groupName} is not in the policy.`;
    let problem = this.groups.get(group.id);
    if (!problem) {
      problem = this.directory.getGroup(group.id).then((g) => {
        if (!g) return `the Entra group ${group.id} for ${groupName} does not exist; fix its id in the policy.`;
        if (g.isAssignableToRole) return `the Entra group for ${groupName} is role-assignable; access-as-code does not manage role-assignable groups.`;
        return undefined;
      });
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
