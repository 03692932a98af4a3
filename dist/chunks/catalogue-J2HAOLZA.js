import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  accessLines,
  appRolePrivilege,
  azureReaderOf,
  catalogueOfPolicy,
  composeAccess,
  directoryRolePrivilege,
  heaviest,
  parseGroupAccess,
  readAzureRoles,
  readCatalogue,
  readCatalogueFacts
} from "./chunk-PUFOGBAZ.js";
import "./chunk-IRH65NBS.js";
import "./chunk-OZ6IWOJH.js";
export {
  accessLines,
  appRolePrivilege,
  azureReaderOf,
  catalogueOfPolicy,
  composeAccess,
  directoryRolePrivilege,
  heaviest,
  parseGroupAccess,
  readAzureRoles,
  readCatalogue,
  readCatalogueFacts
};
