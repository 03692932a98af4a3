/**
 * The end-to-end tests' world: the fixture configuration (test/fixtures/config) and a directory with
 * its groups, a few users, and the code-owner teams.
 */
import { AccessWorld, requestYaml, type Pull } from '../../scripts/lib/world.ts';

import { FIXTURES } from './config.ts';

export { requestYaml, iso, TOKEN, type Pull } from '../../scripts/lib/world.ts';

export const GROUPS = {
  'prod-db-admins': '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11',
  'k8s-prod-operators': '8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13',
  'billing-readers': 'c3a9e7d2-5b4f-4e1a-8c6d-9f2b7e1a3c58',
} as const;
export const USERS = {
  octocat: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a01',
  monalisa: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a02',
  hubot: '2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40',
  breakglass: '0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60',
  outsider: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
} as const;

export class Scenario extends AccessWorld {
  static async begin(): Promise<Scenario> {
    const { repo, twin } = await AccessWorld.create(`${FIXTURES}config`, {
      users: Object.entries(USERS).map(([login, id]) => ({ id, userPrincipalName: `${login}@contoso.com` })),
      groups: Object.entries(GROUPS).map(([name, id]) => ({
        id,
        displayName: name,
        isAssignableToRole: false,
      })),
      teams: {
        'acme/sre-leads': ['lead1', 'lead2'],
        'acme/dba-leads': ['dba1', 'octocat'],
        'acme/finops': ['fin1'],
        'acme/sre': ['hubot'],
        'acme/platform-security': ['sec1', 'sec2'],
      },
    });
    return new Scenario(repo, twin);
  }

  /** A membership made earlier (by a past grant, or outside access-as-code). */
  addMember(group: keyof typeof GROUPS, login: keyof typeof USERS): void {
    this.twin.state.groups.get(GROUPS[group])!.members.add(USERS[login]);
  }

  /** A request that was merged with approval earlier; `expiresIn` may be negative (already expired). */
  approvedRequest(
    login: 'octocat' | 'monalisa' | 'hubot',
    group: keyof typeof GROUPS,
    expiresIn: number,
    options: { file?: string; approver?: string; ticket?: string } = {},
  ): { pull: Pull; file: string } {
    const file = options.file ?? `requests/${group}/${login}-${this.nextPull}.yaml`;
    const pull = this.openPull(login, {
      files: { [file]: requestYaml({ requester: login, group, expiresIn, ...(options.ticket ? { ticket: options.ticket } : {}) }) },
    });
    const approvers = options.approver
      ? [options.approver]
      : group === 'k8s-prod-operators'
        ? ['lead1']
        : group === 'billing-readers'
          ? ['fin1']
          : ['dba1', 'monalisa'];
    for (const a of approvers) this.review(pull, a);
    this.merge(pull);
    return { pull, file };
  }

  /** Logins of the members of a group, sorted. */
  members(group: keyof typeof GROUPS): string[] {
    const names = Object.fromEntries(Object.entries(USERS).map(([login, id]) => [id, login]));
    return this.twin
      .members(GROUPS[group])
      .map((id) => names[id] ?? id)
      .sort();
  }
}
