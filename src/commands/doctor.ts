/**
 * `doctor`: checks that the set-up works end to end before anything depends on it: sign-in, every
 * policy group exists in Entra and its membership can be managed (not role-assignable, docs/threat-model.md 8;
 * not dynamic, synced from on-premises or mail-enabled, docs/threat-model.md 39), every identity resolves to a user,
 * and what the signed-in identity can change beyond the policy's groups (docs/threat-model.md 41).
 * It only reads.
 */
import { BACKENDS } from '../backends/index.ts';
import { environmentProblems, rulesetProblems, type EnvironmentFacts } from '../github/rules.ts';

/** The environment the grant, sweep and break-glass jobs run in (the template's workflows). */
export const GRANT_ENVIRONMENT = 'access-grant';
import type { AccessConfig } from '../config/config.ts';
import { exemptionsDue, type GroupPolicy } from '../policy/policy.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { DirectoryError, unmanageable, type Directory, type DirectoryGroup } from '../entra/directory.ts';
import { judgeReach, type Reach } from '../entra/reach.ts';

export interface GroupCheck {
  name: string;
  id: string;
  displayName?: string;
  members?: number;
  problem?: string;
  /** What membership confers (effective access), one line each, privileged first. */
  confers?: string[];
}

export interface DoctorReport {
  groups: GroupCheck[];
  identities: { login: string; resolved: boolean }[];
  /** The signed-in identity's permissions, roles and what they reach (docs/threat-model.md 41). */
  identity?: Reach;
  diagnostics: Diagnostic[];
}

/** What doctor reads from GitHub when it has a token: the default branch's rules, the grant environment, the labels. */
export interface DoctorGitHub {
  rules: () => Promise<{ type: string; parameters: Record<string, unknown> }[]>;
  environment?: () => Promise<EnvironmentFacts | undefined>;
  missingLabels?: () => Promise<string[]>;
  /** The code-owner and requester teams read with the token the grant uses for teams: their members, or why not. */
  teams?: () => Promise<Map<string, Set<string> | string>>;
  /** What the repository's workflow files lack in token permissions for the commands they run. */
  workflowPermissions?: () => Promise<string[]>;
  branch: string;
}

export async function doctor(config: AccessConfig, directory: Directory, github?: DoctorGitHub, now = Date.now()): Promise<DoctorReport> {
  const diagnostics: Diagnostic[] = [];
  // Everything in a few batched calls: the same lookups the sweep makes.
  // Entra group entries; an entry that grants an Azure role is checked by its backend (backendsReady).
  const policyGroups = [...config.policy.groups.values()].filter((g) => !g.azureRole);
  const found = await directory.getGroups(policyGroups.map((g) => g.id));
  const usable = policyGroups.filter((g) => found.get(g.id) && !unmanageable(found.get(g.id)!));
  const members = await directory.listMembersOfGroups(usable.map((g) => g.id));
  const groups = policyGroups.map((group) => checkGroup(config, group, found.get(group.id), members, diagnostics));
  const identities = await checkIdentities(config, directory, diagnostics);
  await backendsReady(config, [...usable, ...[...config.policy.groups.values()].filter((g) => g.azureRole)], directory, diagnostics);
  for (const { group, entry } of exemptionsDue(config.policy, now)) {
    diagnostics.push(
      diagnostic(
        config.policy.file,
        entry.position,
        `group "${group}": the standing exemption of ${entry.id} ("${entry.reason}") was due for review on ${entry.review}. Check that it is still needed, then set a new review date, or remove it.`,
        'warning',
      ),
    );
  }
  const identity = await judgeIdentity(usable, directory);
  for (const f of identity?.findings ?? []) {
    if (f.severity === 'info') identity!.lines.push(f.message.charAt(0).toUpperCase() + f.message.slice(1));
    else diagnostics.push(diagnostic(config.policy.file, undefined, `automation identity: ${f.message}`, f.severity));
  }
  await checkConferred(config, usable, directory, groups, diagnostics, now);
  const most = [...config.policy.groups].map(([group, g]) => ({ group, approvals: g.approvals })).sort((a, b) => b.approvals - a.approvals)[0];
  if (github) diagnostics.push(...(await githubProblems(github, most)));
  return { groups, identities, ...(identity ? { identity } : {}), diagnostics };
}

function checkGroup(
  config: AccessConfig,
  group: GroupPolicy,
  entra: DirectoryGroup | undefined,
  members: ReadonlyMap<string, unknown[]>,
  diagnostics: Diagnostic[],
): GroupCheck {
  const problem = entra
    ? unmanageable(entra)
    : `no Entra group has the id ${group.id}. Copy the object id from the group's overview page in the Entra admin center.`;
  if (!problem) return { name: group.name, id: group.id, displayName: entra!.displayName, members: members.get(group.id)?.length ?? 0 };
  diagnostics.push(diagnostic(config.policy.file, config.policy.positions.get(group.name), `group "${group.name}": ${problem}`));
  return { name: group.name, id: group.id, ...(entra ? { displayName: entra.displayName } : {}), problem };
}

async function checkIdentities(config: AccessConfig, directory: Directory, diagnostics: Diagnostic[]): Promise<{ login: string; resolved: boolean }[]> {
  const entries = [...config.identities.users];
  const users = await directory.resolveUsers(entries.map(([, ref]) => ref));
  return entries.map(([login, ref], i) => {
    if (!users[i])
      diagnostics.push(
        diagnostic(
          config.identities.file,
          undefined,
          `${login} maps to ${'upn' in ref ? ref.upn : ref.id}, which is not a user in Entra. Fix the entry or remove it.`,
          'warning',
        ),
      );
    return { login, resolved: users[i] !== undefined };
  });
}

/** The ruleset on the default branch, the labels and the grant environment, each read on its own: one that fails is a warning. */
async function githubProblems(github: DoctorGitHub, most: { group: string; approvals: number } | undefined): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const warn = (text: string) => out.push(diagnostic('.github', undefined, text, 'warning'));
  try {
    for (const problem of rulesetProblems(await github.rules(), github.branch, most)) warn(problem);
  } catch (error) {
    warn(`could not read the rules of ${github.branch} (${(error as Error).message}); check them by hand (docs/setup.md, step 5).`);
  }
  if (github.missingLabels) {
    try {
      for (const label of await github.missingLabels())
        warn(
          `the label "${label}" does not exist in the repository. GitHub applies an issue form's labels only when they exist, and the issue workflow, dashboard and break-glass find their issues by it: create it (Issues → Labels → New label, or "gh label create ${label}"; docs/setup.md, step 9).`,
        );
    } catch (error) {
      warn(`could not read the repository's labels (${(error as Error).message}).`);
    }
  }
  if (github.teams) {
    try {
      for (const why of (await github.teams()).values()) if (typeof why === 'string') warn(why);
    } catch (error) {
      warn(`could not read the organisation's teams (${(error as Error).message}).`);
    }
  }
  if (github.workflowPermissions) {
    try {
      for (const problem of await github.workflowPermissions()) warn(problem);
    } catch (error) {
      warn(`could not read the workflow files (${(error as Error).message}).`);
    }
  }
  if (github.environment) {
    try {
      for (const problem of environmentProblems(await github.environment(), GRANT_ENVIRONMENT, github.branch)) warn(problem);
    } catch (error) {
      warn(
        `could not read the environment "${GRANT_ENVIRONMENT}" (${(error as Error).message}); check its deployment branches by hand (docs/setup.md, step 4).`,
      );
    }
  }
  return out;
}

/**
 * What each usable group confers (effective access), and a warning where its policy asks too little
 * for privileged access (one approval, a long maximum). Reading it never fails doctor.
 */
async function checkConferred(
  config: AccessConfig,
  usable: readonly GroupPolicy[],
  directory: Directory,
  groups: GroupCheck[],
  diagnostics: Diagnostic[],
  now: number,
): Promise<void> {
  if (usable.length === 0) return;
  const { catalogueOfPolicy, accessLines } = await import('../entra/catalogue.ts');
  const { privilegeFindings } = await import('../policy/privileged.ts');
  const catalogue = await catalogueOfPolicy(
    directory,
    config.policy,
    now,
    usable.map((g) => g.name),
  );
  for (const access of catalogue?.groups ?? []) {
    const check = groups.find((g) => g.name === access.group);
    if (check) check.confers = accessLines(access);
    const policy = config.policy.groups.get(access.group)!;
    for (const finding of privilegeFindings(policy, access))
      diagnostics.push(diagnostic(config.policy.file, config.policy.positions.get(policy.name), finding, 'warning'));
  }
}

/** Each backend in use proves, by reading only, that it can work for its groups (pim: PIM for Groups can be read). */
async function backendsReady(config: AccessConfig, usable: readonly GroupPolicy[], directory: Directory, diagnostics: Diagnostic[]): Promise<void> {
  for (const backend of Object.values(BACKENDS)) {
    const mine = usable.filter((g) => g.backend === backend.name);
    if (mine.length === 0 || !backend.ready) continue;
    try {
      const findings = await backend.ready(
        directory,
        mine.map((g) => g.id),
      );
      for (const f of findings ?? []) {
        const entry = f.entry !== undefined ? mine.find((g) => g.id === f.entry) : undefined;
        diagnostics.push(
          diagnostic(
            config.policy.file,
            entry ? config.policy.positions.get(entry.name) : undefined,
            entry ? `"${entry.name}": ${f.message}` : `automation identity: ${f.message}`,
            f.severity,
          ),
        );
      }
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      for (const g of mine)
        diagnostics.push(
          diagnostic(
            config.policy.file,
            config.policy.positions.get(g.name),
            `group "${g.name}" has backend: ${backend.name}, but ${backend.title} could not be read: ${error.message}`,
          ),
        );
    }
  }
}

/** The identity's reach, when the directory can tell; reading it never fails doctor. */
async function judgeIdentity(policyGroups: readonly GroupPolicy[], directory: Directory): Promise<Reach | undefined> {
  if (!directory.identity) return undefined;
  const groups = policyGroups.map((g) => ({
    name: g.name,
    id: g.id,
    writesMembers: BACKENDS[g.backend].writesMembers,
    permissions: BACKENDS[g.backend].permissions,
    revokeSessions: g.revokeSessions,
  }));
  try {
    return judgeReach(await directory.identity(groups.map((g) => g.id)), groups);
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    return { scope: 'unknown', lines: [`The identity's permissions could not be read: ${error.message}`], findings: [] };
  }
}
