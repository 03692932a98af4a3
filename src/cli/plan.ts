/** `plan` on the command line: the working tree's request changes against the merge base. */
import { parseArgs } from 'node:util';
import { planOf } from '../commands/plan.ts';
import { judgeChanges, reportHasErrors } from '../commands/validate.ts';
import { loadConfig } from '../config/config.ts';
import { ConfigError, formatDiagnostic, sortDiagnostics } from '../diagnostics.ts';
import { gitIn, type ChangedFile } from '../git/git.ts';
import { atCommit, workingTree } from '../repo/files.ts';
import { clock, COMMON, FORMAT, jsonWanted, repoRoot, type CliIo } from './io.ts';

export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, ...FORMAT, base: { type: 'string' } }, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const git = gitIn(root);
  const candidates = values.base ? [values.base] : ['origin/main', 'main'];
  let base: string | undefined;
  for (const ref of candidates) {
    const out = await git.tryRun(['merge-base', 'HEAD', ref]).catch(() => undefined);
    if (out) {
      base = out.toString('utf8').trim();
      break;
    }
  }
  if (!base) throw new ConfigError(`no merge base with ${candidates.join(' or ')}: pass --base <branch or commit> that your changes will be merged into.`);
  const baseFiles = atCommit(git, base);
  const config = await loadConfig(baseFiles);
  const changes = await workingChanges(git, base);
  const report = await judgeChanges(config, changes, baseFiles, workingTree(root), clock(values.at, io));
  const lines = planOf(report, config);
  if (json) {
    io.out(
      JSON.stringify(
        {
          base,
          changes: lines.map((l) => ({ file: l.file, action: l.action, text: l.text })),
          problems: sortDiagnostics(report.verdicts.flatMap((v) => v.diagnostics)),
        },
        null,
        2,
      ),
    );
    return reportHasErrors(report) ? 1 : 0;
  }
  for (const d of sortDiagnostics(report.verdicts.flatMap((v) => v.diagnostics))) io.err(formatDiagnostic(d));
  if (lines.length === 0) io.out(`No request files differ from ${base.slice(0, 7)}: merging would change nothing in Entra.`);
  for (const line of lines) io.out(line.text);
  return reportHasErrors(report) ? 1 : 0;
}

/** Request files that differ between `base` and the working tree, untracked ones included. */
async function workingChanges(git: ReturnType<typeof gitIn>, base: string): Promise<ChangedFile[]> {
  const tracked = (await git.run(['diff', '--name-status', '--no-renames', '-z', base, '--', 'requests/'])).toString('utf8').split('\0').filter(Boolean);
  const changes: ChangedFile[] = [];
  for (let i = 0; i + 1 < tracked.length; i += 2) {
    const code = tracked[i]![0];
    changes.push({ path: tracked[i + 1]!, status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified' });
  }
  const untracked = (await git.run(['ls-files', '--others', '--exclude-standard', '-z', '--', 'requests/'])).toString('utf8').split('\0').filter(Boolean);
  for (const path of untracked) changes.push({ path, status: 'added' });
  return changes;
}
