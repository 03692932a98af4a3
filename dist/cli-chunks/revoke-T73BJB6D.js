import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-WWGESZ7M.js";
import "./chunk-7A44WEYL.js";
import "./chunk-5BACSUHJ.js";
import "./chunk-V5ARITY6.js";
import "./chunk-XVT5NBV2.js";
import "./chunk-ALQUDTQE.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-QXWPRYCB.js";
import "./chunk-UJGJWKAG.js";
import "./chunk-QJFBAWAS.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
