import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  draftRequest,
  keyAtLine,
  requestSchemaRef,
  requireLogin
} from "./chunk-N5GDA5TH.js";
import "./chunk-VNDD5P4V.js";
import "./chunk-GKWQTSBK.js";
import "./chunk-P3KVTTAL.js";
import "./chunk-DPTGAXYU.js";
import "./chunk-FSXQAFOT.js";
import "./chunk-IRH65NBS.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
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
