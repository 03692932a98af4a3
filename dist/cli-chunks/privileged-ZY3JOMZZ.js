import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
} from "./chunk-EGNIC3SZ.js";
import "./chunk-FTZSZ7RJ.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-F6R7EXLM.js";
import "./chunk-CV5RMOLZ.js";
import "./chunk-JV5PSVP2.js";
export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
