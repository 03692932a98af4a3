import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { validateAgainstSchema } from '../schema/validate.ts';
import { CONFIG_LIMITS, keyNodeAt, loadYaml, posOf } from '../yaml/safe-load.ts';

export const IDENTITIES_PATH = '.github/access-identities.yaml';
/** A GitHub login: letters, digits and single hyphens, at most 39 characters. */
export const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** How an Entra user is named: by user principal name or by object id. */
export type EntraUserRef = { upn: string } | { id: string };

export interface Identities {
  file: string;
  /** Keyed by lower-cased GitHub login: GitHub logins are case-insensitive. */
  users: Map<string, EntraUserRef>;
}

export type IdentitiesResult = { identities: Identities; diagnostics: Diagnostic[] } | { identities: undefined; diagnostics: Diagnostic[] };

export function parseIdentities(file: string, bytes: Uint8Array | string): IdentitiesResult {
  const loaded = loadYaml(file, bytes, CONFIG_LIMITS);
  if (!loaded.ok) return { identities: undefined, diagnostics: loaded.diagnostics };
  const schemaErrors = validateAgainstSchema('identities', loaded.yaml);
  if (schemaErrors.length > 0) return { identities: undefined, diagnostics: schemaErrors };

  const raw = loaded.yaml.value as { users: Record<string, EntraUserRef> };
  const users = new Map<string, EntraUserRef>();
  const spelled = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const [login, ref] of Object.entries(raw.users)) {
    const key = login.toLowerCase();
    const earlier = spelled.get(key);
    if (earlier !== undefined) {
      const pos = posOf(keyNodeAt(loaded.yaml.doc, ['users'], login), loaded.yaml.lineCounter);
      diagnostics.push(diagnostic(file, pos, `"${login}" and "${earlier}" are the same GitHub login (logins ignore case). Keep one entry.`));
      continue;
    }
    spelled.set(key, login);
    users.set(key, 'id' in ref ? { id: ref.id.toLowerCase() } : { upn: ref.upn });
  }
  if (diagnostics.length > 0) return { identities: undefined, diagnostics };
  return { identities: { file, users }, diagnostics };
}
