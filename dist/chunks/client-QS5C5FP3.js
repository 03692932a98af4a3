import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
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
} from "./chunk-Y52QJPEI.js";
import "./chunk-OZ6IWOJH.js";
export {
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
