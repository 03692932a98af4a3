import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  CONFIG_LIMITS,
  REQUEST_LIMITS,
  keyNodeAt,
  loadYaml,
  nodeAt,
  posOf
} from "./chunk-YQ623SFU.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";
export {
  CONFIG_LIMITS,
  REQUEST_LIMITS,
  keyNodeAt,
  loadYaml,
  nodeAt,
  posOf
};
