import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  accessLines,
  appRolePrivilege,
  composeAccess,
  directoryRolePrivilege,
  heaviest,
  parseGroupAccess,
  readCatalogue,
  readCatalogueFacts
} from "./chunk-MLWZ6P5R.js";
import "./chunk-OZ6IWOJH.js";
export {
  accessLines,
  appRolePrivilege,
  composeAccess,
  directoryRolePrivilege,
  heaviest,
  parseGroupAccess,
  readCatalogue,
  readCatalogueFacts
};
