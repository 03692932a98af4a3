import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  collectReport,
  requestVersions
} from "./chunk-7RAQZUJ7.js";
import "./chunk-3EI6WE2U.js";
import "./chunk-7MTRPYAX.js";
import "./chunk-5R3WWVHN.js";
import "./chunk-PGYIGUDK.js";
import "./chunk-4NAHDPMA.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-Y2COFHSS.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-DBNW4UL4.js";
import "./chunk-MO4JY4J2.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-IGZ5WUGF.js";
import "./chunk-JV5PSVP2.js";
export {
  collectReport,
  requestVersions
};
