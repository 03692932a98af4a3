/** Whether a request file, as merged, may hold a membership: re-validated, with its approvals verified. */
import { latestDecisiveReviews } from '../approval/approval.ts';
import { ownersOf, parseOwner } from '../codeowners/codeowners.ts';
import { splitRequestPath } from '../request/path.ts';
import type { AccessConfig } from '../config/config.ts';
import type { GitHub } from '../github/client.ts';
import type { RepoFiles } from '../repo/files.ts';
import { requesterAt } from '../request/requester.ts';
import { evaluateGrant, type GrantDecision } from './evaluate.ts';
import { teamMemberships, type PullFinder } from './gather.ts';

export async function decideRequest(ctx: { gh: GitHub; after: string; now: number }, config: AccessConfig, base: RepoFiles, merged: RepoFiles, pulls: PullFinder, path: string, change: 'added' | 'modified'): Promise<GrantDecision> {
  const pull = await pulls.forFile(ctx.after, path);
  const approving = pull ? latestDecisiveReviews(pull.reviews).filter((r) => r.state === 'APPROVED').map((r) => r.reviewer) : [];
  const baseRequester = change === 'modified' ? await requesterAt(base, path) : undefined;
  const memberships = await teamMemberships(ctx.gh, ownersOf(config.codeowners, path), approving);
  // Teams among the group's `requesters`: is the author (who must be the requester) in one of them?
  const group = config.policy.groups.get(splitRequestPath(path)?.group ?? '');
  const requesterTeams = (group?.requesters ?? []).filter((r) => r.includes('/')).flatMap((r) => parseOwner(r.startsWith('@') ? r : `@${r}`) ?? []);
  if (pull && requesterTeams.length > 0) for (const m of await teamMemberships(ctx.gh, requesterTeams, [pull.author])) memberships.add(m);
  return evaluateGrant({
    file: path,
    content: await merged.read(path),
    change,
    ...(baseRequester !== undefined ? { baseRequester } : {}),
    config,
    pull,
    teamMemberships: memberships,
    now: ctx.now,
  });
}
