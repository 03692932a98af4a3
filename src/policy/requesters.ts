/**
 * Who may ask for a group, stated once: a `requesters` entry is a login ("octocat" or "@octocat") or a
 * team ("@org/team", or "org/team"), whose membership is read from GitHub by the caller ("org/team:login"
 * entries); no list means anyone with an identity. Used for requests (validation, the grant, and the
 * pull-request check's plan of a policy change) and for break-glass. Pure.
 */
import { parseTeam, teamKey, type TeamName } from '../codeowners/codeowners.ts';

const bare = (entry: string) => entry.replace(/^@/, '').toLowerCase();
export const isTeamEntry = (entry: string) => parseTeam(entry) !== undefined;

/** The teams among `requesters`, as "org/team" (lower-case). */
export function requesterTeams(requesters: readonly string[]): string[] {
  return requesterTeamNames(requesters).map(teamKey);
}

/** The teams among `requesters`, parsed. */
export function requesterTeamNames(requesters: readonly string[]): TeamName[] {
  return requesters.flatMap((r) => parseTeam(r) ?? []);
}

/** Whether `login` is listed by login among `requesters`. */
export function listedByLogin(login: string, requesters: readonly string[]): boolean {
  return requesters.some((r) => !isTeamEntry(r) && bare(r) === login.toLowerCase());
}

/**
 * Whether `login` may ask: 'yes', 'no', or 'unknown' where only team membership could tell and it was
 * not read (`memberships` undefined: the pull-request check of a policy change reads no teams).
 */
export function requesterStanding(
  login: string,
  requesters: readonly string[] | undefined,
  memberships: ReadonlySet<string> | undefined,
): 'yes' | 'no' | 'unknown' {
  if (requesters === undefined || listedByLogin(login, requesters)) return 'yes';
  const teams = requesterTeams(requesters);
  if (teams.length === 0) return 'no';
  if (memberships === undefined) return 'unknown';
  return teams.some((t) => memberships.has(`${t}:${login.toLowerCase()}`)) ? 'yes' : 'no';
}

/** Whether `login` may ask: listed by login, or a member of a listed team (memberships read from GitHub now). */
export function mayRequest(login: string, requesters: readonly string[] | undefined, memberships: ReadonlySet<string>): boolean {
  return requesterStanding(login, requesters, memberships) === 'yes';
}
