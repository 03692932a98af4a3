import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/plan/effects.ts
function noticeId(e) {
  return `notice:${e.kind}:${e.group}:${e.who}${"pull" in e && e.pull !== void 0 ? `:#${e.pull}` : ""}${"file" in e && e.file ? `:${e.file}` : ""}`;
}
function rememberEffects(change) {
  if (!change) return [];
  const landings = change.files.filter((f) => f.path.startsWith("landings/")).length;
  const points = change.files.length - landings;
  const what = [
    landings > 0 ? `${landings} landing commit${landings === 1 ? "" : "s"} verified now` : "",
    points > 0 ? "today's standing-privilege point" : "",
    change.deletions.length > 0 ? `${change.deletions.length} no longer needed` : ""
  ].filter(Boolean).join("; ");
  return [{ id: "remember", kind: "remember", change, reason: `facts that cannot change, remembered for the next run (${what})` }];
}

export {
  noticeId,
  rememberEffects
};
