import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-DPK2XZUS.js";
import "./chunk-TPLAEKNJ.js";
import "./chunk-LWSEAMJP.js";
import "./chunk-V5ARITY6.js";
import "./chunk-ZTFHKPII.js";
import "./chunk-ALQUDTQE.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-32XXKGME.js";
import "./chunk-UJGJWKAG.js";
import "./chunk-6MJGJCUC.js";
import "./chunk-JV5PSVP2.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
