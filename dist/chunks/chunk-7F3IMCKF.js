import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/plan/effects.ts
function noticeId(e) {
  return `notice:${e.kind}:${e.group}:${e.who}${"pull" in e && e.pull !== void 0 ? `:#${e.pull}` : ""}${"file" in e && e.file ? `:${e.file}` : ""}`;
}
function rememberEffects(change) {
  if (!change) return [];
  const what = [
    change.files.length > 0 ? `${change.files.length} landing commit${change.files.length === 1 ? "" : "s"} verified now` : "",
    change.deletions.length > 0 ? `${change.deletions.length} no longer needed` : ""
  ].filter(Boolean).join("; ");
  return [{ id: "remember", kind: "remember", change, reason: `facts that cannot change, remembered for the next run (${what})` }];
}

export {
  noticeId,
  rememberEffects
};
