import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  COMMENT_LIMIT,
  ICON,
  commentBody,
  commentMarker,
  grantEffects
} from "./chunk-ORZDBRM4.js";
import "./chunk-BLGGZSH3.js";
import "./chunk-34OC5ZRV.js";
import "./chunk-OZ6IWOJH.js";
export {
  COMMENT_LIMIT,
  ICON,
  commentBody,
  commentMarker,
  grantEffects
};
