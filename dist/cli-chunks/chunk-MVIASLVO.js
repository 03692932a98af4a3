import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  breakGlassUses,
  reviewedRuns
} from "./chunk-K5JN7UWX.js";
import {
  GitHubFacts
} from "./chunk-EHZN36YG.js";

// src/commands/context.ts
function reconcileContext(ctx) {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  return {
    git: ctx.git,
    githubFacts,
    breakGlassReviewed: reviewedRuns(ctx.gh, ctx.repo, githubFacts, ctx.git, ctx.directory, ctx.memory),
    directory: ctx.directory,
    now: ctx.now,
    dryRun: ctx.dryRun,
    ...ctx.requireCurrentHead ? { requireCurrentHead: true } : {},
    ...ctx.memory ? { memory: ctx.memory } : {},
    ...ctx.root ? { root: ctx.root } : {}
  };
}
function usesSince(ctx, githubFacts, reader, at, since) {
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
    ...ctx.memory ? { memory: ctx.memory } : {}
  });
}

export {
  reconcileContext,
  usesSince
};
