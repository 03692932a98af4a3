/**
 * The three files that decide what can be granted: policy, identities and CODEOWNERS. The action
 * reads them at the pull request's base commit, so a pull request cannot change its own rules
 * (docs/threat-model.md invariant 1).
 */
import { diagnostic, hasErrors, ConfigError, type Diagnostic } from '../diagnostics.ts';
import { CODEOWNERS_MAX_BYTES, CODEOWNERS_PATHS, ownersOf, parseCodeowners, type Codeowners } from '../codeowners/codeowners.ts';
import { IDENTITIES_PATH, parseIdentities, type Identities } from '../identities/identities.ts';
import { parsePolicy, POLICY_PATH, type Policy } from '../policy/policy.ts';
import { REQUESTS_DIR } from '../request/path.ts';
import { contentOrDiagnostic, type RepoFiles } from '../repo/files.ts';
import { CONFIG_LIMITS } from '../yaml/safe-load.ts';

export interface AccessConfig {
  where: string;
  policy: Policy;
  identities: Identities;
  codeowners: Codeowners;
  /** Problems that do not stop validation (e.g. a CODEOWNERS line GitHub skips). */
  warnings: Diagnostic[];
}

/** The configuration files a pull request that changes requests/ must not touch (docs/threat-model.md 6). */
export const CONFIG_PATHS = [POLICY_PATH, IDENTITIES_PATH, ...CODEOWNERS_PATHS] as const;

export async function loadConfig(files: RepoFiles): Promise<AccessConfig> {
  const problems: Diagnostic[] = [];
  const missing = (file: string, what: string) => problems.push(diagnostic(file, undefined, `${file} is missing in ${files.where}. ${what}`));

  /** Reads one YAML configuration file and parses it, collecting every problem on the way. */
  const readParsed = async <T>(path: string, hint: string, parse: (file: string, bytes: Uint8Array) => { diagnostics: Diagnostic[]; value: T | undefined }) => {
    const content = await files.read(path);
    if (!content) {
      missing(path, hint);
      return undefined;
    }
    const bytes = contentOrDiagnostic(path, content, CONFIG_LIMITS.maxBytes);
    if (!(bytes instanceof Uint8Array)) {
      problems.push(bytes);
      return undefined;
    }
    const result = parse(path, bytes);
    problems.push(...result.diagnostics);
    return result.value;
  };
  const policy = await readParsed(POLICY_PATH, 'Create it with the groups that can be requested (see README, "The policy").', (file, bytes) => {
    const r = parsePolicy(file, bytes);
    return { diagnostics: r.diagnostics, value: r.policy };
  });
  const identities = await readParsed(IDENTITIES_PATH, 'Create it to map GitHub logins to Entra users (see README, "Identities").', (file, bytes) => {
    const r = parseIdentities(file, bytes);
    return { diagnostics: r.diagnostics, value: r.identities };
  });

  let codeowners: Codeowners | undefined;
  for (const path of CODEOWNERS_PATHS) {
    const content = await files.read(path);
    if (!content) continue;
    const bytes = contentOrDiagnostic(path, content, CODEOWNERS_MAX_BYTES);
    if (!(bytes instanceof Uint8Array)) {
      problems.push(bytes);
      break;
    }
    const result = parseCodeowners(path, new TextDecoder().decode(bytes));
    problems.push(...result.diagnostics.map((d) => ({ ...d, severity: 'warning' as const })));
    codeowners = result.codeowners;
    break;
  }
  if (!codeowners && !problems.some((d) => CODEOWNERS_PATHS.includes(d.file as (typeof CODEOWNERS_PATHS)[number]))) {
    missing('.github/CODEOWNERS', 'Code owners approve requests: add a line per group folder, e.g. "/requests/prod-db-admins/ @acme/dba-leads".');
  }

  if (policy && codeowners) problems.push(...checkCoverage(policy, codeowners));
  if (hasErrors(problems) || !policy || !identities || !codeowners) {
    throw new ConfigError(`the access configuration in ${files.where} is not valid`, problems);
  }
  return { where: files.where, policy, identities, codeowners, warnings: problems };
}

/** Every requestable group needs someone to approve it; otherwise nobody's approval could count. */
export function checkCoverage(policy: Policy, codeowners: Codeowners): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of policy.groups.keys()) {
    const probe = `${REQUESTS_DIR}/${name}/request.yaml`;
    const owners = ownersOf(codeowners, probe).filter((o) => o.kind !== 'email');
    if (owners.length === 0) {
      out.push(
        diagnostic(
          policy.file,
          policy.positions.get(name),
          `the group "${name}" has no code owner for ${REQUESTS_DIR}/${name}/ in ${codeowners.file}, so no approval could ever count. Add a line "/${REQUESTS_DIR}/${name}/ @org/approvers" to ${codeowners.file}.`,
        ),
      );
    }
  }
  return out;
}
