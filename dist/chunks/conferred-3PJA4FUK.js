import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-GKBFOM3K.js";
import "./chunk-6226V27A.js";
import "./chunk-WRGHQA7J.js";
import "./chunk-IRH65NBS.js";
import "./chunk-LRULQWW5.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
