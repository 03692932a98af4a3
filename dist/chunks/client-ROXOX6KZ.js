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
  pullsForCommit
} from "./chunk-HSYMIUZH.js";
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
  pullsForCommit
};
