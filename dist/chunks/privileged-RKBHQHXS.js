import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
} from "./chunk-YC2TRYPU.js";
import "./chunk-YYDWSJH5.js";
import "./chunk-LRULQWW5.js";
import "./chunk-77V45DU5.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-OZ6IWOJH.js";
export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
