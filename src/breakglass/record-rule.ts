/**
 * The record rule, stated once (invariant 24; gathered in records.ts): a workflow run is a record
 * only when nobody but the protected workflow on the default branch could have made it. Pure.
 */

/** A workflow run as GitHub lists it: the fields the record rule reads. */
export interface ListedRun {
  event: string;
  path: string;
  headBranch: string;
  headSha: string;
}

/** What git proves about a run's commit. */
export interface RunProof {
  /** `headSha` is the default branch's head or one of its ancestors. */
  onDefaultBranch: boolean;
  /** The run's workflow file is in the run's commit (on the default branch's history): the default branch's version of then. */
  workflowAtCommit: boolean;
  /** ... and it is identical to the one on the default branch now. */
  workflowAsOnDefault: boolean;
}

export interface RecordRule {
  branch: string;
  /** The workflow's file name, e.g. access-revoke.yml. */
  workflow: string;
  /** The events that make a record: the workflow's own trigger (a manual run of the sweep may be a dry run). */
  events: readonly string[];
  /**
   * Whether the workflow file must be the one on the default branch now, not only the one at the run's
   * commit: break-glass, because a use is judged by the break-glass workflow as it stands (an older
   * one may have lacked the protected environment). A sweep at an older commit of the default branch
   * ran that commit's sweep, which was the protected one then; requiring today's file would make every
   * removal before an upgrade of the workflow unconfirmed.
   */
  workflowAsNow: boolean;
}

/** Why a run is no record under the rule, or undefined when it is one. Pure. */
export function recordProblem(run: ListedRun & RunProof, rule: RecordRule): string | undefined {
  if (!rule.events.includes(run.event) || run.path.replace(/@.*$/, '') !== `.github/workflows/${rule.workflow}`)
    return `not a ${rule.events.join(' or ')} run of ${rule.workflow} (it was a ${run.event} run of ${run.path}).`;
  if (run.headBranch !== rule.branch || !run.onDefaultBranch)
    return `it ran on ${run.headSha.slice(0, 7)} ("${run.headBranch}"), which is not on ${rule.branch}'s history: only runs of the default branch count.`;
  if (!run.workflowAtCommit) return `${rule.workflow} is not in ${run.headSha.slice(0, 7)}.`;
  if (rule.workflowAsNow && !run.workflowAsOnDefault) return `the ${rule.workflow} at ${run.headSha.slice(0, 7)} is not the one on ${rule.branch} now.`;
  return undefined;
}
