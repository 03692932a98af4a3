import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
} from "./chunk-GAF3CNPK.js";
import "./chunk-RTSR7ASI.js";
import "./chunk-LIIKHXTA.js";
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
