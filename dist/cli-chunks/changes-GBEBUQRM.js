import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  DEFAULT_BASES,
  mergeBase,
  workingChanges
} from "./chunk-MAYUQHI5.js";
import "./chunk-JV5PSVP2.js";
export {
  DEFAULT_BASES,
  mergeBase,
  workingChanges
};
