import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  BREAK_GLASS_LABEL,
  BREAK_GLASS_WORKFLOW,
  breakGlassSource,
  breakGlassTeams,
  breakGlassWindow,
  grantsFromRuns,
  isBreakGlassSource,
  judgeBreakGlassRun,
  readRecord,
  runTitle
} from "./chunk-DW3DZREC.js";
import "./chunk-PM7GH4VV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-OZ6IWOJH.js";
export {
  BREAK_GLASS_LABEL,
  BREAK_GLASS_WORKFLOW,
  breakGlassSource,
  breakGlassTeams,
  breakGlassWindow,
  grantsFromRuns,
  isBreakGlassSource,
  judgeBreakGlassRun,
  readRecord,
  runTitle
};
