import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GitHubGraph,
  GitHubUnavailableError
} from "./chunk-FREZ7ED3.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-EPSUOZVQ.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  GitHubGraph,
  GitHubUnavailableError
};
