import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-ZHU7N3DT.js";
import "./chunk-XGOQDFZI.js";
import "./chunk-OKM57PZE.js";
import "./chunk-IBE44QRY.js";
import "./chunk-OINKAJFH.js";
import "./chunk-UAB65GID.js";
import "./chunk-ALS3MZFZ.js";
import "./chunk-7MHMXILJ.js";
import "./chunk-M3U5GMTR.js";
import "./chunk-OWJYH4DE.js";
import "./chunk-W6UA7JWE.js";
import "./chunk-PRSVWJYQ.js";
import "./chunk-L4KC6B5H.js";
import "./chunk-PM7GH4VV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-MNLDNLFG.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
