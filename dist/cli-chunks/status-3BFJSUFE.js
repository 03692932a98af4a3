import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  renderStatus,
  status,
  statusOf
} from "./chunk-2CPRET6N.js";
import "./chunk-QLDGFRCC.js";
import "./chunk-V5ARITY6.js";
import "./chunk-ZTFHKPII.js";
import "./chunk-ALQUDTQE.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-ZUW7NWLF.js";
import "./chunk-UJGJWKAG.js";
import "./chunk-2J2MSSRP.js";
import "./chunk-JV5PSVP2.js";
export {
  renderStatus,
  status,
  statusOf
};
