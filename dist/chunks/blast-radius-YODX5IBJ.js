import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  blastRadius,
  renderBlastRadius,
  weeklyTrend
} from "./chunk-FMNLA55M.js";
import "./chunk-OZ6IWOJH.js";
export {
  blastRadius,
  renderBlastRadius,
  weeklyTrend
};
