import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  blastRadius,
  renderBlastRadius,
  standingByWeek,
  weeklyTrend
} from "./chunk-RTQC5BHP.js";
import "./chunk-JV5PSVP2.js";
export {
  blastRadius,
  renderBlastRadius,
  standingByWeek,
  weeklyTrend
};
