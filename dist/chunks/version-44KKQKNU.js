import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-I3JYXB3R.js";
import "./chunk-OZ6IWOJH.js";
export {
  VERSION
};
