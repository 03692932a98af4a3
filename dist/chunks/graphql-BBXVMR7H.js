import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GitHubFacts,
  GitHubUnavailableError
} from "./chunk-RL4FXHQR.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-57O6DGYV.js";
import "./chunk-O2IOJ6N3.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";
export {
  GitHubFacts,
  GitHubUnavailableError
};
