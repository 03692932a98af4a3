import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  blastRadius,
  renderBlastRadius,
  standingByWeek,
  weeklyTrend
} from "./chunk-QJZTYBPQ.js";
import "./chunk-OZ6IWOJH.js";
export {
  blastRadius,
  renderBlastRadius,
  standingByWeek,
  weeklyTrend
};
