import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  renderStatus,
  status,
  statusOf
} from "./chunk-BHRX5YMM.js";
import "./chunk-ZGPZ5EFJ.js";
import "./chunk-PGYIGUDK.js";
import "./chunk-2EVM7H35.js";
import "./chunk-6DPNASLY.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-PMADG7GS.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-IGZ5WUGF.js";
import "./chunk-JV5PSVP2.js";
export {
  renderStatus,
  status,
  statusOf
};
