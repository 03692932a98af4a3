import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
} from "./chunk-7XSM26YU.js";
import "./chunk-LR4TNDDV.js";
import "./chunk-TF77OBEX.js";
import "./chunk-AVZCSXTZ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
import "./chunk-UIMCVITO.js";
import "./chunk-IVD63FGE.js";
import "./chunk-2VZNYBFU.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-MFROSCTF.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";
export {
  configPlan,
  flipLines,
  pendingFlips,
  switchLines
};
