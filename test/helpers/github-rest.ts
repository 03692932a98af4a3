/**
 * REST readers of pull requests, teams and contents that only the twin's conformance tests use: real
 * Octokit calls, so the twin's REST answers are exercised the way a GitHub client reads them. The
 * product reads these facts through GraphQL (src/github/graphql.ts).
 */
import type { GitHub, RepoRef } from '../../src/github/client.ts';

export interface PullSummary {
  number: number;
  author: string;
  state: string;
  merged: boolean;
  mergeCommitSha: string | null;
  headSha: string;
  baseSha: string;
  createdAt: string;
  mergedAt: string | null;
}

export interface Review {
  id: number;
  reviewer: string;
  state: string;
  commitId: string | null;
  submittedAt: string | null;
}

function toPull(p: {
  number: number;
  user: { login: string } | null;
  state: string;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { sha: string };
  base: { sha: string };
  created_at: string;
  merged?: boolean;
}): PullSummary {
  return {
    number: p.number,
    author: p.user?.login ?? '',
    state: p.state,
    merged: p.merged ?? p.merged_at !== null,
    mergeCommitSha: p.merge_commit_sha,
    headSha: p.head.sha,
    baseSha: p.base.sha,
    createdAt: p.created_at,
    mergedAt: p.merged_at,
  };
}

/** The pull requests a commit belongs to (GET /repos/{owner}/{repo}/commits/{sha}/pulls). */
export async function pullsForCommit(gh: GitHub, repo: RepoRef, sha: string): Promise<PullSummary[]> {
  const pulls = await gh.paginate(gh.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: sha, per_page: 100 });
  return pulls.map(toPull);
}

export async function getPull(gh: GitHub, repo: RepoRef, number: number): Promise<PullSummary> {
  const { data } = await gh.rest.pulls.get({ ...repo, pull_number: number });
  return toPull(data);
}

export async function pullFiles(gh: GitHub, repo: RepoRef, number: number): Promise<{ path: string; status: string }[]> {
  const files = await gh.paginate(gh.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 });
  return files.map((f) => ({ path: f.filename, status: f.status }));
}

export async function pullReviews(gh: GitHub, repo: RepoRef, number: number): Promise<Review[]> {
  const reviews = await gh.paginate(gh.rest.pulls.listReviews, { ...repo, pull_number: number, per_page: 100 });
  return reviews.map((r) => ({ id: r.id, reviewer: r.user?.login ?? '', state: r.state, commitId: r.commit_id, submittedAt: r.submitted_at ?? null }));
}

/** Who authored and who committed (pushed) each commit of a pull request. */
export async function pullCommitters(gh: GitHub, repo: RepoRef, number: number): Promise<{ sha: string; author: string | null; committer: string | null }[]> {
  const commits = await gh.paginate(gh.rest.pulls.listCommits, { ...repo, pull_number: number, per_page: 100 });
  return commits.map((c) => ({ sha: c.sha, author: c.author?.login ?? null, committer: c.committer?.login ?? null }));
}

/** Whether a login is an active member of a team (404 means no). */
export async function isTeamMember(gh: GitHub, org: string, teamSlug: string, login: string): Promise<boolean> {
  try {
    const { data } = await gh.rest.teams.getMembershipForUserInOrg({ org, team_slug: teamSlug, username: login });
    return data.state === 'active';
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}

/** A file's bytes at a ref, or undefined when it does not exist there. */
export async function fileAt(gh: GitHub, repo: RepoRef, ref: string, path: string): Promise<Uint8Array | undefined> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return Buffer.from(data.content, 'base64');
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
