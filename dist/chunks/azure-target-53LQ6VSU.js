import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  assignmentsAt,
  azureTarget,
  azureTargetParts,
  heldAt,
  listAtScope,
  readyAzure,
  usersOnly
} from "./chunk-3L3QTXZZ.js";
import "./chunk-3L64JI35.js";
import "./chunk-VCQJW4GH.js";
import "./chunk-OZ6IWOJH.js";
export {
  assignmentsAt,
  azureTarget,
  azureTargetParts,
  heldAt,
  listAtScope,
  readyAzure,
  usersOnly
};
