/** The issue form as GitHub writes an issue from it, and what GitHub renders of an answer as live Markdown. */

/** An issue body from the form's answers: a heading per field, "_No response_" where one was left empty. */
export function formBody(answers: { group?: string; duration?: string; justification?: string; ticket?: string }): string {
  const part = (label: string, value: string | undefined) => `### ${label}\n\n${value ?? '_No response_'}`;
  return [part('Group', answers.group), part('Duration', answers.duration), part('Justification', answers.justification), part('Ticket', answers.ticket)].join(
    '\n\n',
  );
}

/**
 * What GitHub renders as live Markdown text: the answer without its code blocks, its code spans and
 * its one link's destination (the URL-encoded file for the editor).
 */
export const outsideCode = (body: string) =>
  body
    .replace(/(`{3,})[a-z]*\n[\s\S]*?\n\1/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\]\(https:\/\/github\.com\/acme\/access\/new\/main\?[^)\s]*\)/g, ']');
