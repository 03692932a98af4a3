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
  pullComments
} from "./chunk-BBEUIQHO.js";
import "./chunk-425VGJGT.js";
import "./chunk-JV5PSVP2.js";
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
  pullComments
};
