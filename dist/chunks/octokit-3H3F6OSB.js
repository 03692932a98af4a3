import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  getOctokit
} from "./chunk-HX2GNITY.js";
import {
  octokitOptions,
  paceWrites,
  retry,
  throttling
} from "./chunk-57O6DGYV.js";
import "./chunk-O2IOJ6N3.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";

// src/action/octokit.ts
function actionOctokit(token, baseUrl) {
  return paceWrites(getOctokit(token, { baseUrl, ...octokitOptions() }, retry, throttling));
}
export {
  actionOctokit
};
