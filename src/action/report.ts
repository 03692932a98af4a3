/** How a validation report reaches people in Actions: line annotations, the job summary, outputs. */
import * as core from './runner.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { reportHasErrors, type ValidationReport } from '../commands/validate.ts';
import { planOf } from '../commands/plan.ts';

export function annotate(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const props = { title: 'access-as-code', file: d.file, startLine: d.line, startColumn: d.column };
    if (d.severity === 'error') core.error(d.message, props);
    else core.warning(d.message, props);
  }
}

export function verdictRows(report: ValidationReport): { file: string; change: string; requester: string; group: string; expires: string; verdict: string }[] {
  const rows = report.verdicts.map((v) => {
    const errors = v.diagnostics.filter((d) => d.severity === 'error').length;
    return {
      file: v.file,
      change: v.change ?? '',
      requester: v.request?.requester ?? '',
      group: v.request?.group ?? '',
      expires: v.request?.expires ?? '',
      verdict: v.valid ? 'valid' : `invalid (${errors} error${errors === 1 ? '' : 's'})`,
    };
  });
  for (const d of report.deletions) {
    rows.push({ file: d.file, change: 'deleted', requester: d.requester ?? '', group: d.file.split('/')[1] ?? '', expires: '', verdict: 'early revoke' });
  }
  return rows;
}

export async function writeValidationSummary(report: ValidationReport, heading: string): Promise<void> {
  const rows = verdictRows(report);
  const failed = reportHasErrors(report);
  const summary = core.summary.addHeading(heading, 2);
  if (rows.length === 0) summary.addRaw('No request files were added, changed or deleted.', true);
  else {
    summary.addTable([
      [
        { data: 'Request', header: true },
        { data: 'Change', header: true },
        { data: 'Requester', header: true },
        { data: 'Group', header: true },
        { data: 'Expires', header: true },
        { data: 'Verdict', header: true },
      ],
      ...rows.map((r) => [escapeHtml(r.file), r.change, escapeHtml(r.requester), escapeHtml(r.group), escapeHtml(r.expires), r.verdict].map(filled)),
    ]);
  }
  const problems = [...report.diagnostics, ...report.verdicts.flatMap((v) => v.diagnostics)].filter((d) => d.severity === 'error');
  if (problems.length > 0) {
    summary.addHeading('Problems', 3);
    summary.addList(problems.map((d) => `${escapeHtml(d.file)}:${d.line}:${d.column}: ${escapeHtml(d.message)}`));
  }
  // A plan is about a change: on a pull request, not for the requests already on the branch.
  const changed = { ...report, verdicts: report.verdicts.filter((v) => v.change !== undefined) };
  if (report.config && (changed.verdicts.length > 0 || report.deletions.length > 0)) {
    summary.addHeading('What merging would change in Entra', 3);
    summary.addList(planOf(changed, report.config).map((l) => escapeHtml(l.text)));
  }
  if (report.configPlan) {
    summary.addHeading('What this configuration change does', 3);
    summary.addList(
      report.configPlan.length > 0
        ? report.configPlan.map(escapeHtml)
        : ['Nothing for the access in force or for who approves: no group, identity or code owner of a group changes.'],
    );
  }
  summary.addRaw(failed ? 'Fix the problems above and push again.' : 'Every request is valid. A code owner of each folder can now approve.', true);
  await summary.write();
}

/** An empty table cell reads as missing data; a dash says there is nothing there. */
export function filled(text: string): string {
  return text === '' ? '—' : text;
}

/** Summary tables are HTML; file names and requesters come from the pull request. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
