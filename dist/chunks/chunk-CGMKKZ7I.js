import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  formatTimestamp,
  judgeRequest,
  parseTimestamp
} from "./chunk-K7U5563T.js";
import {
  GITHUB_LOGIN,
  REQUESTS_DIR,
  requestFileName,
  slugify
} from "./chunk-WJQAL5O4.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-LRULQWW5.js";
import {
  ConfigError,
  hasErrors
} from "./chunk-T6N4ZH6A.js";

// src/commands/new.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
function requestSchemaRef(root, version) {
  if (existsSync(join(root, "schemas", "access-request.schema.json"))) return "../../schemas/access-request.schema.json";
  const major = /^(\d+)\./.exec(version)?.[1];
  return `https://raw.githubusercontent.com/access-as-code/access-as-code/${major ? `v${major}` : "main"}/schemas/access-request.schema.json`;
}
function draftRequest(options, config, taken) {
  if (options.duration === void 0 === (options.until === void 0)) {
    throw new ConfigError(
      "give either --for (a duration counted from the merge, e.g. --for 2h) or --until (a fixed end, e.g. --until 2026-11-24T18:00:00Z), not both."
    );
  }
  let end;
  let ends;
  if (options.duration !== void 0) {
    const ms = parseDuration(options.duration);
    if (ms === void 0)
      throw new ConfigError(
        `--for "${options.duration}" is not a duration.${/^\d+$/.test(options.duration) ? ` Give it a unit: --for ${options.duration}m (minutes) or --for ${options.duration}h (hours).` : ""} Use minutes, hours or days, e.g. 30m, 4h, 1h30m or 1d.`
      );
    end = `duration: ${formatDuration(ms)}`;
    ends = `for ${formatDuration(ms)} from the merge`;
  } else {
    const parsed = parseTimestamp(options.until);
    if (!parsed.ok) throw new ConfigError(`--until "${options.until}" is not valid: ${parsed.reason}.`);
    end = `expires: "${formatTimestamp(parsed.epochMs)}"`;
    ends = `until ${formatTimestamp(parsed.epochMs)}`;
  }
  const base = slugify(options.ticket ?? options.justification.split(/\s+/).slice(0, 5).join(" "));
  const first = `${REQUESTS_DIR}/${options.group}/${requestFileName(options.requester, base)}`;
  let path = first;
  for (let n = 2; taken(path); n++) path = `${REQUESTS_DIR}/${options.group}/${requestFileName(options.requester, `${base}-${n}`)}`;
  const lines = [
    `# yaml-language-server: $schema=${options.schema ?? "../../schemas/access-request.schema.json"}`,
    "version: 1",
    `requester: ${options.requester}`,
    `group: ${JSON.stringify(options.group)}`,
    end,
    `justification: ${JSON.stringify(options.justification)}`,
    ...options.ticket !== void 0 ? [`ticket: ${JSON.stringify(options.ticket)}`] : [],
    ""
  ];
  const text = lines.join("\n");
  const verdict = judgeRequest(path, { size: Buffer.byteLength(text), bytes: new TextEncoder().encode(text) }, config, options.now);
  if (hasErrors(verdict.diagnostics)) {
    return { ok: false, diagnostics: verdict.diagnostics, draftText: text };
  }
  return { ok: true, draft: { path, text, ends, ...path !== first ? { alongside: first } : {} } };
}
function keyAtLine(text, line) {
  return line === void 0 ? void 0 : /^([a-z]+):/.exec(text.split("\n")[line - 1] ?? "")?.[1];
}
function requireLogin(requester) {
  if (requester === void 0 || requester.trim() === "") {
    throw new ConfigError('who is asking? Pass --requester <your GitHub login>, or set it once with "git config --global github.user <login>".');
  }
  if (!GITHUB_LOGIN.test(requester)) {
    throw new ConfigError(`"${requester}" is not a GitHub login (letters, digits and single hyphens, at most 39 characters).`);
  }
  return requester;
}

export {
  requestSchemaRef,
  draftRequest,
  keyAtLine,
  requireLogin
};
