import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  BREAK_GLASS_LABEL,
  BREAK_GLASS_WORKFLOW,
  breakGlassGrantProblem,
  breakGlassRule,
  breakGlassSource,
  breakGlassTeams,
  breakGlassWindow,
  grantsFromRuns,
  isBreakGlassSource,
  judgeBreakGlassRun,
  readRecord,
  runTitle
} from "./chunk-WXKBUTD3.js";
import "./chunk-AVZCSXTZ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";
export {
  BREAK_GLASS_LABEL,
  BREAK_GLASS_WORKFLOW,
  breakGlassGrantProblem,
  breakGlassRule,
  breakGlassSource,
  breakGlassTeams,
  breakGlassWindow,
  grantsFromRuns,
  isBreakGlassSource,
  judgeBreakGlassRun,
  readRecord,
  runTitle
};
