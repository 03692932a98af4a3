import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-MOUIFALT.js";
import "./chunk-E6X4WODL.js";
import "./chunk-BIJGDOIR.js";
import "./chunk-PGYIGUDK.js";
import "./chunk-Q6TABR5K.js";
import "./chunk-6DPNASLY.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-QJWCZ3YV.js";
import "./chunk-MO4JY4J2.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-IGZ5WUGF.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
