import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  noticeId
} from "./chunk-GARHCV53.js";
import {
  inlineCode
} from "./chunk-34OC5ZRV.js";

// src/notices/grant-comment.ts
import { createHash } from "node:crypto";
var ICON = {
  granted: "\u2705 granted",
  "already-member": "\u2705 already a member",
  refused: "\u26D4 not granted",
  removed: "\u{1F512} removed",
  "not-a-member": "\u{1F512} nothing to remove",
  kept: "\u2139\uFE0F kept",
  ending: "\u23F3 ending",
  failed: "\u274C failed"
};
function commentMarker(pull, items) {
  const versions = items.map((i) => `${i.file}
${i.change}
${i.expires ?? ""}`).sort().join("\n\n");
  return `<!-- access-as-code:grant:${pull}:${createHash("sha256").update(versions).digest("hex").slice(0, 32)} -->`;
}
var COMMENT_LIMIT = 65536;
function commentBody(items, after, pull) {
  const head = [commentMarker(pull, items), `**access-as-code** after merging this pull request (main at ${after.slice(0, 7)}):`, ""];
  const tail = [];
  if (items.some((i) => i.outcome === "refused"))
    tail.push("", "To ask again, fix what is listed above in a new pull request and have it approved by the folder's code owners.");
  if (items.some((i) => i.outcome === "granted"))
    tail.push("", "To extend, open a pull request that changes `expires`; to end it early, one that deletes the file.");
  const lines = items.map((item) => `- ${ICON[item.outcome]}: ${inlineCode(item.file)} \u2014 ${item.detail.replace(/[\r\n]+/g, " ")}`);
  let shown = lines.length;
  const body = (n) => [
    ...head,
    ...lines.slice(0, n),
    ...n < lines.length ? ["", `\u2026 and ${lines.length - n} more: the run's job summary lists every request with its outcome.`] : [],
    ...tail
  ].join("\n");
  while (shown > 0 && body(shown).length > COMMENT_LIMIT) shown = Math.max(0, Math.min(shown - 1, Math.floor(shown * 0.9)));
  return body(shown);
}
function grantEffects(report) {
  const effects = [];
  const byPull = /* @__PURE__ */ new Map();
  for (const item of report.items) if (item.pull !== void 0) byPull.set(item.pull, [...byPull.get(item.pull) ?? [], item]);
  for (const [pull, list] of byPull) {
    const marker = commentMarker(pull, list);
    effects.push({
      id: `comment:#${pull}:${marker.slice(-36, -4)}`,
      kind: "comment",
      pull,
      marker,
      body: commentBody(list, report.head, pull),
      reason: `the outcome of ${list.map((i) => i.file).join(", ")}`
    });
  }
  for (const i of report.items) {
    if (!i.group || !i.requester) continue;
    const base = { group: i.group, who: i.requester, file: i.file, ...i.pull !== void 0 ? { pull: i.pull } : {} };
    const event = i.planned === "granted" ? { kind: "granted", ...base, until: i.expires ?? "" } : i.planned === "refused" ? { kind: "refused", ...base, reason: i.detail } : i.planned === "removed" ? { kind: "removed", group: i.group, who: i.requester, why: "ended", file: i.file } : void 0;
    if (event)
      effects.push({
        id: noticeId(event),
        kind: "notice",
        event,
        reason: `${i.file}: ${i.planned}`,
        ...i.entraChange && i.planned !== "refused" ? { after: i.entraChange } : {}
      });
  }
  return effects;
}

export {
  ICON,
  grantEffects
};
