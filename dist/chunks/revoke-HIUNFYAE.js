import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-CXU5NJIO.js";
import "./chunk-TVAACYFX.js";
import "./chunk-7RTO7R3A.js";
import "./chunk-IJEJVHO6.js";
import "./chunk-5UPGTYDQ.js";
import "./chunk-NVDCARJL.js";
import "./chunk-FFU4HTRI.js";
import "./chunk-4PD3FXDZ.js";
import "./chunk-RL4FXHQR.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-DW3DZREC.js";
import "./chunk-26JLZQL2.js";
import "./chunk-P2JL6JJG.js";
import "./chunk-DZ42VBVO.js";
import "./chunk-YFVOOMZS.js";
import "./chunk-M7RVTPVM.js";
import "./chunk-KIYU2QCJ.js";
import "./chunk-RGVUSR7S.js";
import "./chunk-JIQDPLUX.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-PM7GH4VV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-NEDHP5PK.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-57O6DGYV.js";
import "./chunk-O2IOJ6N3.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
