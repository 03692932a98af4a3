import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  HISTORY_DAYS,
  historyChange,
  historyDays,
  historyPath,
  openPoint,
  pointOf,
  readHistory,
  sealPoint,
  standingMembers
} from "./chunk-TPLFZI4K.js";
import "./chunk-NEUG2GFB.js";
import "./chunk-JV5PSVP2.js";
export {
  HISTORY_DAYS,
  historyChange,
  historyDays,
  historyPath,
  openPoint,
  pointOf,
  readHistory,
  sealPoint,
  standingMembers
};
