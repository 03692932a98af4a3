import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-QTUZIV5X.js";
import "./chunk-EZN2OXPZ.js";
import "./chunk-3BJIXFUZ.js";
import "./chunk-V5ARITY6.js";
import "./chunk-XVT5NBV2.js";
import "./chunk-ALQUDTQE.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-QXWPRYCB.js";
import "./chunk-UJGJWKAG.js";
import "./chunk-CKCGZIAR.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
