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
import { formatOwner, teamKey, type Owner, type TeamName } from '../codeowners/codeowners.ts';
import { BREAK_GLASS_MARKER } from '../breakglass/review.ts';
import { mayRequest, requesterTeamNames } from '../policy/requesters.ts';
import { samePerson } from '../identities/people.ts';
import type { BreakGlassUse } from '../breakglass/uses.ts';
import { codeFence } from '../markdown.ts';
import { formatTimestamp } from '../timestamp.ts';

export interface BreakGlassFacts {
  actor: string;
  run: number;
  /** The run's first attempt (ms): the access window counts from it. */
  runCreatedAt: number;
  now: number;
  config: AccessConfig;
  /** Members of "@org/team" (lower-cased logins), or why they could not be read. */
  /** Which of the people asked about are members of a team (the actor), or why it could not be read. */
  teamMembers: (team: TeamName) => Promise<Set<string> | string>;
  /** Object ids of UPNs in identities, where Entra was asked (identities/people.ts). */
  upnIds?: ReadonlyMap<string, string>;
  /** Earlier break-glass uses, from the run records, each with its review verdict. */
  previous: readonly Pick<BreakGlassUse, 'run' | 'group' | 'login' | 'issue' | 'review'>[];
}

export type BreakGlassDecision =
  { ok: false; reasons: string[] } | { ok: true; group: string; login: string; duration: string; end: number; ticket?: string; reason: string };

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export async function decideBreakGlass(inputs: Record<string, unknown>, facts: BreakGlassFacts): Promise<BreakGlassDecision> {
  const group = text(inputs.group);
  const duration = text(inputs.duration) || '1h';
  const ticket = text(inputs.ticket);
  const reason = text(inputs.reason);
  const policy = facts.config.policy.groups.get(group);
  const rules = policy?.breakGlass;
  if (!policy) return { ok: false, reasons: [`the group ${JSON.stringify(group.slice(0, 64))} is not in the policy.`] };
  if (!rules) return { ok: false, reasons: [`${group} does not allow break-glass: its policy has no breakGlass section. Ask through a pull request instead.`] };
  const ms = parseDuration(duration);
  const reasons = [...inputProblems(group, duration, ms, ticket, reason, policy, rules), ...(await personProblems(group, facts, rules))];
  if (ms === undefined || reasons.length > 0) return { ok: false, reasons };
  const end = facts.runCreatedAt + ms;
  if (end <= facts.now)
    return {
      ok: false,
      reasons: [
        `this run started at ${new Date(facts.runCreatedAt).toISOString()}; its access would have ended at ${new Date(end).toISOString()}. A re-run never extends break-glass access: start a new run.`,
      ],
    };
  return { ok: true, group, login: facts.actor, duration: formatDuration(ms), end, ...(ticket ? { ticket } : {}), reason };
}

type GroupRules = NonNullable<ReturnType<AccessConfig['policy']['groups']['get']>>;

/** What the run's inputs get wrong: the duration, the ticket, the reason. */
function inputProblems(
  group: string,
  duration: string,
  ms: number | undefined,
  ticket: string,
  reason: string,
  policy: GroupRules,
  rules: NonNullable<GroupRules['breakGlass']>,
): string[] {
  const reasons: string[] = [];
  if (ms === undefined || ms < 5 * 60_000)
    reasons.push(`the duration ${JSON.stringify(duration.slice(0, 20))} is not a duration of at least 5 minutes, such as 30m or 1h.`);
  else if (ms > rules.maxDurationMs) reasons.push(`the duration is ${formatDuration(ms)}; break-glass for ${group} allows at most ${rules.maxDurationText}.`);
  if (rules.requireTicket && ticket === '') reasons.push(`break-glass for ${group} needs a ticket.`);
  else if (ticket !== '' && policy.ticketPattern && !policy.ticketPattern.test(ticket.slice(0, 100)))
    reasons.push(`the ticket does not match ${policy.ticketPattern.source}.`);
  if (reason.length < 10 || reason.length > 500) reasons.push('the reason must be 10 to 500 characters: say what is broken and what you will do.');
  return reasons;
}

/** Whether this person may break glass now: an identity, allowed by name or team (read now), earlier uses reviewed. */
async function personProblems(group: string, facts: BreakGlassFacts, rules: NonNullable<GroupRules['breakGlass']>): Promise<string[]> {
  const reasons: string[] = [];
  const login = facts.actor.toLowerCase();
  if (!facts.config.identities.users.has(login)) reasons.push(`${facts.actor} has no Entra identity in ${facts.config.identities.file}.`);
  const memberships = new Set<string>();
  for (const team of requesterTeamNames(rules.requesters)) {
    const members = await facts.teamMembers(team);
    if (typeof members === 'string') reasons.push(`could not read ${formatOwner({ kind: 'team', ...team })}: ${members}`);
    else for (const m of members) memberships.add(`${teamKey(team)}:${m}`);
  }
  if (!mayRequest(login, rules.requesters, memberships))
    reasons.push(`${facts.actor} may not break glass for ${group}; its policy allows ${rules.requesters.join(', ')}.`);
  // A person's earlier use, under any of their GitHub accounts (identities/people.ts), waits for its review.
  const people = { identities: facts.config.identities, upnIds: facts.upnIds ?? new Map<string, string>() };
  const unreviewed = facts.previous.filter((p) => p.run !== facts.run && p.group === group && samePerson(people, p.login, login) && !p.review.reviewed);
  if (unreviewed.length > 0) {
    const which = unreviewed.map((u) => (u.issue !== undefined ? `#${u.issue}` : `run ${u.run}`)).join(', ');
    const why = unreviewed.map((u) => (u.review.reviewed ? '' : u.review.why)).join(' ');
    reasons.push(
      `your earlier break-glass for ${group} (${which}) has not been reviewed: a code owner of requests/${group}/ other than you must close its review issue as completed first (${why}).`,
    );
  }
  return reasons;
}

/** Reviewers as the issue and the summary name them: logins, and teams as @org/team. */
export const reviewerNames = (owners: readonly Owner[]): string[] => owners.map((o) => (o.kind === 'user' ? o.login : formatOwner(o)));

export function reviewIssue(
  d: Extract<BreakGlassDecision, { ok: true }>,
  run: number,
  runUrl: string,
  reviewers: readonly Owner[],
): { title: string; body: string } {
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
