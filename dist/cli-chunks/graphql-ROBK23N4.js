import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
} from "./chunk-UV4BBHG6.js";
import "./chunk-BBEUIQHO.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-425VGJGT.js";
import "./chunk-JV5PSVP2.js";
export {
  GitHubFacts,
  GitHubUnavailableError,
  actorOf,
  unavailablePart
};
