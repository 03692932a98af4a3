import type { Directory } from '../entra/directory.ts';
import type { Git } from '../git/git.ts';
import type { GitHub, RepoRef } from '../github/client.ts';
import type { MemoryKey } from '../memory/memory.ts';

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
}
