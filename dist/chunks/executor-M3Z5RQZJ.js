import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  DEFERRED,
  NEW_REMINDERS_PER_RUN,
  NO_WEBHOOKS,
  executeEffects,
  isOwnComment
} from "./chunk-ITLW2OLJ.js";
import "./chunk-OZ6IWOJH.js";
export {
  DEFERRED,
  NEW_REMINDERS_PER_RUN,
  NO_WEBHOOKS,
  executeEffects,
  isOwnComment
};
