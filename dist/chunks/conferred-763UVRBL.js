import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-LT7WVKZU.js";
import "./chunk-FJAYADOF.js";
import "./chunk-PUFOGBAZ.js";
import "./chunk-IRH65NBS.js";
import "./chunk-LRULQWW5.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
