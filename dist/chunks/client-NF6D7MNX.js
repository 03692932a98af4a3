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
} from "./chunk-RTSR7ASI.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";
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
