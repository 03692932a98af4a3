import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  getOctokit
} from "./chunk-JLLJGRDJ.js";
import {
  countRequests,
  octokitOptions,
  paceWrites,
  retry,
  throttling
} from "./chunk-RTSR7ASI.js";
import "./chunk-GKSYZKYF.js";
import {
  namePermissions
} from "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";

// src/action/octokit.ts
function actionOctokit(token, baseUrl, origin = { kind: "job" }) {
  return namePermissions(paceWrites(getOctokit(token, { baseUrl, ...octokitOptions() }, countRequests, retry, throttling)), origin);
}
export {
  actionOctokit
};
