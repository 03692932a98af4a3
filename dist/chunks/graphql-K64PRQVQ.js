import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
} from "./chunk-L56WCBAJ.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-IM5DW627.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";
export {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
};
