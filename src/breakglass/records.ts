/**
 * The facts behind break-glass records (judged in breakglass.ts): the break-glass workflow's manual
 * runs from GitHub, each run's earlier attempts where its latest did not succeed for its own actor,
 * and from git whether the run's commit is on the default branch's history and holds the default
 * branch's break-glass workflow.
 */
import { BREAK_GLASS_WORKFLOW, type BreakGlassRun } from './breakglass.ts';
import type { CatFile } from '../git/cat-file.ts';
import type { Git } from '../git/git.ts';
import type { GitHubFacts } from '../github/graphql.ts';

const WORKFLOW_PATH = `.github/workflows/${BREAK_GLASS_WORKFLOW}`;
const SHA = /^[0-9a-f]{40}$/;

/** Break-glass runs created since `since`, with what proves (or disproves) each one. */
export async function breakGlassRuns(githubFacts: GitHubFacts, git: Git, reader: CatFile, head: string, since: number): Promise<BreakGlassRun[]> {
  const runs = await githubFacts.dispatchRuns(BREAK_GLASS_WORKFLOW, since);
  if (runs.length === 0) return [];
  const workflowNow = (await reader.read(`${head}:${WORKFLOW_PATH}`))?.oid;
  const out: BreakGlassRun[] = [];
  for (const r of runs) {
    const mine = (login: string) => login !== '' && login.toLowerCase() === r.actor.toLowerCase();
    let succeeded = r.conclusion === 'success' && mine(r.triggeringActor);
    // The runs API reports the latest attempt: a failed re-run (or one by someone else) does not undo
    // an earlier attempt that succeeded for the actor.
    for (let n = r.attempt - 1; !succeeded && n >= 1; n--) {
      const a = await githubFacts.runAttempt(r.id, n);
      succeeded = a.conclusion === 'success' && mine(a.triggeringActor);
    }
    const sha = SHA.test(r.headSha) ? r.headSha : '';
    const onDefaultBranch = sha !== '' && (await git.tryRun(['merge-base', '--is-ancestor', sha, head])) !== undefined;
    const workflowThen = onDefaultBranch ? (await reader.read(`${sha}:${WORKFLOW_PATH}`))?.oid : undefined;
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
      onDefaultBranch,
      workflowAsOnDefault: workflowThen !== undefined && workflowThen === workflowNow,
    });
  }
  return out;
}
