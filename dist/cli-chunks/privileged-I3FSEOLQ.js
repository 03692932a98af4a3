import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
} from "./chunk-J6WWWI7U.js";
import "./chunk-KFLSN3TF.js";
import "./chunk-CV5RMOLZ.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-24XPZQ64.js";
import "./chunk-JV5PSVP2.js";
export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
