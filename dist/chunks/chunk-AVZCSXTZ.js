import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  diagnostic
} from "./chunk-T6N4ZH6A.js";

// src/codeowners/codeowners.ts
var CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
var CODEOWNERS_MAX_BYTES = 3 * 1024 * 1024;
var USER = /^@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;
var TEAM = /^@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\/([A-Za-z0-9._-]+)$/;
var EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
function parseTeam(name) {
  const m = TEAM.exec(name.startsWith("@") ? name : `@${name}`);
  return m ? { org: m[1].toLowerCase(), slug: m[2].toLowerCase() } : void 0;
}
var teamKey = (team) => `${team.org}/${team.slug}`;
function parseOwner(token) {
  const team = token.startsWith("@") ? parseTeam(token) : void 0;
  if (team) return { kind: "team", ...team };
  const m = USER.exec(token);
  if (m) return { kind: "user", login: m[1].toLowerCase() };
  if (EMAIL.test(token)) return { kind: "email", email: token.toLowerCase() };
  return void 0;
}
function formatOwner(owner) {
  switch (owner.kind) {
    case "user":
      return `@${owner.login}`;
    case "team":
      return `@${owner.org}/${owner.slug}`;
    case "email":
      return owner.email;
  }
}
function parseCodeowners(file, text) {
  const rules = [];
  const diagnostics = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const tokens = trimmed.split(/\s+/);
    const pattern = tokens[0];
    const column = raw.indexOf(pattern) + 1;
    const skip = (why) => diagnostics.push(diagnostic(file, { line, column }, `${why} GitHub skips this line, so it gives no owner.`));
    if (pattern.startsWith("\\#")) return skip('escaping "#" with "\\" is not supported in CODEOWNERS.');
    if (pattern.startsWith("!")) return skip('"!" negation is not supported in CODEOWNERS; give the path its own line with other owners, or none.');
    if (/[[\]]/.test(pattern)) return skip('"[ ]" character ranges are not supported in CODEOWNERS; list the paths separately.');
    const owners = [];
    for (let i = 1; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.startsWith("#")) break;
      const owner = parseOwner(token);
      if (!owner) {
        return skip(`"${token}" is not an owner: use @login, @org/team-name or an email address.`);
      }
      owners.push(owner);
    }
    rules.push({ pattern, owners, line, regex: compilePattern(pattern) });
  });
  return { codeowners: { file, rules }, diagnostics };
}
function ruleFor(codeowners, path) {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i];
    if (rule.regex.test(path)) return rule;
  }
  return void 0;
}
function ownersOf(codeowners, path) {
  return ruleFor(codeowners, path)?.owners ?? [];
}
function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function translateSegment(segment) {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "*") {
      while (segment[i + 1] === "*") i++;
      out += "[^/]*";
    } else if (c === "?") out += "[^/]";
    else if (c === "\\" && i + 1 < segment.length) out += escapeRegex(segment[++i]);
    else out += escapeRegex(c);
  }
  return out;
}
function compilePattern(pattern) {
  let p = pattern;
  const directoryOnly = p.endsWith("/");
  if (directoryOnly) p = p.slice(0, -1);
  const anchored = p.includes("/");
  if (p.startsWith("/")) p = p.slice(1);
  const segments = p.split("/");
  let body = "";
  segments.forEach((segment, i) => {
    const first = i === 0;
    const last = i === segments.length - 1;
    if (segment === "**") {
      if (segments.length === 1) body += ".*";
      else if (first) body += "(?:[^/]*/)*";
      else if (last) body += "/.*";
      else body += "/(?:[^/]*/)*";
      return;
    }
    if (!first && segments[i - 1] !== "**") body += "/";
    body += translateSegment(segment);
  });
  const prefix = anchored ? "^" : "^(?:.*/)?";
  let suffix;
  const lastSegment = segments[segments.length - 1];
  if (directoryOnly) suffix = "/.*$";
  else if (lastSegment === "**") suffix = "$";
  else if (lastSegment === "*" && segments.length > 1) suffix = "$";
  else suffix = "(?:/.*)?$";
  return new RegExp(prefix + body + suffix);
}

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
  CODEOWNERS_PATHS,
  CODEOWNERS_MAX_BYTES,
  teamKey,
  formatOwner,
  parseCodeowners,
  ownersOf,
  isTeamEntry,
  requesterTeamNames,
  listedByLogin,
  requesterStanding,
  mayRequest
};
