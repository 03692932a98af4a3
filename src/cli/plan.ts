/** `plan` on the command line: the working tree's request changes against the merge base. */
import { parseArgs } from 'node:util';
import { planOf } from '../commands/plan.ts';
import { configChangePlan, enforceSwitches, judgeChanges, reportHasErrors } from '../commands/validate.ts';
import { CONFIG_PATHS, loadConfig } from '../config/config.ts';
import { ConfigError, formatDiagnostic, sortDiagnostics } from '../diagnostics.ts';
import { gitIn, isWorkTree } from '../git/git.ts';
import { DEFAULT_BASES, mergeBase, workingChanges } from './changes.ts';
import { EXIT } from './exit.ts';
import { atCommit, workingTree } from '../repo/files.ts';
import { clock, COMMON, FORMAT, jsonWanted, repoRoot, type CliIo } from './io.ts';
import { conferredViews, type ConferredView } from '../report/conferred.ts';
import type { AccessConfig } from '../config/config.ts';
import type { ValidationReport } from '../commands/validate.ts';
import type { Published } from '../commands/dashboard.ts';

/** What the sweep published in the access dashboard (read with GITHUB_TOKEN, when set), or why not. */
async function publishedFor(root: string, repoOption: string | undefined): Promise<Published> {
  if (!process.env.GITHUB_TOKEN && !process.env.GH_TOKEN)
    return { why: 'set GITHUB_TOKEN (e.g. GITHUB_TOKEN=$(gh auth token)) to read it from the access dashboard' };
  try {
    const { localGitHub } = await import('./entra-commands.ts');
    const { readPublished } = await import('../commands/dashboard.ts');
    const { gh, repo } = await localGitHub(root, repoOption);
    return await readPublished(gh, repo);
  } catch (error) {
    return { why: `the access dashboard could not be read (${(error as Error).message.split('\n')[0]})` };
  }
}

/** What the requested groups confer, from the catalogue the sweep publishes. */
function conferredFor(
  config: AccessConfig,
  report: ValidationReport,
  published: Published | undefined,
): { views: ConferredView[]; asOf: string; issue: number } | { why?: string } {
  const requested = report.verdicts.flatMap((v) => (v.valid && v.request ? [{ group: v.request.group, file: v.file }] : []));
  if (requested.length === 0 || !published) return {};
  if ('why' in published) return { why: published.why };
  return { views: conferredViews(config, requested, published.groups), asOf: published.asOf, issue: published.issue };
}

/**
 * A configuration change, beyond what git alone says (configChangePlan): whom a switch from audit to
 * enforce removes and which pull requests waiting for approval it flips, from what the sweep published.
 */
async function publishedEffects(base: AccessConfig, head: AccessConfig, published: Published): Promise<string[]> {
  const switches = enforceSwitches(base, head);
  if ('why' in published) return switches.map((g) => `switching to enforce: ${g}: whom it removes is not shown: ${published.why}.`);
  const { flipLines, pendingFlips, switchLines } = await import('../commands/config-plan.ts');
  const source = `(from the access dashboard #${published.issue}, last written ${published.asOf})`;
  return [
    ...switchLines(switches, published.drift).map((l) => `switching to enforce: ${l} ${source}`),
    ...(published.pending.length > 0
      ? flipLines(pendingFlips(base, head, published.pending), published.pending.length).map((l) => `pending: ${l} ${source}`)
      : []),
  ];
}

function printConferred(io: CliIo, conferred: Awaited<ReturnType<typeof conferredFor>>): void {
  if (!('views' in conferred)) {
    if (conferred.why) io.err(`What approving confers is not shown: ${conferred.why}.`);
    return;
  }
  io.out('');
  io.out(`What approving confers (published by the sweep in the access dashboard #${conferred.issue}, last written ${conferred.asOf}):`);
  for (const v of conferred.views) {
    io.out(`  ${v.group}${v.privileged ? ' (PRIVILEGED)' : ''}`);
    for (const line of v.lines) io.out(`    ${line}`);
  }
  for (const w of conferred.views.flatMap((v) => v.warnings)) io.err(`warning: ${w}`);
}

/** Why there is nothing to compare with, by its cause: no repository, no commit yet, or no branch named. */
async function noBaseWhy(git: ReturnType<typeof gitIn>, root: string, candidates: readonly string[]): Promise<string> {
  if (!(await isWorkTree(git).catch(() => false)))
    return `${root} is not a git repository: plan compares your changes with the branch they will be merged into. Run it in a clone of the access repository.`;
  if (!(await git.tryRun(['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => undefined)))
    return 'this repository has no commits yet: commit the access configuration (the first commit is the root of trust, docs/setup.md step 1), then plan your changes against it.';
  return `no merge base with ${candidates.join(' or ')}: pass --base <branch or commit> that your changes will be merged into.`;
}

export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, ...FORMAT, base: { type: 'string' }, 'github-repo': { type: 'string' } }, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const git = gitIn(root);
  const candidates = values.base ? [values.base] : DEFAULT_BASES;
  const base = await mergeBase(git, candidates);
  if (!base) throw new ConfigError(await noBaseWhy(git, root, candidates));
  const baseFiles = atCommit(git, base);
  const config = await loadConfig(baseFiles);
  const changes = await workingChanges(git, base);
  const report = await judgeChanges(config, changes, baseFiles, workingTree(root), clock(values.at, io));
  const lines = planOf(report, config);
  // A change to the policy, identities or CODEOWNERS: what it does to the access in force and to who approves.
  const configChanged = (await git.run(['diff', '--name-only', base, '--', ...CONFIG_PATHS])).toString('utf8').trim() !== '';
  const wantsPublished = configChanged || report.verdicts.some((v) => v.valid && v.request);
  const published = wantsPublished ? await publishedFor(root, values['github-repo']) : undefined;
  const head = configChanged ? await loadConfig(workingTree(root)).catch(() => undefined) : undefined;
  const configPlanLines = head
    ? [...(await configChangePlan(config, baseFiles, head, clock(values.at, io))), ...(published ? await publishedEffects(config, head, published) : [])]
    : undefined;
  const conferred = conferredFor(config, report, published);
  if (json) {
    io.out(
      JSON.stringify(
        {
          base,
          changes: lines.map((l) => ({ file: l.file, action: l.action, text: l.text })),
          ...(configPlanLines ? { configuration: configPlanLines } : {}),
          ...('views' in conferred ? { confers: conferred.views, confersAsOf: conferred.asOf } : conferred.why ? { confersNotShown: conferred.why } : {}),
          problems: sortDiagnostics(report.verdicts.flatMap((v) => v.diagnostics)),
        },
        null,
        2,
      ),
    );
    return reportHasErrors(report) ? EXIT.attention : EXIT.ok;
  }
  for (const d of sortDiagnostics(report.verdicts.flatMap((v) => v.diagnostics))) io.err(formatDiagnostic(d));
  if (lines.length === 0) io.out(`No request files differ from ${base.slice(0, 7)}: merging would change nothing in Entra.`);
  for (const line of lines) io.out(line.text);
  printConferred(io, conferred);
  if (configPlanLines) {
    io.out('');
    io.out('The configuration change:');
    for (const line of configPlanLines.length > 0 ? configPlanLines : ['nothing for the access in force or for who approves.']) io.out(`  ${line}`);
  }
  return reportHasErrors(report) ? EXIT.attention : EXIT.ok;
}
