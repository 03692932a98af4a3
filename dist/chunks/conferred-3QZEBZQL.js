import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-CHVP4VBX.js";
import "./chunk-U5DZ2FLW.js";
import "./chunk-O3CE4UZJ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
