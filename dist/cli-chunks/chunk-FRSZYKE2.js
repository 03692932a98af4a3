import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/policy/requesters.ts
var bare = (entry) => entry.replace(/^@/, "").toLowerCase();
var isTeamEntry = (entry) => entry.includes("/");
function requesterTeams(requesters) {
  return requesters.filter(isTeamEntry).map(bare);
}
function listedByLogin(login, requesters) {
  return requesters.some((r) => !isTeamEntry(r) && bare(r) === login.toLowerCase());
}
function mayRequest(login, requesters, memberships) {
  return listedByLogin(login, requesters) || requesterTeams(requesters).some((t) => memberships.has(`${t}:${login.toLowerCase()}`));
}

export {
  isTeamEntry,
  requesterTeams,
  listedByLogin,
  mayRequest
};
