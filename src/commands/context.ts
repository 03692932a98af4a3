import type { Directory } from '../entra/directory.ts';
import type { Git } from '../git/git.ts';
import type { GitHub, RepoRef } from '../github/client.ts';
import type { MemoryKey } from '../memory/memory.ts';
import { GitHubFacts } from '../github/graphql.ts';
import { breakGlassUses, reviewedRuns, type BreakGlassUse } from '../breakglass/uses.ts';
import type { CatFile } from '../git/cat-file.ts';
import type { AccessConfig } from '../config/config.ts';
import type { ReconcileContext } from '../reconcile/reconcile.ts';

/** What the sweep, the grant and the report work on: a checkout, and the services behind it. */
export interface BranchContext {
  git: Git;
  gh: GitHub;
  /** A token that can read organisation teams, when the job token cannot (the action's teams-token). */
  teamsGh?: GitHub;
  repo: RepoRef;
  directory: Directory;
  now: number;
  /** The memory key: immutable GitHub facts are remembered between runs (grant and revoke). */
  memory?: MemoryKey;
  /** The pinned root of trust (invariant 23), when the action's root-commit is set. */
  root?: string;
}

/**
 * The reconciler's context for a command on a branch (grant, revoke): GitHub read through one facts
 * reader, with the break-glass review rule and the memory key where the command has them.
 */
export function reconcileContext(ctx: BranchContext & { dryRun: boolean; requireCurrentHead?: boolean }): ReconcileContext {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  return {
    git: ctx.git,
    githubFacts,
    breakGlassReviewed: reviewedRuns(ctx.gh, ctx.repo, githubFacts, ctx.git, ctx.directory, ctx.memory),
    directory: ctx.directory,
    now: ctx.now,
    dryRun: ctx.dryRun,
    ...(ctx.requireCurrentHead ? { requireCurrentHead: true } : {}),
    ...(ctx.memory ? { memory: ctx.memory } : {}),
    ...(ctx.root ? { root: ctx.root } : {}),
  };
}

/**
 * The break-glass uses since a time, as every command reads them: judged under the configuration at
 * `at`, with their reviews (remembered verdicts where the memory key allows) and users compared as
 * people through the command's directory.
 */
export function usesSince(
  ctx: Pick<BranchContext, 'gh' | 'repo' | 'git' | 'directory' | 'memory'>,
  githubFacts: GitHubFacts,
  reader: CatFile,
  at: { head: string; branch: string; config: AccessConfig },
  since: number,
): Promise<BreakGlassUse[]> {
  return breakGlassUses({
    gh: ctx.gh,
    repo: ctx.repo,
    githubFacts,
    git: ctx.git,
    reader,
    head: at.head,
    branch: at.branch,
    config: at.config,
    since,
    resolveUsers: (refs) => ctx.directory.resolveUsers(refs),
    ...(ctx.memory ? { memory: ctx.memory } : {}),
  });
}
