import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  draftRequest,
  keyAtLine,
  requestSchemaRef,
  requireLogin
} from "./chunk-HSMX5FIO.js";
import "./chunk-7MTBCND5.js";
import "./chunk-SCBD7RQR.js";
import "./chunk-GM4RVDFP.js";
import "./chunk-MRNK5YD3.js";
import "./chunk-LRULQWW5.js";
import "./chunk-B766N2ED.js";
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
