import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  statusOf
} from "./chunk-5DPYENFH.js";
import {
  reconcile
} from "./chunk-BGTKMKHD.js";
import "./chunk-EN2B5PZV.js";
import "./chunk-TRFC2FJS.js";
import "./chunk-NVXYE22V.js";
import "./chunk-6243XALH.js";
import "./chunk-IRVF5XU5.js";
import "./chunk-NXBOCEVI.js";
import "./chunk-VDAHEZ3L.js";
import "./chunk-3KJ234RC.js";
import "./chunk-5N677O5M.js";
import "./chunk-TRPAB6JR.js";
import "./chunk-E4JGT2Z2.js";
import {
  BACKENDS
} from "./chunk-6M5K6QUR.js";
import "./chunk-JZPP4HP7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import "./chunk-XP3LFAPK.js";
import {
  GitHubFacts
} from "./chunk-EHZN36YG.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-JTSEDNRQ.js";
import "./chunk-425VGJGT.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

// src/commands/status.ts
async function status(ctx) {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  const report = await reconcile({ git: ctx.git, githubFacts, directory: ctx.directory, now: ctx.now, dryRun: true, ...ctx.root ? { root: ctx.root } : {} });
  const out = statusOf(report, ctx.now);
  const { catalogueOfPolicy, accessLines } = await import("./catalogue-OOFC6IJV.js");
  const catalogue = await catalogueOfPolicy(ctx.directory, report.config.policy, ctx.now);
  const unknown = /* @__PURE__ */ new Set();
  for (const g of out.groups) {
    const access = catalogue?.groups.find((a) => a.group === g.group);
    if (!access) continue;
    g.confers = accessLines({ ...access, unknown: [] });
    for (const u of access.unknown) unknown.add(u);
  }
  if (unknown.size > 0) out.confersUnknown = [...unknown];
  return out;
}
function renderStatus(s) {
  const out = [];
  if (s.degraded) out.push(`warning: ${s.degraded}`);
  for (const g of s.groups) {
    out.push(`${g.group} (${g.mode}${BACKENDS[g.backend].label ? `, ${BACKENDS[g.backend].label}` : ""})`);
    if (g.error) out.push(`  ${g.error}`);
    else if (g.members.length === 0) out.push("  nobody");
    for (const m of g.members) out.push(`  ${m.who.padEnd(24)} ${m.note ?? m.holds}${m.file ? `  ${m.file}` : ""}`);
    for (const line of g.confers ?? []) out.push(`  confers: ${line}`);
  }
  if (s.confersUnknown) out.push(`What the groups confer is not fully known: ${s.confersUnknown.join("; ")}.`);
  return out;
}
export {
  renderStatus,
  status
};
