import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  COMMAND_PERMISSIONS,
  GitHubPermissionError,
  TEAMS_TOKEN_PERMISSIONS,
  acceptedPermissions,
  missingPermissionMessage,
  namePermissions,
  originOf,
  workflowFileOf,
  workflowPermissionProblems
} from "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";
export {
  COMMAND_PERMISSIONS,
  GitHubPermissionError,
  TEAMS_TOKEN_PERMISSIONS,
  acceptedPermissions,
  missingPermissionMessage,
  namePermissions,
  originOf,
  workflowFileOf,
  workflowPermissionProblems
};
