import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
} from "./chunk-KRK4ZZKT.js";
import "./chunk-UGBMCOHX.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-EVXKXNHT.js";
import "./chunk-CV5RMOLZ.js";
import "./chunk-JV5PSVP2.js";
export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
