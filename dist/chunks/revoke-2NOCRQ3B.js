import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-2YOXV7PD.js";
import "./chunk-HQHZAYJU.js";
import "./chunk-KP45LKD2.js";
import "./chunk-HJDENPYD.js";
import "./chunk-H6OWV4RT.js";
import "./chunk-YBA5QWIC.js";
import "./chunk-DW3DZREC.js";
import "./chunk-MYKNGC5E.js";
import "./chunk-US6Y2DXO.js";
import "./chunk-FHU3JSU4.js";
import "./chunk-UU4LAX7M.js";
import "./chunk-BAMJMO2R.js";
import "./chunk-Q5QYV6MY.js";
import "./chunk-PM7GH4VV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-EPSUOZVQ.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
