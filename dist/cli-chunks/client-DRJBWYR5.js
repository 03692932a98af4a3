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
} from "./chunk-HXXUP4E2.js";
import "./chunk-JV5PSVP2.js";
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
