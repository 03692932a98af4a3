import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
} from "./chunk-GJT6CTA3.js";
import "./chunk-WZZJUVGY.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-QTO6PCRP.js";
import "./chunk-LJOL2TRB.js";
import "./chunk-JV5PSVP2.js";
export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
