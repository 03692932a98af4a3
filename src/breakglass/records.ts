/**
 * Run records (invariant 24, docs/threat-model.md 48 and 65): a workflow run counts as a record only
 * where nobody but the protected workflow on the default branch could have made it. Anyone with write
 * access can push a workflow file of the same name on a branch and run it green (THREATS 62), and a
 * tag or another repository's branch named like the default branch reports the same `head_branch`
 * (THREATS 43). One rule for every reader of runs: break-glass grants and their uses, the report's
 * last successful sweep, the evidence's "removed by" and the lateness figures.
 *
 * This file gathers the facts (GitHub's runs, and from git whether each run's commit is on the
 * default branch's history and what its workflow file was there); record-rule.ts is the rule, pure.
 */
import { BREAK_GLASS_WORKFLOW, type BreakGlassRun } from './breakglass.ts';
import type { CatFile } from '../git/cat-file.ts';
import type { Git } from '../git/git.ts';
import type { GitHubFacts } from '../github/graphql.ts';
import type { GitHub, RepoRef } from '../github/client.ts';
import { successfulRuns, type SuccessfulRun } from '../github/runs.ts';
import { recordProblem, type ListedRun, type RecordRule, type RunProof } from './record-rule.ts';

export { recordProblem, type RecordRule } from './record-rule.ts';

const SHA = /^[0-9a-f]{40}$/;

/** What git proves about each run's commit, asked once per commit (many runs share one). */
export async function proveRuns<T extends ListedRun>(git: Git, reader: CatFile, head: string, workflow: string, runs: readonly T[]): Promise<(T & RunProof)[]> {
  const path = `.github/workflows/${workflow}`;
  const now = (await reader.read(`${head}:${path}`))?.oid;
  const proofs = new Map<string, RunProof>();
  const out: (T & RunProof)[] = [];
  for (const r of runs) {
    const sha = SHA.test(r.headSha) ? r.headSha : '';
    let proof = proofs.get(sha);
    if (!proof) {
      const onDefaultBranch = sha !== '' && (await git.tryRun(['merge-base', '--is-ancestor', sha, head])) !== undefined;
      const then = onDefaultBranch ? await reader.read(`${sha}:${path}`) : undefined;
      proof = { onDefaultBranch, workflowAtCommit: then?.type === 'blob', workflowAsOnDefault: then?.type === 'blob' && then.oid === now };
      proofs.set(sha, proof);
    }
    out.push({ ...r, ...proof });
  }
  return out;
}

/** The runs that are records under the rule. */
export async function recordedRuns<T extends ListedRun>(git: Git, reader: CatFile, head: string, rule: RecordRule, runs: readonly T[]): Promise<T[]> {
  return (await proveRuns(git, reader, head, rule.workflow, runs)).filter((r) => recordProblem(r, rule) === undefined);
}

/**
 * The rule for the runs that reconcile, whose success proves that what had ended when they started
 * was removed: the grant workflow on a push, the sweep on its schedule (a manual sweep may be a dry run).
 */
export const reconcileRunRule = (branch: string, workflow: string): RecordRule => ({ branch, workflow, events: ['schedule', 'push'], workflowAsNow: false });

/**
 * Successful runs of a grant or sweep workflow since `since` that are records (THREATS 62): what the
 * report's last successful sweep, the evidence's "removed by" and the lateness figures are made from.
 */
export async function reconcileRuns(
  gh: GitHub,
  repo: RepoRef,
  git: Git,
  at: { head: string; branch: string },
  workflow: string,
  since: number,
  newestPage = false,
): Promise<{ runs: SuccessfulRun[]; cut: boolean }> {
  const { runs, cut } = await successfulRuns(gh, repo, workflow, since, newestPage);
  const reader = git.catFile();
  try {
    return { runs: await recordedRuns(git, reader, at.head, reconcileRunRule(at.branch, workflow), runs), cut };
  } finally {
    reader.close();
  }
}

/** Break-glass runs created since `since`, with what proves (or disproves) each one. */
export async function breakGlassRuns(githubFacts: GitHubFacts, git: Git, reader: CatFile, head: string, since: number): Promise<BreakGlassRun[]> {
  const runs = await githubFacts.dispatchRuns(BREAK_GLASS_WORKFLOW, since);
  if (runs.length === 0) return [];
  const proven = await proveRuns(git, reader, head, BREAK_GLASS_WORKFLOW, runs);
  const out: BreakGlassRun[] = [];
  for (const r of proven) {
    const mine = (login: string) => login !== '' && login.toLowerCase() === r.actor.toLowerCase();
    let succeeded = r.conclusion === 'success' && mine(r.triggeringActor);
    // The runs API reports the latest attempt: a failed re-run (or one by someone else) does not undo
    // an earlier attempt that succeeded for the actor.
    for (let n = r.attempt - 1; !succeeded && n >= 1; n--) {
      const a = await githubFacts.runAttempt(r.id, n);
      succeeded = a.conclusion === 'success' && mine(a.triggeringActor);
    }
    out.push({
      id: r.id,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      title: r.title,
      actor: r.actor,
      headBranch: r.headBranch,
      headSha: r.headSha,
      path: r.path,
      event: r.event,
      succeededForActor: succeeded,
      onDefaultBranch: r.onDefaultBranch,
      workflowAtCommit: r.workflowAtCommit,
      workflowAsOnDefault: r.workflowAsOnDefault,
    });
  }
  return out;
}
