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
} from "./chunk-Z2D5KCFL.js";
import "./chunk-MQ6TBSEP.js";
import "./chunk-OZ6IWOJH.js";
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
