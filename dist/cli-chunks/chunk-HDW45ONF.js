import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/plan/effects.ts
function noticeId(e) {
  return `notice:${e.kind}:${e.group}:${e.who}${"pull" in e && e.pull !== void 0 ? `:#${e.pull}` : ""}${"file" in e && e.file ? `:${e.file}` : ""}`;
}

export {
  noticeId
};
