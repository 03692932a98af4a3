import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-7XPNZIXQ.js";
import "./chunk-CCH7QCBH.js";
import "./chunk-43AFEDK5.js";
import "./chunk-SMM5J3KR.js";
import "./chunk-HNO2SEY6.js";
import "./chunk-PGYIGUDK.js";
import "./chunk-4NAHDPMA.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-Y2COFHSS.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-MHCSHH27.js";
import "./chunk-MO4JY4J2.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-IGZ5WUGF.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
