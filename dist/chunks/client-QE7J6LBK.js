import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  WRITE_SPACING_MS,
  branchRules,
  commentOnPull,
  createGitHub,
  environmentFacts,
  lastSuccessfulRun,
  missingLabels,
  octokitOptions,
  paceWrites,
  pullComments,
  successfulRuns
} from "./chunk-DU4K7O4V.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";
export {
  WRITE_SPACING_MS,
  branchRules,
  commentOnPull,
  createGitHub,
  environmentFacts,
  lastSuccessfulRun,
  missingLabels,
  octokitOptions,
  paceWrites,
  pullComments,
  successfulRuns
};
