/**
 * `plan`: what merging would change in Entra, from the files alone (a pull request job has no Entra
 * token, and needs none to say this).
 */
import { describeTarget } from '../policy/policy.ts';
import { formatDuration } from '../duration.ts';
import { formatOwner, ownersOf } from '../codeowners/codeowners.ts';
import type { AccessConfig } from '../config/config.ts';
import type { ValidationReport } from './validate.ts';

export interface PlanLine {
  file: string;
  action: 'add' | 'remove' | 'none';
  text: string;
}

export function planOf(report: ValidationReport, config: AccessConfig): PlanLine[] {
  const lines: PlanLine[] = [];
  for (const v of report.verdicts) {
    const r = v.request;
    if (!v.valid || !r) {
      lines.push({ file: v.file, action: 'none', text: `${v.file}: no change: the request is not valid yet.` });
      continue;
    }
    const group = config.policy.groups.get(r.group)!;
    const owners = ownersOf(config.codeowners, v.file).map(formatOwner).join(', ');
    const n = group.approvals;
    lines.push({
      file: v.file,
      action: 'add',
      text: `${v.file}: ${group.azureRole ? `would give ${r.requester} the ${describeTarget(group)} (${r.group})` : `would add ${r.requester} to ${r.group} (${describeTarget(group)})`} ${r.durationMs !== undefined ? `for ${formatDuration(r.durationMs)} from the merge` : `until ${r.expires}`}, once ${n} code owner${n === 1 ? '' : 's'} of requests/${r.group}/ (${owners}) other than ${r.requester} approve${n === 1 ? 's' : ''} the final commit.`,
    });
  }
  for (const d of report.deletions) {
    const group = d.file.split('/')[1] ?? '';
    lines.push({
      file: d.file,
      action: 'remove',
      text: `${d.file}: would end ${d.requester ?? 'the requester'}'s membership of ${group} now, unless another approved, active request covers it.`,
    });
  }
  return lines;
}
