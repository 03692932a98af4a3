import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  renderStatus,
  status,
  statusOf
} from "./chunk-JQHWWZBQ.js";
import "./chunk-R4RVVQJA.js";
import "./chunk-MVHJ5TNF.js";
import "./chunk-FOVNDYCZ.js";
import "./chunk-FRY4CBNH.js";
import "./chunk-SHAXX3OT.js";
import "./chunk-MGUM5KNU.js";
import "./chunk-ST23VSVJ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";
export {
  renderStatus,
  status,
  statusOf
};
