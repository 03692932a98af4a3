/** Markdown for text that is not ours (issue, request or pull request text). */

/** A code fence longer than any run of backticks in the text, so nothing inside can close it. */
export function codeFence(text: string): string {
  return '`'.repeat(Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
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

/** Text we did not write (a path, a reason), shown literally as inline code in a table cell. */
export function codeCell(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\|/g, '\\|');
  const fence = '`'.repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
