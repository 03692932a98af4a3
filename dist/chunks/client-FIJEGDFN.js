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
} from "./chunk-57O6DGYV.js";
import "./chunk-O2IOJ6N3.js";
import "./chunk-TS7CM3PC.js";
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
