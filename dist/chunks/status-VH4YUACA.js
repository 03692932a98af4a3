import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  renderStatus,
  status,
  statusOf
} from "./chunk-RSMLGQ6O.js";
import "./chunk-LXZOQPO3.js";
import "./chunk-MVHJ5TNF.js";
import "./chunk-FOVNDYCZ.js";
import "./chunk-WCYN3GVP.js";
import "./chunk-SBUATTBY.js";
import "./chunk-AWYFAWUP.js";
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
