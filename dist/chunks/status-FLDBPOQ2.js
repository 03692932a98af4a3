import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  renderStatus,
  status,
  statusOf
} from "./chunk-AXI2V2IB.js";
import "./chunk-JVNDGCKY.js";
import "./chunk-FOVNDYCZ.js";
import "./chunk-MVHJ5TNF.js";
import "./chunk-O2ELKO77.js";
import "./chunk-3B5UPTQJ.js";
import "./chunk-ST23VSVJ.js";
import "./chunk-AWYFAWUP.js";
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
