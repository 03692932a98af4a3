import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  branchRules,
  commentOnPull,
  createGitHub,
  fileAt,
  getPull,
  isTeamMember,
  lastSuccessfulRun,
  pullComments,
  pullCommitters,
  pullFiles,
  pullReviews,
  pullsForCommit,
  successfulRuns
} from "./chunk-QRNZ3F3O.js";
import "./chunk-OZ6IWOJH.js";
export {
  branchRules,
  commentOnPull,
  createGitHub,
  fileAt,
  getPull,
  isTeamMember,
  lastSuccessfulRun,
  pullComments,
  pullCommitters,
  pullFiles,
  pullReviews,
  pullsForCommit,
  successfulRuns
};
