import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/markdown.ts
function fenceFor(text, least) {
  return "`".repeat(Math.max(least - 1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
}
function inlineCode(text) {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ");
  const fence = fenceFor(flat, 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function markdownCell(text) {
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/[\\`*_{}[\]<>()#+!|@~:&"'=^$%]/g, (c) => `\\${c}`).replace(/\b(www)\./gi, "$1\\.").trim();
}
function codeCell(text) {
  return inlineCode(text.replace(/\|/g, "\\|"));
}

export {
  inlineCode,
  markdownCell,
  codeCell
};
