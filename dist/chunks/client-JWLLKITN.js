import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  branchRules,
  commentOnPull,
  createGitHub,
  environmentFacts,
  lastSuccessfulRun,
  missingLabels,
  octokitOptions,
  pullComments,
  successfulRuns
} from "./chunk-GFQMRUJ7.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  branchRules,
  commentOnPull,
  createGitHub,
  environmentFacts,
  lastSuccessfulRun,
  missingLabels,
  octokitOptions,
  pullComments,
  successfulRuns
};
