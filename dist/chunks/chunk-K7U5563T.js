import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  fileNameMatchesRequester,
  requestPathProblem,
  splitRequestPath
} from "./chunk-WJQAL5O4.js";
import {
  MIN_LEAD_MS
} from "./chunk-22MRAGKW.js";
import {
  nearest,
  validateAgainstSchema
} from "./chunk-TF77OBEX.js";
import {
  isTeamEntry,
  listedByLogin
} from "./chunk-AVZCSXTZ.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-LRULQWW5.js";
import {
  REQUEST_LIMITS,
  loadYaml,
  nodeAt,
  posOf
} from "./chunk-YQ623SFU.js";
import {
  require_dist
} from "./chunk-W4PVMAAF.js";
import {
  diagnostic,
  hasErrors
} from "./chunk-T6N4ZH6A.js";
import {
  __toESM
} from "./chunk-OZ6IWOJH.js";

// src/timestamp.ts
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;
function parseTimestamp(text) {
  const m = RFC3339.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
      return { ok: false, reason: `it has no time zone offset. Add one, e.g. "${text.replace(" ", "T")}Z" for UTC` };
    }
    return { ok: false, reason: 'it is not an RFC 3339 timestamp such as "2026-11-24T18:00:00Z"' };
  }
  const [, y, mo, d, h, mi, s, , , oh, om] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s ?? 0);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: "that date or time does not exist on the calendar" };
  }
  if (oh !== void 0 && (Number(oh) > 23 || Number(om) > 59)) {
    return { ok: false, reason: "the time zone offset is out of range" };
  }
  const epochMs = Date.parse(text);
  if (Number.isNaN(epochMs)) return { ok: false, reason: "it could not be read as a date" };
  return { ok: true, epochMs };
}
function formatTimestamp(epochMs) {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

// src/repo/files.ts
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

// src/git/cat-file.ts
import { spawn } from "node:child_process";

// src/git/error.ts
var GitError = class extends Error {
  args;
  stderr;
  exitCode;
  constructor(args, stderr, exitCode) {
    super(`git ${args.join(" ")} failed${exitCode !== void 0 ? ` (exit ${exitCode})` : ""}: ${stderr.trim() || "no output"}`);
    this.name = "GitError";
    this.args = args;
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
};

// src/git/cat-file.ts
var CatFile = class _CatFile {
  child;
  queue = [];
  buffer = Buffer.alloc(0);
  stderr = "";
  closed = false;
  limit;
  /** Bytes of an object over the limit still to be passed over (read from git, never kept). */
  skipping = 0;
  shared;
  /**
   * `shared`: one reader for a whole run, which its users' close() leaves open; while nothing is asked
   * of it, it does not keep the process alive (git ends when the process does and its input closes).
   */
  constructor(cwd, options = {}) {
    this.limit = options.limit ?? 8 * 1024 * 1024;
    this.shared = options.shared ?? false;
    this.child = spawn("git", ["cat-file", "--batch"], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" } });
    this.child.stdout.on("data", (chunk) => {
      if (this.skipping > 0) {
        const passed = Math.min(this.skipping, chunk.length);
        this.skipping -= passed;
        chunk = chunk.subarray(passed);
      }
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.child.stderr.on("data", (d) => this.stderr = (this.stderr + d.toString("utf8")).slice(-2e3));
    this.child.on("close", (code) => {
      this.closed = true;
      for (const p of this.queue.splice(0)) p.reject(new GitError(["cat-file", "--batch"], this.stderr || "git cat-file ended", code ?? void 0));
    });
    this.child.on("error", (error) => {
      this.closed = true;
      for (const p of this.queue.splice(0)) p.reject(new GitError(["cat-file", "--batch"], error.message, void 0));
    });
    this.child.stdin.on("error", () => void 0);
    if (this.shared) this.hold(false);
  }
  /** Whether a name can be asked for through the batch protocol (no newline, no carriage return). */
  static answers(spec) {
    return !/[\r\n]/.test(spec);
  }
  /** Whether the git process has ended (a shared reader is then replaced). */
  get ended() {
    return this.closed;
  }
  /** A shared reader keeps the process alive only while an answer is awaited. */
  hold(waiting) {
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.child.stderr]) {
      if (waiting) handle.ref();
      else handle.unref();
    }
  }
  /** An object by name (`<commit>:<path>`, an oid), or undefined when it does not exist. */
  read(spec) {
    if (this.closed) return Promise.reject(new GitError(["cat-file", "--batch"], "the reader is closed", void 0));
    if (!_CatFile.answers(spec)) return Promise.resolve(void 0);
    return new Promise((resolve, reject) => {
      if (this.shared && this.queue.length === 0) this.hold(true);
      this.queue.push({ resolve, reject });
      this.child.stdin.write(`${spec}
`);
    });
  }
  drain() {
    this.answer();
    if (this.shared && this.queue.length === 0) this.hold(false);
  }
  answer() {
    while (this.queue.length > 0 && this.skipping === 0) {
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString("utf8");
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.queue.shift().resolve(void 0);
        continue;
      }
      const [oid, type, sizeText] = header.split(" ");
      const size = Number(sizeText);
      if (size > this.limit) {
        const held = this.buffer.length - (eol + 1);
        this.skipping = Math.max(0, size + 1 - held);
        this.buffer = this.buffer.subarray(Math.min(this.buffer.length, eol + 1 + size + 1));
        this.queue.shift().resolve({ oid, type, size });
        continue;
      }
      if (this.buffer.length < eol + 1 + size + 1) return;
      const body = this.buffer.subarray(eol + 1, eol + 1 + size);
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.queue.shift().resolve({ oid, type, size, bytes: Uint8Array.from(body) });
    }
  }
  /** Ends the git process; a shared reader's users leave it to the end of the run. */
  close() {
    if (!this.closed && !this.shared) this.child.stdin.end();
  }
};
async function localBlobs(reader, specs) {
  const local = /* @__PURE__ */ new Map();
  const remote = [];
  for (const spec of new Set(specs)) {
    const commit = spec.slice(0, spec.indexOf(":"));
    if (await reader.read(commit)) local.set(spec, (await reader.read(spec))?.oid ?? null);
    else remote.push(spec);
  }
  return { local, remote };
}

// src/repo/files.ts
var READ_LIMIT = 8 * 1024 * 1024;
function contentOrDiagnostic(file, content, limit) {
  if (content === void 0) return diagnostic(file, void 0, "the file does not exist.");
  if (content.bytes === void 0 || content.size > limit) {
    return diagnostic(file, void 0, `the file is ${content.size} bytes; the limit is ${limit} bytes.`);
  }
  return content.bytes;
}
function workingTree(root) {
  return {
    where: "the working tree",
    async read(path) {
      const full = join(root, path);
      let info;
      try {
        info = await stat(full);
      } catch {
        return void 0;
      }
      if (!info.isFile()) return void 0;
      if (info.size > READ_LIMIT) return { size: info.size };
      const bytes = await readFile(full);
      return { size: bytes.length, bytes };
    },
    async list(dir) {
      const base = join(root, dir);
      let entries;
      try {
        entries = await readdir(base, { recursive: true, withFileTypes: true });
      } catch {
        return [];
      }
      return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/")).sort();
    }
  };
}
async function readByCommand(git, spec) {
  const type = await git.tryRun(["cat-file", "-t", spec]);
  if (type === void 0 || type.toString("utf8").trim() !== "blob") return void 0;
  const size = Number((await git.run(["cat-file", "-s", spec])).toString("utf8").trim());
  if (size > READ_LIMIT) return { size };
  const bytes = await git.run(["cat-file", "blob", spec]);
  return { size: bytes.length, bytes };
}
function atCommit(git, commit) {
  return {
    where: `commit ${commit.slice(0, 7)}`,
    async read(path) {
      const spec = `${commit}:${path}`;
      if (!CatFile.answers(spec)) return readByCommand(git, spec);
      const object = await git.catFile().read(spec);
      if (object?.type !== "blob") return void 0;
      if (object.size > READ_LIMIT) return { size: object.size };
      return object.bytes ? { size: object.size, bytes: object.bytes } : readByCommand(git, spec);
    },
    async list(dir) {
      const out = await git.tryRun(["ls-tree", "-r", "-z", "--name-only", commit, "--", `${dir}/`]);
      if (!out) return [];
      return out.toString("utf8").split("\0").filter((p) => p !== "").sort();
    }
  };
}

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

export {
  GitError,
  CatFile,
  localBlobs,
  contentOrDiagnostic,
  workingTree,
  atCommit,
  parseTimestamp,
  formatTimestamp,
  describeEnd,
  positionOfKey,
  parseRequest,
  judgeRequest,
  addDiagnostics
};
