import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  DEFAULT_BASES,
  mergeBase,
  workingChanges
} from "./chunk-MAYUQHI5.js";
import {
  privilegeFindings
} from "./chunk-J6WWWI7U.js";
import {
  accessLines
} from "./chunk-KFLSN3TF.js";
import "./chunk-CV5RMOLZ.js";
import {
  configChangePlan,
  enforceSwitches,
  judgeChanges,
  reportHasErrors
} from "./chunk-FCOR3DY6.js";
import {
  COMMON,
  FORMAT,
  clock,
  jsonWanted,
  repoRoot
} from "./chunk-PGKTBLDP.js";
import {
  EXIT
} from "./chunk-CUMFMMAT.js";
import "./chunk-NXBOCEVI.js";
import "./chunk-VDAHEZ3L.js";
import {
  CONFIG_PATHS,
  atCommit,
  gitIn,
  isWorkTree,
  loadConfig,
  workingTree
} from "./chunk-3KJ234RC.js";
import "./chunk-5N677O5M.js";
import "./chunk-UEEEXRSD.js";
import "./chunk-GUX3DBMW.js";
import "./chunk-CJYXKBG7.js";
import "./chunk-TRPAB6JR.js";
import {
  formatOwner,
  ownersOf
} from "./chunk-E4JGT2Z2.js";
import {
  describeTarget
} from "./chunk-6M5K6QUR.js";
import "./chunk-JZPP4HP7.js";
import {
  formatDuration
} from "./chunk-WD4VLBT2.js";
import "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import "./chunk-XP3LFAPK.js";
import {
  ConfigError,
  formatDiagnostic,
  sortDiagnostics
} from "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

// src/cli/plan.ts
import { parseArgs } from "node:util";

// src/commands/plan.ts
function planOf(report, config) {
  const lines = [];
  for (const v of report.verdicts) {
    const r = v.request;
    if (!v.valid || !r) {
      lines.push({ file: v.file, action: "none", text: `${v.file}: no change: the request is not valid yet.` });
      continue;
    }
    const group = config.policy.groups.get(r.group);
    const owners = ownersOf(config.codeowners, v.file).map(formatOwner).join(", ");
    const n = group.approvals;
    lines.push({
      file: v.file,
      action: "add",
      text: `${v.file}: ${group.azureRole ? `would give ${r.requester} the ${describeTarget(group)} (${r.group})` : `would add ${r.requester} to ${r.group} (${describeTarget(group)})`} ${r.durationMs !== void 0 ? `for ${formatDuration(r.durationMs)} from the merge` : `until ${r.expires}`}, once ${n} code owner${n === 1 ? "" : "s"} of requests/${r.group}/ (${owners}) other than ${r.requester} approve${n === 1 ? "s" : ""} the final commit.`
    });
  }
  for (const d of report.deletions) {
    const group = d.file.split("/")[1] ?? "";
    lines.push({
      file: d.file,
      action: "remove",
      text: `${d.file}: would end ${d.requester ?? "the requester"}'s membership of ${group} now, unless another approved, active request covers it.`
    });
  }
  return lines;
}

// src/report/conferred.ts
function conferredViews(config, requested, published) {
  const byGroup = /* @__PURE__ */ new Map();
  for (const r of requested) byGroup.set(r.group, [...byGroup.get(r.group) ?? [], r.file]);
  return [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([name, files]) => {
    const policy = config.policy.groups.get(name);
    if (!policy) return [];
    const access = published.find((g) => g.group === name && g.id.toLowerCase() === policy.id);
    if (!access)
      return [
        {
          group: name,
          files,
          lines: ["not in the published catalogue yet (a group new to the policy, or its Entra id changed): the next sweep reads it"],
          privileged: false,
          conferred: 0,
          warnings: []
        }
      ];
    const lines = accessLines(access);
    return [
      {
        group: name,
        files,
        lines: lines.length > 0 ? lines : ["nothing beyond membership of the group itself"],
        privileged: access.confers.some((c) => c.privileged),
        conferred: access.confers.length,
        warnings: privilegeFindings(policy, access)
      }
    ];
  });
}

// src/cli/plan.ts
async function publishedFor(root, repoOption) {
  if (!process.env.GITHUB_TOKEN && !process.env.GH_TOKEN)
    return { why: "set GITHUB_TOKEN (e.g. GITHUB_TOKEN=$(gh auth token)) to read it from the access dashboard" };
  try {
    const { localGitHub } = await import("./entra-commands-FX6ECED3.js");
    const { readPublished } = await import("./dashboard-J2MQLR3I.js");
    const { gh, repo } = await localGitHub(root, repoOption);
    return await readPublished(gh, repo);
  } catch (error) {
    return { why: `the access dashboard could not be read (${error.message.split("\n")[0]})` };
  }
}
function conferredFor(config, report, published) {
  const requested = report.verdicts.flatMap((v) => v.valid && v.request ? [{ group: v.request.group, file: v.file }] : []);
  if (requested.length === 0 || !published) return {};
  if ("why" in published) return { why: published.why };
  return { views: conferredViews(config, requested, published.groups), asOf: published.asOf, issue: published.issue };
}
async function publishedEffects(base, head, published) {
  const switches = enforceSwitches(base, head);
  if ("why" in published) return switches.map((g) => `switching to enforce: ${g}: whom it removes is not shown: ${published.why}.`);
  const { flipLines, pendingFlips, switchLines } = await import("./config-plan-GLUJ7ZJU.js");
  const source = `(from the access dashboard #${published.issue}, last written ${published.asOf})`;
  return [
    ...switchLines(switches, published.drift).map((l) => `switching to enforce: ${l} ${source}`),
    ...published.pending.length > 0 ? flipLines(pendingFlips(base, head, published.pending), published.pending.length).map((l) => `pending: ${l} ${source}`) : []
  ];
}
function printConferred(io, conferred) {
  if (!("views" in conferred)) {
    if (conferred.why) io.err(`What approving confers is not shown: ${conferred.why}.`);
    return;
  }
  io.out("");
  io.out(`What approving confers (published by the sweep in the access dashboard #${conferred.issue}, last written ${conferred.asOf}):`);
  for (const v of conferred.views) {
    io.out(`  ${v.group}${v.privileged ? " (PRIVILEGED)" : ""}`);
    for (const line of v.lines) io.out(`    ${line}`);
  }
  for (const w of conferred.views.flatMap((v) => v.warnings)) io.err(`warning: ${w}`);
}
async function noBaseWhy(git, root, candidates) {
  if (!await isWorkTree(git).catch(() => false))
    return `${root} is not a git repository: plan compares your changes with the branch they will be merged into. Run it in a clone of the access repository.`;
  if (!await git.tryRun(["rev-parse", "--verify", "--quiet", "HEAD"]).catch(() => void 0))
    return "this repository has no commits yet: commit the access configuration (the first commit is the root of trust, docs/setup.md step 1), then plan your changes against it.";
  return `no merge base with ${candidates.join(" or ")}: pass --base <branch or commit> that your changes will be merged into.`;
}
async function planCommand(args, io) {
  const { values } = parseArgs({ args, options: { ...COMMON, ...FORMAT, base: { type: "string" }, "github-repo": { type: "string" } }, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const git = gitIn(root);
  const candidates = values.base ? [values.base] : DEFAULT_BASES;
  const base = await mergeBase(git, candidates);
  if (!base) throw new ConfigError(await noBaseWhy(git, root, candidates));
  const baseFiles = atCommit(git, base);
  const config = await loadConfig(baseFiles);
  const changes = await workingChanges(git, base);
  const report = await judgeChanges(config, changes, baseFiles, workingTree(root), clock(values.at, io));
  const lines = planOf(report, config);
  const configChanged = (await git.run(["diff", "--name-only", base, "--", ...CONFIG_PATHS])).toString("utf8").trim() !== "";
  const wantsPublished = configChanged || report.verdicts.some((v) => v.valid && v.request);
  const published = wantsPublished ? await publishedFor(root, values["github-repo"]) : void 0;
  const head = configChanged ? await loadConfig(workingTree(root)).catch(() => void 0) : void 0;
  const configPlanLines = head ? [...await configChangePlan(config, baseFiles, head, clock(values.at, io)), ...published ? await publishedEffects(config, head, published) : []] : void 0;
  const conferred = conferredFor(config, report, published);
  if (json) {
    io.out(
      JSON.stringify(
        {
          base,
          changes: lines.map((l) => ({ file: l.file, action: l.action, text: l.text })),
          ...configPlanLines ? { configuration: configPlanLines } : {},
          ..."views" in conferred ? { confers: conferred.views, confersAsOf: conferred.asOf } : conferred.why ? { confersNotShown: conferred.why } : {},
          problems: sortDiagnostics(report.verdicts.flatMap((v) => v.diagnostics))
        },
        null,
        2
      )
    );
    return reportHasErrors(report) ? EXIT.attention : EXIT.ok;
  }
  for (const d of sortDiagnostics(report.verdicts.flatMap((v) => v.diagnostics))) io.err(formatDiagnostic(d));
  if (lines.length === 0) io.out(`No request files differ from ${base.slice(0, 7)}: merging would change nothing in Entra.`);
  for (const line of lines) io.out(line.text);
  printConferred(io, conferred);
  if (configPlanLines) {
    io.out("");
    io.out("The configuration change:");
    for (const line of configPlanLines.length > 0 ? configPlanLines : ["nothing for the access in force or for who approves."]) io.out(`  ${line}`);
  }
  return reportHasErrors(report) ? EXIT.attention : EXIT.ok;
}
export {
  planCommand
};
