import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
} from "./chunk-ERBRYXYM.js";
import "./chunk-TRPAB6JR.js";
import "./chunk-E4JGT2Z2.js";
import "./chunk-RDTZXG43.js";
import "./chunk-JZPP4HP7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-GKR6IJ5H.js";
import "./chunk-LMELFARC.js";
import "./chunk-4AYHTIIO.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-F6R7EXLM.js";
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
