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
} from "./chunk-VDWJA76S.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-3L64JI35.js";
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
