/**
 * Keeps the access dashboard issue: created once (and pinned where GitHub allows), then edited in
 * place by each sweep when something changed. Only an issue written by a bot account (the job's own
 * token) with the dashboard's label and marker is taken as the dashboard; anyone can open issues.
 */
import type { GitHub, RepoRef } from '../github/client.ts';
import { GitHubFacts } from '../github/graphql.ts';
import { createIssue, issuesWithLabel, pinIssue, setIssueBody } from '../github/issues.ts';
import { breakGlassUses, DASHBOARD_LOOKBACK_MS, useRow } from '../breakglass/uses.ts';
import { GITHUB_LOGIN } from '../identities/identities.ts';
import type { Git } from '../git/git.ts';
import {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  editedByPerson,
  isDashboard,
  needsEdit,
  publishedCatalogue,
  publishedDrift,
  publishedPending,
  renderDashboard,
  type DashboardData,
  type PendingRequest,
} from '../report/dashboard.ts';
import { splitRequestPath } from '../request/path.ts';
import { pendingApprovers, teamMemberships } from '../approval/approval.ts';
import type { RevokeReport } from './revoke.ts';
import type { Catalogue, GroupAccess } from '../entra/catalogue.ts';
import type { Directory } from '../entra/directory.ts';
import type { MemoryKey } from '../memory/memory.ts';

export interface DashboardOutcome {
  issue: number;
  action: 'created' | 'edited' | 'unchanged';
  /** Why it could not be pinned, when it could not. */
  pin?: string;
}

/** What the dashboard should say now (reads only): the effect the executor applies with applyDashboard. */
export async function planDashboard(
  gh: GitHub,
  teamsGh: GitHub | undefined,
  repo: RepoRef,
  git: Git,
  report: RevokeReport,
  now: number,
  lateMs?: number,
  catalogue?: Catalogue,
  reviews: { directory?: Pick<Directory, 'resolveUsers'>; memory?: MemoryKey } = {},
): Promise<{
  next: { body: string; stable: string };
  render: (status: RevokeReport['status']) => { body: string; stable: string };
  pending: PendingRequest[];
}> {
  const githubFacts = new GitHubFacts(gh, repo, teamsGh);
  const open = await githubFacts.openRequestPulls(report.branch);
  // Only code owners of the files count, as at the grant: each reviewer is asked about the owner teams of
  // their pull request's files (a token that cannot read them counts them as not owners, and the table says so).
  const pairs = open.flatMap((p) =>
    p.paths.flatMap((path) =>
      report
        .ownersOf(path)
        .flatMap((o) =>
          o.kind === 'team' ? p.reviews.filter((r) => GITHUB_LOGIN.test(r.reviewer)).map((r) => ({ org: o.org, slug: o.slug, login: r.reviewer })) : [],
        ),
    ),
  );
  const teams = pairs.length > 0 ? await githubFacts.teamMemberships(pairs) : new Map<string, Set<string> | string>();
  const memberships = teamMemberships(teams);
  const policyGroups = report.config.policy.groups;
  const people = { identities: report.config.identities, upnIds: new Map<string, string>() };
  const pending = open.map((p) => {
    // Folder names in open pull requests are anyone's text: only policy groups are shown as groups.
    const groups = [...new Set(p.paths.map((path) => splitRequestPath(path)?.group).filter((g): g is string => g !== undefined && policyGroups.has(g)))].sort();
    const author = GITHUB_LOGIN.test(p.author) ? p.author : 'unknown';
    const reviews = p.reviews.filter((r) => GITHUB_LOGIN.test(r.reviewer));
    const approvers = pendingApprovers({ ...p, reviews }, p.paths.map(report.ownersOf), memberships, people);
    return { number: p.number, author, groups, approvers, needed: Math.max(1, ...groups.map((g) => report.approvals.get(g) ?? 1)) };
  });
  const unreadableTeams = [...teams.values()].some((t) => typeof t === 'string');
  const reader = git.catFile();
  let unreviewed;
  try {
    unreviewed = (
      await breakGlassUses({
        gh,
        repo,
        githubFacts,
        git,
        reader,
        head: report.head,
        branch: report.branch,
        config: report.config,
        since: now - DASHBOARD_LOOKBACK_MS,
        ...(reviews.directory ? { resolveUsers: (refs) => reviews.directory!.resolveUsers(refs) } : {}),
        ...(reviews.memory ? { memory: reviews.memory } : {}),
      })
    )
      .filter((u) => !u.review.reviewed)
      .map(useRow);
  } finally {
    reader.close();
  }
  const data: DashboardData = {
    status: report.status,
    pending,
    ...(report.configIgnored.length > 0 ? { configIgnored: report.configIgnored } : {}),
    ...(unreadableTeams ? { teamsUnreadable: true } : {}),
    exemptionsDue: report.exemptionsDue,
    unreviewed,
    sweptAt: now,
    ...(lateMs !== undefined ? { lateMs } : {}),
    ...(catalogue ? { catalogue } : {}),
  };
  // Worded again from the sweep's status once its plan is made (who holds access after it).
  return { next: renderDashboard(data), render: (status) => renderDashboard({ ...data, status }), pending };
}

/**
 * Makes the dashboard say `next`: created (and pinned) when there is none, edited when it differs or a
 * person edited it, pinned again when it was unpinned. The executor's port for the dashboard effect.
 */
export async function applyDashboard(gh: GitHub, repo: RepoRef, next: { body: string; stable: string }, now: number): Promise<DashboardOutcome> {
  const githubFacts = new GitHubFacts(gh, repo);
  // The label only finds candidates; the dashboard is the oldest one a bot opened with the marker.
  const candidates = (await issuesWithLabel(gh, repo, DASHBOARD_LABEL)).filter((i) => i.authorBot && isDashboard(i.body));
  const current = candidates.sort((a, b) => a.number - b.number)[0];
  if (!current) {
    const created = await createIssue(gh, repo, DASHBOARD_TITLE, next.body, [DASHBOARD_LABEL]);
    const pin = await pinIssue(gh, created.nodeId);
    return { issue: created.number, action: 'created', ...(pin ? { pin } : {}) };
  }
  const edits = await githubFacts.issueEdits(current.number);
  // Not pinned (GitHub refused when it was created, or someone unpinned it): asked again.
  const pin = edits && !edits.isPinned && edits.nodeId ? await pinIssue(gh, edits.nodeId) : undefined;
  const pinned = pin ? { pin } : {};
  if (!needsEdit(current.body, edits, next, now)) return { issue: current.number, action: 'unchanged', ...pinned };
  await setIssueBody(gh, repo, current.number, next.body);
  return { issue: current.number, action: 'edited', ...pinned };
}

/** What the sweep last published about what each group confers, with GitHub's record of when, or why there is none. */
export type Published = { groups: GroupAccess[]; drift: Map<string, string[]>; pending: PendingRequest[]; asOf: string; issue: number } | { why: string };

/**
 * Reads the catalogue the sweep publishes in the dashboard, for a job with no Entra token (the
 * pull-request check, `plan`). It counts only in the dashboard a bot opened and, by GitHub's record,
 * a bot edited last; its age is that edit's time, not anything the body says.
 */
export async function readPublished(gh: GitHub, repo: RepoRef): Promise<Published> {
  const candidates = (await issuesWithLabel(gh, repo, DASHBOARD_LABEL)).filter((i) => i.authorBot && isDashboard(i.body));
  const current = candidates.sort((a, b) => a.number - b.number)[0];
  if (!current) return { why: 'no access dashboard yet: the sweep publishes what each group confers there once it runs with dashboard: true' };
  const edits = await new GitHubFacts(gh, repo).issueEdits(current.number);
  if (!edits) return { why: `the access dashboard #${current.number} could not be read` };
  if (editedByPerson(edits))
    return {
      why: `the access dashboard #${current.number} was last edited by ${edits.editor!.login}, not the sweep, so what it says is not shown; the next sweep rewrites it`,
    };
  const groups = publishedCatalogue(current.body);
  if (!groups) return { why: `the access dashboard #${current.number} holds no catalogue yet (the sweep writes it when it can read Graph)` };
  return {
    groups,
    drift: publishedDrift(current.body) ?? new Map(),
    pending: publishedPending(current.body) ?? [],
    asOf: edits.lastEditedAt ?? edits.createdAt,
    issue: current.number,
  };
}
