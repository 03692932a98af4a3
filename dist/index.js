import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  ICON
} from "./chunks/chunk-7BGXCV5X.js";
import {
  annotate,
  applyEffects,
  branchContext,
  effectPorts,
  error,
  escapeHtml,
  filled,
  getIDToken,
  getInput,
  githubOnly,
  githubPorts,
  info,
  notice,
  presentEffects,
  reportHasErrors,
  services,
  setFailed,
  setOutput,
  setSecret,
  summary,
  validatePullRequest,
  validateTree,
  verdictRows,
  warning,
  writeOutcomes,
  writePlan,
  writeValidationSummary
} from "./chunks/chunk-Y4JZDMBX.js";
import "./chunks/chunk-GARHCV53.js";
import {
  ROOT_COMMIT,
  gitIn,
  loadConfig
} from "./chunks/chunk-RQHECHN3.js";
import {
  workingTree
} from "./chunks/chunk-K7U5563T.js";
import "./chunks/chunk-NVDCARJL.js";
import "./chunks/chunk-IBMDKVGE.js";
import {
  GITHUB_LOGIN
} from "./chunks/chunk-WJQAL5O4.js";
import {
  context
} from "./chunks/chunk-JLLJGRDJ.js";
import {
  MEMORY_KEY_MIN_LENGTH
} from "./chunks/chunk-OSJQDFGN.js";
import "./chunks/chunk-GAF3CNPK.js";
import {
  GITHUB_SENT
} from "./chunks/chunk-RTSR7ASI.js";
import "./chunks/chunk-LIIKHXTA.js";
import "./chunks/chunk-GKSYZKYF.js";
import "./chunks/chunk-ZEOJWJHX.js";
import "./chunks/chunk-34OC5ZRV.js";
import "./chunks/chunk-TZIH4GUF.js";
import {
  backendOf
} from "./chunks/chunk-22MRAGKW.js";
import "./chunks/chunk-TF77OBEX.js";
import {
  requesterTeamNames,
  teamKey
} from "./chunks/chunk-AVZCSXTZ.js";
import "./chunks/chunk-LRULQWW5.js";
import "./chunks/chunk-YQ623SFU.js";
import "./chunks/chunk-3L3QTXZZ.js";
import "./chunks/chunk-3L64JI35.js";
import "./chunks/chunk-VCQJW4GH.js";
import "./chunks/chunk-W4PVMAAF.js";
import {
  parseWebhooks
} from "./chunks/chunk-A4U2YKKM.js";
import {
  ConfigError,
  formatDiagnostic,
  sortDiagnostics
} from "./chunks/chunk-T6N4ZH6A.js";
import {
  workflowFileOf
} from "./chunks/chunk-UYXB32ID.js";
import "./chunks/chunk-OZ6IWOJH.js";

// src/action/event.ts
var SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;
function payloadOf(name) {
  if (!process.env.GITHUB_EVENT_PATH || Object.keys(context.payload).length === 0) {
    throw new ConfigError(
      `the ${name} event has no payload (GITHUB_EVENT_PATH${process.env.GITHUB_EVENT_PATH ? ` is ${process.env.GITHUB_EVENT_PATH}, which could not be read` : " is not set"}); the action must run inside a GitHub Actions job.`
    );
  }
  return context.payload;
}
function readEvent(name = context.eventName) {
  if (name === "push") return readPush(payloadOf(name));
  if (name !== "pull_request" && name !== "pull_request_target") return { kind: "other", name };
  const payload = payloadOf(name);
  const pr = payload?.pull_request;
  const number = pr?.number;
  const author = pr?.user?.login;
  const base = pr?.base?.sha;
  const head = pr?.head?.sha;
  if (typeof number !== "number" || typeof author !== "string" || typeof base !== "string" || typeof head !== "string") {
    throw new ConfigError(`the ${name} event payload has no pull_request with number, user.login, base.sha and head.sha.`);
  }
  if (!SHA.test(base) || !SHA.test(head)) throw new ConfigError("the event payload has a malformed base or head commit id.");
  if (!LOGIN.test(author)) throw new ConfigError(`the event payload names a malformed author login ${JSON.stringify(author)}.`);
  return { kind: "pull_request", number, author, base, head };
}
function readPush(payload) {
  const p = payload ?? {};
  const owner = p.repository?.owner?.login ?? p.repository?.owner?.name;
  const { before, after, ref } = p;
  const defaultBranch = p.repository?.default_branch;
  const repo = p.repository?.name;
  if (typeof before !== "string" || typeof after !== "string" || typeof ref !== "string" || typeof defaultBranch !== "string" || typeof owner !== "string" || typeof repo !== "string") {
    throw new ConfigError("the push event payload lacks before, after, ref or repository (name, owner, default_branch).");
  }
  if (!SHA.test(before) || !SHA.test(after)) throw new ConfigError("the push event payload has a malformed before or after commit id.");
  return { kind: "push", before, after, ref, defaultBranch, owner, repo };
}

// src/action/grant.ts
function requireDefaultBranchPush(event, eventName) {
  if (event.kind !== "push") {
    throw new ConfigError(
      `grant runs only on a push to the default branch, not on "${eventName}": access is granted after merge, never from a pull request (docs/threat-model.md, case 12).`
    );
  }
  if (event.ref !== `refs/heads/${event.defaultBranch}`) {
    throw new ConfigError(`grant runs only on a push to the default branch (refs/heads/${event.defaultBranch}), not on ${event.ref}.`);
  }
}
async function writeGrantSummary(report, after) {
  const summary2 = summary.addHeading(`Access changes for ${after.slice(0, 7)}`, 2);
  if (report.items.length === 0) summary2.addRaw("This push changed no request files.", true);
  else {
    summary2.addTable([
      [
        { data: "Request", header: true },
        { data: "Pull request", header: true },
        { data: "Requester", header: true },
        { data: "Group", header: true },
        { data: "Expires", header: true },
        { data: "Outcome", header: true },
        { data: "Detail", header: true }
      ],
      ...report.items.map(
        (i) => [
          escapeHtml(i.file),
          i.pull !== void 0 ? `#${i.pull}` : "none",
          escapeHtml(i.requester ?? ""),
          escapeHtml(i.group ?? ""),
          escapeHtml(i.expires ?? ""),
          ICON[i.outcome],
          escapeHtml(i.detail)
        ].map(filled)
      )
    ]);
  }
  const unread = report.groups.filter((g) => g.error);
  for (const g of unread) error(`${g.group}: ${g.error}`, { title: "access-as-code: nothing was changed for this entry" });
  if (unread.length > 0) summary2.addList(unread.map((g) => `${escapeHtml(g.group)}: ${escapeHtml(g.error)}`));
  if (report.failed) summary2.addRaw("Some approved changes could not be applied. Re-run this workflow: finished changes are not repeated.", true);
  await summary2.write();
}

// src/action/result.ts
var OK = { status: "ok" };

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

// src/action/revoke.ts
var REASON = {
  active: "active request",
  standing: "standing exemption",
  ended: "request ended",
  drift: "no request (added outside access-as-code)",
  unverified: "request not verified yet"
};
async function writeRevokeSummary(report) {
  const summary2 = summary.addHeading(report.dryRun ? "Access sweep (dry run: nothing changed)" : "Access sweep", 2);
  if (report.degraded) summary2.addRaw(`<p><strong>GitHub could not be read:</strong> ${escapeHtml(report.degraded)}</p>`, true);
  const rows = report.groups.map((g) => {
    const count = (pred) => g.dispositions.filter(pred).length;
    return [
      escapeHtml(g.group),
      g.mode,
      String(count((d) => d.outcome === "added" || report.dryRun && d.action === "add")),
      String(count((d) => d.outcome === "removed" || report.dryRun && d.action === "remove")),
      String(count((d) => d.action === "keep")),
      String(count((d) => d.reason === "drift")),
      String(count((d) => d.outcome === "failed") + (g.error ? 1 : 0))
    ];
  });
  summary2.addTable([
    [
      { data: "Group", header: true },
      { data: "Mode", header: true },
      { data: report.dryRun ? "Would add" : "Added", header: true },
      { data: report.dryRun ? "Would remove" : "Removed", header: true },
      { data: "Kept", header: true },
      { data: "Drift found", header: true },
      { data: "Failures", header: true }
    ],
    ...rows
  ]);
  const details = [];
  for (const g of report.groups) {
    if (g.error) details.push(`${escapeHtml(g.group)}: ${escapeHtml(g.error)}`);
    for (const d of g.dispositions) {
      if (d.action !== "keep")
        details.push(
          `${escapeHtml(g.group)}: ${d.type} ${d.id} ${escapeHtml(whatHappened(g, d, report.dryRun))}${d.outcome === "failed" ? `: ${escapeHtml(d.detail ?? "")}` : ""}${d.sessions ? `; sign-in sessions ${escapeHtml(d.sessions)}` : ""}${d.stillHeld ? `; <strong>${escapeHtml(d.stillHeld)}</strong>` : ""}${d.unverified ? `; <strong>${escapeHtml(d.unverified)}</strong>` : ""} (${REASON[d.reason]}${d.files.length ? `: ${d.files.map(escapeHtml).join(", ")}` : ""})`
        );
    }
  }
  if (details.length > 0) summary2.addList(details);
  const refused = report.groups.flatMap((g) => g.ignored.map((i) => `${escapeHtml(i.file)}: ${escapeHtml(i.why)}`));
  if (refused.length > 0) summary2.addHeading("Requests that grant nothing", 3).addList(refused);
  if (report.breakGlassIgnored.length > 0)
    summary2.addHeading("Break-glass runs that cover nobody", 3).addList(report.breakGlassIgnored.map((b) => `run ${b.run}: ${escapeHtml(b.why)}`));
  if (report.reminders.length > 0)
    summary2.addRaw(
      `Reminders due: ${report.reminders.map((r) => `${escapeHtml(r.requester)} (${escapeHtml(r.group)}, ends ${escapeHtml(r.expires)})`).join(", ")}.`,
      true
    );
  await summary2.write();
}

// src/action-commands.ts
var COMMANDS = ["validate", "grant", "revoke", "report", "doctor", "issue", "break-glass", "discover"];

// src/action/settings.ts
var NEEDS_ENTRA = ["grant", "revoke", "report", "doctor", "break-glass", "discover"];
var NEEDS_GITHUB = ["grant", "revoke", "report", "issue", "break-glass"];
var MAY_USE_GITHUB = ["doctor", "validate"];
function readSettings(env = process.env) {
  const command = getInput("command").trim();
  if (!COMMANDS.includes(command)) {
    throw new ConfigError(`the input "command" is "${command}"; this version of the action supports: ${COMMANDS.join(", ")}.`);
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (!workspace) throw new ConfigError("GITHUB_WORKSPACE is not set; run the action after actions/checkout in a GitHub Actions job.");
  const settings = {
    command,
    workspace,
    eventName: env.GITHUB_EVENT_NAME ?? "",
    eventPath: env.GITHUB_EVENT_PATH,
    dryRun: booleanInput("dry-run"),
    dashboard: booleanInput("dashboard"),
    webhooks: []
  };
  const hooks = getInput("webhooks");
  if (hooks.trim() !== "") {
    settings.webhooks = parseWebhooks(hooks);
    for (const h of settings.webhooks) setSecret(h.url);
  }
  if (NEEDS_ENTRA.includes(settings.command)) {
    const entra = entraSettings(settings.command);
    if (typeof entra === "string") return { ...settings, notSetUp: entra };
    settings.entra = entra;
  }
  const github = githubSettings(settings.command, env);
  if (github) settings.github = github;
  const memory = memorySettings(settings);
  if (memory) settings.memory = memory;
  const root = rootSetting();
  if (root) settings.root = root;
  return settings;
}
var AUTOMATIC = ["grant", "revoke", "report"];
function entraSettings(command) {
  const tenantId = getInput("tenant-id").trim();
  const clientId = getInput("client-id").trim();
  const what = `set the repository variables AZURE_TENANT_ID and AZURE_CLIENT_ID, which the template's workflows pass as the inputs tenant-id and client-id (the app registration's directory and application ids; not secrets; docs/setup.md, steps 2 and 3)`;
  if (!tenantId && !clientId && AUTOMATIC.includes(command)) return `access-as-code is not set up yet, so this ${command} run did nothing: ${what}.`;
  if (!tenantId || !clientId) {
    throw new ConfigError(
      `command "${command}" signs in to Entra, but ${!tenantId && !clientId ? "tenant-id and client-id are" : !tenantId ? "tenant-id is" : "client-id is"} not set: ${what}.`
    );
  }
  const optional = (name) => getInput(name).trim() || void 0;
  const settings = { tenantId, clientId };
  const named = {
    cloud: optional("cloud"),
    authorityHost: optional("authority-host"),
    graphEndpoint: optional("graph-endpoint"),
    armEndpoint: optional("arm-endpoint"),
    audience: optional("audience")
  };
  for (const [key, value] of Object.entries(named)) if (value) Object.assign(settings, { [key]: value });
  return settings;
}
function githubSettings(command, env) {
  const token = getInput("github-token").trim();
  const repository = env.GITHUB_REPOSITORY ?? "";
  const valid = /^[^/\s]+\/[^/\s]+$/.test(repository);
  const teamsToken = getInput("teams-token").trim();
  if (teamsToken) setSecret(teamsToken);
  const github = {
    token,
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    repository,
    ref: env.GITHUB_REF ?? "",
    ...teamsToken ? { teamsToken } : {},
    ...workflowFileOf(env.GITHUB_WORKFLOW_REF) ? { workflow: workflowFileOf(env.GITHUB_WORKFLOW_REF) } : {}
  };
  if (MAY_USE_GITHUB.includes(command)) return token !== "" && valid ? github : void 0;
  if (!NEEDS_GITHUB.includes(command)) return void 0;
  if (!token)
    throw new ConfigError(
      `command "${command}" reads pull requests and reviews: set the input github-token (the default, \${{ github.token }}, works when the job has "pull-requests: write").`
    );
  if (!valid) throw new ConfigError("GITHUB_REPOSITORY is not set to owner/name; run the action inside a GitHub Actions job.");
  return github;
}
function memorySettings(settings) {
  const memoryKey = getInput("memory-key").trim();
  if (!memoryKey || !["grant", "revoke", "report", "break-glass"].includes(settings.command) || !settings.github) return void 0;
  setSecret(memoryKey);
  if (memoryKey.length >= MEMORY_KEY_MIN_LENGTH) return { key: memoryKey, repository: settings.github.repository };
  warning(
    `the input memory-key is shorter than ${MEMORY_KEY_MIN_LENGTH} characters, so nothing is remembered and every run asks GitHub about every active request. Make a long random secret, for example with "openssl rand -hex 32", and store it as the grant environment's secret ACCESS_MEMORY_KEY.`,
    { title: "access-as-code" }
  );
  return void 0;
}
function rootSetting() {
  const value = getInput("root-commit").trim();
  if (value === "") return void 0;
  if (!ROOT_COMMIT.test(value))
    throw new ConfigError(
      `the input root-commit is ${JSON.stringify(value.slice(0, 80))}; it must be a full 40-character commit id in lower case (the commit whose configuration is the root of trust, usually the default branch's first commit: git rev-list --first-parent --max-parents=0 origin/main).`
    );
  return value;
}
function booleanInput(name) {
  const value = getInput(name).trim();
  if (value === "" || /^(false|False|FALSE)$/.test(value)) return false;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  throw new ConfigError(`the input "${name}" is "${value}"; use true or false.`);
}

// src/action/main.ts
async function run() {
  const result = await runCommand();
  const sent = GITHUB_SENT.rest + GITHUB_SENT.graphql;
  if (sent > 0) {
    info(`GitHub requests this run: ${sent} (${GITHUB_SENT.rest} REST, ${GITHUB_SENT.graphql} GraphQL).`);
    setOutput("github-requests", String(sent));
  }
  if (result.status !== "ok") setFailed(`access-as-code: ${result.message ?? result.status}`);
}
async function runCommand() {
  try {
    const settings = readSettings();
    if (settings.notSetUp) {
      notice(settings.notSetUp, { title: "access-as-code" });
      return OK;
    }
    switch (settings.command) {
      case "validate":
        return await runValidate(settings);
      case "grant":
        return await runGrant(settings);
      case "revoke":
        return await runRevoke(settings);
      case "report":
        return await runReport(settings);
      case "doctor":
        return await runDoctor(settings);
      case "issue":
        return await runIssue(settings);
      case "break-glass":
        return await (await import("./chunks/break-glass-E2WYD5ZH.js")).runBreakGlass(settings);
      case "discover":
        return await runDiscover(settings);
    }
  } catch (error2) {
    if (error2 instanceof ConfigError) {
      annotate(error2.diagnostics);
      for (const d of error2.diagnostics) info(formatDiagnostic(d));
      return { status: "refused", message: error2.message };
    }
    if (error2 instanceof Error && (error2.name === "SignInError" || error2.name === "DirectoryError" || error2.name === "GitHubUnavailableError" || error2.name === "GitHubPermissionError"))
      return { status: "failed", message: error2.message };
    return { status: "failed", message: `unexpected failure: ${error2 instanceof Error ? error2.stack ?? error2.message : String(error2)}` };
  }
}
async function runValidate(settings) {
  const isPull = settings.eventName === "pull_request" || settings.eventName === "pull_request_target";
  const event = isPull ? readEvent(settings.eventName) : void 0;
  const now = Date.now();
  const report = event?.kind === "pull_request" ? await validatePullRequest(gitIn(settings.workspace), event, now) : await validateTree(workingTree(settings.workspace), now);
  const all = sortDiagnostics([...report.diagnostics, ...report.verdicts.flatMap((v) => v.diagnostics)]);
  annotate(all);
  const rows = verdictRows(report);
  for (const row of rows) info(`${row.file}: ${row.verdict}`);
  for (const line of report.configPlan ?? []) info(`configuration change: ${line}`);
  setOutput("valid", String(!reportHasErrors(report)));
  setOutput("requests", JSON.stringify(rows));
  await writeValidationSummary(report, event?.kind === "pull_request" ? `Access requests in #${event.number}` : "Access requests");
  if (event?.kind === "pull_request" && settings.github && report.config) await presentPublished(settings, report);
  if (!reportHasErrors(report)) return OK;
  const count = all.filter((d) => d.severity === "error").length;
  return { status: "refused", message: `${count} problem${count === 1 ? "" : "s"} found; see the annotations on the files.` };
}
async function presentPublished(settings, report) {
  const requested = report.verdicts.flatMap((v) => v.valid && v.request && v.change !== void 0 ? [{ group: v.request.group, file: v.file }] : []);
  const switches = report.enforceSwitches ?? [];
  if (requested.length === 0 && !report.configAfter) return;
  const { readPublished } = await import("./chunks/dashboard-6LEZRMNU.js");
  const { gh } = await githubOnly(settings);
  const [owner, repo] = settings.github.repository.split("/");
  let published;
  try {
    published = await readPublished(gh, { owner, repo });
  } catch (error2) {
    published = { why: `the access dashboard could not be read (${error2.message.split("\n")[0]}); give this job "issues: read"` };
  }
  if ("why" in published) {
    info(`What the sweep published is not shown: ${published.why}.`);
    await summary.addHeading("What approving confers", 3).addRaw(`Not shown: ${escapeHtml(published.why)}.`, true).write();
    return;
  }
  const source = `As the sweep read it from Microsoft Graph and published it in the access dashboard #${published.issue}, last written ${escapeHtml(published.asOf)}.`;
  if (requested.length > 0) await presentConferred(report, requested, published.groups, source);
  if (report.configAfter) await presentFlips(report, published.pending, source);
  if (switches.length > 0) {
    const { switchLines } = await import("./chunks/config-plan-7WNFMJG6.js");
    const lines = switchLines(switches, published.drift);
    for (const line of lines) info(`configuration change: switching to enforce: ${line}`);
    await summary.addHeading("Who the switch to enforce removes", 3).addList(lines.map(escapeHtml)).addRaw(source, true).write();
  }
}
async function presentFlips(report, pending, source) {
  const { flipLines, pendingFlips } = await import("./chunks/config-plan-7WNFMJG6.js");
  const flips = pendingFlips(report.config, report.configAfter, pending);
  for (const line of flips) info(`configuration change: pending: ${line}`);
  const text = flipLines(flips, pending.length);
  await summary.addHeading("Pull requests waiting for approval that this change affects", 3).addList(text.map(escapeHtml)).addRaw(source, true).write();
}
async function presentConferred(report, requested, published, source) {
  const { conferredViews } = await import("./chunks/conferred-K6AKQQKS.js");
  const summary2 = summary.addHeading("What approving confers", 3);
  for (const v of conferredViews(report.config, requested, published)) {
    summary2.addRaw(`<p><b>${escapeHtml(v.group)}</b>${v.privileged ? " \u26A0\uFE0F privileged" : ""}</p>`, true).addList(v.lines.map(escapeHtml));
    for (const line of v.lines) info(`${v.group} confers: ${line}`);
    for (const w of v.warnings) for (const file of v.files) warning(w, { title: "access-as-code: privileged access", file });
  }
  await summary2.addRaw(source, true).write();
}
function issueOfEvent(settings) {
  const event = context.payload.issue;
  if (settings.eventName !== "issues" || typeof event?.number !== "number" || event.pull_request) {
    throw new ConfigError(`command "issue" answers issues events (types: opened, edited), not "${settings.eventName}".`);
  }
  return event.number;
}
async function runIssue(settings) {
  const number = issueOfEvent(settings);
  const { gh } = await githubOnly(settings);
  const [owner, repo] = settings.github.repository.split("/");
  const { data: current } = await gh.rest.issues.get({ owner, repo, issue_number: number });
  const issue = {
    number: current.number,
    user: { login: current.user?.login },
    body: current.body ?? "",
    labels: current.labels.map((l) => ({ name: typeof l === "string" ? l : l.name })),
    state: current.state
  };
  if (issue.state !== "open") {
    info(`Issue #${issue.number} is ${issue.state}: nothing to answer.`);
    return OK;
  }
  const { FORM_LABEL } = await import("./chunks/form-U75FPFX2.js");
  if (!(issue.labels ?? []).some((l) => l.name === FORM_LABEL)) {
    info(`Issue #${issue.number} has no "${FORM_LABEL}" label: not an access request, nothing to do.`);
    return OK;
  }
  const author = issue.user?.login;
  if (typeof author !== "string" || !GITHUB_LOGIN.test(author)) throw new ConfigError("the issue event names no valid author login.");
  const { answerIssue, answerBody, ANSWER_MARKER } = await import("./chunks/issue-request-ILYSQD6X.js");
  const { requestSchemaRef } = await import("./chunks/new-JREAYMAO.js");
  const { VERSION } = await import("./chunks/version-6QTJJOBB.js");
  const { existsSync } = await import("node:fs");
  const { join } = await import("node:path");
  const config = await loadConfig(workingTree(settings.workspace));
  const defaultBranch = context.payload.repository?.default_branch;
  const where = {
    serverUrl: (process.env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    owner,
    repo,
    defaultBranch: typeof defaultBranch === "string" ? defaultBranch : "main"
  };
  const answer = answerIssue(
    { number: issue.number, author, body: typeof issue.body === "string" ? issue.body : "" },
    config,
    Date.now(),
    (p) => existsSync(join(settings.workspace, p)),
    where,
    requestSchemaRef(settings.workspace, VERSION)
  );
  const body = answerBody(answer);
  if (settings.dryRun) return dryAnswer(issue.number, answer);
  const github = await import("./chunks/client-NF6D7MNX.js");
  const { editComment } = await import("./chunks/issues-AOR4MUPE.js");
  const repoRef = { owner, repo };
  const [written] = await applyEffects(
    settings,
    [{ id: `answer:#${issue.number}`, kind: "answer", issue: issue.number, marker: ANSWER_MARKER, body, reason: `the request form's issue #${issue.number}` }],
    {
      listComments: async () => [],
      postComment: async () => void 0,
      answer: async (e) => {
        const mine = (await github.pullComments(gh, repoRef, e.issue)).find((c) => c.bot && c.body.startsWith(e.marker));
        if (!mine) await github.commentOnPull(gh, repoRef, e.issue, e.body);
        else if (mine.body !== e.body) await editComment(gh, repoRef, mine.id, e.body);
        return !mine ? "posted" : mine.body !== e.body ? "edited" : "unchanged";
      }
    }
  );
  if (written?.status !== "done") return { status: "failed", message: `the answer on #${issue.number} was not written: ${written?.detail ?? "no outcome"}` };
  info(
    answer.ok ? `#${issue.number}: valid; answered with ${answer.path} and its link.` : `#${issue.number}: ${answer.problems.length} problem(s); answered on the issue.`
  );
  setOutput("answer", JSON.stringify(answer.ok ? { valid: true, file: answer.path, link: answer.link } : { valid: false, problems: answer.problems }));
  return OK;
}
function dryAnswer(number, answer) {
  info(`dry run: #${number} would be answered (${answer.ok ? "valid" : `${answer.problems.length} problem(s)`}); nothing was written.`);
  setOutput("answer", JSON.stringify(answer.ok ? { valid: true, file: answer.path, link: answer.link } : { valid: false, problems: answer.problems }));
  return OK;
}
function configTeams(config) {
  const teams = /* @__PURE__ */ new Map();
  const names = [
    ...config.codeowners.rules.flatMap((r) => r.owners.flatMap((o) => o.kind === "team" ? [{ org: o.org, slug: o.slug }] : [])),
    ...[...config.policy.groups.values()].flatMap((g) => requesterTeamNames([...g.requesters ?? [], ...g.breakGlass?.requesters ?? []]))
  ];
  for (const team of names) teams.set(teamKey(team), team);
  return [...teams.values()];
}
async function runDiscover(settings) {
  const { directoryFromActions } = await import("./chunks/connect-FXOMFH5P.js");
  const { discover, renderDiscovery } = await import("./chunks/discover-P4TLEOSX.js");
  const config = await loadConfig(workingTree(settings.workspace));
  const directory = directoryFromActions(settings.entra, (audience) => getIDToken(audience));
  const found = await discover(directory, config.policy, Date.now());
  const lines = renderDiscovery(found);
  for (const line of lines) info(line);
  const onboardable = found.groups.filter((g) => g.onboard.ok).length;
  await summary.addHeading("Privileged groups outside the policy", 2).addRaw(
    `${found.groups.length} found, ${onboardable} that access-as-code can manage. To propose them (audit mode, standing exemptions with reasons), run <code>access-as-code discover --write</code> in a clone and open a pull request from the branch it makes.`,
    true
  ).addRaw(`<pre>${escapeHtml(lines.join("\n"))}</pre>`, true).write();
  setOutput("discovery", JSON.stringify(found));
  if (found.groups.length === 0 && found.unknown.length > 0)
    return { status: "degraded", message: `no privileged group was found, but not everything could be read: ${found.unknown.join("; ")}.` };
  return { status: "ok" };
}
async function workflowProblems(workspace) {
  const { workflowPermissionProblems } = await import("./chunks/permissions-NHG5E4Z5.js");
  const { loadYaml, CONFIG_LIMITS } = await import("./chunks/safe-load-OW43TQMR.js");
  const files = workingTree(workspace);
  const out = [];
  for (const path of await files.list(".github/workflows")) {
    if (!/\.ya?ml$/.test(path)) continue;
    const content = await files.read(path);
    const loaded = content?.bytes ? loadYaml(path, content.bytes, CONFIG_LIMITS) : void 0;
    if (loaded?.ok) out.push(...workflowPermissionProblems(path, loaded.yaml.value));
  }
  return out;
}
async function runDoctor(settings) {
  const { directoryFromActions } = await import("./chunks/connect-FXOMFH5P.js");
  const { doctor, GRANT_ENVIRONMENT } = await import("./chunks/doctor-YRN4IF7D.js");
  const { FORM_LABEL } = await import("./chunks/form-U75FPFX2.js");
  const { DASHBOARD_LABEL } = await import("./chunks/dashboard-O2MD4PRU.js");
  const { BREAK_GLASS_LABEL } = await import("./chunks/breakglass-ER5QDHNE.js");
  const config = await loadConfig(workingTree(settings.workspace));
  const github = settings.github ? await services(settings) : void 0;
  const directory = github?.directory ?? directoryFromActions(settings.entra, (audience) => getIDToken(audience));
  const rules = github ? {
    branch: "main",
    rules: async () => github.github.branchRules(github.gh, github.repo, "main"),
    environment: async () => github.github.environmentFacts(github.gh, github.repo, GRANT_ENVIRONMENT),
    teams: async () => new (await import("./chunks/graphql-7QFZFCY6.js")).GitHubFacts(github.gh, github.repo, github.teamsGh).teamMembers(configTeams(config)),
    missingLabels: async () => github.github.missingLabels(github.gh, github.repo, [FORM_LABEL, DASHBOARD_LABEL, BREAK_GLASS_LABEL]),
    workflowPermissions: async () => workflowProblems(settings.workspace)
  } : void 0;
  const report = await doctor(config, directory, rules);
  annotate(report.diagnostics);
  const summary2 = summary.addHeading("access-as-code set-up check", 2).addTable([
    [
      { data: "Group", header: true },
      { data: "Entra group", header: true },
      { data: "Members now", header: true },
      { data: "Status", header: true }
    ],
    ...report.groups.map((g) => [
      escapeHtml(g.name),
      escapeHtml(g.displayName ?? g.id),
      g.members === void 0 ? "" : String(g.members),
      g.problem ? escapeHtml(g.problem) : "ok"
    ])
  ]);
  const unresolved = report.identities.filter((i) => !i.resolved).map((i) => i.login);
  summary2.addRaw(
    `Signed in to Entra. ${report.identities.length - unresolved.length} of ${report.identities.length} identities resolve to users${unresolved.length > 0 ? `; not found: ${unresolved.map(escapeHtml).join(", ")}` : ""}.`,
    true
  );
  if (report.identity) summary2.addHeading("Automation identity", 3).addList(report.identity.lines.map(escapeHtml));
  const conferring = report.groups.filter((g) => g.confers);
  if (conferring.length > 0) {
    summary2.addHeading("What each group confers", 3);
    for (const g of conferring)
      summary2.addRaw(`<p><b>${escapeHtml(g.name)}</b></p>`, true).addList((g.confers.length > 0 ? g.confers : ["nothing beyond membership itself"]).map(escapeHtml));
  }
  await summary2.write();
  for (const line of report.identity?.lines ?? []) info(line);
  for (const g of report.groups) info(`${g.name}: ${g.problem ?? `ok, ${g.members} members`}`);
  setOutput("groups", JSON.stringify(report.groups));
  if (report.identity) setOutput("reach", report.identity.scope);
  return report.diagnostics.some((d) => d.severity === "error") ? { status: "refused", message: "the set-up check found problems; see the annotations." } : OK;
}
async function runGrant(settings) {
  const event = readEvent(settings.eventName);
  requireDefaultBranchPush(event, settings.eventName);
  const push = event;
  const { planGrant, applyGrant } = await import("./chunks/grant-5AUFQWK3.js");
  const svc = await services(settings, { owner: push.owner, repo: push.repo });
  const { gh, repo, directory } = svc;
  const planned = await planGrant({
    ...branchContext(settings, svc, gitIn(settings.workspace)),
    before: push.before,
    dryRun: settings.dryRun
  });
  await writePlan(planned.plan, planned.report.dryRun);
  const ports = await effectPorts(settings, await githubPorts(settings, gh, repo));
  const { report, outcomes } = await applyGrant(planned, { directory, ports });
  await presentEffects(planned.plan.effects, outcomes.effects);
  for (const item of report.items) info(`${item.file}: ${item.outcome}: ${item.detail}`);
  setOutput("changes", JSON.stringify(report.items));
  presentVerification(settings, report);
  await writeGrantSummary(report, report.head);
  await writeOutcomes(planned.plan, outcomes);
  const unapproved = await presentIgnoredConfig(report.configIgnored);
  const unmerged = report.items.filter((i) => i.pull === void 0 && i.outcome === "refused");
  for (const item of unmerged) error(`${item.file} changed without a merged pull request: ${item.detail}`, { title: "access-as-code", file: item.file });
  if (report.degraded) return { status: "degraded", message: report.degraded };
  if (report.failed) return { status: "failed", message: "some approved changes were not applied in Entra; re-run this workflow to retry them." };
  if (unapproved) return { status: "refused", message: unapproved };
  if (unmerged.length > 0)
    return {
      status: "refused",
      message: `${unmerged.length} request${unmerged.length === 1 ? " was" : "s were"} pushed to main without a reviewed pull request; nothing was granted for ${unmerged.length === 1 ? "it" : "them"}.`
    };
  return OK;
}
async function runRevoke(settings) {
  const defaultBranch = context.payload.repository?.default_branch;
  if (typeof defaultBranch === "string" && settings.github.ref !== `refs/heads/${defaultBranch}`) {
    throw new ConfigError(`revoke sweeps the default branch's requests; run it on refs/heads/${defaultBranch}, not ${settings.github.ref}.`);
  }
  const { planRevoke, applyRevoke } = await import("./chunks/revoke-FMJUTIV6.js");
  const svc = await services(settings);
  const { gh, teamsGh, repo, directory } = svc;
  const git = gitIn(settings.workspace);
  const now = Date.now();
  const ctx = { ...branchContext(settings, svc, git, now), dryRun: settings.dryRun };
  let dashboardPort = {};
  const planned = await planRevoke(ctx, async (plannedReport) => {
    const dashboard = settings.dashboard && !plannedReport.degraded ? await planDashboardEffects(settings, gh, teamsGh, repo, git, plannedReport, now, directory) : void 0;
    if (dashboard) dashboardPort = dashboard.port;
    return (report2) => dashboard?.effects(report2) ?? [];
  });
  await writePlan(planned.plan, planned.report.dryRun);
  const unapproved = await presentIgnoredConfig(planned.report.configIgnored);
  const ports = await effectPorts(settings, { ...await githubPorts(settings, gh, repo), ...dashboardPort });
  const { report, outcomes } = await applyRevoke(planned, ctx, ports);
  await presentEffects(planned.plan.effects, outcomes.effects);
  await writeRevokeSummary(report);
  setOutput("sweep", JSON.stringify(report.groups));
  presentVerification(settings, report);
  await writeOutcomes(planned.plan, outcomes);
  logDispositions(report.groups);
  for (const b of report.breakGlassIgnored) if (/was not reviewed within/.test(b.why)) warning(b.why, { title: "access-as-code break-glass" });
  for (const u of report.sessionsUnknown) error(`${u.group}: ${u.file}: ${u.why}`, { title: "access-as-code: sign-in sessions" });
  if (report.degraded) return { status: "degraded", message: report.degraded };
  if (report.failed)
    return {
      status: "failed",
      message: "the sweep could not finish every removal and addition; see the summary. Every other change was made; the next run retries."
    };
  if (unapproved) return { status: "refused", message: unapproved };
  return OK;
}
async function readPolicyCatalogue(directory, report, now) {
  const { catalogueOfPolicy } = await import("./chunks/catalogue-NKH5FTQB.js");
  try {
    return await catalogueOfPolicy(directory, report.config.policy, now);
  } catch (error2) {
    warning(`what each group confers was not read (${error2.message}); the dashboard shows it again once a sweep reads it.`, {
      title: "access-as-code"
    });
    return void 0;
  }
}
function logDispositions(groups) {
  for (const g of groups) {
    for (const d of g.dispositions)
      if (d.action !== "keep")
        info(
          `${g.group}: ${d.id} ${d.action} (${d.reason})${d.outcome ? `: ${d.outcome}` : ""}${d.outcome === "failed" && d.detail ? `: ${d.detail}` : ""}${d.sessions ? `; sign-in sessions ${d.sessions}` : ""}`
        );
    for (const d of g.dispositions) {
      if (d.stillHeld) warning(`${g.group}: ${d.id} ${d.stillHeld}`, { title: "access-as-code: removed access is not gone" });
      if (d.unverified) warning(`${g.group}: ${d.id} was removed, but ${d.unverified}`, { title: "access-as-code: removal not verified" });
      if (d.sessions && d.sessions !== "revoked")
        error(`${g.group}: ${d.id} was removed, but its sign-in sessions were ${d.sessions}`, { title: "access-as-code" });
    }
    if (g.error) error(`${g.group}: ${g.error}`, { title: "access-as-code" });
  }
}
async function planDashboardEffects(settings, gh, teamsGh, repo, git, report, now, directory) {
  const { planDashboard, applyDashboard } = await import("./chunks/dashboard-6LEZRMNU.js");
  const { slotLateness } = await import("./chunks/dashboard-O2MD4PRU.js");
  const catalogue = await readPolicyCatalogue(directory, report, now);
  let planned;
  try {
    planned = await planDashboard(
      gh,
      teamsGh,
      repo,
      git,
      report,
      now,
      settings.eventName === "schedule" ? slotLateness(Math.round(performance.timeOrigin)) : void 0,
      catalogue,
      { directory, ...settings.memory ? { memory: settings.memory } : {} }
    );
  } catch (error2) {
    warning(`the access dashboard was not updated (${error2.message}); the sweep itself is done.`, { title: "access-as-code" });
    return void 0;
  }
  const { confersEffects } = await import("./chunks/confers-comment-2T7M7SWJ.js");
  const confers = catalogue ? confersEffects(report.config, planned.pending, catalogue.groups) : [];
  return {
    effects: (swept) => [
      { id: "dashboard", kind: "dashboard", next: planned.render(swept.status), reason: "the sweep keeps the access dashboard" },
      ...confers
    ],
    port: {
      dashboard: async (text) => {
        const outcome = await applyDashboard(gh, repo, text, now);
        setOutput("dashboard", JSON.stringify(outcome));
        info(`Access dashboard #${outcome.issue}: ${outcome.action}.${outcome.pin ? ` Not pinned: ${outcome.pin}` : ""}`);
        return `#${outcome.issue} ${outcome.action}`;
      }
    }
  };
}
async function runReport(settings) {
  const { collectReport } = await import("./chunks/report-4PZMGVBR.js");
  const { renderReport } = await import("./chunks/render-TPOE7UJZ.js");
  const svc = await services(settings);
  const { gh, teamsGh, repo, directory } = svc;
  const git = gitIn(settings.workspace);
  const data = await collectReport(branchContext(settings, svc, git));
  const markdown = renderReport(data);
  await summary.addRaw(markdown, true).write();
  setOutput("report", markdown);
  const { collectEvidence, evidenceCsv } = await import("./chunks/evidence-NLT7AHXU.js");
  const now = Date.now();
  try {
    const rows = await collectEvidence({
      git,
      gh,
      ...teamsGh ? { teamsGh } : {},
      repo,
      directory,
      now,
      from: now - 30 * 864e5,
      to: now + 5 * 6e4,
      ...settings.root ? { root: settings.root } : {}
    });
    const { writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const file = join(process.env.RUNNER_TEMP || settings.workspace, "access-evidence.csv");
    await writeFile(file, evidenceCsv(rows));
    setOutput("evidence", file);
    info(`Evidence of the last 30 days: ${rows.length} grant${rows.length === 1 ? "" : "s"} in ${file}.`);
  } catch (error2) {
    warning(`the evidence file was not written (${error2.message}); the report above stands.`, { title: "access-as-code" });
  }
  if (data.degraded) return { status: "degraded", message: `the report could not verify any request: ${data.degraded}` };
  return OK;
}
function presentVerification(settings, report) {
  const v = report.verified;
  if (!v) return;
  info(
    `Verified the requests of ${v.remembered + v.asked} landing commit${v.remembered + v.asked === 1 ? "" : "s"}: ${v.remembered} from remembered facts, ${v.asked} asked of GitHub (${report.spend.queries} GraphQL queries, ${report.spend.points} points this run).${settings.memory ? "" : ' Nothing is remembered between runs: give the action a memory-key (docs/setup.md, "Remembered facts") so that each run asks GitHub only about what changed.'}`
  );
  if (v.rejected.length > 0) {
    warning(
      `${v.rejected.length} entr${v.rejected.length === 1 ? "y" : "ies"} on the access-as-code/memory branch did not count (${v.rejected[0].landing.slice(0, 7)}: ${v.rejected[0].why}); their facts were read from GitHub again (and are remembered anew where GitHub confirmed them). If the memory key was not changed, someone with push access wrote to that branch: check its history.`,
      { title: "access-as-code" }
    );
  }
}
async function presentIgnoredConfig(ignored) {
  if (ignored.length === 0) return void 0;
  const lines = ignored.map(
    (c) => `commit ${c.sha.slice(0, 7)} changed ${c.files.join(", ")} without approval, so the change is not used: ${c.why} The last approved version stays in force. To use the change, make it again in a pull request the code owners of those files approve.`
  );
  for (const [i, c] of ignored.entries())
    for (const file of c.files) error(lines[i], { title: "access-as-code: configuration change not in force", file });
  await summary.addHeading("Configuration changes not in force", 3).addList(lines.map(escapeHtml)).write();
  return `${ignored.length} change${ignored.length === 1 ? "" : "s"} to the access configuration ${ignored.length === 1 ? "was" : "were"} not approved and ${ignored.length === 1 ? "is" : "are"} not used (${ignored.map((c) => c.sha.slice(0, 7)).join(", ")}); the run used the last approved configuration.`;
}

// src/index.ts
await run();
