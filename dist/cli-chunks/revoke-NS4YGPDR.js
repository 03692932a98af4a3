import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-SD7SP7BQ.js";
import "./chunk-CS6AYQC6.js";
import "./chunk-7SCHE7VA.js";
import "./chunk-V5ARITY6.js";
import "./chunk-ZTFHKPII.js";
import "./chunk-ALQUDTQE.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-ZUW7NWLF.js";
import "./chunk-UJGJWKAG.js";
import "./chunk-6MJGJCUC.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
