import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  draftRequest,
  keyAtLine,
  requestSchemaRef,
  requireLogin
} from "./chunk-LPMGPKDE.js";
import "./chunk-UVJS2H5C.js";
import "./chunk-6PQX56PG.js";
import "./chunk-LXQIYYNM.js";
import "./chunk-GCVGB4KO.js";
import "./chunk-LRULQWW5.js";
import "./chunk-B4AF7QQP.js";
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
