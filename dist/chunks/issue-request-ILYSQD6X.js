import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  draftRequest,
  keyAtLine
} from "./chunk-CGMKKZ7I.js";
import "./chunk-K7U5563T.js";
import "./chunk-WJQAL5O4.js";
import {
  readFormAnswers
} from "./chunk-ZEOJWJHX.js";
import {
  codeFence,
  inlineCode
} from "./chunk-34OC5ZRV.js";
import "./chunk-22MRAGKW.js";
import "./chunk-TF77OBEX.js";
import "./chunk-AVZCSXTZ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
import "./chunk-3L3QTXZZ.js";
import "./chunk-3L64JI35.js";
import "./chunk-VCQJW4GH.js";
import "./chunk-W4PVMAAF.js";
import {
  ConfigError
} from "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";

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
