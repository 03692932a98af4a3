import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-CAIVN634.js";
import "./chunk-NFLTHOAM.js";
import "./chunk-RZ5PQ4CP.js";
import "./chunk-LRULQWW5.js";
import "./chunk-MTY2RGGW.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
