import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  renderStatus,
  status,
  statusOf
} from "./chunk-FF6UBRFM.js";
import "./chunk-CWVKUPHL.js";
import "./chunk-DZGTKOOE.js";
import "./chunk-2ZD53LPU.js";
import "./chunk-TFDRI4D7.js";
import "./chunk-MVHJ5TNF.js";
import "./chunk-YPZINFMM.js";
import "./chunk-AYTXIJNX.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-4UTSESXY.js";
import "./chunk-HEPALFDV.js";
import "./chunk-OPVTYMUJ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";
export {
  renderStatus,
  status,
  statusOf
};
