/**
 * `break-glass`, from the access-break-glass workflow (workflow_dispatch): the person who started the
 * run asks for a group at once. Granted when the group's policy allows break-glass, the person is one
 * of its break-glass requesters (teams read through the API), the duration is within its maximum, the
 * ticket and reason are given, and their previous break-glass for the group has been reviewed. The end
 * counts from the run's first attempt, so a re-run never extends access. Every input is untrusted: it
 * is checked here and shown only inside code blocks.
 */
import type { AccessConfig } from '../config/config.ts';
import { formatDuration, parseDuration } from '../duration.ts';
import { formatOwner, ownersOf, type Owner } from '../codeowners/codeowners.ts';
import { isCodeOwner } from '../approval/approval.ts';
import { codeFence } from '../markdown.ts';
import { formatTimestamp } from '../timestamp.ts';

export const BREAK_GLASS_MARKER = '<!-- access-as-code:break-glass';

export interface BreakGlassFacts {
  actor: string;
  run: number;
  /** The run's first attempt (ms): the access window counts from it. */
  runCreatedAt: number;
  now: number;
  config: AccessConfig;
  /** Members of "@org/team" (lower-cased logins), or why they could not be read. */
  teamMembers: (team: string) => Promise<Set<string> | string>;
  /** Earlier break-glass review issues. */
  previous: { number: number; run: number; group: string; login: string; reviewed: boolean }[];
}

export type BreakGlassDecision = { ok: false; reasons: string[] } | { ok: true; group: string; login: string; duration: string; end: number; ticket?: string; reason: string };

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export async function decideBreakGlass(inputs: Record<string, unknown>, facts: BreakGlassFacts): Promise<BreakGlassDecision> {
  const reasons: string[] = [];
  const group = text(inputs.group);
  const duration = text(inputs.duration) || '1h';
  const ticket = text(inputs.ticket);
  const reason = text(inputs.reason);
  const policy = facts.config.policy.groups.get(group);
  const rules = policy?.breakGlass;
  if (!policy) return { ok: false, reasons: [`the group ${JSON.stringify(group.slice(0, 64))} is not in the policy.`] };
  if (!rules) return { ok: false, reasons: [`${group} does not allow break-glass: its policy has no breakGlass section. Ask through a pull request instead.`] };
  const ms = parseDuration(duration);
  if (ms === undefined || ms < 5 * 60_000) reasons.push(`the duration ${JSON.stringify(duration.slice(0, 20))} is not a duration of at least 5 minutes, such as 30m or 1h.`);
  else if (ms > rules.maxDurationMs) reasons.push(`the duration is ${formatDuration(ms)}; break-glass for ${group} allows at most ${rules.maxDurationText}.`);
  if (rules.requireTicket && ticket === '') reasons.push(`break-glass for ${group} needs a ticket.`);
  else if (ticket !== '' && policy.ticketPattern && !policy.ticketPattern.test(ticket.slice(0, 100))) reasons.push(`the ticket does not match ${policy.ticketPattern.source}.`);
  if (reason.length < 10 || reason.length > 500) reasons.push('the reason must be 10 to 500 characters: say what is broken and what you will do.');
  const login = facts.actor.toLowerCase();
  if (!facts.config.identities.users.has(login)) reasons.push(`${facts.actor} has no Entra identity in ${facts.config.identities.file}.`);
  let allowed = rules.requesters.some((r) => !r.includes('/') && r.replace(/^@/, '') === login);
  for (const team of rules.requesters.filter((r) => r.includes('/'))) {
    if (allowed) break;
    const members = await facts.teamMembers(team);
    if (typeof members === 'string') reasons.push(`could not read ${team}: ${members}`);
    else allowed = members.has(login);
  }
  if (!allowed) reasons.push(`${facts.actor} may not break glass for ${group}; its policy allows ${rules.requesters.join(', ')}.`);
  const unreviewed = facts.previous.filter((p) => p.run !== facts.run && p.group === group && p.login.toLowerCase() === login && !p.reviewed);
  if (unreviewed.length > 0) reasons.push(`your earlier break-glass for ${group} (#${unreviewed.map((u) => u.number).join(', #')}) has not been reviewed: a code owner of requests/${group}/ other than you must close it as completed first.`);
  if (ms !== undefined && reasons.length === 0) {
    const end = facts.runCreatedAt + ms;
    if (end <= facts.now) reasons.push(`this run started at ${new Date(facts.runCreatedAt).toISOString()}; its access would have ended at ${new Date(end).toISOString()}. A re-run never extends break-glass access: start a new run.`);
    else return { ok: true, group, login: facts.actor, duration: formatDuration(ms), end, ...(ticket ? { ticket } : {}), reason };
  }
  return { ok: false, reasons };
}

/** Code owners of the group's requests: who reviews a break-glass. */
export function reviewersOf(config: AccessConfig, group: string): Owner[] {
  return ownersOf(config.codeowners, `requests/${group}/break-glass.yaml`).filter((o) => o.kind !== 'email');
}

/** Reviewers as the issue and the summary name them: logins, and teams as @org/team. */
export const reviewerNames = (owners: readonly Owner[]): string[] => owners.map((o) => (o.kind === 'user' ? o.login : formatOwner(o)));

/** Whether a closed review issue counts as reviewed: closed as completed by a code owner who is not the requester. */
export function isReviewed(issue: { state: string; closedBy?: string; stateReason?: string }, login: string, owners: readonly Owner[], memberships: ReadonlySet<string>): boolean {
  if (issue.state !== 'closed' || issue.stateReason !== 'completed' || !issue.closedBy) return false;
  return issue.closedBy.toLowerCase() !== login.toLowerCase() && isCodeOwner(issue.closedBy, owners, memberships);
}

export function reviewIssue(d: Extract<BreakGlassDecision, { ok: true }>, run: number, runUrl: string, reviewers: readonly Owner[]): { title: string; body: string } {
  const until = formatTimestamp(d.end);
  const details = [`reason: ${d.reason}`, ...(d.ticket ? [`ticket: ${d.ticket}`] : [])].join('\n');
  const f = codeFence(details);
  const owners = reviewerNames(reviewers);
  return {
    title: `Break-glass: ${d.login} in ${d.group} until ${until}`,
    body: [
      `${BREAK_GLASS_MARKER} ${JSON.stringify({ run, group: d.group, login: d.login })} -->`,
      `**${d.login} used break-glass for ${d.group}**, granted at once for ${d.duration}, until ${until} UTC, by [run ${run}](${runUrl}).`,
      '',
      `${f}text`,
      details,
      f,
      '',
      `**Review:** a code owner of \`requests/${d.group}/\` (${owners.length > 0 ? owners.join(', ') : 'see CODEOWNERS'}) other than ${d.login} checks what was done, then closes this issue as **completed**. Until then the report and the dashboard show it as unreviewed, and ${d.login} cannot break glass for ${d.group} again. Close it as *not planned* to leave it unreviewed.`,
      '',
    ].join('\n'),
  };
}

/** The marker's facts, from an issue body the bot wrote. */
export function readMarker(body: string): { run: number; group: string; login: string } | undefined {
  const m = /^<!-- access-as-code:break-glass (\{[^\n]*\}) -->/.exec(body);
  if (!m) return undefined;
  try {
    const v = JSON.parse(m[1]!) as { run?: unknown; group?: unknown; login?: unknown };
    return typeof v.run === 'number' && typeof v.group === 'string' && typeof v.login === 'string' ? { run: v.run, group: v.group, login: v.login } : undefined;
  } catch {
    return undefined;
  }
}

export interface BreakGlassReview {
  issue: number;
  group: string;
  login: string;
  at: string;
  reviewed: boolean;
}

/**
 * Break-glass uses and whether each was reviewed, from the bot's review issues: for the report and
 * the dashboard. A use counts as reviewed once its issue is closed as completed by someone other than
 * the requester (the next break-glass checks more: that the closer is a code owner).
 */
/** The break-glass review issues among `issues`: written by a bot, with a readable marker. */
export function markedIssues<T extends { author: string; body: string }>(issues: readonly T[]): { issue: T; marker: { run: number; group: string; login: string } }[] {
  return issues.flatMap((issue) => {
    const marker = issue.author.endsWith('[bot]') ? readMarker(issue.body) : undefined;
    return marker ? [{ issue, marker }] : [];
  });
}

export function reviewsOf(issues: readonly { number: number; author: string; body: string; state: string; closedBy?: string; stateReason?: string; createdAt: string }[]): BreakGlassReview[] {
  return markedIssues(issues)
    .map(({ issue: i, marker }) => ({ issue: i.number, group: marker.group, login: marker.login, at: i.createdAt, reviewed: i.state === 'closed' && i.stateReason === 'completed' && i.closedBy !== undefined && i.closedBy.toLowerCase() !== marker.login.toLowerCase() }))
    .sort((a, b) => b.at.localeCompare(a.at));
}
