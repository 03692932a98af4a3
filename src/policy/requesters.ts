/**
 * Who may ask for a group, stated once: a `requesters` entry is a login ("octocat" or "@octocat") or a
 * team ("@org/team"), whose membership is read from GitHub by the caller ("org/team:login" entries).
 * Used for requests (validation and the grant) and for break-glass. Pure.
 */

const bare = (entry: string) => entry.replace(/^@/, '').toLowerCase();
export const isTeamEntry = (entry: string) => entry.includes('/');

/** The teams among `requesters`, as "org/team" (lower-case). */
export function requesterTeams(requesters: readonly string[]): string[] {
  return requesters.filter(isTeamEntry).map(bare);
}

/** Whether `login` is listed by login among `requesters`. */
export function listedByLogin(login: string, requesters: readonly string[]): boolean {
  return requesters.some((r) => !isTeamEntry(r) && bare(r) === login.toLowerCase());
}

/** Whether `login` may ask: listed by login, or a member of a listed team (memberships read from GitHub now). */
export function mayRequest(login: string, requesters: readonly string[], memberships: ReadonlySet<string>): boolean {
  return listedByLogin(login, requesters) || requesterTeams(requesters).some((t) => memberships.has(`${t}:${login.toLowerCase()}`));
}
