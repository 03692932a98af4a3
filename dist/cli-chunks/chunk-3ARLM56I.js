import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/markdown.ts
function markdownCell(text) {
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/[\\`*_{}[\]<>()#+!|@~:&"'=^$%]/g, (c) => `\\${c}`).replace(/\b(www)\./gi, "$1\\.").trim();
}
function codeCell(text) {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\|/g, "\\|");
  const fence = "`".repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export {
  markdownCell,
  codeCell
};
