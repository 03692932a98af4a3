/** Whether a request file, as merged, may hold a membership: re-validated, with its approvals verified. */
import { latestDecisiveReviews } from '../approval/approval.ts';
import { ownersOf } from '../codeowners/codeowners.ts';
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
  return evaluateGrant({
    file: path,
    content: await merged.read(path),
    change,
    ...(baseRequester !== undefined ? { baseRequester } : {}),
    config,
    pull,
    teamMemberships: await teamMemberships(ctx.gh, ownersOf(config.codeowners, path), approving),
    now: ctx.now,
  });
}
