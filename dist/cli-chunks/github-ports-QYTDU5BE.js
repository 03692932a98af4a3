import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import "./chunk-JV5PSVP2.js";

// src/execute/github-ports.ts
async function githubEffectPorts(gh, repo, options = {}) {
  const github = await import("./client-YWRDK2RR.js");
  const { writeMemory } = await import("./write-CN5RWJ2P.js");
  const { GitHubFacts } = await import("./graphql-SP5MDY7A.js");
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
