/** Facts for grant decisions, from git (what the push changed) and GitHub (who merged, who approved). */
import type { Owner } from '../codeowners/codeowners.ts';
import type { Git } from '../git/git.ts';
import { isTeamMember, pullCommitters, pullFiles, pullReviews, pullsForCommit, type GitHub, type RepoRef } from '../github/client.ts';
import type { MergedPull } from './evaluate.ts';

/** GitHub's own committer for commits made in the web interface; not a person who pushed. */
const WEB_FLOW = 'web-flow';

export class PullFinder {
  private readonly cache = new Map<number, MergedPull>();
  private readonly gh: GitHub;
  private readonly repo: RepoRef;
  private readonly git: Git;
  constructor(gh: GitHub, repo: RepoRef, git: Git) {
    this.gh = gh;
    this.repo = repo;
    this.git = git;
  }

  /** The merged pull request that last changed `path` as of `commit`, if any. */
  async forFile(commit: string, path: string): Promise<MergedPull | undefined> {
    const out = await this.git.run(['log', '-1', '--format=%H', commit, '--', path]);
    const sha = out.toString('utf8').trim();
    if (!sha) return undefined;
    const merged = (await pullsForCommit(this.gh, this.repo, sha)).filter((p) => p.mergedAt !== null);
    if (merged.length === 0) return undefined;
    const pull = merged.sort((a, b) => (b.mergedAt ?? '').localeCompare(a.mergedAt ?? ''))[0]!;
    const cached = this.cache.get(pull.number);
    if (cached) return cached;
    const [files, commits, reviews] = await Promise.all([pullFiles(this.gh, this.repo, pull.number), pullCommitters(this.gh, this.repo, pull.number), pullReviews(this.gh, this.repo, pull.number)]);
    const pushers = new Set<string>();
    for (const c of commits) for (const login of [c.author, c.committer]) if (login && login !== WEB_FLOW) pushers.add(login.toLowerCase());
    const result: MergedPull = {
      number: pull.number,
      author: pull.author,
      headSha: pull.headSha,
      createdAt: pull.createdAt,
      mergedAt: pull.mergedAt!,
      files: files.map((f) => ({ path: f.path, status: f.status === 'removed' ? 'deleted' : f.status === 'added' ? 'added' : 'modified' })),
      pushers: [...pushers],
      reviews,
    };
    this.cache.set(pull.number, result);
    return result;
  }
}

/** Confirms, through the API, which approving reviewers belong to the owning teams. */
export async function teamMemberships(gh: GitHub, owners: readonly Owner[], reviewers: readonly string[]): Promise<Set<string>> {
  const confirmed = new Set<string>();
  for (const owner of owners) {
    if (owner.kind !== 'team') continue;
    for (const login of reviewers) {
      if (await isTeamMember(gh, owner.org, owner.slug, login)) confirmed.add(`${owner.org}/${owner.slug}:${login.toLowerCase()}`);
    }
  }
  return confirmed;
}
