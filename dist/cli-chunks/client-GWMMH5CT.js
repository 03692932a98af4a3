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
} from "./chunk-2J2MSSRP.js";
import "./chunk-JV5PSVP2.js";
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
