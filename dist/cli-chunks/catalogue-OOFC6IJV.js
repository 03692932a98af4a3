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
} from "./chunk-KFLSN3TF.js";
import "./chunk-CV5RMOLZ.js";
import "./chunk-24XPZQ64.js";
import "./chunk-JV5PSVP2.js";
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
