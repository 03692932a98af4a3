import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  hooksFor,
  notify,
  parseWebhooks,
  slackPayload,
  teamsPayload
} from "./chunk-LI6E3QVA.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";
export {
  hooksFor,
  notify,
  parseWebhooks,
  slackPayload,
  teamsPayload
};
