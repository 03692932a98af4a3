/**
 * What the backends whose entries are Entra groups (membership, pim) share: the group must exist and
 * be one Graph lets anyone change, its holders are its members, and after a removal the other paths
 * to the group (a nested group, a PIM for Groups eligibility) are checked (invariant 20).
 */
import { DirectoryError, unmanageable, type Directory, type DirectoryGroup } from '../entra/directory.ts';
import type { Backend, CheckOutcome, EntraCheck } from './backend.ts';

export const entraGroup: Pick<Backend, 'checkTargets' | 'readHolders' | 'check'> = {
  async checkTargets(directory, entries) {
    const found = await directory.getGroups(entries.map((e) => e.id));
    return new Map(entries.map((e) => [e.id.toLowerCase(), groupProblem(e.name, e.id, found.get(e.id))]));
  },
  readHolders: (directory, entries) => directory.listMembersOfEachGroup(entries.map((e) => e.id)),
  async check(directory, checks) {
    return [
      ...(await verifyRemovals(
        directory,
        checks.filter((c) => c.kind === 'verify-removal'),
      )),
      ...(await confirmAdds(
        directory,
        checks.filter((c) => c.kind === 'confirm-add'),
      )),
    ];
  },
};

/** Why a policy group's Entra group cannot be managed, or undefined when it can. */
export function groupProblem(name: string, id: string, entra: DirectoryGroup | undefined): string | undefined {
  if (!entra) return `the Entra group ${id} for ${name} does not exist; fix its id in the policy.`;
  const why = unmanageable(entra);
  return why ? `the Entra group for ${name} cannot be managed: ${why}` : undefined;
}

/**
 * Verified revocation (invariant 20): after a removal, a user who still holds the group (through a
 * nested group that is a standing exemption, or a group in audit mode) or can activate it again (a
 * PIM for Groups eligibility) is said on the removal, never taken as gone. Only groups whose listing
 * held another group are listed transitively (the plan says which: `nested`); a group nested after
 * the listing is seen, and removed or checked, by the next run's listing.
 */
async function verifyRemovals(directory: Directory, checks: readonly EntraCheck[]): Promise<CheckOutcome[]> {
  if (checks.length === 0 || !directory.transitiveUsers) return checks.map((c) => ({ id: c.id, result: 'skipped' }));
  const groupIds = [...new Set(checks.map((c) => c.groupId.toLowerCase()))];
  const nested = [...new Set(checks.filter((c) => c.nested).map((c) => c.groupId.toLowerCase()))];
  const holders = nested.length > 0 ? await directory.transitiveUsers(nested) : new Map<string, Set<string> | DirectoryError>();
  const eligible = directory.pimEligible ? await directory.pimEligible(groupIds) : new Map<string, Set<string> | DirectoryError>();
  return checks.map((c) => {
    const id = c.groupId.toLowerCase();
    const unverified = unansweredChecks(c.group, holders.get(id), eligible.get(id));
    const paths = [
      ...(setOf(holders.get(id)).has(c.member.toLowerCase())
        ? [
            `still holds ${c.group} through a nested group: its direct membership was removed, but a group that is a member of ${c.group} contains them. Remove them from that group, or end its exemption.`,
          ]
        : []),
      ...(setOf(eligible.get(id)).has(c.member.toLowerCase())
        ? [`can activate ${c.group} again through a PIM for Groups eligibility. End the eligibility in PIM if the access should be gone.`]
        : []),
    ];
    const stillHeld = paths.length > 0 ? paths.join(' It also ') : undefined;
    return {
      id: c.id,
      result: stillHeld ? 'found' : unverified ? 'unanswered' : 'passed',
      ...(stillHeld ? { stillHeld } : {}),
      ...(unverified ? { unverified } : {}),
    };
  });
}

const setOf = (read: Set<string> | DirectoryError | undefined): ReadonlySet<string> => (read instanceof Set ? read : new Set());

/**
 * Which checks of a removal Graph did not answer: a refused or failed transitive listing, or a PIM
 * eligibility read that failed for any reason but the optional permission not being granted (403,
 * docs/setup.md). A check not made is never a check passed (docs/threat-model.md 69).
 */
function unansweredChecks(
  group: string,
  holders: Set<string> | DirectoryError | undefined,
  eligible: Set<string> | DirectoryError | undefined,
): string | undefined {
  const why = [
    ...(holders instanceof DirectoryError ? [`whether they still hold ${group} through a nested group (${holders.message})`] : []),
    ...(eligible instanceof DirectoryError && eligible.status !== 403
      ? [`whether they can activate ${group} again through PIM for Groups (${eligible.message})`]
      : []),
  ];
  return why.length > 0
    ? `the removal could not be verified: Graph did not answer ${why.join(', nor ')}. Check by hand, or let the next run check again.`
    : undefined;
}

/**
 * Graph confirms a change before every replica shows it (docs/threat-model.md 17): reads are polled a
 * few times, and a new membership still not visible is said; never written again because of a read.
 */
async function confirmAdds(directory: Directory, checks: readonly EntraCheck[]): Promise<CheckOutcome[]> {
  if (checks.length === 0) return [];
  const { pending } = await directory.confirm(
    checks.map((c) => ({ op: 'add' as const, groupId: c.groupId, memberId: c.member })),
    { attempts: 3, delayMs: 2_000 },
  );
  return checks.map((c) =>
    pending.some((p) => p.groupId === c.groupId && p.memberId === c.member)
      ? {
          id: c.id,
          result: 'found',
          lagging:
            'Microsoft Graph confirmed the change, but its reads do not show it yet (replication lag); it usually appears within minutes, and nothing needs to be done.',
        }
      : { id: c.id, result: 'passed' },
  );
}
