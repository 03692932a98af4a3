import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  memoryFolder,
  memoryHead,
  openJson,
  sealJson
} from "./chunk-IRVF5XU5.js";

// src/memory/history.ts
var HISTORY_DAYS = 100;
var historyPath = (day) => `history/${day}.json`;
function standingMembers(dispositions) {
  const holds = (d) => !(d.action === "add" && d.outcome !== "added" && d.outcome !== "already-member") && !(d.action === "remove" && (d.outcome === "removed" || d.outcome === "already-gone"));
  const standing = dispositions.filter((d) => holds(d) && d.reason !== "active" && d.reason !== "unverified");
  return { users: standing.filter((d) => d.type === "user").length, apps: standing.filter((d) => d.type === "servicePrincipal").length };
}
function sealPoint(k, point) {
  return sealJson(k, historyPath(point.day), point);
}
function openPoint(k, day, text) {
  const opened = openJson(k, historyPath(day), text);
  if (typeof opened === "string") return opened;
  const v = opened.value;
  if (v.day !== day || typeof v.at !== "string" || !Array.isArray(v.groups)) return "not in the expected form";
  const groups = v.groups.filter(
    (g) => !!g && typeof g.group === "string" && Number.isInteger(g.users) && g.users >= 0 && Number.isInteger(g.apps) && g.apps >= 0
  );
  if (groups.length !== v.groups.length) return "not in the expected form";
  return { day, at: v.at, groups };
}
function pointOf(now, groups) {
  return {
    day: new Date(now).toISOString().slice(0, 10),
    at: new Date(now).toISOString(),
    groups: groups.filter((g) => !g.error).map((g) => ({ group: g.group, ...standingMembers(g.dispositions) }))
  };
}
async function historyDays(git, head) {
  return head ? (await memoryFolder(git, head, "history", /^(\d{4}-\d{2}-\d{2})\.json$/)).sort() : [];
}
async function readHistory(git, reader, k) {
  const head = await memoryHead(git);
  const out = { head, points: [], rejected: [], days: await historyDays(git, head) };
  for (const day of out.days) {
    const object = await reader.read(`${head}:${historyPath(day)}`);
    const opened = object?.bytes ? openPoint(k, day, Buffer.from(object.bytes).toString("utf8")) : "unreadable";
    if (typeof opened === "string") out.rejected.push({ day, why: opened });
    else out.points.push(opened);
  }
  return out;
}
function historyChange(k, history, point, now) {
  const oldest = new Date(now - HISTORY_DAYS * 864e5).toISOString().slice(0, 10);
  return {
    files: history.points.some((p) => p.day === point.day) ? [] : [sealPoint(k, point)],
    deletions: history.days.filter((d) => d < oldest).map(historyPath)
  };
}

export {
  HISTORY_DAYS,
  historyPath,
  standingMembers,
  sealPoint,
  openPoint,
  pointOf,
  historyDays,
  readHistory,
  historyChange
};
