import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-XP3LFAPK.js";
import {
  markdownCell
} from "./chunk-GUX3DBMW.js";
import {
  diagnostic
} from "./chunk-ZFCBOOOX.js";
import {
  __toESM
} from "./chunk-JV5PSVP2.js";

// src/form/form.ts
var import_yaml = __toESM(require_dist(), 1);
var FORM_PATH = ".github/ISSUE_TEMPLATE/access-request.yml";
var FORM_LABEL = "access-request";
var HEADER = "# Generated from .github/access-policy.yaml by `access-as-code form`; do not edit by hand.\n";
var FIELDS = { group: "Group", duration: "Duration", justification: "Justification", ticket: "Ticket" };
function issueForm(policy) {
  const groups = [...policy.groups.values()];
  const ticketed = groups.filter((g) => g.requireTicket).map((g) => `${g.name}${g.ticketPattern ? ` (${g.ticketPattern.source})` : ""}`);
  const form = {
    name: "Request temporary access",
    description: "Ask for temporary membership of an Entra group. You get back a request file to propose in one click; its pull request is reviewed like any other.",
    title: "Access request",
    labels: [FORM_LABEL],
    body: [
      {
        type: "markdown",
        attributes: {
          value: [
            "Fill this in and submit. access-as-code answers on the issue with the problems to fix, or with a link that opens the request file in GitHub's editor: commit it on a new branch and open the pull request. The group's code owners approve it; merging grants the access and closes this issue.",
            "",
            "| Group | At most | What it grants |",
            "|---|---|---|",
            // A description may carry tenant text (discover --write puts a group's display name there, which
            // any owner of the group can set): escaped, so no link, image or mention goes live.
            ...groups.map((g) => `| ${g.name} | ${g.maxDurationText} | ${markdownCell(g.description ?? "")} |`)
          ].join("\n")
        }
      },
      {
        type: "dropdown",
        id: "group",
        attributes: { label: FIELDS.group, description: "The Entra group you need to join.", options: groups.map((g) => g.name) },
        validations: { required: true }
      },
      {
        type: "input",
        id: "duration",
        attributes: {
          label: FIELDS.duration,
          description: "How long, counted from the merge: 30m, 2h, 1h30m or 1d, at most the group's maximum above.",
          placeholder: "2h"
        },
        validations: { required: true }
      },
      {
        type: "textarea",
        id: "justification",
        attributes: { label: FIELDS.justification, description: "Why you need the access, in 10 to 500 characters. Reviewers read this." },
        validations: { required: true }
      },
      {
        type: "input",
        id: "ticket",
        attributes: {
          label: FIELDS.ticket,
          description: ticketed.length > 0 ? `The incident or change ticket. Required for ${ticketed.join(", ")}.` : "The incident or change ticket, if there is one.",
          placeholder: "INC-1234"
        },
        validations: { required: false }
      }
    ]
  };
  return HEADER + (0, import_yaml.stringify)(form, { lineWidth: 0 });
}
function formProblems(text, policy) {
  if (text === void 0) return [];
  if (text.replace(/\r\n/g, "\n") === issueForm(policy)) return [];
  return [
    diagnostic(
      FORM_PATH,
      void 0,
      'the access request form does not match the policy (its groups or their rules changed). Run "access-as-code form" and commit the file it writes.'
    )
  ];
}
function readFormAnswers(body) {
  const answers = {};
  const labels = new Map(Object.entries(FIELDS).map(([k, v]) => [v.toLowerCase(), k]));
  let current;
  const lines = [];
  const flush = () => {
    if (current === void 0) return;
    const value = lines.join("\n").trim();
    if (value !== "" && value !== "_No response_") answers[current] = value;
    lines.length = 0;
  };
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      current = labels.get(heading[1].toLowerCase());
      continue;
    }
    if (current !== void 0) lines.push(line);
  }
  flush();
  return answers;
}

export {
  FORM_PATH,
  FORM_LABEL,
  issueForm,
  formProblems,
  readFormAnswers
};
