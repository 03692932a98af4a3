import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
} from "./chunk-NFLTHOAM.js";
import "./chunk-RZ5PQ4CP.js";
import "./chunk-LRULQWW5.js";
import "./chunk-MTY2RGGW.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-OZ6IWOJH.js";
export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
