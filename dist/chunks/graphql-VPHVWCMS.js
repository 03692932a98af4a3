import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
} from "./chunk-RMNFMKVO.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GL6KHTZV.js";
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
