/**
 * Whether one merged request may be granted: everything the pull-request check checked, again, with
 * the configuration from before the merge, plus what only the merged pull request can tell (its
 * author, files, commits and reviews). Pure: the facts are gathered elsewhere.
 */
import { ownersOf } from '../codeowners/codeowners.ts';
import type { AccessConfig } from '../config/config.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { formatDuration } from '../duration.ts';
import { checkAuthor, checkOwnerOfChanged, checkScope } from '../pr/rules.ts';
import type { AccessRequest } from '../request/request.ts';
import { judgeRequest } from '../request/verdict.ts';
import type { FileContent } from '../repo/files.ts';
import { evaluateApprovals, type ApprovalResult, type ReviewFact } from '../approval/approval.ts';

export const GITHUB_FILE_LIST_LIMIT = 3000;

export interface MergedPull {
  number: number;
  author: string;
  headSha: string;
  createdAt: string;
  mergedAt: string;
  files: { path: string; status: 'added' | 'modified' | 'deleted' }[];
  pushers: string[];
  reviews: ReviewFact[];
}

export interface GrantFacts {
  file: string;
  content: FileContent | undefined;
  /** For a changed request: who requested it before the change. */
  change: 'added' | 'modified';
  baseRequester?: string;
  config: AccessConfig;
  pull: MergedPull | undefined;
  teamMemberships: ReadonlySet<string>;
  now: number;
}

export interface GrantDecision {
  file: string;
  request?: AccessRequest;
  pull?: number;
  approved: boolean;
  /** Why not, in words a requester understands. */
  reasons: string[];
  approval?: ApprovalResult;
}

export function evaluateGrant(facts: GrantFacts): GrantDecision {
  const { file, config, pull } = facts;
  if (!pull) {
    return { file, approved: false, reasons: ['no merged pull request contains this change (a direct push, or a merge that bypassed review), so nothing is granted. Open a pull request for it.'] };
  }
  const reasons: string[] = [];
  const verdict = judgeRequest(file, facts.content, config, facts.now, 'at-rest');
  reasons.push(...verdict.diagnostics.filter((d) => d.severity === 'error').map((d) => stripFile(formatDiagnostic(d), file)));
  reasons.push(...checkScope(pull.files).map((d) => d.message));
  // GitHub lists at most 3,000 files of a pull request; beyond that its scope cannot be verified.
  if (pull.files.length >= GITHUB_FILE_LIST_LIMIT) {
    reasons.push(`the pull request changes ${GITHUB_FILE_LIST_LIMIT} or more files, more than GitHub lists, so it cannot be verified that it changed only requests. Split it.`);
  }
  const request = verdict.request;
  let approval: ApprovalResult | undefined;
  if (request) {
    reasons.push(...checkAuthor(request, pull.author).map((d) => d.message));
    if (facts.change === 'modified') reasons.push(...checkOwnerOfChanged(file, facts.baseRequester, pull.author).map((d) => d.message));
    const group = config.policy.groups.get(request.group);
    const mergedAt = Date.parse(pull.mergedAt);
    if (request.expiresAt <= facts.now) reasons.push(`the request expired at ${request.expires}, before it could be granted.`);
    if (group && request.expiresAt - mergedAt > group.maxDurationMs) {
      reasons.push(`"expires" is ${formatDuration(request.expiresAt - mergedAt)} after the merge; ${request.group} allows at most ${group.maxDurationText}.`);
    }
    // Logins alone are checked by the rules above; teams need the API's answer.
    if (group?.requesters?.some((r) => r.includes('/'))) {
      const login = request.requester.toLowerCase();
      const listed = group.requesters.some((r) => !r.includes('/') && r.replace(/^@/, '') === login);
      const inTeam = group.requesters.some((r) => r.includes('/') && facts.teamMemberships.has(`${r.replace(/^@/, '')}:${login}`));
      if (!listed && !inTeam) {
        reasons.push(`${request.requester} may not request ${request.group}: the policy allows ${group.requesters.join(', ')}, and ${request.requester} is not among them (team membership checked through the GitHub API).`);
      }
    }
    if (group) {
      approval = evaluateApprovals({
        required: group.approvals,
        headSha: pull.headSha,
        reviews: pull.reviews,
        owners: ownersOf(config.codeowners, file),
        teamMemberships: facts.teamMemberships,
        requester: request.requester,
        author: pull.author,
        pushers: pull.pushers,
      });
      if (!approval.ok) {
        const got = approval.approvers.length === 0 ? 'none' : approval.approvers.map((a) => `@${a}`).join(', ');
        const notes = approval.ignored.map((i) => `@${i.reviewer} ${i.why}`).join('; ');
        reasons.push(`${request.group} needs ${group.approvals} approval${group.approvals === 1 ? '' : 's'} of the merged commit from code owners other than the requester, the author and anyone who pushed; counted: ${got}.${notes ? ` Not counted: ${notes}.` : ''}`);
      }
    }
  }
  return { file, ...(request ? { request } : {}), pull: pull.number, approved: reasons.length === 0 && request !== undefined, reasons, ...(approval ? { approval } : {}) };
}

function stripFile(line: string, file: string): string {
  return line.startsWith(`${file}:`) ? `line ${line.slice(file.length + 1).replace(/^(\d+):\d+: error: /, '$1: ')}` : line;
}
