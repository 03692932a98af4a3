import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-MHYLUNSV.js";
import "./chunk-BMJWAZDN.js";
import "./chunk-KFDPZT2M.js";
import "./chunk-LRULQWW5.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
