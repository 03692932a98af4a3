import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  draftRequest,
  keyAtLine,
  requestSchemaRef,
  requireLogin
} from "./chunk-6KTVCWWK.js";
import "./chunk-PZXEGF23.js";
import "./chunk-7QIQKWUI.js";
import "./chunk-BWXTI4F5.js";
import "./chunk-5EBZM4G4.js";
import "./chunk-LRULQWW5.js";
import "./chunk-MTY2RGGW.js";
import "./chunk-POSQT6NQ.js";
import "./chunk-IRH65NBS.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-YQ623SFU.js";
import "./chunk-MFROSCTF.js";
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
