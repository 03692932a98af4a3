import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
} from "./chunk-IIT5G4FF.js";
import "./chunk-TRPAB6JR.js";
import "./chunk-E4JGT2Z2.js";
import "./chunk-YFEGACMP.js";
import "./chunk-JZPP4HP7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-L4A2UIHR.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-4AYHTIIO.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-24XPZQ64.js";
import "./chunk-CV5RMOLZ.js";
import "./chunk-IQ3S3PKL.js";
import "./chunk-F3KO5KRW.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-425VGJGT.js";
import "./chunk-JV5PSVP2.js";
export {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
};
