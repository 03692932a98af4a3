import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-T5ZFLJPE.js";
import "./chunk-EBELDLEG.js";
import "./chunk-YOXFEJBX.js";
import "./chunk-OKM57PZE.js";
import "./chunk-VXXLHX2P.js";
import "./chunk-DXZEXRVJ.js";
import "./chunk-2YGABOA2.js";
import "./chunk-G5HJ2TXZ.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-W6UA7JWE.js";
import "./chunk-L4KC6B5H.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-QJNYH7MP.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
