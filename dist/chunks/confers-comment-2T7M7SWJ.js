import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  conferredViews
} from "./chunk-TUT3SJFV.js";
import "./chunk-3WRQDYNR.js";
import "./chunk-VDWJA76S.js";
import "./chunk-HJJGYVXC.js";
import {
  markdownCell
} from "./chunk-34OC5ZRV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-3L64JI35.js";
import "./chunk-OZ6IWOJH.js";

// src/notices/confers-comment.ts
import { createHash } from "node:crypto";
function confersEffects(config, pending, catalogue) {
  const effects = [];
  for (const p of pending) {
    if (p.groups.length === 0) continue;
    const views = conferredViews(
      config,
      p.groups.map((group) => ({ group, file: "" })),
      catalogue
    );
    if (!views.some((v) => v.conferred > 0)) continue;
    const content = views.flatMap((v) => [
      `**${markdownCell(v.group)}**${v.privileged ? " \u26A0\uFE0F privileged" : ""}`,
      ...v.lines.map((l) => `- ${markdownCell(l)}`),
      ...v.warnings.map((w) => `> \u26A0\uFE0F ${markdownCell(w)}`),
      ""
    ]);
    const digest = createHash("sha256").update(content.join("\n")).digest("hex").slice(0, 32);
    const marker = `<!-- access-as-code:confers:${p.number}:${digest} -->`;
    const body = [
      marker,
      "**access-as-code**: what approving this pull request confers, as the sweep read it from Microsoft Graph:",
      "",
      ...content,
      "A new comment follows only when this changes."
    ].join("\n");
    effects.push({
      id: `comment:#${p.number}:${digest}`,
      kind: "comment",
      pull: p.number,
      marker,
      body,
      reason: `what ${p.groups.join(", ")} confers, for the code owners of #${p.number}`
    });
  }
  return effects;
}
export {
  confersEffects
};
