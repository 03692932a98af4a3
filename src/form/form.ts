/**
 * Requests through an issue form, for people who do not use git. The form is generated from the policy
 * (its group dropdown must list exactly the policy's groups, so it is checked, never hand-edited), and
 * an answered form is read back from the issue body GitHub renders from it. Pure.
 */
import { stringify } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Policy } from '../policy/policy.ts';
import { markdownCell } from '../markdown.ts';

export const FORM_PATH = '.github/ISSUE_TEMPLATE/access-request.yml';
/** The label the form puts on its issues; the issue workflow answers only those. */
export const FORM_LABEL = 'access-request';
const HEADER = '# Generated from .github/access-policy.yaml by `access-as-code form`; do not edit by hand.\n';

const FIELDS = { group: 'Group', duration: 'Duration', justification: 'Justification', ticket: 'Ticket' } as const;
export type FormField = keyof typeof FIELDS;

/** The issue form's YAML (GitHub's form schema): a dropdown of the policy's groups, then the request's fields. */
export function issueForm(policy: Policy): string {
  const groups = [...policy.groups.values()];
  const ticketed = groups.filter((g) => g.requireTicket).map((g) => `${g.name}${g.ticketPattern ? ` (${g.ticketPattern.source})` : ''}`);
  const form = {
    name: 'Request temporary access',
    description:
      'Ask for temporary membership of an Entra group. You get back a request file to propose in one click; its pull request is reviewed like any other.',
    title: 'Access request',
    labels: [FORM_LABEL],
    body: [
      {
        type: 'markdown',
        attributes: {
          value: [
            "Fill this in and submit. access-as-code answers on the issue with the problems to fix, or with a link that opens the request file in GitHub's editor: commit it on a new branch and open the pull request. The group's code owners approve it; merging grants the access and closes this issue.",
            '',
            '| Group | At most | What it grants |',
            '|---|---|---|',
            // A description may carry tenant text (discover --write puts a group's display name there, which
            // any owner of the group can set): escaped, so no link, image or mention goes live.
            ...groups.map((g) => `| ${g.name} | ${g.maxDurationText} | ${markdownCell(g.description ?? '')} |`),
          ].join('\n'),
        },
      },
      {
        type: 'dropdown',
        id: 'group',
        attributes: { label: FIELDS.group, description: 'The Entra group you need to join.', options: groups.map((g) => g.name) },
        validations: { required: true },
      },
      {
        type: 'input',
        id: 'duration',
        attributes: {
          label: FIELDS.duration,
          description: "How long, counted from the merge: 30m, 2h, 1h30m or 1d, at most the group's maximum above.",
          placeholder: '2h',
        },
        validations: { required: true },
      },
      {
        type: 'textarea',
        id: 'justification',
        attributes: { label: FIELDS.justification, description: 'Why you need the access, in 10 to 500 characters. Reviewers read this.' },
        validations: { required: true },
      },
      {
        type: 'input',
        id: 'ticket',
        attributes: {
          label: FIELDS.ticket,
          description:
            ticketed.length > 0 ? `The incident or change ticket. Required for ${ticketed.join(', ')}.` : 'The incident or change ticket, if there is one.',
          placeholder: 'INC-1234',
        },
        validations: { required: false },
      },
    ],
  };
  return HEADER + stringify(form, { lineWidth: 0 });
}

/** The form at `FORM_PATH`, when there is one, must be the one the policy makes. */
export function formProblems(text: string | undefined, policy: Policy): Diagnostic[] {
  if (text === undefined) return [];
  if (text.replace(/\r\n/g, '\n') === issueForm(policy)) return [];
  return [
    diagnostic(
      FORM_PATH,
      undefined,
      'the access request form does not match the policy (its groups or their rules changed). Run "access-as-code form" and commit the file it writes.',
    ),
  ];
}

/**
 * The answers of an issue made from the form: GitHub renders each field as "### <label>", a blank line
 * and the value ("_No response_" when left empty). Text outside the known headings is ignored.
 */
export function readFormAnswers(body: string): Partial<Record<FormField, string>> {
  const answers: Partial<Record<FormField, string>> = {};
  const labels = new Map(Object.entries(FIELDS).map(([k, v]) => [v.toLowerCase(), k as FormField]));
  let current: FormField | undefined;
  const lines: string[] = [];
  const flush = () => {
    if (current === undefined) return;
    const value = lines.join('\n').trim();
    if (value !== '' && value !== '_No response_') answers[current] = value;
    lines.length = 0;
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      current = labels.get(heading[1]!.toLowerCase());
      continue;
    }
    if (current !== undefined) lines.push(line);
  }
  flush();
  return answers;
}
