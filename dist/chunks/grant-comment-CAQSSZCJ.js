import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  COMMENT_LIMIT,
  ICON,
  commentBody,
  commentMarker,
  grantEffects
} from "./chunk-AZPMKJU2.js";
import "./chunk-7F3IMCKF.js";
import "./chunk-OZ6IWOJH.js";
export {
  COMMENT_LIMIT,
  ICON,
  commentBody,
  commentMarker,
  grantEffects
};
