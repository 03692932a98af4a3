import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  HISTORY_DAYS,
  historyChange,
  historyDays,
  historyPath,
  openPoint,
  pointOf,
  readHistory,
  sealPoint
} from "./chunk-4VZDO7D4.js";
import "./chunk-TVE5Q7P7.js";
import "./chunk-LDXIIFYA.js";
import "./chunk-JV5PSVP2.js";
export {
  HISTORY_DAYS,
  historyChange,
  historyDays,
  historyPath,
  openPoint,
  pointOf,
  readHistory,
  sealPoint
};
