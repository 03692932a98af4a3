import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  collectReport,
  requestVersions
} from "./chunk-F54KQH6N.js";
import "./chunk-75SXXRN7.js";
import "./chunk-TGDXD373.js";
import "./chunk-EZFY75WK.js";
import "./chunk-KP45LKD2.js";
import "./chunk-FWFYCMHY.js";
import "./chunk-YBA5QWIC.js";
import "./chunk-DW3DZREC.js";
import "./chunk-26JLZQL2.js";
import "./chunk-EW2LD6KL.js";
import "./chunk-VNWK7OAD.js";
import "./chunk-JZISGAUE.js";
import "./chunk-4NYYXY3P.js";
import "./chunk-O6H3BNPU.js";
import "./chunk-US6Y2DXO.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-PM7GH4VV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-EPSUOZVQ.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  collectReport,
  requestVersions
};
