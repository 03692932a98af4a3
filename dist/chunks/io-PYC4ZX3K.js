import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  COMMON,
  FORMAT,
  clock,
  jsonWanted,
  repoRoot,
  requestSchemaRef
} from "./chunk-WKFD6RQT.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";
export {
  COMMON,
  FORMAT,
  clock,
  jsonWanted,
  repoRoot,
  requestSchemaRef
};
