import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  hooksFor,
  judgeAnswer,
  notify,
  parseWebhooks,
  slackPayload,
  teamsPayload
} from "./chunk-A4U2YKKM.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";
export {
  hooksFor,
  judgeAnswer,
  notify,
  parseWebhooks,
  slackPayload,
  teamsPayload
};
