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
import { ownersOf, type Owner } from '../codeowners/codeowners.ts';
import { BREAK_GLASS_LABEL, readRecord, type BreakGlassRecord } from './breakglass.ts';
import { breakGlassRuns } from './records.ts';
import { issueOfUse, readMarker, reviewOf, type ReviewIssue, type ReviewVerdict } from './review.ts';
import type { Directory } from '../entra/directory.ts';
import { gatherPeople, type People } from '../identities/people.ts';
import type { MemoryKey, SealedFile } from '../memory/memory.ts';
import { readVerdicts, sealVerdict, verdictOfClose, type RememberedVerdict } from '../memory/verdicts.ts';

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
  /** A close judged for the first time: the verdict to remember (memory/verdicts.ts). */
  judged?: RememberedVerdict;
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
  /** Entra look-ups of UPNs, so that the user and the closer are compared as people (identities/people.ts). */
  resolveUsers?: Directory['resolveUsers'];
  /** The memory key: closes already judged keep their verdict (memory/verdicts.ts). */
  memory?: MemoryKey;
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
              authorBot: i.authorBot,
              run: marker.run,
              createdAt: Date.parse(i.createdAt),
              state: i.state,
              ...(i.closed ? { closed: i.closed } : {}),
            },
          ]
        : [];
    },
  );
  const ofUse = new Map(records.map((r) => [r.run, issueOfUse(r, issues)]));
  // Whether each closer is in the use's reviewer teams, asked per closer (never by listing a team).
  const pairs = records.flatMap((r) => {
    const by = ofUse.get(r.run)?.closed?.by;
    return by ? reviewersOf(ctx.config, r.group).flatMap((o) => (o.kind === 'team' ? [{ org: o.org, slug: o.slug, login: by }] : [])) : [];
  });
  const memberships = teamMemberships(pairs.length > 0 ? await ctx.githubFacts.teamMemberships(pairs) : new Map());
  const closers = records.flatMap((r) => (ofUse.get(r.run)?.closed?.by ? [[r.login, ofUse.get(r.run)!.closed!.by]] : []));
  const people = await gatherPeople(ctx.config.identities, closers, ctx.resolveUsers);
  const remembered = ctx.memory
    ? await readVerdicts(
        ctx.git,
        ctx.reader,
        ctx.memory,
        records.map((r) => r.run),
      )
    : new Map<number, RememberedVerdict>();
  return records
    .map((r) => ({
      ...r,
      end: r.start + r.durationMs,
      ...judgeUse(r, ofUse.get(r.run), reviewersOf(ctx.config, r.group), memberships, people, remembered.get(r.run)),
    }))
    .sort((a, b) => b.start - a.start);
}

/**
 * A use's review: the verdict remembered for the same close where there is one (fixed when first
 * judged), else the rule judged now, and for a close judged now the verdict to remember. Pure.
 */
export function judgeUse(
  r: BreakGlassRecord,
  issue: ReviewIssue | undefined,
  owners: readonly Owner[],
  memberships: ReadonlySet<string>,
  people: People,
  remembered: RememberedVerdict | undefined,
): Pick<BreakGlassUse, 'issue' | 'review' | 'judged'> {
  const at = issue ? { issue: issue.number } : {};
  const close = issue?.closed;
  if (issue && close && close.by !== '' && verdictOfClose(remembered, issue.number, close))
    return {
      ...at,
      review: remembered!.reviewed ? { reviewed: true, by: remembered!.by, at: remembered!.at } : { reviewed: false, why: remembered!.why ?? '' },
    };
  const review = reviewOf(issue, r.login, owners, memberships, people);
  if (!issue || !close || close.by === '' || issue.state !== 'closed') return { ...at, review };
  const judged: RememberedVerdict = {
    run: r.run,
    issue: issue.number,
    by: close.by,
    at: close.at,
    reviewed: review.reviewed,
    ...(review.reviewed ? {} : { why: review.why }),
  };
  return { ...at, review, judged };
}

/** The verdicts first judged among `uses`, as files for the memory branch. */
export function verdictFiles(k: MemoryKey, uses: readonly BreakGlassUse[]): SealedFile[] {
  return uses.flatMap((u) => (u.judged ? [sealVerdict(k, u.judged)] : []));
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
    readMarker(i.body)?.run === run.id
      ? [{ number: i.number, author: i.author, authorBot: i.authorBot, run: run.id, createdAt: Date.parse(i.createdAt), state: i.state }]
      : [],
  );
  return issueOfUse({ run: run.id, start: run.createdAt, updatedAt: Date.now() }, issues)?.number;
}

/**
 * The reconciler's question for groups with breakGlass.reviewWithin: which break-glass runs since a time
 * were reviewed in time, by the one review rule. A review given after the window ended the use does not
 * bring it back (invariant 22): it stands for the record (the next use may go ahead), not for access.
 */
export function reviewedRuns(gh: GitHub, repo: RepoRef, githubFacts: GitHubFacts, git: Git, directory?: Pick<Directory, 'resolveUsers'>, memory?: MemoryKey) {
  return async (since: number, at: { head: string; branch: string; config: AccessConfig; reader: CatFile }): Promise<Map<number, boolean>> => {
    const uses = await breakGlassUses({
      gh,
      repo,
      githubFacts,
      git,
      reader: at.reader,
      head: at.head,
      branch: at.branch,
      config: at.config,
      since,
      ...(directory ? { resolveUsers: (refs) => directory.resolveUsers(refs) } : {}),
      ...(memory ? { memory } : {}),
    });
    return new Map(uses.map((u) => [u.run, reviewedInTime(u, at.config)]));
  };
}

/** Whether a use was reviewed within its group's breakGlass.reviewWithin (any review, where the group sets none). */
export function reviewedInTime(u: Pick<BreakGlassUse, 'group' | 'start' | 'review'>, config: AccessConfig): boolean {
  if (!u.review.reviewed) return false;
  const within = config.policy.groups.get(u.group)?.breakGlass?.reviewWithinMs;
  return within === undefined || Date.parse(u.review.at) <= u.start + within;
}
