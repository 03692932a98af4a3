import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
} from "./chunk-QS4HSEGL.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-4LFRGQF6.js";
import "./chunk-6WF6EYZI.js";
import "./chunk-JV5PSVP2.js";
export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
