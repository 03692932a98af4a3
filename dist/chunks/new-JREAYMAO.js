import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  draftRequest,
  keyAtLine,
  requestSchemaRef,
  requireLogin
} from "./chunk-CGMKKZ7I.js";
import "./chunk-K7U5563T.js";
import "./chunk-WJQAL5O4.js";
import "./chunk-22MRAGKW.js";
import "./chunk-TF77OBEX.js";
import "./chunk-AVZCSXTZ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
import "./chunk-3L3QTXZZ.js";
import "./chunk-3L64JI35.js";
import "./chunk-VCQJW4GH.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";
export {
  draftRequest,
  keyAtLine,
  requestSchemaRef,
  requireLogin
};
