import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import "./chunk-OZ6IWOJH.js";

// src/execute/github-ports.ts
async function githubEffectPorts(gh, repo, options = {}) {
  const github = await import("./client-NF6D7MNX.js");
  const { writeMemory } = await import("./write-G766TWMA.js");
  const { GitHubFacts } = await import("./graphql-7QFZFCY6.js");
  const githubFacts = new GitHubFacts(gh, repo);
  return {
    listComments: (n) => github.pullComments(gh, repo, n),
    recentComments: (numbers) => githubFacts.recentComments(numbers),
    postComment: (n, body) => github.commentOnPull(gh, repo, n, body),
    ...options.memory ? { remember: (change) => writeMemory(gh, repo, change, `access-as-code: remember ${change.files.length}, forget ${change.deletions.length}`) } : {}
  };
}
export {
  githubEffectPorts
};
