import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
} from "./chunk-P27LOLJZ.js";
import "./chunk-GWQMGULM.js";
import "./chunk-UYXB32ID.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-OZ6IWOJH.js";
export {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
};
