/**
 * Listing a workflow's runs in full. "List workflow runs for a workflow" returns at most 1,000 results
 * when filtered by actor, branch, check_suite_id, created, event, head_sha or status (GitHub REST
 * reference, Workflow runs); `total_count` may say more, and the pages simply stop. A reader that pages
 * on would take the first 1,000 as the whole history: over a long window the report would miss the
 * run that removed an ended membership and call an on-time removal late.
 *
 * So the runs are listed by `created` windows (GitHub's date search syntax, `A..B`, both ends
 * included): a window whose `total_count` reaches 1,000 is split in two until none does, down to one
 * second. Should a single second hold 1,000 runs, its first 1,000 are kept and the listing says it
 * was cut.
 */
import type { GitHub, RepoRef } from './client.ts';

/** The result cap of a filtered run listing (GitHub REST reference, "List workflow runs"). */
export const RUN_LISTING_CAP = 1_000;

export type WorkflowRun = Awaited<ReturnType<GitHub['rest']['actions']['listWorkflowRuns']>>['data']['workflow_runs'][number];

/** The filters the product lists runs by (each one turns the 1,000-result cap on). */
export interface RunFilters {
  status?: 'success' | 'completed';
  event?: string;
  exclude_pull_requests?: boolean;
}

export interface RunListing {
  runs: WorkflowRun[];
  /** True when a one-second window held 1,000 runs or more, so some runs were not listed. */
  cut: boolean;
}

/** A window of creation times in whole seconds (ms), `to` undefined for "until now and on". */
interface Window {
  from: number;
  to?: number;
}

const SECOND = 1_000;
const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** GitHub's `created` qualifier for a window: `>=A`, or `A..B` with both ends included. */
export function createdQualifier(w: Window): string {
  return w.to === undefined ? `>=${stamp(w.from)}` : `${stamp(w.from)}..${stamp(w.to)}`;
}

/**
 * The two halves of a window that reached the cap, split at whole seconds so no run is in both; the
 * upper half of an open window stays open. Undefined when the window is one second and cannot be split.
 * `newest` is the latest creation time seen in the window (its upper end when open).
 */
export function splitWindow(w: Window, newest = w.to ?? w.from): [Window, Window] | undefined {
  const upper = w.to ?? Math.max(w.from, Math.floor(newest / SECOND) * SECOND);
  if (upper - w.from < SECOND) return undefined;
  const mid = w.from + Math.floor((upper - w.from) / SECOND / 2) * SECOND;
  return [{ from: w.from, to: mid }, w.to === undefined ? { from: mid + SECOND } : { from: mid + SECOND, to: w.to }];
}

/**
 * Every run of a workflow created since `since` (ms) that matches the filters, newest window last.
 * A missing workflow file (404) is passed on to the caller, as Octokit raised it.
 */
export async function listRunsSince(gh: GitHub, repo: RepoRef, workflowFile: string, filters: RunFilters, since: number): Promise<RunListing> {
  const runs: WorkflowRun[] = [];
  let cut = false;
  const pending: Window[] = [{ from: Math.floor(since / SECOND) * SECOND }];
  while (pending.length > 0) {
    const window = pending.shift()!;
    const listed: WorkflowRun[] = [];
    let split: [Window, Window] | undefined;
    let first = true;
    for await (const { data } of gh.paginate.iterator(gh.rest.actions.listWorkflowRuns, {
      ...repo,
      workflow_id: workflowFile,
      ...filters,
      created: createdQualifier(window),
      per_page: 100,
    })) {
      const total = (data as { total_count?: unknown }).total_count;
      if (first && typeof total === 'number' && total >= RUN_LISTING_CAP) {
        split = splitWindow(window, Math.max(window.from, ...data.map((r) => Date.parse(r.created_at)).filter((t) => !Number.isNaN(t))));
        if (split) break;
        cut = true;
      }
      first = false;
      listed.push(...data);
    }
    if (split) pending.unshift(...split);
    else runs.push(...listed);
  }
  return { runs, cut };
}

/** A successful run with what the record rule (breakglass/record-rule.ts) reads: none counts before it is judged. */
export interface SuccessfulRun {
  startedAt: number;
  completedAt: number;
  event: string;
  path: string;
  headBranch: string;
  headSha: string;
}

/**
 * Successful runs of a workflow created since a date that reconciled what had ended when they started:
 * push and schedule runs. A manual dispatch may be a dry run, which changes nothing, so it is left out.
 * Listed by creation windows under GitHub's 1,000-result cap (listRunsSince); `cut` says when even a
 * one-second window held more. A missing workflow file (404) has no runs.
 */
export async function successfulRuns(
  gh: GitHub,
  repo: RepoRef,
  workflowFile: string,
  since: number,
  newestPage = false,
): Promise<{ runs: SuccessfulRun[]; cut: boolean }> {
  const out: SuccessfulRun[] = [];
  let listing: RunListing;
  try {
    // The newest page alone (no `created` filter, so no cap) for "when did it last succeed".
    listing = newestPage
      ? {
          runs: (await gh.rest.actions.listWorkflowRuns({ ...repo, workflow_id: workflowFile, status: 'success', exclude_pull_requests: true, per_page: 100 }))
            .data.workflow_runs,
          cut: false,
        }
      : await listRunsSince(gh, repo, workflowFile, { status: 'success', exclude_pull_requests: true }, since);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { runs: out, cut: false };
    throw error;
  }
  for (const run of listing.runs) {
    if (run.event !== 'schedule' && run.event !== 'push') continue;
    const startedAt = Date.parse(run.run_started_at ?? run.created_at);
    const completedAt = Date.parse(run.updated_at);
    if (!Number.isNaN(startedAt) && !Number.isNaN(completedAt))
      out.push({ startedAt, completedAt, event: run.event, path: run.path, headBranch: run.head_branch ?? '', headSha: run.head_sha });
  }
  return { runs: out, cut: listing.cut };
}
