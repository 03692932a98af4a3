import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  formatTimestamp,
  parseTimestamp
} from "./chunk-VDAHEZ3L.js";
import {
  contentOrDiagnostic
} from "./chunk-3KJ234RC.js";
import {
  fileNameMatchesRequester,
  requestPathProblem,
  splitRequestPath
} from "./chunk-5N677O5M.js";
import {
  isTeamEntry,
  listedByLogin
} from "./chunk-TRPAB6JR.js";
import {
  MIN_LEAD_MS
} from "./chunk-6M5K6QUR.js";
import {
  REQUEST_LIMITS,
  loadYaml,
  nearest,
  nodeAt,
  posOf,
  validateAgainstSchema
} from "./chunk-JZPP4HP7.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-WD4VLBT2.js";
import {
  require_dist
} from "./chunk-XP3LFAPK.js";
import {
  diagnostic,
  hasErrors
} from "./chunk-ZFCBOOOX.js";
import {
  __toESM
} from "./chunk-JV5PSVP2.js";

// src/request/request.ts
var import_yaml = __toESM(require_dist(), 1);
var endKey = (request) => request.durationMs !== void 0 ? "duration" : "expires";
function describeEnd(request) {
  return request.durationMs !== void 0 ? `until ${request.expires} (${formatDuration(request.durationMs)} from the merge)` : `until ${request.expires}`;
}
function positionOfKey(request, key) {
  return posOf(nodeAt(request.yaml.doc, [key]), request.yaml.lineCounter);
}
function parseRequest(file, bytes, anchor, groups) {
  const pathProblem = requestPathProblem(file);
  if (pathProblem) return { request: void 0, diagnostics: [diagnostic(file, void 0, pathProblem)] };
  const loaded = loadYaml(file, bytes, REQUEST_LIMITS);
  if (!loaded.ok) return { request: void 0, diagnostics: loaded.diagnostics };
  const yaml = loaded.yaml;
  const diagnostics = validateAgainstSchema("request", yaml);
  const refused = new Set(diagnostics.map((d) => `${d.line}:${d.column}`));
  const value = yaml.value ?? {};
  let expiresAt = readExpires(file, yaml, value, diagnostics);
  let durationMs;
  if (typeof value.duration === "string" && value.expires === void 0) {
    durationMs = parseDuration(value.duration);
    if (durationMs !== void 0 && anchor !== void 0) expiresAt = anchor + durationMs;
    if (durationMs === void 0 && /^\d/.test(value.duration.trim()) && !diagnostics.some((d) => d.message.startsWith('"duration"')))
      diagnostics.push(durationTooLong(file, yaml, value.duration));
  }
  diagnostics.push(...placeProblems(file, yaml, value, groups));
  const readable = typeof value.requester === "string" && typeof value.group === "string" && typeof value.justification === "string" && !Number.isNaN(expiresAt);
  if (!readable) return { request: void 0, diagnostics, refused };
  return {
    request: {
      file,
      requester: value.requester,
      group: value.group,
      expires: durationMs !== void 0 ? formatTimestamp(expiresAt) : value.expires,
      expiresAt,
      ...durationMs !== void 0 ? { duration: value.duration, durationMs } : {},
      justification: value.justification,
      ...typeof value.ticket === "string" ? { ticket: value.ticket } : {},
      yaml
    },
    diagnostics,
    refused
  };
}
function durationTooLong(file, yaml, text) {
  const at = posOf(nodeAt(yaml.doc, ["duration"]), yaml.lineCounter);
  return diagnostic(file, at, `"duration" is ${text}, longer than any group allows. Write how long you need it, e.g. 2h, within the group's maxDuration.`);
}
function readExpires(file, yaml, value, diagnostics) {
  const expiresNode = nodeAt(yaml.doc, ["expires"]);
  if (value.expires instanceof Date || typeof value.expires === "number") {
    diagnostics.push(diagnostic(file, posOf(expiresNode, yaml.lineCounter), '"expires" must be a quoted RFC 3339 timestamp such as "2026-11-24T18:00:00Z".'));
    return Number.NaN;
  }
  if (typeof value.expires !== "string" || !(0, import_yaml.isScalar)(expiresNode)) return Number.NaN;
  const where = posOf(expiresNode, yaml.lineCounter);
  const parsed = parseTimestamp(value.expires);
  if (!parsed.ok) {
    const generic = diagnostics.findIndex((d) => d.line === where?.line && d.column === where?.column);
    if (generic >= 0) diagnostics.splice(generic, 1);
    diagnostics.push(diagnostic(file, where, `"expires" is not valid: ${parsed.reason}.`));
    return Number.NaN;
  }
  if (expiresNode.type !== "QUOTE_DOUBLE" && expiresNode.type !== "QUOTE_SINGLE") {
    diagnostics.push(diagnostic(file, where, `put "expires" in quotes: expires: "${value.expires}".`));
  }
  return parsed.epochMs;
}
function placeProblems(file, yaml, value, groups) {
  const out = [];
  const where = splitRequestPath(file);
  if (typeof value.group === "string" && value.group !== where.group) {
    const fix = !groups ? `move the file to requests/${value.group}/ or set group: ${where.group}` : groups.has(value.group) && !groups.has(where.group) ? `move the file to requests/${value.group}/` : !groups.has(value.group) && groups.has(where.group) ? `set group: ${where.group}` : `move the file to requests/${value.group}/ or set group: ${where.group}`;
    out.push(
      diagnostic(
        file,
        posOf(nodeAt(yaml.doc, ["group"]), yaml.lineCounter),
        `"group" is "${value.group}" but the file is in requests/${where.group}/. The folder decides who reviews it: ${fix}.`
      )
    );
  }
  if (typeof value.requester === "string" && !fileNameMatchesRequester(where.fileName, value.requester)) {
    out.push(
      diagnostic(
        file,
        posOf(nodeAt(yaml.doc, ["requester"]), yaml.lineCounter),
        `the file name must start with the requester's login: rename it to requests/${where.group}/${value.requester.toLowerCase()}-<slug>.yaml (letters, digits, ".", "_" or "-" after the login).`
      )
    );
  }
  return out;
}

// src/request/rules.ts
function checkRequest(request, ctx) {
  const out = [];
  const at = (key) => positionOfKey(request, key);
  const group = ctx.policy.groups.get(request.group);
  if (!group) {
    const known = [...ctx.policy.groups.keys()].sort();
    const list = known.length > 0 ? ` Groups that can be requested: ${known.join(", ")}.` : "";
    const guess = nearest(request.group, known);
    out.push(
      diagnostic(
        request.file,
        at("group"),
        `the group "${request.group}" is not in ${ctx.policy.file}, so it cannot be requested.${guess ? ` Did you mean "${guess}"?` : ""}${list}`
      )
    );
  }
  if (!ctx.identities.users.has(request.requester.toLowerCase())) {
    out.push(
      diagnostic(
        request.file,
        at("requester"),
        `"${request.requester}" has no Entra identity in ${ctx.identities.file}. Ask an administrator to add "${request.requester}: { upn: you@your-domain }" there in a separate pull request.`
      )
    );
  }
  const length = request.durationMs !== void 0 ? durationProblem(request, group, at) : void 0;
  const timing = ctx.timing === "at-rest" ? endedAtRest(request, ctx.now, at) : request.durationMs === void 0 ? expiresProblem(request, ctx.now, group, at) : void 0;
  for (const d of [length, timing]) if (d) out.push(d);
  if (group) out.push(...groupRuleProblems(request, group, at));
  return out;
}
function endedAtRest(request, now, at) {
  if (request.expiresAt - now > 0) return void 0;
  const change = request.durationMs !== void 0 ? '"duration"' : '"expires"';
  return diagnostic(
    request.file,
    at(endKey(request)),
    `this request ended at ${request.expires}${request.durationMs !== void 0 ? ` (${formatDuration(request.durationMs)} after its merge)` : ""}; its membership is removed by the sweep. Delete the file to tidy up, or change ${change} in a pull request to extend it.`,
    "warning"
  );
}
function durationProblem(request, group, at) {
  const ms = request.durationMs;
  if (ms < MIN_LEAD_MS)
    return diagnostic(
      request.file,
      at("duration"),
      `"duration" is ${request.duration}; it must be at least 5 minutes: access that ends before it is granted is no access.`
    );
  if (group && ms > group.maxDurationMs)
    return diagnostic(
      request.file,
      at("duration"),
      `"duration" is ${formatDuration(ms)}; ${request.group} allows at most ${group.maxDurationText}. Set duration: ${group.maxDurationText} or less.`
    );
  return void 0;
}
function expiresProblem(request, now, group, at) {
  const lead = request.expiresAt - now;
  if (lead <= 0)
    return diagnostic(
      request.file,
      at("expires"),
      `"expires" (${request.expires}) is in the past. Set a time at least 5 minutes from now, e.g. "${formatTimestamp(now + 60 * 6e4)}", or use duration: 1h, counted from the merge.`
    );
  if (lead < MIN_LEAD_MS)
    return diagnostic(
      request.file,
      at("expires"),
      `"expires" (${request.expires}) is less than 5 minutes away. Set a later time; access that ends before it is granted is no access.`
    );
  if (group && lead > group.maxDurationMs)
    return diagnostic(
      request.file,
      at("expires"),
      `"expires" is ${formatDuration(lead)} from now; ${request.group} allows at most ${group.maxDurationText}. Set it no later than "${formatTimestamp(now + group.maxDurationMs)}".`
    );
  return void 0;
}
function groupRuleProblems(request, group, at) {
  const out = [];
  if (request.ticket === void 0 && group.requireTicket) {
    const form = group.ticketPattern ? ` matching ${group.ticketPattern.source}` : "";
    out.push(diagnostic(request.file, void 0, `${request.group} requires a ticket: add a line "ticket: <id>"${form}.`));
  } else if (request.ticket !== void 0 && group.ticketPattern && !group.ticketPattern.test(request.ticket)) {
    out.push(
      diagnostic(
        request.file,
        at("ticket"),
        `"ticket" is "${request.ticket}", which does not match ${group.ticketPattern.source} as ${request.group} requires.`
      )
    );
  }
  if (!group.requesters || listedByLogin(request.requester, group.requesters)) return out;
  const teams = group.requesters.filter(isTeamEntry);
  if (teams.length === 0)
    out.push(
      diagnostic(
        request.file,
        at("requester"),
        `${request.requester} may not request ${request.group}; its policy allows only ${group.requesters.join(", ")}.`
      )
    );
  else
    out.push(
      diagnostic(
        request.file,
        at("requester"),
        `${request.requester} is not listed by login for ${request.group}; the grant job checks membership of ${teams.join(", ")} before granting.`,
        "warning"
      )
    );
  return out;
}

// src/request/verdict.ts
function judgeRequest(file, content, config, now, timing = "strict", landedAt = now) {
  const bytes = contentOrDiagnostic(file, content, REQUEST_LIMITS.maxBytes);
  if (!(bytes instanceof Uint8Array)) return { file, diagnostics: [bytes], valid: false };
  const parsed = parseRequest(file, bytes, landedAt, new Set(config.policy.groups.keys()));
  const diagnostics = [...parsed.diagnostics];
  if (parsed.request) {
    const refused = parsed.refused ?? /* @__PURE__ */ new Set();
    const rules = checkRequest(parsed.request, { policy: config.policy, identities: config.identities, now, timing });
    diagnostics.push(...rules.filter((d) => !refused.has(`${d.line}:${d.column}`)));
  }
  return {
    file,
    ...parsed.request ? { request: parsed.request } : {},
    diagnostics,
    valid: parsed.request !== void 0 && !hasErrors(diagnostics)
  };
}
function addDiagnostics(verdict, more) {
  const diagnostics = [...verdict.diagnostics, ...more];
  return { ...verdict, diagnostics, valid: verdict.valid && !hasErrors(more) };
}

// src/pr/rules.ts
function checkAuthor(request, author) {
  if (request.requester.toLowerCase() === author.toLowerCase()) return [];
  return [
    diagnostic(
      request.file,
      positionOfKey(request, "requester"),
      `"requester" is ${request.requester} but this pull request is by ${author}. Access is granted only to the author of the pull request: ${request.requester} must open their own.`
    )
  ];
}
function checkOwnerOfChanged(file, baseRequester, author, position) {
  if (baseRequester === void 0) {
    return [
      diagnostic(
        file,
        position,
        `the version of this request on the base branch could not be read, so it is unclear whose it is. Delete it in one pull request and add a new one in another.`
      )
    ];
  }
  if (baseRequester.toLowerCase() === author.toLowerCase()) return [];
  return [
    diagnostic(
      file,
      position,
      `this request belongs to ${baseRequester}; only they can change it. To end their access early, delete the file instead; to ask for access yourself, add requests/<group>/${author.toLowerCase()}-<slug>.yaml.`
    )
  ];
}

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
  describeEnd,
  positionOfKey,
  parseRequest,
  judgeRequest,
  addDiagnostics,
  checkAuthor,
  checkOwnerOfChanged,
  requesterOf,
  requesterAt
};
