import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-VJ7MBEMG.js";
import "./chunk-57F6BBN6.js";
import "./chunk-4BK4R4ZI.js";
import "./chunk-LRULQWW5.js";
import "./chunk-3L64JI35.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-OZ6IWOJH.js";
export {
  conferredViews
};
