import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
} from "./chunk-567DNEYT.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-IM5DW627.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";
export {
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
};
