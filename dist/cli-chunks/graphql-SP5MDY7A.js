import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
} from "./chunk-EHZN36YG.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-JTSEDNRQ.js";
import "./chunk-425VGJGT.js";
import "./chunk-JV5PSVP2.js";
export {
  GITHUB_COMMIT_LIST_LIMIT,
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
};
