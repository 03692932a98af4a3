import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  hooksFor,
  judgeAnswer,
  notify,
  parseWebhooks,
  slackPayload,
  teamsPayload
} from "./chunk-SMWREK7M.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";
export {
  hooksFor,
  judgeAnswer,
  notify,
  parseWebhooks,
  slackPayload,
  teamsPayload
};
