import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  assignmentsAt,
  azureTarget,
  azureTargetParts,
  heldAt,
  listAtScope,
  readyAzure,
  usersOnly
} from "./chunk-I4YMU5K2.js";
import "./chunk-3L64JI35.js";
import "./chunk-2VZNYBFU.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-MFROSCTF.js";
import "./chunk-T6N4ZH6A.js";
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
