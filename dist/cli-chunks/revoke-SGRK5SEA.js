import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-2L2X7IOP.js";
import "./chunk-ZQGYM43Q.js";
import "./chunk-W5YME2ZX.js";
import "./chunk-NJRQRRKD.js";
import "./chunk-LRUJKFBJ.js";
import "./chunk-LNVIXTOU.js";
import "./chunk-4JZIRFN3.js";
import "./chunk-6243XALH.js";
import "./chunk-EVUEM6V5.js";
import "./chunk-FRSZYKE2.js";
import "./chunk-SM3TZRZU.js";
import "./chunk-WB7IPXIR.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-3VIL4RUE.js";
import "./chunk-DKSCVU2J.js";
import "./chunk-MEYI3N5C.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-7K7DDW7P.js";
import "./chunk-JPPIGYGH.js";
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
