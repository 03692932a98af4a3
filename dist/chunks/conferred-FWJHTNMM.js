import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-Z5LPWNVR.js";
import "./chunk-FLOF6VT6.js";
import "./chunk-OWJ5QCMG.js";
import "./chunk-LRULQWW5.js";
import "./chunk-MTY2RGGW.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
