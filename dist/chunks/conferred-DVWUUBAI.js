import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-2T25GV7D.js";
import "./chunk-YC2TRYPU.js";
import "./chunk-YYDWSJH5.js";
import "./chunk-LRULQWW5.js";
import "./chunk-77V45DU5.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
