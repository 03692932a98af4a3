import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-SLULFCVG.js";
import "./chunk-UMT23SHI.js";
import "./chunk-UUNI6KRQ.js";
import "./chunk-WMVN6UCS.js";
import "./chunk-ME7T4AR3.js";
import "./chunk-JL6SKFUM.js";
import "./chunk-Y6OYOLPJ.js";
import "./chunk-6243XALH.js";
import "./chunk-YMH7ZJTW.js";
import "./chunk-TVE5Q7P7.js";
import "./chunk-3PAK6OEX.js";
import "./chunk-FRSZYKE2.js";
import "./chunk-SM3TZRZU.js";
import "./chunk-WB7IPXIR.js";
import "./chunk-3VIL4RUE.js";
import "./chunk-DKSCVU2J.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-7K7DDW7P.js";
import "./chunk-PFM2MXQY.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-IQ3S3PKL.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-DHU6F2MR.js";
import "./chunk-UFO5PZZZ.js";
import "./chunk-6WF6EYZI.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
