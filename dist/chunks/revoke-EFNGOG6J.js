import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-U3RTNOWB.js";
import "./chunk-C5FYDOTN.js";
import "./chunk-KP45LKD2.js";
import "./chunk-UEBNDZC2.js";
import "./chunk-HHV5BP7O.js";
import "./chunk-YBA5QWIC.js";
import "./chunk-DW3DZREC.js";
import "./chunk-DLBDOZPI.js";
import "./chunk-US6Y2DXO.js";
import "./chunk-FBMFKPF2.js";
import "./chunk-52Q4USHM.js";
import "./chunk-VQUDJ5CE.js";
import "./chunk-GLEYENYI.js";
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
