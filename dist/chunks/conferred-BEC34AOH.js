import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-IKAZQ3SR.js";
import "./chunk-WJEWTJUK.js";
import "./chunk-VNJLDKAO.js";
import "./chunk-LRULQWW5.js";
import "./chunk-MTY2RGGW.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
