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
} from "./chunk-SHMGY3Y7.js";
import "./chunk-FP3QMURM.js";
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
