/** `validate`: the verdicts on request files, for a tree (CLI, push) or a pull request (the check). */
import { ConfigError, type Diagnostic } from '../diagnostics.ts';
import { CONFIG_PATHS, loadConfig, type AccessConfig } from '../config/config.ts';
import { changedFiles, requireCommits, type ChangedFile, type ChangeStatus, type Git } from '../git/git.ts';
import { checkAuthor, checkOwnerOfChanged, checkScope } from '../pr/rules.ts';
import { atCommit, type RepoFiles } from '../repo/files.ts';
import { isRequestsHousekeeping, isUnderRequests, REQUESTS_DIR } from '../request/path.ts';
import { positionOfKey } from '../request/request.ts';
import { addDiagnostics, judgeRequest, type RequestVerdict } from '../request/verdict.ts';
import { requesterAt } from '../request/requester.ts';
import { FORM_PATH, formProblems } from '../form/form.ts';
import { configPlan, type ActiveRequest } from './config-plan.ts';

export interface ReportedVerdict extends RequestVerdict {
  change?: ChangeStatus;
}

export interface Deletion {
  file: string;
  requester?: string;
}

export interface ValidationReport {
  /** The configuration the requests were judged by (absent when it could not be loaded). */
  config?: AccessConfig;
  verdicts: ReportedVerdict[];
  /** Requests a pull request deletes: early revokes. */
  deletions: Deletion[];
  /** Problems not tied to one request: scope, configuration. */
  diagnostics: Diagnostic[];
  /** A configuration change's plan: what merging it does to the access in force and to who approves (config-plan.ts). */
  configPlan?: string[];
  /** Groups the configuration change switches from audit to enforce (their drift is removed at the next run). */
  enforceSwitches?: string[];
  /** The changed configuration, when it loads (a configuration change's pull request). */
  configAfter?: AccessConfig;
}

export function reportHasErrors(report: ValidationReport): boolean {
  return report.verdicts.some((v) => !v.valid) || report.diagnostics.some((d) => d.severity === 'error');
}

/**
 * Every request under requests/ against the configuration in the same tree, with at-rest timing,
 * except those in `fresh` (new or changed, not yet on the default branch), judged as the pull-request
 * check will judge them (strict timing); or only `paths`, judged as new requests, e.g. a file about
 * to be pushed.
 */
export async function validateTree(
  files: RepoFiles,
  now: number,
  paths?: readonly string[],
  fresh: ReadonlySet<string> = new Set(),
): Promise<ValidationReport> {
  const config = await loadConfig(files);
  const targets = paths ?? (await files.list(REQUESTS_DIR)).filter((p) => !isRequestsHousekeeping(p));
  const verdicts: ReportedVerdict[] = [];
  for (const file of targets) verdicts.push(judgeRequest(file, await files.read(file), config, now, paths || fresh.has(file) ? 'strict' : 'at-rest'));
  return { config, verdicts, deletions: [], diagnostics: [...config.warnings, ...(await formCheck(files, config))] };
}

export interface PullRequestFacts {
  base: string;
  head: string;
  /** The pull request author's login: the only identity that counts (docs/threat-model.md invariant 2). */
  author: string;
}

/**
 * What a configuration change does, judged against the requests in force at the base (valid and not
 * ended there); undefined when the changed configuration does not load (its problems are reported).
 */
export async function configChangePlan(base: AccessConfig, baseFiles: RepoFiles, head: AccessConfig, now: number): Promise<string[]> {
  const active: ActiveRequest[] = [];
  for (const file of (await baseFiles.list(REQUESTS_DIR)).filter((p) => !isRequestsHousekeeping(p))) {
    const verdict = judgeRequest(file, await baseFiles.read(file), base, now, 'at-rest');
    if (verdict.valid && verdict.request && verdict.request.expiresAt > now)
      active.push({ file, requester: verdict.request.requester, group: verdict.request.group });
  }
  return configPlan(base, head, active);
}

/** Groups a configuration change moves from audit to enforce: the next run removes their members without a request. */
export function enforceSwitches(base: AccessConfig, head: AccessConfig): string[] {
  return [...head.policy.groups.values()].filter((g) => g.mode === 'enforce' && base.policy.groups.get(g.name)?.mode === 'audit').map((g) => g.name);
}

/**
 * The pull-request check: configuration from the base commit, requests from the head commit, and
 * the rules only a pull request has (scope, authorship).
 */
export async function validatePullRequest(git: Git, pr: PullRequestFacts, now: number): Promise<ValidationReport> {
  await requireCommits(git, "the pull request's", { base: pr.base, head: pr.head });
  const baseFiles = atCommit(git, pr.base);
  const headFiles = atCommit(git, pr.head);
  const config = await loadConfig(baseFiles);
  const changes = await changedFiles(git, pr.base, pr.head);
  const report = await judgeChanges(config, changes, baseFiles, headFiles, now, pr.author);
  report.diagnostics.unshift(...checkScope(changes));
  // The configuration at the head, read once (undefined when it does not load: configProblemsAt says why).
  let head: Promise<AccessConfig | undefined> | undefined;
  const headConfig = () => (head ??= loadConfig(headFiles).catch(() => undefined));
  if (changes.some((c) => (CONFIG_PATHS as readonly string[]).includes(c.path))) {
    report.diagnostics.push(...(await configProblemsAt(headFiles)));
    const after = await headConfig();
    if (after) {
      report.configPlan = await configChangePlan(config, baseFiles, after, now);
      report.configAfter = after;
      const switches = enforceSwitches(config, after);
      if (switches.length > 0) report.enforceSwitches = switches;
    }
  }
  if (changes.some((c) => c.path === FORM_PATH || c.path === CONFIG_PATHS[0])) {
    const after = await headConfig();
    if (after) report.diagnostics.push(...(await formCheck(headFiles, after)));
  }
  return report;
}

/**
 * The verdicts on a set of changed files: requests read from `headFiles`, judged as new requests by
 * `config`; with an author, also the authorship rules. Deleted requests are listed as early revokes.
 */
export async function judgeChanges(
  config: AccessConfig,
  changes: readonly ChangedFile[],
  baseFiles: RepoFiles,
  headFiles: RepoFiles,
  now: number,
  author?: string,
): Promise<ValidationReport> {
  const verdicts: ReportedVerdict[] = [];
  const deletions: Deletion[] = [];
  for (const change of changes) {
    if (!isUnderRequests(change.path) || isRequestsHousekeeping(change.path)) continue;
    if (change.status === 'deleted') {
      const requester = await requesterAt(baseFiles, change.path);
      deletions.push({ file: change.path, ...(requester !== undefined ? { requester } : {}) });
      continue;
    }
    let verdict = judgeRequest(change.path, await headFiles.read(change.path), config, now);
    if (author !== undefined) {
      if (verdict.request) verdict = addDiagnostics(verdict, checkAuthor(verdict.request, author));
      if (change.status === 'modified') {
        const position = verdict.request ? positionOfKey(verdict.request, 'requester') : undefined;
        verdict = addDiagnostics(verdict, checkOwnerOfChanged(change.path, await requesterAt(baseFiles, change.path), author, position));
      }
    }
    verdicts.push({ ...verdict, change: change.status });
  }
  return { config, verdicts, deletions, diagnostics: [] };
}

/** A pull request that changes the configuration gets its new version checked, with line numbers. */
async function configProblemsAt(files: RepoFiles): Promise<Diagnostic[]> {
  try {
    const config: AccessConfig = await loadConfig(files);
    return config.warnings;
  } catch (error) {
    if (error instanceof ConfigError) return error.diagnostics;
    throw error;
  }
}

/** The issue form, where there is one, must list exactly the policy's groups (it is generated from it). */
async function formCheck(files: RepoFiles, config: AccessConfig): Promise<Diagnostic[]> {
  const content = await files.read(FORM_PATH);
  return formProblems(content?.bytes ? new TextDecoder().decode(content.bytes) : undefined, config.policy);
}
