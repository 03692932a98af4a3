import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  renderStatus,
  status,
  statusOf
} from "./chunk-4RGAHO3P.js";
import "./chunk-35AJLT4A.js";
import "./chunk-V5ARITY6.js";
import "./chunk-7MM2H3EO.js";
import "./chunk-X5R52UWF.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-2VELSMAL.js";
import "./chunk-UJGJWKAG.js";
import "./chunk-6MJGJCUC.js";
import "./chunk-JV5PSVP2.js";
export {
  renderStatus,
  status,
  statusOf
};
