import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  statusOf
} from "./chunk-VDM5VYMN.js";
import {
  reconcileContext
} from "./chunk-NRGJNQL6.js";
import {
  DASHBOARD_LOOKBACK_MS,
  breakGlassUses,
  verdictFiles
} from "./chunk-2ODKMUE3.js";
import {
  reconcile
} from "./chunk-ZSIHYLEF.js";
import {
  historyChange,
  pointOf,
  readHistory
} from "./chunk-ENFYODNC.js";
import {
  memoryHead
} from "./chunk-LDXIIFYA.js";
import {
  exemptionsDue
} from "./chunk-3VIL4RUE.js";
import {
  formatDuration
} from "./chunk-WD4VLBT2.js";
import {
  inlineCode
} from "./chunk-GUX3DBMW.js";
import {
  ownersOf
} from "./chunk-E4JGT2Z2.js";
import {
  GitHubFacts,
  GitHubUnavailableError
} from "./chunk-QLTQFRLC.js";

// src/commands/revoke.ts
async function revoke(ctx) {
  const report = await reconcile(reconcileContext({ ...ctx, dryRun: ctx.dryRun }));
  const status = statusOf(report, ctx.now);
  const memoryChange = ctx.memory && !report.degraded ? await withVerdicts(ctx, ctx.memory, report, await withHistory(ctx, ctx.memory, report)) : report.memoryChange;
  return {
    head: report.head,
    branch: report.branch,
    groups: report.groups,
    changes: report.changes,
    changeOutcomes: report.outcomes,
    reminders: dueReminders(report, ctx.now),
    dryRun: report.dryRun,
    failed: report.failed || report.degraded !== void 0,
    ...report.degraded ? { degraded: report.degraded } : {},
    spend: report.spend,
    ...report.verified ? { verified: report.verified } : {},
    ...memoryChange ? { memoryChange } : {},
    status,
    exemptionsDue: exemptionsDue(report.config.policy, ctx.now).map(({ group, entry }) => ({
      group,
      id: entry.id,
      reason: entry.reason,
      review: entry.review
    })),
    approvals: new Map([...report.config.policy.groups.values()].map((g) => [g.name, g.approvals])),
    ownersOf: (path) => ownersOf(report.config.codeowners, path),
    config: report.config,
    configIgnored: report.configIgnored,
    breakGlassIgnored: report.breakGlassIgnored
  };
}
async function withHistory(ctx, k, report) {
  const change = report.memoryChange;
  const head = change ? change.expectedHead : await memoryHead(ctx.git);
  const reader = ctx.git.catFile();
  const recorded = await readHistory(ctx.git, reader, k).finally(() => reader.close());
  const history = historyChange(k, recorded, pointOf(ctx.now, report.groups), ctx.now);
  if (history.files.length === 0 && history.deletions.length === 0) return change;
  return {
    expectedHead: head,
    files: [...change?.files ?? [], ...history.files],
    deletions: [...change?.deletions ?? [], ...history.deletions]
  };
}
async function withVerdicts(ctx, k, report, change) {
  if (![...report.config.policy.groups.values()].some((g) => g.breakGlass)) return change;
  const reader = ctx.git.catFile();
  let files;
  try {
    const uses = await breakGlassUses({
      gh: ctx.gh,
      repo: ctx.repo,
      githubFacts: new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh),
      git: ctx.git,
      reader,
      head: report.head,
      branch: report.branch,
      config: report.config,
      since: ctx.now - DASHBOARD_LOOKBACK_MS,
      resolveUsers: (refs) => ctx.directory.resolveUsers(refs),
      memory: k
    });
    files = verdictFiles(k, uses);
  } catch (error) {
    if (error instanceof GitHubUnavailableError || error.status !== void 0) return change;
    throw error;
  } finally {
    reader.close();
  }
  if (files.length === 0) return change;
  return {
    expectedHead: change ? change.expectedHead : await memoryHead(ctx.git),
    files: [...change?.files ?? [], ...files],
    deletions: change?.deletions ?? []
  };
}
function dueReminders(report, now) {
  const due = [];
  for (const r of report.requests) {
    const window = report.config.policy.groups.get(r.group)?.reminderBeforeMs ?? 0;
    const pull = r.verification?.pull;
    if (r.state !== "active" || !r.verification?.approved || !r.request || pull === void 0) continue;
    if (r.request.expiresAt - now <= window)
      due.push({ file: r.file, pull, requester: r.request.requester, group: r.group, expires: r.request.expires, at: r.request.expiresAt });
  }
  return due.sort((a, b) => a.at - b.at || a.file.localeCompare(b.file)).map(({ at: _at, ...r }) => r);
}
function reminderMarker(r) {
  return `<!-- access-as-code:reminder:${r.file}:${r.expires} -->`;
}
function reminderBody(r, now) {
  const left = formatDuration(Math.max(0, Date.parse(r.expires) - now));
  return [
    reminderMarker(r),
    `@${r.requester}, your membership of **${r.group}** ends at ${r.expires} (in about ${left}).`,
    "",
    `Still need it? Open a pull request that changes \`expires\` in ${inlineCode(r.file)}; it is reviewed like a new request. Otherwise nothing to do: the access is removed automatically.`
  ].join("\n");
}

export {
  revoke,
  reminderMarker,
  reminderBody
};
