import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  renderStatus,
  status,
  statusOf
} from "./chunk-XOI5QPNP.js";
import "./chunk-JDL7WNN4.js";
import "./chunk-RCV46QTN.js";
import "./chunk-7MM2H3EO.js";
import "./chunk-X5R52UWF.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-2VELSMAL.js";
import "./chunk-UJGJWKAG.js";
import "./chunk-OKQAZY3F.js";
import "./chunk-JV5PSVP2.js";
export {
  renderStatus,
  status,
  statusOf
};
