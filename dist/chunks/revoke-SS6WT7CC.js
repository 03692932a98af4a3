import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-2244AW2W.js";
import "./chunk-XZPZH2FT.js";
import "./chunk-FSA7DDBI.js";
import "./chunk-ALS3MZFZ.js";
import "./chunk-OKM57PZE.js";
import "./chunk-OINKAJFH.js";
import "./chunk-CJVF7H5I.js";
import "./chunk-XE3LPDFX.js";
import "./chunk-PRSVWJYQ.js";
import "./chunk-PM7GH4VV.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-W6UA7JWE.js";
import "./chunk-L4KC6B5H.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-GFQMRUJ7.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  reminderBody,
  reminderMarker,
  revoke
};
