import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-PIMZUKBJ.js";
import "./chunk-P77XBBXO.js";
import "./chunk-UUHAEEPH.js";
import "./chunk-PGYIGUDK.js";
import "./chunk-Q6TABR5K.js";
import "./chunk-6DPNASLY.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-PMADG7GS.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-IGZ5WUGF.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
