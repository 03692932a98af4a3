import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-ZPS6OUJV.js";
import "./chunk-YQY54LKQ.js";
import "./chunk-ZE5LHHKX.js";
import "./chunk-WSIIP6PG.js";
import "./chunk-BZ7SQQRO.js";
import "./chunk-F3RMY2T7.js";
import "./chunk-PGYIGUDK.js";
import "./chunk-CL3EFMHR.js";
import "./chunk-LRW4V6O6.js";
import "./chunk-FRSZYKE2.js";
import "./chunk-VINHGDDL.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-OTUSUFRU.js";
import "./chunk-SWCGANHE.js";
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
