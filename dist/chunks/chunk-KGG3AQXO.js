import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reviewedRuns
} from "./chunk-4MEDITLK.js";
import {
  GitHubFacts
} from "./chunk-L56WCBAJ.js";

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

export {
  reconcileContext
};
