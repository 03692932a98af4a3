import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
} from "./chunk-CJYXKBG7.js";
import "./chunk-TRPAB6JR.js";
import "./chunk-E4JGT2Z2.js";
import "./chunk-6M5K6QUR.js";
import "./chunk-JZPP4HP7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";
export {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
};
