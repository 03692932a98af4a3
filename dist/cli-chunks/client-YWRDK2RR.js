import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  WRITE_SPACING_MS,
  branchRules,
  commentOnPull,
  countRequests,
  createGitHub,
  environmentFacts,
  missingLabels,
  octokitOptions,
  paceWrites,
  pullComments
} from "./chunk-JTSEDNRQ.js";
import "./chunk-425VGJGT.js";
import "./chunk-JV5PSVP2.js";
export {
  WRITE_SPACING_MS,
  branchRules,
  commentOnPull,
  countRequests,
  createGitHub,
  environmentFacts,
  missingLabels,
  octokitOptions,
  paceWrites,
  pullComments
};
