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
} from "./chunk-WMVN6UCS.js";
import "./chunk-YMH7ZJTW.js";
import "./chunk-TVE5Q7P7.js";
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
