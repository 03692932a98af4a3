import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
} from "./chunk-TJGJY4FJ.js";
import "./chunk-TRPAB6JR.js";
import "./chunk-E4JGT2Z2.js";
import "./chunk-642RQGWG.js";
import "./chunk-JZPP4HP7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-YHRMNSIK.js";
import "./chunk-4AYHTIIO.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-EVXKXNHT.js";
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
