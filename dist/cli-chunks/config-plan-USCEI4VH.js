import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
} from "./chunk-AYDXECKW.js";
import "./chunk-7K7DDW7P.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";
export {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
};
