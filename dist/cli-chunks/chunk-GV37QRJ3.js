import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  parseRequest
} from "./chunk-NXBOCEVI.js";
import {
  isRequestsHousekeeping,
  splitRequestPath
} from "./chunk-5N677O5M.js";

// src/report/request-versions.ts
async function requestVersions(reader, log, groupNames, since, result) {
  const versions = [];
  const added = /* @__PURE__ */ new Set();
  const deletions = /* @__PURE__ */ new Map();
  for (const commit of log) {
    for (const change of commit.changes) {
      const group = splitRequestPath(change.path)?.group;
      if (!group || !groupNames.has(group) || isRequestsHousekeeping(change.path)) continue;
      if (change.status === "D") deletions.set(change.path, [...deletions.get(change.path) ?? [], commit.time]);
      if (change.status !== "A" && change.status !== "M") continue;
      const inWindow = change.status === "A" && commit.time >= since;
      if (inWindow && result) result.requestsPerGroup[group] = (result.requestsPerGroup[group] ?? 0) + 1;
      const object = await reader.read(`${commit.sha}:${change.path}`);
      const request = object?.bytes ? parseRequest(change.path, object.bytes, commit.time).request : void 0;
      if (!request) continue;
      const version = {
        file: change.path,
        group,
        state: "active",
        requester: request.requester,
        request,
        blob: object.oid,
        bytes: object.bytes,
        landing: commit,
        userId: request.requester,
        judgeAt: commit.time
      };
      versions.push(version);
      if (inWindow) added.add(version);
    }
  }
  return { versions, added, deletions };
}

export {
  requestVersions
};
