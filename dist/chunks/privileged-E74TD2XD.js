import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
} from "./chunk-3WRQDYNR.js";
import "./chunk-VDWJA76S.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-LRULQWW5.js";
import "./chunk-3L64JI35.js";
import "./chunk-OZ6IWOJH.js";
export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
