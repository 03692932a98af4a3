import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-F7CTOFVM.js";
import "./chunk-FAXVPJYV.js";
import "./chunk-AQG6WZRR.js";
import "./chunk-FFU4HTRI.js";
import "./chunk-KP45LKD2.js";
import "./chunk-FWFYCMHY.js";
import "./chunk-YBA5QWIC.js";
import "./chunk-DW3DZREC.js";
import "./chunk-26JLZQL2.js";
import "./chunk-N766CQVE.js";
import "./chunk-EARO247J.js";
import "./chunk-EW6RVXIH.js";
import "./chunk-4NYYXY3P.js";
import "./chunk-O6H3BNPU.js";
import "./chunk-US6Y2DXO.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-PM7GH4VV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-NEDHP5PK.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-EPSUOZVQ.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
