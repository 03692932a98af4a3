import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  REQUEST_LIMITS,
  loadYaml
} from "./chunk-DKSCVU2J.js";

// src/request/requester.ts
function requesterOf(bytes, path) {
  if (!bytes) return void 0;
  const loaded = loadYaml(path, bytes, REQUEST_LIMITS);
  if (!loaded.ok) return void 0;
  const value = loaded.yaml.value;
  return typeof value?.requester === "string" ? value.requester : void 0;
}
async function requesterAt(files, path) {
  return requesterOf((await files.read(path))?.bytes, path);
}

export {
  requesterOf,
  requesterAt
};
