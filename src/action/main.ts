/** The action's front door: read settings, run the command, report once. */
import * as core from '@actions/core';
import { ConfigError, formatDiagnostic, sortDiagnostics } from '../diagnostics.ts';
import { reportHasErrors, validatePullRequest, validateTree } from '../commands/validate.ts';
import { gitIn } from '../git/git.ts';
import { workingTree } from '../repo/files.ts';
import { readEvent } from './event.ts';
import { annotate, verdictRows, writeValidationSummary } from './report.ts';
import { readSettings, type Settings } from './settings.ts';

export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    switch (settings.command) {
      case 'validate':
        await runValidate(settings);
        break;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      annotate(error.diagnostics);
      for (const d of error.diagnostics) core.info(formatDiagnostic(d));
      core.setFailed(`access-as-code: ${error.message}`);
    } else {
      core.setFailed(`access-as-code: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

async function runValidate(settings: Settings): Promise<void> {
  const event = await readEvent(settings.eventName, settings.eventPath);
  const now = Date.now();
  const report =
    event.kind === 'pull_request'
      ? await validatePullRequest(gitIn(settings.workspace), event, now)
      : await validateTree(workingTree(settings.workspace), now);
  const all = sortDiagnostics([...report.diagnostics, ...report.verdicts.flatMap((v) => v.diagnostics)]);
  annotate(all);
  const rows = verdictRows(report);
  for (const row of rows) core.info(`${row.file}: ${row.verdict}`);
  core.setOutput('valid', String(!reportHasErrors(report)));
  core.setOutput('requests', JSON.stringify(rows));
  await writeValidationSummary(report, event.kind === 'pull_request' ? `Access requests in #${event.number}` : 'Access requests');
  if (reportHasErrors(report)) {
    const count = all.filter((d) => d.severity === 'error').length;
    core.setFailed(`access-as-code: ${count} problem${count === 1 ? '' : 's'} found; see the annotations on the files.`);
  }
}
