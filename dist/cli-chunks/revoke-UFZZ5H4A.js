import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-AHIWHV3M.js";
import "./chunk-H7EQYYPK.js";
import "./chunk-GE3YTETQ.js";
import "./chunk-PGYIGUDK.js";
import "./chunk-JYOUZ4DS.js";
import "./chunk-6DPNASLY.js";
import "./chunk-WD4VLBT2.js";
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
