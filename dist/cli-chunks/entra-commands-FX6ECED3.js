import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  NO_WEBHOOKS,
  planLines
} from "./chunk-RIM4G4VC.js";
import {
  ROOT_COMMIT
} from "./chunk-EN2B5PZV.js";
import "./chunk-NVXYE22V.js";
import "./chunk-6243XALH.js";
import {
  MEMORY_KEY_MIN_LENGTH
} from "./chunk-IRVF5XU5.js";
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
import "./chunk-VDAHEZ3L.js";
import {
  gitIn,
  isWorkTree,
  loadConfig,
  workingTree
} from "./chunk-3KJ234RC.js";
import "./chunk-5N677O5M.js";
import "./chunk-E4JGT2Z2.js";
import {
  backendOf
} from "./chunk-6M5K6QUR.js";
import "./chunk-JZPP4HP7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-EHZN36YG.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-JTSEDNRQ.js";
import "./chunk-425VGJGT.js";
import {
  ConfigError,
  formatDiagnostic
} from "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

// src/cli/entra-commands.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// src/backends/outcome-words.ts
var MEMBERSHIP = { add: "added", remove: "removed", already: "already a member", gone: "already gone" };
var ASSIGNMENT = { add: "assigned", remove: "unassigned", already: "already assigned", gone: "already unassigned" };
function whatHappened(g, d, dryRun) {
  const backend = backendOf(g.backend);
  const w = backend.target === "azureRole" ? ASSIGNMENT : MEMBERSHIP;
  if (d.action === "report") return g.mode === "audit" ? "reported (audit mode)" : "reported, not removed";
  if (d.outcome === "failed") return `NOT ${d.action === "add" ? w.add : d.action === "update" ? "moved" : w.remove}`;
  if (d.action === "update") return `${dryRun ? "would have" : "has"} its ${backend.label ?? "PIM"} assignment end at ${d.end ?? ""}`;
  if (d.action === "add") {
    const ends = d.end && backend.endsItself ? ` (${backend.label}: the service ends it at ${d.end})` : "";
    return `${dryRun ? `would be ${w.add}` : d.outcome === "already-member" ? w.already : w.add}${ends}`;
  }
  return dryRun ? `would be ${w.remove}` : d.outcome === "already-gone" ? w.gone : w.remove;
}

// src/cli/entra-commands.ts
function pinned() {
  const value = (process.env.ACCESS_ROOT_COMMIT ?? "").trim();
  if (value === "") return {};
  if (!ROOT_COMMIT.test(value))
    throw new ConfigError(
      `ACCESS_ROOT_COMMIT is ${JSON.stringify(value.slice(0, 80))}; it must be a full 40-character commit id in lower case (gh variable get ACCESS_ROOT_COMMIT).`
    );
  return { root: value };
}
var ENTRA = {
  "tenant-id": { type: "string" },
  cloud: { type: "string" },
  "authority-host": { type: "string" },
  "graph-endpoint": { type: "string" },
  "arm-endpoint": { type: "string" }
};
function authorityOf(values) {
  return values["authority-host"] ?? (process.env.AZURE_AUTHORITY_HOST || void 0);
}
async function localDirectory(values) {
  const { directoryFromLocal } = await import("./connect-E7YPDGDI.js");
  const tenantId = values["tenant-id"] ?? process.env.AZURE_TENANT_ID;
  const authorityHost = authorityOf(values);
  return directoryFromLocal({
    ...tenantId ? { tenantId } : {},
    ...values.cloud ? { cloud: values.cloud } : {},
    ...authorityHost ? { authorityHost } : {},
    ...values["graph-endpoint"] ? { graphEndpoint: values["graph-endpoint"] } : {},
    ...values["arm-endpoint"] ? { armEndpoint: values["arm-endpoint"] } : {}
  });
}
async function localGitHub(root, repoOption) {
  const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
  if (!token)
    throw new ConfigError(
      "set GITHUB_TOKEN (or GH_TOKEN) to a token that can read this repository's pull requests and reviews, e.g. GITHUB_TOKEN=$(gh auth token)."
    );
  const given = repoOption ?? process.env.GITHUB_REPOSITORY;
  if (given !== void 0 && !/^[^/\s]+\/[^/\s]+$/.test(given))
    throw new ConfigError(`${repoOption !== void 0 ? "--github-repo" : "GITHUB_REPOSITORY"} "${given}" is not owner/name (for example acme/access).`);
  let full = given;
  if (!full) {
    const url = (await gitIn(root).tryRun(["remote", "get-url", "origin"]).catch(() => void 0))?.toString("utf8").trim() ?? "";
    const host = (() => {
      try {
        return new URL(process.env.GITHUB_SERVER_URL ?? "https://github.com").host;
      } catch {
        return "github.com";
      }
    })();
    const onGitHub = url.includes(`@${host}:`) || url.includes(`://${host}/`) || url.includes(`@${host}/`);
    full = onGitHub ? /[/:]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(url)?.[1] : void 0;
    if (!full)
      throw new ConfigError(
        `which GitHub repository? ${url ? `The origin remote (${url}) is not on ${host}; ` : "There is no origin remote; "}pass --github-repo owner/name.`
      );
  }
  const { createGitHub } = await import("./client-YWRDK2RR.js");
  const [owner, name] = full.split("/");
  return { gh: createGitHub({ token, ...process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {} }), repo: { owner, repo: name } };
}
function printPlan(io, plan, json) {
  if (json) {
    io.out(JSON.stringify(plan, null, 2));
    return;
  }
  if (plan.degraded) io.err(`warning: ${plan.degraded}`);
  const lines = planLines(plan);
  io.out(`Plan at ${plan.head.slice(0, 7)} (dry run: nothing is changed):`);
  for (const line of lines.length > 0 ? lines : ["nothing to change."]) io.out(`  ${line}`);
}
async function cliPorts(gh, repo) {
  const { githubEffectPorts } = await import("./github-ports-QYTDU5BE.js");
  const { notify, parseWebhooks } = await import("./notify-7KMRVSBI.js");
  const hooks = process.env.ACCESS_WEBHOOKS ? parseWebhooks(process.env.ACCESS_WEBHOOKS) : [];
  return { ...await githubEffectPorts(gh, repo), ...hooks.length > 0 ? { notify: (events) => notify(hooks, events) } : {} };
}
function presentCliEffects(io, outcomes) {
  const unsent = outcomes.filter((o) => o.status === "skipped" && o.detail === NO_WEBHOOKS).length;
  for (const o of outcomes) if (!(o.status === "skipped" && o.detail === NO_WEBHOOKS)) io.out(`${o.id}: ${o.status}: ${o.detail}`);
  if (unsent > 0) io.err(`${unsent} notice${unsent === 1 ? "" : "s"} not sent: set ACCESS_WEBHOOKS to the webhooks secret's lines to send them.`);
  return [...outcomes];
}
async function revokeCommand(args, io) {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, ...ENTRA, ...FORMAT, "dry-run": { type: "boolean" }, "github-repo": { type: "string" } },
    strict: true
  });
  const json = jsonWanted(values.format);
  if (json && !values["dry-run"]) throw new ConfigError("--format json prints the plan of a dry run: add --dry-run.");
  const root = repoRoot(values.repo, io);
  const { gh, repo } = await localGitHub(root, values["github-repo"]);
  const { planRevoke, applyRevoke } = await import("./revoke-TEWKAFAB.js");
  const git = gitIn(root);
  const now = clock(values.at, io);
  const ctx = {
    git,
    gh,
    repo,
    directory: await localDirectory(values),
    now,
    dryRun: values["dry-run"] ?? false,
    requireCurrentHead: true,
    ...pinned()
  };
  const planned = await planRevoke(ctx);
  if (planned.report.dryRun) {
    printPlan(io, planned.plan, json);
    return planned.report.failed ? EXIT.attention : EXIT.ok;
  }
  const { report, outcomes } = await applyRevoke(planned, ctx, await cliPorts(gh, repo));
  if (report.degraded) io.err(`warning: ${report.degraded}`);
  printChanges(io, report.groups, false);
  const made = presentCliEffects(io, outcomes.effects);
  io.out("Sweep finished.");
  return report.failed || made.some((o) => o.status === "failed") ? EXIT.attention : EXIT.ok;
}
function printChanges(io, groups, failedOnly) {
  for (const g of groups) {
    if (g.error) io.out(`${g.group}: ${g.error}`);
    for (const d of g.dispositions) {
      if (d.action === "keep" || failedOnly && d.outcome !== "failed") continue;
      io.out(
        `${g.group}: ${d.type} ${d.id} ${whatHappened(g, d, false)} (${d.reason}${d.files.length ? `: ${d.files.join(", ")}` : ""})${d.outcome === "failed" && d.detail ? `: ${d.detail}` : ""}`
      );
    }
  }
}
async function reportCommand(args, io) {
  const { values } = parseArgs({ args, options: { ...COMMON, ...ENTRA, ...FORMAT, out: { type: "string" }, "github-repo": { type: "string" } }, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const { gh, repo } = await localGitHub(root, values["github-repo"]);
  const { collectReport } = await import("./report-BKWIBPZP.js");
  const { renderReport } = await import("./render-BF4RV6B4.js");
  const git = gitIn(root);
  const key = process.env.ACCESS_MEMORY_KEY ?? "";
  const memory = key.length >= MEMORY_KEY_MIN_LENGTH ? { memory: { key, repository: `${repo.owner}/${repo.repo}` } } : {};
  const data = await collectReport({ git, gh, repo, directory: await localDirectory(values), now: clock(values.at, io), ...memory, ...pinned() });
  const markdown = json ? JSON.stringify(data, null, 2) : renderReport(data);
  if (values.out) {
    await writeFile(resolve(io.cwd, values.out), markdown);
    io.out(`Wrote ${values.out}.`);
  } else io.out(markdown);
  if (data.degraded) io.err(`warning: GitHub could not be read, so no request was verified: ${data.degraded}`);
  return data.degraded ? EXIT.attention : EXIT.ok;
}
async function evidenceCommand(args, io) {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, ...ENTRA, ...FORMAT, from: { type: "string" }, to: { type: "string" }, out: { type: "string" }, "github-repo": { type: "string" } },
    strict: true
  });
  const now = clock(values.at, io);
  if (!values.from) throw new ConfigError("evidence needs --from, an RFC 3339 time such as 2026-10-01T00:00:00Z (and --to, default now).");
  const from = clock(values.from, io, "--from");
  const to = values.to ? clock(values.to, io, "--to") : now;
  if (from >= to) throw new ConfigError(`--from (${values.from}) must be before --to (${values.to ?? "now"}).`);
  const format = values.format ?? "csv";
  if (format !== "csv" && format !== "json") throw new ConfigError(`--format "${format}" is not known for evidence: use csv or json.`);
  const root = repoRoot(values.repo, io);
  const { gh, repo } = await localGitHub(root, values["github-repo"]);
  const { collectEvidence, evidenceCsv } = await import("./evidence-YYZZ2GRC.js");
  const rows = await collectEvidence({ git: gitIn(root), gh, repo, directory: await localDirectory(values), now, from, to, ...pinned() });
  const text = format === "json" ? `${JSON.stringify({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), rows }, null, 2)}
` : evidenceCsv(rows);
  if (values.out) {
    await writeFile(resolve(io.cwd, values.out), text);
    io.err(`Wrote ${rows.length} row${rows.length === 1 ? "" : "s"} to ${values.out}.`);
  } else io.out(text.replace(/\n$/, ""));
  return EXIT.ok;
}
async function statusCommand(args, io) {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, ...ENTRA, ...FORMAT, mine: { type: "boolean" }, requester: { type: "string" }, "github-repo": { type: "string" } },
    strict: true
  });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  let login;
  if (values.mine) {
    login = values.requester ?? (await gitIn(root).tryRun(["config", "--get", "github.user"]).catch(() => void 0))?.toString("utf8").trim();
    if (!login)
      throw new ConfigError('--mine needs your GitHub login: pass --requester <login>, or set it once with "git config --global github.user <login>".');
  }
  const { gh, repo } = await localGitHub(root, values["github-repo"]);
  const at = clock(values.at, io);
  if (at < io.now() - 6e4)
    return statusThen(io, { git: gitIn(root), gh, repo, directory: await localDirectory(values), now: io.now(), ...pinned() }, at, login, json);
  const { status, renderStatus } = await import("./status-LGPN3M5H.js");
  const directory = await localDirectory(values);
  const report = await status({ git: gitIn(root), gh, repo, directory, now: at, ...pinned() });
  if (login) {
    const me = login.toLowerCase();
    const ref = (await loadConfig(workingTree(root))).identities.users.get(me);
    if (!ref)
      throw new ConfigError(
        `${login} is not in .github/access-identities.yaml, so no access can be granted to that login; check the login (--requester, or git config github.user), or add it to the identities in a pull request.`
      );
    const userId = (await directory.resolveUser(ref).catch(() => void 0))?.id.toLowerCase();
    for (const g of report.groups) g.members = g.members.filter((m) => m.who.toLowerCase() === me || userId !== void 0 && m.id.toLowerCase() === userId);
    for (const g of report.groups) delete g.confers;
    delete report.confersUnknown;
    report.groups = report.groups.filter((g) => g.members.length > 0);
  }
  if (json) io.out(JSON.stringify(report, null, 2));
  else {
    for (const line of renderStatus(report)) io.out(line);
    if (login && report.groups.length === 0) io.out(`${login} holds no access through the managed groups.`);
  }
  return report.degraded ? EXIT.attention : EXIT.ok;
}
async function statusThen(io, ctx, at, login, json) {
  const { collectEvidence, heldAt } = await import("./evidence-YYZZ2GRC.js");
  const rows = heldAt(await collectEvidence({ ...ctx, from: at, to: at + 1 }), at, login);
  if (json) {
    io.out(JSON.stringify({ at: new Date(at).toISOString(), holders: rows }, null, 2));
    return EXIT.ok;
  }
  io.out(`At ${new Date(at).toISOString()}, from git and GitHub's records (requests and break-glass; members added outside access-as-code are not in them):`);
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  if (groups.length === 0) io.out("  nobody held access through a request or break-glass.");
  for (const g of groups) {
    io.out(g);
    for (const r of rows.filter((x) => x.group === g))
      io.out(
        `  ${r.requester.padEnd(24)} ${r.kind === "break-glass" ? "break-glass" : "request"} since ${r.grantedAt}, until ${r.endedAt || r.plannedEnd}${r.endedAt !== "" && Date.parse(r.endedAt) <= at ? ` (ended, removed ${r.removedAt || "later"})` : ""}  ${r.source}${r.pullRequest ? ` ${r.pullRequest}` : ""}`
      );
  }
  return EXIT.ok;
}
async function doctorCommand(args, io) {
  const { values } = parseArgs({ args, options: { ...COMMON, ...ENTRA, ...FORMAT }, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const config = await loadConfig(workingTree(root));
  const { doctor } = await import("./doctor-CE4XTBQI.js");
  const directory = await localDirectory(values);
  const { resolveCloud } = await import("./cloud-P7FYPYT5.js");
  const authorityHost = authorityOf(values);
  io.err(
    `Signing in through ${resolveCloud({ ...values.cloud ? { cloud: values.cloud } : {}, ...authorityHost ? { authorityHost } : {} }).authorityHost}${values["authority-host"] ? " (--authority-host)" : authorityHost ? " (AZURE_AUTHORITY_HOST)" : ""}.`
  );
  const report = await doctor(config, directory);
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return report.diagnostics.some((d) => d.severity === "error") ? EXIT.attention : EXIT.ok;
  }
  for (const g of report.groups) {
    io.out(`${g.name.padEnd(24)} ${g.problem ? `PROBLEM: ${g.problem}` : `ok: "${g.displayName}", ${g.members} member${g.members === 1 ? "" : "s"}`}`);
    for (const line of g.confers ?? []) io.out(`${" ".repeat(25)}confers: ${line}`);
  }
  const unresolved = report.identities.filter((i) => !i.resolved).map((i) => i.login);
  io.out(
    `identities: ${report.identities.length - unresolved.length} of ${report.identities.length} resolve to Entra users${unresolved.length ? ` (not found: ${unresolved.join(", ")})` : ""}.`
  );
  for (const line of report.identity?.lines ?? []) io.out(line);
  io.out(
    "GitHub's side (the ruleset on main, the access-grant environment, the labels, each workflow's permissions) is checked by the access-doctor workflow, with the job's own token: run it from the Actions tab."
  );
  for (const d of report.diagnostics) io.err(formatDiagnostic(d));
  return report.diagnostics.some((d) => d.severity === "error") ? EXIT.attention : EXIT.ok;
}
async function grantCommand(args, io) {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, ...ENTRA, ...FORMAT, before: { type: "string" }, "dry-run": { type: "boolean" }, "github-repo": { type: "string" } },
    strict: true
  });
  const json = jsonWanted(values.format);
  if (json && !values["dry-run"]) throw new ConfigError("--format json prints the plan of a dry run: add --dry-run.");
  const root = repoRoot(values.repo, io);
  const git = gitIn(root);
  const { gh, repo } = await localGitHub(root, values["github-repo"]);
  const { planGrant, applyGrant } = await import("./grant-5F6V6LAN.js");
  const directory = await localDirectory(values);
  const planned = await planGrant({
    git,
    gh,
    repo,
    directory,
    before: values.before ?? "0000000000000000000000000000000000000000",
    now: clock(values.at, io),
    requireCurrentHead: true,
    dryRun: values["dry-run"] ?? false,
    ...pinned()
  });
  if (planned.report.dryRun) {
    printPlan(io, planned.plan, json);
    return planned.report.failed ? EXIT.attention : EXIT.ok;
  }
  const { report, outcomes } = await applyGrant(planned, { directory, ports: await cliPorts(gh, repo) });
  if (report.degraded) io.err(`warning: ${report.degraded}`);
  for (const item of report.items) io.out(`${item.file}: ${item.outcome}: ${item.detail}`);
  if (report.items.length === 0) io.out("No request files changed between the two commits.");
  printChanges(io, report.groups, true);
  const made = presentCliEffects(io, outcomes.effects);
  return report.failed || made.some((o) => o.status === "failed") ? EXIT.attention : EXIT.ok;
}
async function discoverCommand(args, io) {
  const { values } = parseArgs({ args, options: { ...COMMON, ...ENTRA, ...FORMAT, write: { type: "boolean" }, branch: { type: "string" } }, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const config = await loadConfig(workingTree(root));
  const directory = await localDirectory(values);
  const { discover, renderDiscovery } = await import("./discover-YXJUZZA2.js");
  const now = clock(values.at, io);
  io.err("Reading the tenant (read-only): role assignments, administrator app roles, groups, members and their sign-ins\u2026");
  const found = await discover(directory, config.policy, now);
  if (json) io.out(JSON.stringify(found, null, 2));
  else for (const line of renderDiscovery(found)) io.out(line);
  const blind = found.groups.length === 0 && found.azureRoles.length === 0 && found.unknown.length > 0;
  if (!values.write) return blind ? EXIT.attention : EXIT.ok;
  if (!await isWorkTree(gitIn(root)))
    throw new ConfigError(`${root} is not a git repository: --write proposes the change on a new branch. Run it in a clone of the access repository.`);
  const { writeProposal } = await import("./discover-write-TCKDXF4S.js");
  const branch = values.branch ?? `access-as-code/discover-${new Date(now).toISOString().slice(0, 10)}`;
  const written = await writeProposal(gitIn(root), root, config, found, now, branch);
  if (written.added.length === 0) {
    io.err(
      blind ? "Nothing written: what could not be read (above) may hide groups to onboard." : "Nothing to onboard: no discovered group can be managed by access-as-code (see above)."
    );
    return blind ? EXIT.attention : EXIT.ok;
  }
  io.err(
    [
      `Wrote the proposal on branch ${written.branch}: ${written.added.join(", ")} join the policy in audit mode, with standing exemptions for the members who stay.`,
      "Nothing changed in Entra. Next:",
      `  git push -u origin ${written.branch}    and open a pull request; its check shows what the change does`,
      "  once merged, the sweep reports (never removes) their members without a request;",
      '  switching a group to "mode: enforce" is its own reviewed change, and its check lists whom it removes.'
    ].join("\n")
  );
  return EXIT.ok;
}
export {
  discoverCommand,
  doctorCommand,
  evidenceCommand,
  grantCommand,
  localGitHub,
  reportCommand,
  revokeCommand,
  statusCommand
};
