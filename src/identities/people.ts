/**
 * People, not logins (docs/threat-model.md invariant 21, case 60): one person can hold several GitHub
 * accounts, and identities may map two of them to the same Entra user. Every comparison of who (the
 * requester, the author, pushers, approvers, a break-glass user and the reviewer of the use) asks
 * `samePerson`, which compares logins and the Entra users they map to.
 *
 * An identities entry names its user by object id or by user principal name. Two entries naming the
 * same UPN, or the same id, are one person. An entry by UPN and one by id are compared once the UPN is
 * resolved to its object id in Entra (`upnIds`, gathered by the caller: `upnsToResolve` says which).
 * A login without an entry is a person only as that login. Pure.
 */
import type { EntraUserRef, Identities } from './identities.ts';

export interface People {
  identities: Identities;
  /** Object ids of the UPNs that had to be resolved (lower-cased UPN -> lower-cased id). */
  upnIds: ReadonlyMap<string, string>;
}

/** Who a login is: "id:<object id>" or "upn:<upn>" when identities map it, else "login:<login>". */
export function personOf(people: People, login: string): string {
  const ref = people.identities.users.get(login.toLowerCase());
  if (!ref) return `login:${login.toLowerCase()}`;
  if ('id' in ref) return `id:${ref.id.toLowerCase()}`;
  const id = people.upnIds.get(ref.upn.toLowerCase());
  return id ? `id:${id.toLowerCase()}` : `upn:${ref.upn.toLowerCase()}`;
}

/** Whether two logins are one person: the same login, or mapped to the same Entra user. */
export function samePerson(people: People | undefined, a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  return people !== undefined && personOf(people, a) === personOf(people, b);
}

/** Why two different logins are one person, for messages. */
export function samePersonWhy(people: People, a: string, b: string): string {
  const ref = people.identities.users.get(a.toLowerCase())!;
  return `${a} and ${b} are the same Entra user (${'id' in ref ? ref.id : ref.upn}) in ${people.identities.file}`;
}

/**
 * The UPNs to resolve so that logins compared together can be told apart: where some of them are
 * mapped by object id and others by UPN. Where all are mapped the same way nothing is asked of Entra.
 */
export function upnsToResolve(identities: Identities, comparisons: Iterable<readonly string[]>): string[] {
  const out = new Set<string>();
  for (const logins of comparisons) {
    const refs = logins.map((l) => identities.users.get(l.toLowerCase())).filter((r): r is EntraUserRef => r !== undefined);
    if (!refs.some((r) => 'id' in r)) continue;
    for (const r of refs) if ('upn' in r) out.add(r.upn.toLowerCase());
  }
  return [...out].sort();
}

/** People with the UPNs resolved by `resolve` (Entra look-ups; a UPN Entra does not know stays a UPN). */
export async function gatherPeople(
  identities: Identities,
  comparisons: Iterable<readonly string[]>,
  resolve: ((refs: readonly EntraUserRef[]) => Promise<({ id: string } | undefined)[]>) | undefined,
): Promise<People> {
  return {
    identities,
    upnIds: await upnIdsOf(
      [...comparisons].map((logins) => ({ identities, logins })),
      resolve,
    ),
  };
}

/** The object ids of the UPNs that comparisons under (possibly several versions of) the identities need, asked of Entra in one go. */
export async function upnIdsOf(
  comparisons: readonly { identities: Identities; logins: readonly string[] }[],
  resolve: ((refs: readonly EntraUserRef[]) => Promise<({ id: string } | undefined)[]>) | undefined,
): Promise<Map<string, string>> {
  const upns = [...new Set(comparisons.flatMap((c) => upnsToResolve(c.identities, [c.logins])))].sort();
  const upnIds = new Map<string, string>();
  if (upns.length === 0 || !resolve) return upnIds;
  const found = await resolve(upns.map((upn) => ({ upn })));
  upns.forEach((upn, i) => {
    const id = found[i]?.id;
    if (id) upnIds.set(upn, id.toLowerCase());
  });
  return upnIds;
}
