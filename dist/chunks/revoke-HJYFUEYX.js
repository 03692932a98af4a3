import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-I3ZSOP4Y.js";
import "./chunk-FEVNGEOY.js";
import "./chunk-PDUGYOES.js";
import "./chunk-IJEJVHO6.js";
import "./chunk-REEK3OEJ.js";
import "./chunk-6JVCB46J.js";
import "./chunk-VXJK4BJA.js";
import "./chunk-6NE6BD2Q.js";
import "./chunk-IRH65NBS.js";
import "./chunk-JA3VKW6T.js";
import "./chunk-VIODZ64U.js";
import "./chunk-NVDCARJL.js";
import "./chunk-7N5U2D3E.js";
import "./chunk-6LYDHTAK.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-M5VK2URL.js";
import "./chunk-LXQIYYNM.js";
import "./chunk-GCVGB4KO.js";
import "./chunk-MQ6TBSEP.js";
import "./chunk-FFFUYTXE.js";
import "./chunk-IM5DW627.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-LRULQWW5.js";
import "./chunk-B4AF7QQP.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-AVZCSXTZ.js";
import "./chunk-34OC5ZRV.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
