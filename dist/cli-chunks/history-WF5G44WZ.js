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
} from "./chunk-5ZEPAT2V.js";
import "./chunk-7NQRYUQF.js";
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
