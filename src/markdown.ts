/** Markdown for text that is not ours (issue, request or pull request text). */

/** Backticks one longer than the longest run in the text (at least `least`), so nothing inside can close them. */
function fenceFor(text: string, least: number): string {
  return '`'.repeat(Math.max(least - 1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
}

/** A code fence longer than any run of backticks in the text, so nothing inside can close it. */
export function codeFence(text: string): string {
  return fenceFor(text, 3);
}

/**
 * Text we did not write (a path, a file name, a reason) as inline code: on one line, between backticks
 * longer than any run inside, padded where it starts or ends with one (CommonMark, code spans). The
 * one inline-code rule of comments, issues, the dashboard and the report.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  const fence = fenceFor(flat, 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A Markdown table cell for a name or value: every character that Markdown or GitHub could read as
 * markup (emphasis, links, images, HTML, mentions, issue references, headings, autolinks) is
 * backslash-escaped, and line breaks collapse, so the cell shows the text and nothing else. The one
 * escaping rule of the dashboard and the report.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\\`*_{}[\]<>()#+!|@~:&"'=^$%]/g, (c) => `\\${c}`)
    .replace(/\b(www)\./gi, '$1\\.')
    .trim();
}

/** Text we did not write, shown literally as inline code in a table cell (a pipe would end the cell). */
export function codeCell(text: string): string {
  return inlineCode(text.replace(/\|/g, '\\|'));
}
