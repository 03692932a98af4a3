import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  judgeRequest
} from "./chunk-7YUCK4KY.js";
import "./chunk-M5VK2URL.js";
import {
  REQUESTS_DIR,
  requestFileName,
  slugify
} from "./chunk-LXQIYYNM.js";
import "./chunk-GCVGB4KO.js";
import {
  formatTimestamp,
  parseTimestamp
} from "./chunk-KAUG6AWK.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-LRULQWW5.js";
import "./chunk-B4AF7QQP.js";
import {
  readFormAnswers
} from "./chunk-ZEOJWJHX.js";
import {
  codeFence,
  inlineCode
} from "./chunk-34OC5ZRV.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-AVZCSXTZ.js";
import {
  ConfigError,
  hasErrors
} from "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";

// src/commands/new.ts
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
    if (ms === void 0) throw new ConfigError(`--for "${options.duration}" is not a duration. Use minutes, hours or days, e.g. 30m, 4h, 1h30m or 1d.`);
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

// src/commands/issue-request.ts
var ANSWER_MARKER = "<!-- access-as-code:request-form -->";
var LABELS = { group: "Group", duration: "Duration", justification: "Justification", ticket: "Ticket" };
function answerIssue(issue, config, now, taken, where, schema) {
  const answers = readFormAnswers(issue.body);
  const missing = ["group", "duration", "justification"].filter((k) => answers[k] === void 0);
  if (missing.length > 0) return { ok: false, problems: missing.map((k) => `${LABELS[k]}: this answer is missing. Edit the issue and fill it in.`) };
  let draft;
  try {
    draft = draftRequest(
      {
        group: answers.group,
        duration: answers.duration,
        justification: answers.justification,
        ...answers.ticket !== void 0 ? { ticket: answers.ticket } : {},
        requester: issue.author,
        now,
        schema
      },
      config,
      taken
    );
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, problems: [`${LABELS.duration}: ${error.message.replace(/^--for /, "")}`] };
    throw error;
  }
  if (!draft.ok) return { ok: false, problems: draft.diagnostics.filter((d) => d.severity === "error").map((d) => inWords(d, draft.draftText)) };
  const message = `Request ${draft.draft.path.split("/")[1]} access (closes #${issue.number})`;
  const query = new URLSearchParams({ filename: draft.draft.path, value: draft.draft.text, message });
  const link = `${where.serverUrl}/${where.owner}/${where.repo}/new/${encodeURIComponent(where.defaultBranch)}?${query.toString()}`;
  return { ok: true, path: draft.draft.path, text: draft.draft.text, ends: draft.draft.ends, link };
}
function inWords(d, text) {
  const key = keyAtLine(text, d.line);
  const field = key === "duration" ? "Duration" : key === "group" ? "Group" : key === "justification" ? "Justification" : key === "ticket" ? "Ticket" : key === "requester" ? "You" : void 0;
  const message = d.message.replace(/add a line "ticket: <id>"/, "fill in the Ticket answer").replace(/"duration"/g, "the duration");
  return field ? `${field}: ${message}` : message;
}
function answerBody(answer) {
  if (!answer.ok) {
    const text = answer.problems.map((p) => `- ${p}`).join("\n");
    const f2 = codeFence(text);
    return `${ANSWER_MARKER}
This request cannot be made yet. Edit the issue to fix:

${f2}text
${text}
${f2}

This answer is updated when you edit the issue.
`;
  }
  const f = codeFence(answer.text);
  const link = answer.link.replace(/\(/g, "%28").replace(/\)/g, "%29");
  return [
    ANSWER_MARKER,
    `The request is valid. It grants access ${answer.ends}, once the group's code owners approve its pull request.`,
    "",
    `1. [Open the request in GitHub's editor](${link}): it is ${inlineCode(answer.path)}, already filled in.`,
    "2. Choose **Create a new branch for this commit and start a pull request**, then **Propose changes** and **Create pull request**.",
    "3. The code owners review it. Merging grants the access and closes this issue.",
    "",
    "The file, if you prefer to add it yourself:",
    "",
    `${f}yaml`,
    answer.text.trimEnd(),
    f,
    ""
  ].join("\n");
}
export {
  ANSWER_MARKER,
  answerBody,
  answerIssue
};
