import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-JPBU5H6I.js";
import "./chunk-VDM5VYMN.js";
import "./chunk-NRGJNQL6.js";
import "./chunk-2ODKMUE3.js";
import "./chunk-ZSIHYLEF.js";
import "./chunk-TI756ABX.js";
import "./chunk-PLEK36JM.js";
import "./chunk-L62VLEMM.js";
import "./chunk-6243XALH.js";
import "./chunk-ENFYODNC.js";
import "./chunk-LDXIIFYA.js";
import "./chunk-32YB757P.js";
import "./chunk-YY62HETB.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-KKT3OYJW.js";
import "./chunk-3VIL4RUE.js";
import "./chunk-DKSCVU2J.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-GUX3DBMW.js";
import "./chunk-TRPAB6JR.js";
import "./chunk-E4JGT2Z2.js";
import "./chunk-QLTQFRLC.js";
import "./chunk-BBEUIQHO.js";
import "./chunk-COOZ5Q7T.js";
import "./chunk-LJOL2TRB.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-425VGJGT.js";
import "./chunk-IQ3S3PKL.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
