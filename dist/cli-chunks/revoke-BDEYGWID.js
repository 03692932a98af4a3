import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-2ZYKPUQG.js";
import "./chunk-Z5AYA4FB.js";
import "./chunk-3U6HYD2K.js";
import "./chunk-V5ARITY6.js";
import "./chunk-ZTFHKPII.js";
import "./chunk-ALQUDTQE.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-QXWPRYCB.js";
import "./chunk-UJGJWKAG.js";
import "./chunk-2J2MSSRP.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
