import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  parseTeam,
  teamKey
} from "./chunk-E4JGT2Z2.js";

// src/policy/requesters.ts
var bare = (entry) => entry.replace(/^@/, "").toLowerCase();
var isTeamEntry = (entry) => parseTeam(entry) !== void 0;
function requesterTeams(requesters) {
  return requesterTeamNames(requesters).map(teamKey);
}
function requesterTeamNames(requesters) {
  return requesters.flatMap((r) => parseTeam(r) ?? []);
}
function listedByLogin(login, requesters) {
  return requesters.some((r) => !isTeamEntry(r) && bare(r) === login.toLowerCase());
}
function requesterStanding(login, requesters, memberships) {
  if (requesters === void 0 || listedByLogin(login, requesters)) return "yes";
  const teams = requesterTeams(requesters);
  if (teams.length === 0) return "no";
  if (memberships === void 0) return "unknown";
  return teams.some((t) => memberships.has(`${t}:${login.toLowerCase()}`)) ? "yes" : "no";
}
function mayRequest(login, requesters, memberships) {
  return requesterStanding(login, requesters, memberships) === "yes";
}

export {
  isTeamEntry,
  requesterTeamNames,
  listedByLogin,
  requesterStanding,
  mayRequest
};
