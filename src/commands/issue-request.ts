/**
 * A request made through the issue form: the answers are judged by the same rules as a request file
 * (drafted by `new`), with the issue's author as the requester. The answer is either the problems in
 * plain words, or the request file and a link that opens GitHub's web editor with it on a new branch,
 * so the pull request is still authored, reviewed and merged like any other (invariant 2 unchanged).
 * Issue text is untrusted: it reaches no shell, is never logged as a workflow command, and appears in
 * the answer only inside code blocks, where Markdown (links, mentions, images) does not apply.
 */
import type { AccessConfig } from '../config/config.ts';
import { ConfigError, type Diagnostic } from '../diagnostics.ts';
import { readFormAnswers, type FormField } from '../form/form.ts';
import { codeFence, inlineCode } from '../markdown.ts';
import { draftRequest, keyAtLine } from './new.ts';

export const ANSWER_MARKER = '<!-- access-as-code:request-form -->';

export interface IssueFacts {
  number: number;
  author: string;
  body: string;
}

export interface Where {
  /** e.g. https://github.com */
  serverUrl: string;
  owner: string;
  repo: string;
  defaultBranch: string;
}

export type IssueAnswer = { ok: false; problems: string[] } | { ok: true; path: string; text: string; ends: string; link: string };

const LABELS: Record<FormField, string> = { group: 'Group', duration: 'Duration', justification: 'Justification', ticket: 'Ticket' };

export function answerIssue(issue: IssueFacts, config: AccessConfig, now: number, taken: (path: string) => boolean, where: Where, schema: string): IssueAnswer {
  const answers = readFormAnswers(issue.body);
  const missing = (['group', 'duration', 'justification'] as const).filter((k) => answers[k] === undefined);
  if (missing.length > 0) return { ok: false, problems: missing.map((k) => `${LABELS[k]}: this answer is missing. Edit the issue and fill it in.`) };
  let draft;
  try {
    draft = draftRequest(
      {
        group: answers.group!,
        duration: answers.duration!,
        justification: answers.justification!,
        ...(answers.ticket !== undefined ? { ticket: answers.ticket } : {}),
        requester: issue.author,
        now,
        schema,
      },
      config,
      taken,
    );
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, problems: [`${LABELS.duration}: ${error.message.replace(/^--for /, '')}`] };
    throw error;
  }
  if (!draft.ok) return { ok: false, problems: draft.diagnostics.filter((d) => d.severity === 'error').map((d) => inWords(d, draft.draftText)) };
  const message = `Request ${draft.draft.path.split('/')[1]} access (closes #${issue.number})`;
  const query = new URLSearchParams({ filename: draft.draft.path, value: draft.draft.text, message });
  const link = `${where.serverUrl}/${where.owner}/${where.repo}/new/${encodeURIComponent(where.defaultBranch)}?${query.toString()}`;
  return { ok: true, path: draft.draft.path, text: draft.draft.text, ends: draft.draft.ends, link };
}

/** A problem named by the form's field, not by a line of a file nobody wrote. */
function inWords(d: Diagnostic, text: string): string {
  const key = keyAtLine(text, d.line);
  const field =
    key === 'duration'
      ? 'Duration'
      : key === 'group'
        ? 'Group'
        : key === 'justification'
          ? 'Justification'
          : key === 'ticket'
            ? 'Ticket'
            : key === 'requester'
              ? 'You'
              : undefined;
  const message = d.message.replace(/add a line "ticket: <id>"/, 'fill in the Ticket answer').replace(/"duration"/g, 'the duration');
  return field ? `${field}: ${message}` : message;
}

export function answerBody(answer: IssueAnswer): string {
  if (!answer.ok) {
    const text = answer.problems.map((p) => `- ${p}`).join('\n');
    const f = codeFence(text);
    return `${ANSWER_MARKER}\nThis request cannot be made yet. Edit the issue to fix:\n\n${f}text\n${text}\n${f}\n\nThis answer is updated when you edit the issue.\n`;
  }
  const f = codeFence(answer.text);
  // The link's parts are URL-encoded; parentheses too, so the Markdown link cannot end early.
  const link = answer.link.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return [
    ANSWER_MARKER,
    `The request is valid. It grants access ${answer.ends}, once the group's code owners approve its pull request.`,
    '',
    `1. [Open the request in GitHub's editor](${link}): it is ${inlineCode(answer.path)}, already filled in.`,
    '2. Choose **Create a new branch for this commit and start a pull request**, then **Propose changes** and **Create pull request**.',
    '3. The code owners review it. Merging grants the access and closes this issue.',
    '',
    'The file, if you prefer to add it yourself:',
    '',
    `${f}yaml`,
    answer.text.trimEnd(),
    f,
    '',
  ].join('\n');
}
