/** The GitHub side of the executor's ports (comments on pull requests, the memory branch with a key): the action's and the CLI's alike. */
import type { EffectPorts } from './executor.ts';
import type { GitHub } from '../github/client.ts';

export async function githubEffectPorts(
  gh: GitHub,
  repo: { owner: string; repo: string },
  options: { memory?: boolean } = {},
): Promise<Pick<EffectPorts, 'listComments' | 'recentComments' | 'postComment' | 'remember'>> {
  const github = await import('../github/client.ts');
  const { writeMemory } = await import('../memory/write.ts');
  const { GitHubFacts } = await import('../github/graphql.ts');
  const githubFacts = new GitHubFacts(gh, repo);
  return {
    listComments: (n) => github.pullComments(gh, repo, n),
    recentComments: (numbers) => githubFacts.recentComments(numbers),
    postComment: (n, body) => github.commentOnPull(gh, repo, n, body),
    ...(options.memory
      ? { remember: (change) => writeMemory(gh, repo, change, `access-as-code: remember ${change.files.length}, forget ${change.deletions.length}`) }
      : {}),
  };
}
