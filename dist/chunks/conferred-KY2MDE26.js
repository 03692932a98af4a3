import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-3QME23XQ.js";
import "./chunk-YM3GC24A.js";
import "./chunk-FSE7YXR6.js";
import "./chunk-LRULQWW5.js";
import "./chunk-IVD63FGE.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
