/**
 * Break-glass uses and whether each was reviewed, for the break-glass command (an earlier use must be
 * reviewed first), the dashboard and the report. Uses come from the run records (breakglass.ts
 * readRecord), never from labelled issues; the review comes from the one rule (review.ts) over the
 * use's review issue and its events.
 */
import type { AccessConfig } from '../config/config.ts';
import type { CatFile } from '../git/cat-file.ts';
import type { Git } from '../git/git.ts';
import type { GitHub, RepoRef } from '../github/client.ts';
import type { GitHubFacts } from '../github/graphql.ts';
import { issuesWithLabelAll } from '../github/issues.ts';
import { teamMemberships } from '../approval/approval.ts';
import { ownersOf, teamKey, type Owner } from '../codeowners/codeowners.ts';
import { BREAK_GLASS_LABEL, readRecord, type BreakGlassRecord } from './breakglass.ts';
import { breakGlassRuns } from './records.ts';
import { issueOfUse, readMarker, reviewOf, type ReviewIssue, type ReviewVerdict } from './review.ts';

/** The account the job token acts as: the review issues it opens are found even without their label. */
const JOB_ACCOUNT = 'github-actions[bot]';

/** How far back uses are looked for before a new one (an unreviewed use blocks the next). */
export const USE_LOOKBACK_MS = 365 * 86_400_000;
/**
 * How far back the dashboard lists unreviewed uses: each sweep reads the events of every completed
 * review issue in it (one request each), so a shorter window keeps a 15-minute sweep's cost bounded.
 */
export const DASHBOARD_LOOKBACK_MS = 90 * 86_400_000;

export interface BreakGlassUse extends BreakGlassRecord {
  end: number;
  issue?: number;
  review: ReviewVerdict;
}

/** Code owners of the group's requests: who reviews a break-glass use of it. */
export function reviewersOf(config: AccessConfig, group: string): Owner[] {
  return ownersOf(config.codeowners, `requests/${group}/break-glass.yaml`).filter((o) => o.kind !== 'email');
}

export interface UsesContext {
  gh: GitHub;
  repo: RepoRef;
  githubFacts: GitHubFacts;
  git: Git;
  reader: CatFile;
  head: string;
  branch: string;
  config: AccessConfig;
  since: number;
}

/** Every genuine use since `since`, newest first, each with its review verdict. */
export async function breakGlassUses(ctx: UsesContext): Promise<BreakGlassUse[]> {
  const runs = await breakGlassRuns(ctx.githubFacts, ctx.git, ctx.reader, ctx.head, ctx.since);
  const records = runs.flatMap((r) => {
    const read = readRecord(r, ctx.branch);
    return 'record' in read ? [read.record] : [];
  });
  if (records.length === 0) return [];
  const wanted = new Set(records.map((r) => r.run));
  const issues = (await issuesWithLabelAll(ctx.gh, ctx.repo, BREAK_GLASS_LABEL, (i) => wanted.has(readMarker(i.body)?.run ?? -1), JOB_ACCOUNT)).flatMap(
    (i): ReviewIssue[] => {
      const marker = readMarker(i.body);
      return marker && wanted.has(marker.run)
        ? [
            {
              number: i.number,
              author: i.author,
              run: marker.run,
              createdAt: Date.parse(i.createdAt),
              state: i.state,
              ...(i.closed ? { closed: i.closed } : {}),
            },
          ]
        : [];
    },
  );
  const teams = new Map<string, { org: string; slug: string }>();
  for (const r of records) for (const o of reviewersOf(ctx.config, r.group)) if (o.kind === 'team') teams.set(teamKey(o), { org: o.org, slug: o.slug });
  const memberships = teamMemberships(await ctx.githubFacts.teamMembers([...teams.values()]));
  return records
    .map((r) => {
      const issue = issueOfUse(r, issues);
      return {
        ...r,
        end: r.start + r.durationMs,
        ...(issue ? { issue: issue.number } : {}),
        review: reviewOf(issue, r.login, reviewersOf(ctx.config, r.group), memberships),
      };
    })
    .sort((a, b) => b.start - a.start);
}

/** A use as the dashboard and the report list it. */
export interface UseRow {
  issue?: number;
  run: number;
  group: string;
  login: string;
  at: string;
  reviewed: boolean;
}

export const useRow = (u: BreakGlassUse): UseRow => ({
  ...(u.issue !== undefined ? { issue: u.issue } : {}),
  run: u.run,
  group: u.group,
  login: u.login,
  at: new Date(u.start).toISOString(),
  reviewed: u.review.reviewed,
});

/** This run's own review issue, on a re-run of it (its run is in progress, so it is no record yet). */
export async function reviewIssueOfRun(gh: GitHub, repo: RepoRef, run: { id: number; createdAt: number }): Promise<number | undefined> {
  const issues = (await issuesWithLabelAll(gh, repo, BREAK_GLASS_LABEL, () => false, JOB_ACCOUNT)).flatMap((i): ReviewIssue[] =>
    readMarker(i.body)?.run === run.id ? [{ number: i.number, author: i.author, run: run.id, createdAt: Date.parse(i.createdAt), state: i.state }] : [],
  );
  return issueOfUse({ run: run.id, start: run.createdAt, updatedAt: Date.now() }, issues)?.number;
}

/**
 * The reconciler's question for groups with breakGlass.reviewWithin: which break-glass runs since a time
 * were reviewed, by the one review rule.
 */
export function reviewedRuns(gh: GitHub, repo: RepoRef, githubFacts: GitHubFacts, git: Git) {
  return async (since: number, at: { head: string; branch: string; config: AccessConfig; reader: CatFile }): Promise<Map<number, boolean>> => {
    const uses = await breakGlassUses({ gh, repo, githubFacts, git, reader: at.reader, head: at.head, branch: at.branch, config: at.config, since });
    return new Map(uses.map((u) => [u.run, u.review.reviewed]));
  };
}
