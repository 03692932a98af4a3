import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  assignmentsAt,
  azureTarget,
  azureTargetParts,
  heldAt,
  listAtScope,
  readyAzure,
  usersOnly
} from "./chunk-GKR6IJ5H.js";
import "./chunk-LMELFARC.js";
import "./chunk-4AYHTIIO.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-F6R7EXLM.js";
import "./chunk-CV5RMOLZ.js";
import "./chunk-IQ3S3PKL.js";
import "./chunk-F3KO5KRW.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-425VGJGT.js";
import "./chunk-JV5PSVP2.js";
export {
  assignmentsAt,
  azureTarget,
  azureTargetParts,
  heldAt,
  listAtScope,
  readyAzure,
  usersOnly
};
