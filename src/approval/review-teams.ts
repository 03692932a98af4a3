/** GitHub's record of the teams each approval was given on behalf of, read in bulk. */
import type { GitHubGraph, PullFacts } from '../github/graphql.ts';

/**
 * GitHub's record of the teams each approval of a merged head was given on behalf of (one query per
 * 100 reviews): a team owner's approval counts by it, never by the team's members at a later run.
 */
export async function recordReviewTeams(graph: GitHubGraph, pulls: readonly PullFacts[]): Promise<void> {
  const approvals = pulls.flatMap((p) => p.reviews.filter((r) => r.state === 'APPROVED' && r.commit === p.headRefOid && r.id !== ''));
  if (approvals.length === 0) return;
  const teams = await graph.reviewTeams([...new Set(approvals.map((r) => r.id))]);
  for (const r of approvals) r.onBehalfOf = teams.get(r.id) ?? [];
}

