import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  blastRadius,
  renderBlastRadius,
  weeklyTrend
} from "./chunk-Q33QPVNQ.js";
import "./chunk-JV5PSVP2.js";
export {
  blastRadius,
  renderBlastRadius,
  weeklyTrend
};
