import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GitHubFacts,
  GitHubUnavailableError
} from "./chunk-YBA5QWIC.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-EPSUOZVQ.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  GitHubFacts,
  GitHubUnavailableError
};
