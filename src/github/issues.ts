/** Issues and their comments: the request form's answers and the access dashboard. */
import type { GitHub, RepoRef } from './client.ts';

export interface IssueSummary {
  number: number;
  author: string;
  /**
   * Opened by a bot: REST's `user.type` is "Bot" (a GitHub App's account, the job token's
   * `github-actions[bot]` among them). Told by type, never by the login (docs/threat-model.md 67).
   */
  authorBot: boolean;
  body: string;
  nodeId: string;
}

/** Who wrote an issue or comment, as REST says: the login, and whether `user.type` is "Bot". */
export function authorOf(user: { login?: string; type?: string } | null | undefined): { author: string; authorBot: boolean } {
  return { author: user?.login ?? '', authorBot: user?.type === 'Bot' };
}

/** Edits a comment in place (the answer to a form, updated when the issue is edited). */
export async function editComment(gh: GitHub, repo: RepoRef, id: number, body: string): Promise<void> {
  await gh.rest.issues.updateComment({ ...repo, comment_id: id, body });
}

/** Open issues with a label (callers check who wrote them). */
export async function issuesWithLabel(gh: GitHub, repo: RepoRef, label: string): Promise<IssueSummary[]> {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, labels: label, state: 'open', per_page: 100 });
  return issues.filter((i) => !i.pull_request).map((i) => ({ number: i.number, ...authorOf(i.user), body: i.body ?? '', nodeId: i.node_id }));
}

export async function createIssue(gh: GitHub, repo: RepoRef, title: string, body: string, labels: string[]): Promise<IssueSummary> {
  const { data } = await gh.rest.issues.create({ ...repo, title, body, labels });
  return { number: data.number, ...authorOf(data.user), body: data.body ?? '', nodeId: data.node_id };
}

export async function setIssueBody(gh: GitHub, repo: RepoRef, number: number, body: string): Promise<void> {
  await gh.rest.issues.update({ ...repo, issue_number: number, body });
}

/**
 * Pins an issue (GraphQL pinIssue). GitHub allows three pinned issues per repository and may refuse the
 * job token; the dashboard works unpinned, so the reason is returned rather than thrown.
 */
export async function pinIssue(gh: GitHub, issueNodeId: string): Promise<string | undefined> {
  try {
    await gh.graphql('mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number } } }', { id: issueNodeId });
    return undefined;
  } catch (error) {
    // GraphQL refusals come as a list; said on one line, with what to do about the usual one.
    const errors = (error as { errors?: { message?: unknown }[] }).errors;
    const why = errors?.length ? errors.map((e) => String(e.message)).join('; ') : (error as Error).message.replace(/\s+/g, ' ');
    return /3 pinned issues/.test(why) ? `${why} (GitHub pins at most three issues per repository: unpin one, and the next sweep pins the dashboard).` : why;
  }
}

export interface IssueDetail extends IssueSummary {
  state: 'open' | 'closed';
  createdAt: string;
  /** For a closed issue the caller asked about: its last "closed" event (who, when, as what). */
  closed?: { by: string; at: string; reason: string | null };
}

/**
 * Every issue with a label, open or closed (the label only finds candidates: anyone with triage
 * access can add or remove it). For the closed ones `detail` picks, who closed them, when and as what,
 * from the issue's events: the last "closed" event, one request per issue.
 */
export async function issuesWithLabelAll(
  gh: GitHub,
  repo: RepoRef,
  label: string,
  detail: (issue: IssueSummary) => boolean = () => true,
  alsoBy?: string,
): Promise<IssueDetail[]> {
  const labelled = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, labels: label, state: 'all', per_page: 100 });
  // The label can be taken off by anyone with triage access: issues the job's own account opened are found too.
  const byBot = alsoBy ? await gh.paginate(gh.rest.issues.listForRepo, { ...repo, creator: alsoBy, state: 'all', per_page: 100 }) : [];
  const issues = [...new Map([...labelled, ...byBot].map((i) => [i.number, i])).values()];
  const out: IssueDetail[] = [];
  for (const i of issues.filter((x) => !x.pull_request)) {
    const base: IssueDetail = {
      number: i.number,
      ...authorOf(i.user),
      body: i.body ?? '',
      nodeId: i.node_id,
      state: i.state === 'closed' ? 'closed' : 'open',
      createdAt: i.created_at,
    };
    // Closed as anything but completed is no review whoever closed it: the listing says so (no events needed).
    if (base.state === 'closed' && i.state_reason !== 'completed') base.closed = { by: '', at: i.closed_at ?? '', reason: i.state_reason ?? null };
    else if (base.state === 'closed' && detail(base)) {
      const events = await gh.paginate(gh.rest.issues.listEvents, { ...repo, issue_number: i.number, per_page: 100 });
      const last = [...events].reverse().find((e) => e.event === 'closed' || e.event === 'reopened') as
        { event: string; actor?: { login?: string } | null; created_at: string; state_reason?: string | null } | undefined;
      if (last?.event === 'closed' && last.actor?.login) base.closed = { by: last.actor.login, at: last.created_at, reason: last.state_reason ?? null };
    }
    out.push(base);
  }
  return out;
}

/**
 * Opens an issue assigned to `assignees`. GitHub refuses the whole issue (422) when one of them cannot
 * be assigned (only people with write access, organisation members with read, or commenters can): the
 * issue is then opened without those, who are mentioned in it instead, and returned as `unassigned`.
 */
export async function createAssignedIssue(
  gh: GitHub,
  repo: RepoRef,
  title: string,
  body: string,
  labels: string[],
  assignees: string[],
): Promise<IssueSummary & { unassigned: string[] }> {
  try {
    const { data } = await gh.rest.issues.create({ ...repo, title, body, labels, assignees });
    return { number: data.number, ...authorOf(data.user), body: data.body ?? '', nodeId: data.node_id, unassigned: [] };
  } catch (error) {
    const e = error as { status?: number; response?: { data?: { errors?: { field?: unknown; value?: unknown }[] } } };
    if (e.status !== 422 || assignees.length === 0) throw error;
    const named = (e.response?.data?.errors ?? []).filter((x) => x.field === 'assignees').map((x) => String(x.value));
    const unassigned = named.length > 0 ? assignees.filter((a) => named.some((n) => n.toLowerCase() === a.toLowerCase())) : assignees;
    const rest = assignees.filter((a) => !unassigned.includes(a));
    const note = `\n\n${unassigned.map((a) => `@${a}`).join(', ')}: GitHub would not assign ${unassigned.length === 1 ? 'you' : 'you'} to this issue (only people with write access to the repository, or organisation members with read access, can be assigned), so you are mentioned instead.`;
    const { data } = await gh.rest.issues.create({ ...repo, title, body: `${body}${note}`, labels, assignees: rest });
    return { number: data.number, ...authorOf(data.user), body: data.body ?? '', nodeId: data.node_id, unassigned };
  }
}
