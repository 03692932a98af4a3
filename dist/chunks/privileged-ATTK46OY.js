import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
} from "./chunk-JL6UZKZK.js";
import "./chunk-FD3EZJRF.js";
import "./chunk-P2JL6JJG.js";
import "./chunk-LRULQWW5.js";
import "./chunk-OZ6IWOJH.js";
export {
  PRIVILEGED_APPROVALS,
  PRIVILEGED_MAX_MS,
  privilegeFindings
};
