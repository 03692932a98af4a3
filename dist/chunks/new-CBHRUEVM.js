import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  draftRequest,
  keyAtLine,
  requestSchemaRef,
  requireLogin
} from "./chunk-QGRBDHXT.js";
import "./chunk-DIV7ZLLD.js";
import "./chunk-OY2TG4AL.js";
import "./chunk-IU4YA2SP.js";
import "./chunk-TDEDRALS.js";
import "./chunk-LRULQWW5.js";
import "./chunk-ATCX3I3U.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-AVZCSXTZ.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";
export {
  draftRequest,
  keyAtLine,
  requestSchemaRef,
  requireLogin
};
