import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  assignmentsAt,
  azureTarget,
  azureTargetParts,
  heldAt,
  listAtScope,
  readyAzure,
  usersOnly
} from "./chunk-L4A2UIHR.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-4AYHTIIO.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-24XPZQ64.js";
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
