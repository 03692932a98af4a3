/**
 * The configuration is approved too (docs/threat-model.md 53): a version of the policy, identities or
 * CODEOWNERS counts only if it landed on the default branch through a merged pull request into it
 * whose approved head holds exactly that version, approved by code owners of the changed files under
 * the approved CODEOWNERS before it (as many as the most demanding group asks, none of them the
 * author or a pusher), and changed nothing under requests/ (a mixed pull request, refused by the
 * check and merged past it, changes nothing: docs/threat-model.md 53). The root of trust is the
 * pinned commit (the input root-commit, from the repository variable ACCESS_ROOT_COMMIT, which only
 * an administrator can set: invariant 23), or, unpinned, the first commit of the default branch's
 * first-parent history that has a configuration. A pinned root that is not on that history (a
 * force-push, or a bypass merge whose first parent is a new root commit) is a RootMovedError: the
 * run grants nothing new. A change that is not approved is not used: the last approved version of
 * each file stays in force, and the run names the commit and why.
 *
 * Cost: one git log of the configuration files, and for the changes after the root two or three
 * GraphQL queries per 100 changes (their pull requests, reviews and on-behalf-of teams).
 */
import { choosePull, evaluateApprovals, pushersOf, reviewsBeforeMerge } from '../approval/approval.ts';
import { formatOwner, ownersOf } from '../codeowners/codeowners.ts';
import { ConfigError } from '../diagnostics.ts';
import { localBlobs, type CatFile } from '../git/cat-file.ts';
import type { Git } from '../git/git.ts';
import { GITHUB_COMMIT_LIST_LIMIT, GitHubUnavailableError, type GitHubFacts, type PullFacts } from '../github/graphql.ts';
import type { RepoFiles } from '../repo/files.ts';
import { CONFIG_PATHS, loadConfig, type AccessConfig } from './config.ts';
import { pushProblems, type PushGuarantee } from '../approval/pushers.ts';
import { isRequestsHousekeeping, isUnderRequests } from '../request/path.ts';
import { lastPushGuarantee } from '../github/rules.ts';

/**
 * The pinned root of trust is not on the default branch's first-parent history: the history was
 * rewritten (a force-push) or a merge made a new root commit its first parent. Nothing the new history
 * says is approved can be trusted until a person looks and pins again. A ConfigError, so that a door
 * that meets it (break-glass) refuses with this message; the reconciler catches it to remove only.
 */
export class RootMovedError extends ConfigError {
  constructor(root: string, head: string, branch: string) {
    super(
      `the root of trust moved: the pinned root commit ${root} (the input root-commit, set from the repository variable ACCESS_ROOT_COMMIT) is not on the first-parent history of ${branch} at ${head.slice(0, 7)}. Someone rewrote ${branch} (a force-push) or merged a new root commit as its first parent, so no configuration on it can be proven approved. Nothing new is granted and this run fails until a person re-pins: a repository administrator checks the history of ${branch}, then sets ACCESS_ROOT_COMMIT (Settings > Secrets and variables > Actions > Variables) to the commit whose configuration is trusted (the new first commit is named by "git rev-list --first-parent --max-parents=0 origin/${branch}"). Ended access is still removed.`,
    );
    this.name = 'RootMovedError';
  }
}

/** A full commit id: the form root-commit must take (a short or symbolic name could be made to point elsewhere). */
export const ROOT_COMMIT = /^[0-9a-f]{40}$/;

export interface IgnoredConfigChange {
  sha: string;
  files: string[];
  why: string;
}

export interface ConfigVersions {
  /** The approved configuration in force at a commit of the head's first-parent history, or why there is none. */
  at(commit: string): Promise<AccessConfig | string>;
  /** Changes to the configuration that are not in force, oldest first. */
  ignored: IgnoredConfigChange[];
  /** The ignored changes whose versions are on `commit` instead of the approved ones: what a run must say loudly. */
  ignoredAt(commit: string): Promise<IgnoredConfigChange[]>;
}

interface Change {
  sha: string;
  files: string[];
}

/** Versions of each configuration file: path -> blob id (absent: the file does not exist). */
type Versions = ReadonlyMap<string, string>;

/** First-parent commits that changed a configuration file, oldest first, with the files they changed. */
async function configChanges(git: Git, head: string): Promise<Change[]> {
  const out = await git.run([
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--no-renames',
    '--reverse',
    '--format=%x01%H',
    '--name-only',
    '-z',
    head,
    '--',
    ...CONFIG_PATHS,
  ]);
  const changes: Change[] = [];
  for (const block of out.toString('utf8').split('\x01')) {
    if (block === '') continue;
    const [sha, ...rest] = block.split(/[\n\0]/).filter((x) => x !== '');
    changes.push({ sha: sha!, files: rest.filter((f) => (CONFIG_PATHS as readonly string[]).includes(f)) });
  }
  return changes;
}

async function versionsAt(reader: CatFile, commit: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of CONFIG_PATHS) {
    const o = await reader.read(`${commit}:${path}`);
    if (o?.type === 'blob') out.set(path, o.oid);
  }
  return out;
}

function filesOf(reader: CatFile, versions: Versions, where: string): RepoFiles {
  return {
    where,
    async read(path) {
      const oid = versions.get(path);
      const o = oid ? await reader.read(oid) : undefined;
      if (!o || o.type !== 'blob') return undefined;
      return { size: o.size, ...(o.bytes ? { bytes: o.bytes } : {}) };
    },
    list: async () => [],
  };
}

/** Whether one change to the configuration was approved, under the approved configuration before it. */
export function judgeConfigChange(
  change: Change,
  before: AccessConfig,
  pull: PullFacts | undefined,
  landed: Versions,
  atHead: ReadonlyMap<string, string | null>,
  branch: string,
  pushGuarantee: PushGuarantee,
  requestsLanded: readonly string[] = [],
): string | undefined {
  if (!pull) return `no merged pull request into ${branch} contains it (a direct push, or a merge that bypassed review).`;
  if (!pull.merged || !pull.mergedAt) return `pull request #${pull.number} is not merged.`;
  const mixed = mixedWith(pull, requestsLanded);
  if (mixed)
    return `#${pull.number} also changes ${mixed}: a pull request that changes access requests may change nothing else (the pull-request check refuses it), so a configuration change merged with a request is not in force. Make the configuration change in a pull request of its own.`;
  for (const f of change.files)
    if ((landed.get(f) ?? null) !== (atHead.get(f) ?? null))
      return `${f} on ${branch} is not the version approved in #${pull.number} (a merge combined it with other changes).`;
  if (pull.commitCount >= GITHUB_COMMIT_LIST_LIMIT)
    return `#${pull.number} has ${pull.commitCount} commits; GitHub lists at most ${GITHUB_COMMIT_LIST_LIMIT}, so who pushed to it cannot be known.`;
  const author = pull.author ?? '';
  if (!author) return `GitHub names no author for #${pull.number}.`;
  const unproven = pushProblems(pull, author, pushGuarantee);
  if (unproven.length > 0) return unproven.join(' ');
  const pushers = pushersOf(pull.commits);
  const reviews = reviewsBeforeMerge(pull.reviews, Date.parse(pull.mergedAt));
  const required = Math.max(1, ...[...before.policy.groups.values()].map((g) => g.approvals));
  for (const f of change.files) {
    const owners = ownersOf(before.codeowners, f);
    // People under the approved identities before the change (same UPN or same id; no Entra look-up here).
    const people = { identities: before.identities, upnIds: new Map<string, string>() };
    const approval = evaluateApprovals({ required, headSha: pull.headRefOid, reviews, owners, requester: author, author, pushers, people });
    if (!approval.ok) {
      const notes = approval.ignored.map((i) => `@${i.reviewer} ${i.why}`).join('; ');
      return `#${pull.number} changes ${f}, which needs ${required} approval${required === 1 ? '' : 's'} of its merged head from code owners of ${f} (${owners.map(formatOwner).join(' ') || 'none in the approved CODEOWNERS'}) other than its author and pushers; counted: ${approval.approvers.map((a) => `@${a}`).join(', ') || 'none'}${notes ? `. Not counted: ${notes}` : ''}.`;
    }
  }
  return undefined;
}

/** A request file changed with the configuration: from git (what the change landed) and GitHub's file list (a rebase merge spreads a pull request). */
function mixedWith(pull: PullFacts, requestsLanded: readonly string[]): string | undefined {
  const isRequest = (path: string) => isUnderRequests(path) && !isRequestsHousekeeping(path);
  return requestsLanded.find(isRequest) ?? pull.files?.map((f) => f.path).find(isRequest);
}

/** Request files a first-parent change landed (its diff against its first parent). */
async function requestsLandedBy(git: Git, sha: string): Promise<string[]> {
  const out = await git.tryRun(['diff', '--no-renames', '--name-only', '-z', `${sha}^1`, sha, '--', 'requests/']);
  return out
    ? out
        .toString('utf8')
        .split('\0')
        .filter((p) => p !== '')
    : [];
}

/**
 * The changes judged from the root on: unpinned, every change (the first is the root); pinned, the
 * root commit's configuration as the first state and the changes after it.
 */
async function rootedChanges(git: Git, head: string, root: string | undefined, order: ReadonlyMap<string, number>): Promise<Change[]> {
  const changes = await configChanges(git, head);
  if (root === undefined) return changes;
  const at = order.get(root)!;
  return [{ sha: root, files: [...CONFIG_PATHS] }, ...changes.filter((c) => (order.get(c.sha) ?? -1) > at)];
}

/**
 * The approved configuration at the default branch's head, for a decision made outside the reconciler
 * (break-glass): the same versions the reconciler uses, never the checkout's files.
 */
export async function approvedConfigAt(
  git: Git,
  reader: CatFile,
  githubFacts: GitHubFacts,
  head: string,
  branch: string,
  root?: string,
): Promise<{ config: AccessConfig; ignored: IgnoredConfigChange[] }> {
  const pushGuarantee = lastPushGuarantee(await githubFacts.branchRules(branch), branch);
  const versions = await approvedConfigurations(git, reader, githubFacts, head, branch, pushGuarantee, root);
  const config = await versions.at(head);
  if (typeof config === 'string') throw new ConfigError(config);
  return { config, ignored: await versions.ignoredAt(head) };
}

/**
 * A configuration change judged from an answer in part could be refused for what GitHub did not say,
 * and an older configuration would then be in force: as if GitHub could not be read at all (only
 * removals nothing can cover, nothing granted), and said.
 */
function throwIfPartial(whys: Iterable<string>): void {
  const first = [...whys][0];
  if (first) throw new GitHubUnavailableError(`${first}; which configuration changes are approved cannot be told.`);
}

/**
 * The approved configuration versions along the head's first-parent history. Throws
 * GitHubUnavailableError when GitHub cannot be read and a change after the root needs verifying.
 */
export async function approvedConfigurations(
  git: Git,
  reader: CatFile,
  githubFacts: GitHubFacts,
  head: string,
  branch: string,
  pushGuarantee: PushGuarantee,
  root?: string,
): Promise<ConfigVersions> {
  const order = new Map(
    (await git.run(['rev-list', '--first-parent', head]))
      .toString('utf8')
      .trim()
      .split('\n')
      .reverse()
      .map((sha, i) => [sha, i] as const),
  );
  if (root !== undefined && !order.has(root)) throw new RootMovedError(root, head, branch);
  const changes = await rootedChanges(git, head, root, order);
  const ignored: IgnoredConfigChange[] = [];
  // The state after each change: the versions in force from that commit on.
  const states: { index: number; sha: string; versions: Versions }[] = [];
  const parsed = new Map<string, Promise<AccessConfig | string>>();
  const configOf = (versions: Versions, where: string): Promise<AccessConfig | string> => {
    const key = CONFIG_PATHS.map((p) => versions.get(p) ?? '-').join(' ');
    let config = parsed.get(key);
    if (!config) {
      config = loadConfig(filesOf(reader, versions, where)).catch((error: unknown) => {
        if (error instanceof ConfigError)
          return `the approved access configuration (${where}) is not valid: ${error.diagnostics.map((d) => `${d.file}: ${d.message}`).join(' ') || error.message}`;
        throw error;
      });
      parsed.set(key, config);
    }
    return config;
  };

  if (changes.length > 0) {
    const [root, ...later] = changes;
    states.push({ index: order.get(root!.sha) ?? 0, sha: root!.sha, versions: await versionsAt(reader, root!.sha) });
    if (later.length > 0) {
      const { pulls: associated, unavailable: commitsUnread } = await githubFacts.pullsOfCommits(later.map((c) => c.sha));
      throwIfPartial(commitsUnread.values());
      const chosen = new Map(later.map((c) => [c.sha, choosePull(c.sha, associated.get(c.sha) ?? [], branch)] as const));
      const numbers = [...new Set([...chosen.values()].flatMap((p) => (p ? [p.number] : [])))];
      const blobSpecs = later.flatMap((c) => {
        const p = chosen.get(c.sha);
        return p ? c.files.map((f) => `${p.headRefOid}:${f}`) : [];
      });
      const { local, remote } = await localBlobs(reader, blobSpecs);
      const { pulls, blobs, unavailable } = await githubFacts.pulls(
        numbers.map((number) => ({ number, files: true })),
        remote,
      );
      throwIfPartial([...unavailable.pulls.values(), ...unavailable.blobs.values()]);
      for (const change of later) {
        const previous = states[states.length - 1]!;
        const before = await configOf(previous.versions, `the approved configuration before ${change.sha.slice(0, 7)}`);
        const landed = await versionsAt(reader, change.sha);
        const ref = chosen.get(change.sha);
        const pull = ref ? pulls.get(ref.number) : undefined;
        const atHead = new Map(
          change.files.map(
            (f) =>
              [
                f,
                ref ? (local.has(`${ref.headRefOid}:${f}`) ? local.get(`${ref.headRefOid}:${f}`)! : (blobs.get(`${ref.headRefOid}:${f}`) ?? null)) : null,
              ] as const,
          ),
        );
        const why =
          typeof before === 'string'
            ? before
            : judgeConfigChange(change, before, pull, landed, atHead, branch, pushGuarantee, await requestsLandedBy(git, change.sha));
        if (why) {
          ignored.push({ sha: change.sha, files: change.files, why });
          continue;
        }
        const versions = new Map(previous.versions);
        for (const f of change.files) {
          const v = landed.get(f);
          if (v) versions.set(f, v);
          else versions.delete(f);
        }
        states.push({ index: order.get(change.sha) ?? 0, sha: change.sha, versions });
      }
    }
  }
  const stateAt = (commit: string) => {
    const index = order.get(commit);
    return index === undefined ? undefined : { index, state: [...states].reverse().find((s) => s.index <= index) };
  };
  return {
    ignored,
    async at(commit) {
      const found = stateAt(commit);
      if (!found)
        return `commit ${commit.slice(0, 7)} is not on the first-parent history of ${branch}, so which configuration was approved there cannot be told.`;
      if (!found.state) return `there is no access configuration on ${branch} at ${commit.slice(0, 7)}.`;
      return configOf(found.state.versions, `approved as of ${found.state.sha.slice(0, 7)}`);
    },
    async ignoredAt(commit) {
      const found = stateAt(commit);
      if (!found?.state) return [];
      const there = await versionsAt(reader, commit);
      const differs = CONFIG_PATHS.filter((p) => (there.get(p) ?? null) !== (found.state!.versions.get(p) ?? null));
      return ignored.filter((c) => (order.get(c.sha) ?? Infinity) <= found.index && c.files.some((f) => (differs as string[]).includes(f)));
    },
  };
}
