import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  branchRules,
  commentOnPull,
  createGitHub,
  environmentFacts,
  fileAt,
  getPull,
  isTeamMember,
  lastSuccessfulRun,
  missingLabels,
  octokitOptions,
  pullComments,
  pullCommitters,
  pullFiles,
  pullReviews,
  pullsForCommit,
  successfulRuns
} from "./chunk-QLQWNM7M.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  branchRules,
  commentOnPull,
  createGitHub,
  environmentFacts,
  fileAt,
  getPull,
  isTeamMember,
  lastSuccessfulRun,
  missingLabels,
  octokitOptions,
  pullComments,
  pullCommitters,
  pullFiles,
  pullReviews,
  pullsForCommit,
  successfulRuns
};
