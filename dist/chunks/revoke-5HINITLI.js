import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-D75NT24Z.js";
import "./chunk-3YBRR53F.js";
import "./chunk-Z2D5KCFL.js";
import "./chunk-MWQVXUG5.js";
import "./chunk-PBUMGLFG.js";
import "./chunk-VXJK4BJA.js";
import "./chunk-6NE6BD2Q.js";
import "./chunk-IRH65NBS.js";
import "./chunk-JA3VKW6T.js";
import "./chunk-YXSG3U74.js";
import "./chunk-NVDCARJL.js";
import "./chunk-5KKP6ZYX.js";
import "./chunk-B6AP5XYV.js";
import "./chunk-M5VK2URL.js";
import "./chunk-LXQIYYNM.js";
import "./chunk-GCVGB4KO.js";
import "./chunk-MQ6TBSEP.js";
import "./chunk-GA7CILCS.js";
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
