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
} from "./chunk-YP4C2P2H.js";
import "./chunk-JV5PSVP2.js";
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
