import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  blastRadius,
  renderBlastRadius
} from "./chunk-BCCDQIT5.js";
import "./chunk-OZ6IWOJH.js";
export {
  blastRadius,
  renderBlastRadius
};
