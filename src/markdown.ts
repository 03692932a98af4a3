/** Markdown for text that is not ours (issue, request or pull request text). */

/** A code fence longer than any run of backticks in the text, so nothing inside can close it. */
export function codeFence(text: string): string {
  return '`'.repeat(Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
}
