/**
 * `discover --write`: the proposal as a change to review. On a new branch, the discovered groups that
 * can be onboarded join the policy in audit mode (nothing is removed until a later, reviewed switch to
 * enforce), with standing exemptions for the members who stay, each with its reason and a review date;
 * a folder nobody owns in CODEOWNERS gets the owners of the policy file. Nothing changes in Entra.
 */
import { isMap, parseDocument, stringify } from 'yaml';
import { ownersOf, formatOwner } from '../codeowners/codeowners.ts';
import type { AccessConfig } from '../config/config.ts';
import type { Git } from '../git/git.ts';
import type { Discovery } from '../commands/discover.ts';
import { ConfigError } from '../diagnostics.ts';
import { POLICY_PATH } from '../policy/policy.ts';

const DAY = 86_400_000;

/** The policy text with the groups added (the rest of the file kept byte for byte), and the CODEOWNERS lines to add. */
export function proposalEdits(policyText: string, config: AccessConfig, d: Discovery, now: number): { policy: string; codeowners: string[]; added: string[] } {
  const review = new Date(now + 90 * DAY).toISOString().slice(0, 10);
  const added: Record<string, unknown> = {};
  const codeowners: string[] = [];
  const policyOwners = ownersOf(config.codeowners, POLICY_PATH).map(formatOwner);
  for (const g of d.groups) {
    if (!g.onboard.ok) continue;
    const standing = g.members
      .filter((m) => m.proposal === 'standing')
      .map((m) => ({ id: m.id, reason: `${m.kind === 'servicePrincipal' ? 'service principal' : m.name}: ${m.reason}`.slice(0, 500), review }));
    added[g.name] = {
      id: g.id,
      description: `${g.displayName}: found by discover on ${new Date(now).toISOString().slice(0, 10)}; it ${g.why.join('; ')}`.slice(0, 500),
      maxDuration: g.onboard.maxDuration,
      approvals: g.weight >= 10 ? 2 : 1,
      mode: 'audit',
      ...(standing.length > 0 ? { standing } : {}),
    };
    if (ownersOf(config.codeowners, `requests/${g.name}/x.yaml`).length === 0) {
      if (policyOwners.length === 0)
        throw new ConfigError(`nobody owns ${POLICY_PATH} in CODEOWNERS, so nobody could approve requests for ${g.name}: add owners first.`);
      codeowners.push(`/requests/${g.name}/ ${policyOwners.join(' ')}`);
    }
  }
  // Standing privileged Azure role assignments: an entry each, in audit mode (its holders are reported,
  // not removed, until a reviewed switch to enforce).
  for (const r of d.azureRoles) {
    added[r.name] = {
      azureRole: { role: r.roleName, scope: r.scope },
      description:
        `${r.roleName} at ${r.scope}: found by discover on ${new Date(now).toISOString().slice(0, 10)}, held around the clock by ${r.holders.map((h) => h.name).join(', ')}`.slice(
          0,
          500,
        ),
      maxDuration: '4h',
      approvals: 2,
      mode: 'audit',
    };
    if (ownersOf(config.codeowners, `requests/${r.name}/x.yaml`).length === 0) {
      if (policyOwners.length === 0)
        throw new ConfigError(`nobody owns ${POLICY_PATH} in CODEOWNERS, so nobody could approve requests for ${r.name}: add owners first.`);
      codeowners.push(`/requests/${r.name}/ ${policyOwners.join(' ')}`);
    }
  }
  const names = Object.keys(added);
  return { policy: names.length === 0 ? policyText : insertGroups(policyText, added), codeowners, added: names };
}

/**
 * The new groups written as YAML (the library quotes what needs quoting) and inserted where the
 * groups mapping ends, at its indentation, so that the reviewed diff holds only them. A layout where
 * that cannot be done (a flow-style groups mapping) is rewritten through the library instead.
 */
function insertGroups(text: string, groups: Record<string, unknown>): string {
  const doc = parseDocument(text);
  const node = doc.get('groups', true);
  if (isMap(node) && !node.flow && node.range && node.items.length > 0) {
    const first = node.items[0]!.key as { range?: [number, number, number] };
    const indent = first.range ? text.slice(0, first.range[0]).split('\n').pop()!.length : 2;
    const block = stringify(groups, { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l) => `${' '.repeat(indent)}${l}`)
      .join('\n');
    const at = node.range[1];
    const before = text.slice(0, at).replace(/\n*$/, '');
    const result = `${before}\n${block}\n${text.slice(at).replace(/^\n*/, '')}`;
    const check = parseDocument(result).toJS() as { groups?: Record<string, unknown> };
    if (Object.keys(groups).every((g) => check.groups?.[g] !== undefined)) return result;
  }
  for (const [name, value] of Object.entries(groups)) doc.setIn(['groups', name], value);
  return doc.toString({ lineWidth: 0 });
}

/** Writes the proposal on a new branch and commits it; returns the branch, or throws with what to fix. */
export async function writeProposal(
  git: Git,
  root: string,
  config: AccessConfig,
  d: Discovery,
  now: number,
  branch: string,
): Promise<{ branch: string; added: string[] }> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const dirty = (await git.run(['status', '--porcelain', '--', '.github'])).toString('utf8').trim();
  if (dirty) throw new ConfigError(`.github/ has uncommitted changes; commit or stash them first, so the proposal is its own change:\n${dirty}`);
  const policyPath = join(root, POLICY_PATH);
  const edits = proposalEdits(await readFile(policyPath, 'utf8'), config, d, now);
  if (edits.added.length === 0) return { branch: '', added: [] };
  await git.run(['switch', '-c', branch]);
  await writeFile(policyPath, edits.policy);
  const files = [POLICY_PATH];
  if (edits.codeowners.length > 0) {
    const path = join(root, config.codeowners.file);
    const text = await readFile(path, 'utf8');
    await writeFile(path, `${text.replace(/\n*$/, '\n')}${edits.codeowners.join('\n')}\n`);
    files.push(config.codeowners.file);
  }
  await git.run(['add', '--', ...files]);
  await git.run(['commit', '-q', '-m', `access-as-code discover: onboard ${edits.added.join(', ')} in audit mode`]);
  return { branch, added: edits.added };
}
