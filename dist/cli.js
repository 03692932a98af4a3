#!/usr/bin/env node
import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  VERSION
} from "./cli-chunks/chunk-P75PHIMW.js";
import {
  reportHasErrors,
  validateTree
} from "./cli-chunks/chunk-FCOR3DY6.js";
import {
  COMMON,
  FORMAT,
  clock,
  jsonWanted,
  repoRoot
} from "./cli-chunks/chunk-PGKTBLDP.js";
import {
  EXIT,
  EXIT_HELP
} from "./cli-chunks/chunk-CUMFMMAT.js";
import {
  judgeRequest
} from "./cli-chunks/chunk-NXBOCEVI.js";
import {
  formatTimestamp,
  parseTimestamp
} from "./cli-chunks/chunk-VDAHEZ3L.js";
import {
  gitIn,
  loadConfig,
  workingTree
} from "./cli-chunks/chunk-3KJ234RC.js";
import {
  GITHUB_LOGIN,
  REQUESTS_DIR,
  requestFileName,
  slugify
} from "./cli-chunks/chunk-5N677O5M.js";
import "./cli-chunks/chunk-UEEEXRSD.js";
import "./cli-chunks/chunk-GUX3DBMW.js";
import "./cli-chunks/chunk-CJYXKBG7.js";
import "./cli-chunks/chunk-TRPAB6JR.js";
import "./cli-chunks/chunk-E4JGT2Z2.js";
import "./cli-chunks/chunk-6M5K6QUR.js";
import {
  nearest
} from "./cli-chunks/chunk-JZPP4HP7.js";
import {
  formatDuration,
  parseDuration
} from "./cli-chunks/chunk-WD4VLBT2.js";
import "./cli-chunks/chunk-NYHY56E5.js";
import "./cli-chunks/chunk-XXSHCWVR.js";
import "./cli-chunks/chunk-WJ3ZLWCM.js";
import "./cli-chunks/chunk-24XPZQ64.js";
import "./cli-chunks/chunk-XP3LFAPK.js";
import {
  CLOUDS
} from "./cli-chunks/chunk-IQ3S3PKL.js";
import {
  ConfigError,
  formatDiagnostic,
  hasErrors,
  sortDiagnostics
} from "./cli-chunks/chunk-ZFCBOOOX.js";
import "./cli-chunks/chunk-JV5PSVP2.js";

// src/cli/main.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync as existsSync2 } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

// src/commands/new.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
function requestSchemaRef(root, version) {
  if (existsSync(join(root, "schemas", "access-request.schema.json"))) return "../../schemas/access-request.schema.json";
  const major2 = /^(\d+)\./.exec(version)?.[1];
  return `https://raw.githubusercontent.com/access-as-code/access-as-code/${major2 ? `v${major2}` : "main"}/schemas/access-request.schema.json`;
}
function draftRequest(options, config, taken) {
  if (options.duration === void 0 === (options.until === void 0)) {
    throw new ConfigError(
      "give either --for (a duration counted from the merge, e.g. --for 2h) or --until (a fixed end, e.g. --until 2026-11-24T18:00:00Z), not both."
    );
  }
  let end;
  let ends;
  if (options.duration !== void 0) {
    const ms = parseDuration(options.duration);
    if (ms === void 0)
      throw new ConfigError(
        `--for "${options.duration}" is not a duration.${/^\d+$/.test(options.duration) ? ` Give it a unit: --for ${options.duration}m (minutes) or --for ${options.duration}h (hours).` : ""} Use minutes, hours or days, e.g. 30m, 4h, 1h30m or 1d.`
      );
    end = `duration: ${formatDuration(ms)}`;
    ends = `for ${formatDuration(ms)} from the merge`;
  } else {
    const parsed = parseTimestamp(options.until);
    if (!parsed.ok) throw new ConfigError(`--until "${options.until}" is not valid: ${parsed.reason}.`);
    end = `expires: "${formatTimestamp(parsed.epochMs)}"`;
    ends = `until ${formatTimestamp(parsed.epochMs)}`;
  }
  const base = slugify(options.ticket ?? options.justification.split(/\s+/).slice(0, 5).join(" "));
  const first = `${REQUESTS_DIR}/${options.group}/${requestFileName(options.requester, base)}`;
  let path = first;
  for (let n = 2; taken(path); n++) path = `${REQUESTS_DIR}/${options.group}/${requestFileName(options.requester, `${base}-${n}`)}`;
  const lines = [
    `# yaml-language-server: $schema=${options.schema ?? "../../schemas/access-request.schema.json"}`,
    "version: 1",
    `requester: ${options.requester}`,
    `group: ${JSON.stringify(options.group)}`,
    end,
    `justification: ${JSON.stringify(options.justification)}`,
    ...options.ticket !== void 0 ? [`ticket: ${JSON.stringify(options.ticket)}`] : [],
    ""
  ];
  const text = lines.join("\n");
  const verdict = judgeRequest(path, { size: Buffer.byteLength(text), bytes: new TextEncoder().encode(text) }, config, options.now);
  if (hasErrors(verdict.diagnostics)) {
    return { ok: false, diagnostics: verdict.diagnostics, draftText: text };
  }
  return { ok: true, draft: { path, text, ends, ...path !== first ? { alongside: first } : {} } };
}
function keyAtLine(text, line) {
  return line === void 0 ? void 0 : /^([a-z]+):/.exec(text.split("\n")[line - 1] ?? "")?.[1];
}
function requireLogin(requester) {
  if (requester === void 0 || requester.trim() === "") {
    throw new ConfigError('who is asking? Pass --requester <your GitHub login>, or set it once with "git config --global github.user <login>".');
  }
  if (!GITHUB_LOGIN.test(requester)) {
    throw new ConfigError(`"${requester}" is not a GitHub login (letters, digits and single hyphens, at most 39 characters).`);
  }
  return requester;
}

// src/cli/main.ts
var entra = (name) => async (args, io) => (await import("./cli-chunks/entra-commands-FX6ECED3.js"))[name](args, io);
var COMMAND_TABLE = [
  {
    name: "init",
    usage: [
      "init [--org ORG] [--github-repo OWNER/NAME] [--create-app [--broad] [--read-only-app]]",
      "write an access repository here from the template (policy, identities, CODEOWNERS,",
      "workflows, form), never over a file, and print the commands that finish the set-up;",
      "--create-app runs them with your az and gh sign-ins: the Entra app registration with its",
      "federated credential, the repository variables, the access-grant environment and its memory key;",
      "the app changes only the groups of a restricted administrative unit it makes (--broad: any group),",
      "and for azureRole entries writes only the policy's roles, for users (a delegation condition)"
    ],
    options: {
      "--org ORG": 'the GitHub organisation whose teams approve (replaces the example "acme" in CODEOWNERS and the policy)',
      "--github-repo OWNER/NAME": "the access repository on GitHub (default: the origin remote), for the commands printed",
      "--create-app": "make the app registration, environment, variables and federated credential now, with your az and gh",
      "--broad": "with --create-app: tenant-wide GroupMember.ReadWrite.All instead of a restricted administrative unit",
      "--read-only-app": "with --create-app: also a read-only app and the access-read environment, for report and discover"
    },
    run: async (a, io) => (await import("./cli-chunks/init-QM6G6SYD.js")).initCommand(a, io)
  },
  { name: "validate", usage: ["validate [paths...]", "check request files, the policy, identities and CODEOWNERS"], run: (a, io) => validateCommand(a, io) },
  {
    name: "new",
    usage: [
      'new --group G --for 4h --justification "..." [--ticket T] [--requester LOGIN]',
      "write a valid request file at the right path; --for counts",
      "from the merge (duration:), --until TIME sets a fixed end"
    ],
    options: {
      "--group G": "the group, a key of groups: in the policy",
      "--for 4h": "how long, counted from the merge (m, h or d; at most the group's maxDuration)",
      "--until TIME": "a fixed end instead (RFC 3339 with an offset)",
      '--justification "..."': "why, 10 to 500 characters",
      "--ticket T": "the ticket, where the group requires one",
      "--requester LOGIN": "your GitHub login (default: git config github.user)"
    },
    run: (a, io) => newCommand(a, io)
  },
  {
    name: "plan",
    usage: [
      "plan [--base REF] [--github-repo OWNER/NAME]",
      "what merging your changes under requests/ would change in Entra",
      "(against the merge base with REF; default origin/main or main), and, with",
      "GITHUB_TOKEN set, what each requested group confers, from the access dashboard"
    ],
    options: {
      "--base REF": "compare with the merge base of REF (default: origin/main, else main)",
      "--github-repo OWNER/NAME": "the repository whose access dashboard says what each group confers"
    },
    run: async (a, io) => (await import("./cli-chunks/plan-FZKRFS3G.js")).planCommand(a, io)
  },
  {
    name: "grant",
    usage: [
      "grant [--before SHA] [--dry-run]",
      "the grant job's reconciliation: verify every request on main,",
      "add what is approved and missing, remove what ended",
      "(prints what became of the request files changed since SHA, and comments on",
      "their pull requests with GITHUB_TOKEN and sends notices as the grant job does;",
      "--dry-run: the plan, every change and effect, changing nothing; --format json)"
    ],
    options: {
      "--before SHA": "say what became of the request files changed since this commit",
      "--dry-run": "print the plan (every change and effect) and change nothing"
    },
    run: entra("grantCommand")
  },
  {
    name: "revoke",
    aliases: ["sweep"],
    usage: [
      "revoke [--dry-run]",
      'the sweep (also "access-as-code sweep"): the same reconciliation, with reminders on the pull requests',
      "and chat notices (to the webhooks in ACCESS_WEBHOOKS), as the scheduled sweep",
      "(--dry-run: the plan, every change and effect, changing nothing; --format json)"
    ],
    options: { "--dry-run": "print the plan (every change and effect) and change nothing" },
    run: entra("revokeCommand")
  },
  {
    name: "report",
    usage: ["report [--out FILE]", "active grants, drift, overdue expiries and figures, as Markdown"],
    options: { "--out FILE": "write the Markdown there instead of standard output" },
    run: entra("reportCommand")
  },
  {
    name: "evidence",
    usage: [
      "evidence --from TIME [--to TIME] [--format csv|json] [--out FILE]",
      "one row per grant in the period (requests and break-glass): who asked, who approved",
      "and when, granted, planned end, ended, removed by what and how late (docs/evidence.md)"
    ],
    options: {
      "--from TIME": "the start of the period (RFC 3339)",
      "--to TIME": "its end (default: now)",
      "--format csv|json": "the rows as CSV (default) or JSON",
      "--out FILE": "write there instead of standard output"
    },
    run: entra("evidenceCommand")
  },
  {
    name: "status",
    usage: [
      "status [--mine [--requester LOGIN]] [--at TIME]",
      "who holds access now, per group, until when and through which request;",
      "with a past --at, who held it then, from git and GitHub's records"
    ],
    options: {
      "--mine": "only your own access (your login: --requester, else git config github.user)",
      "--requester LOGIN": "with --mine: whose access, by GitHub login",
      "--at TIME": "who held access at that time, from git and GitHub\u2019s records"
    },
    run: entra("statusCommand")
  },
  {
    name: "form",
    usage: ["form [--check]", "write .github/ISSUE_TEMPLATE/access-request.yml from the policy (or check it)"],
    options: { "--check": "write nothing; exit 1 when the form there does not match the policy" },
    run: (a, io) => formCommand(a, io)
  },
  {
    name: "discover",
    usage: [
      "discover [--write [--branch NAME]] [--format json]",
      "privileged groups outside the policy: why, what they confer, their standing members with",
      "last sign-in and days active, and who moves to just-in-time; --write proposes them",
      "(audit mode, standing exemptions with reasons) on a new branch to open a pull request from"
    ],
    options: {
      "--write": "propose the groups found as policy entries (audit mode, standing exemptions) on a new branch",
      "--branch NAME": "the branch --write makes (default: access-as-code/discover-<date>)",
      "--format json": "the findings as one JSON object"
    },
    run: entra("discoverCommand")
  },
  {
    name: "doctor",
    usage: [
      "doctor [--tenant-id T] [--cloud C] [--authority-host URL] [--graph-endpoint URL]",
      "sign in to Entra and check the policy's groups, identities and the app's permissions"
    ],
    options: {
      "--tenant-id T": "the Entra tenant (default: AZURE_TENANT_ID)",
      "--cloud C": "public, usgov, usgov-dod or china",
      "--authority-host URL": "the sign-in endpoint, for a cloud not listed",
      "--graph-endpoint URL": "the Graph endpoint, for a cloud not listed"
    },
    run: entra("doctorCommand")
  }
];
function usageLines(entry) {
  const [synopsis, ...explain] = entry.usage;
  const head = `  access-as-code ${synopsis}`;
  const pad = " ".repeat(41);
  if (head.length < 40 && explain.length > 0) return [`${head.padEnd(41)}${explain[0]}`, ...explain.slice(1).map((l) => `${pad}${l}`)];
  return [head, ...explain.map((l) => `${pad}${l}`)];
}
var USAGE = [
  "access-as-code: just-in-time Entra ID group membership through pull requests",
  "",
  "Usage:",
  ...COMMAND_TABLE.flatMap(usageLines),
  ...usageLines({ usage: ["help", "show this text (also --help on any command)"] }),
  ...usageLines({ usage: ["version", "the version (also --version)"] }),
  "",
  "Options for every command:",
  "  --repo DIR     the access repository (default: the nearest folder up from here with .github/access-policy.yaml)",
  "  --at TIME      judge as if it were this RFC 3339 time, e.g. to check a request ahead of time",
  "  --format json  validate, plan, status, doctor, report and evidence: one JSON object on stdout,",
  "                 for scripts; grant and revoke with --dry-run: the plan",
  "  --progress     count the requests to GitHub, Graph and sign-in on stderr as they go, also when",
  "                 stderr is not a terminal (a terminal gets a live line anyway); --no-progress: none",
  "",
  "Entra and GitHub (grant, revoke, report, evidence, status, discover, doctor; plan for what groups confer):",
  "  --tenant-id T --cloud public|usgov|usgov-dod|china --authority-host URL --graph-endpoint URL --arm-endpoint URL",
  "                 which Entra; sign-in with AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or a certificate in the",
  '                 environment, else "az login"',
  "  --github-repo OWNER/NAME   the repository (default: GITHUB_REPOSITORY, else the origin remote);",
  "                 GITHUB_TOKEN (or GH_TOKEN) reads its pull requests and reviews, GITHUB_API_URL for GitHub Enterprise Server",
  "",
  ...EXIT_HELP
].join("\n");
async function runCli(argv, io) {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const d of sortDiagnostics([...error.diagnostics])) io.err(formatDiagnostic(d));
      io.err(`access-as-code: ${error.message}`);
      return EXIT.notDone;
    }
    if (error instanceof Error && (error.name === "SignInError" || error.name === "DirectoryError" || error.name === "GitHubUnavailableError" || error.name === "GitHubPermissionError")) {
      io.err(`access-as-code: ${error.message}`);
      return EXIT.notDone;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`access-as-code: ${error.message}

${USAGE}`);
      return EXIT.notDone;
    }
    io.err(`access-as-code: unexpected failure (a defect; please report it with this line): ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.notDone;
  }
}
var GLOBAL_WITH_VALUE = /* @__PURE__ */ new Set(["--repo", "--at", "--format"]);
function commandLine(argv) {
  const leading = [];
  let i = 0;
  while (i < argv.length && argv[i].startsWith("--") && GLOBAL_WITH_VALUE.has(argv[i].split("=")[0])) {
    const takesNext = !argv[i].includes("=");
    leading.push(...argv.slice(i, takesNext ? i + 2 : i + 1));
    i += takesNext ? 2 : 1;
  }
  return { command: argv[i], rest: [...argv.slice(i + 1), ...leading] };
}
var EXAMPLES = {
  init: ["access-as-code init --org acme", "access-as-code init --org acme --create-app --read-only-app"],
  validate: ["access-as-code validate", "access-as-code validate requests/prod-db-admins/octocat-restore.yaml"],
  new: ['access-as-code new --group prod-db-admins --for 2h --justification "Restore the replica after INC-1234" --ticket INC-1234'],
  plan: ["access-as-code plan", "access-as-code plan --base origin/main --format json"],
  grant: ["access-as-code grant --dry-run", "access-as-code grant --dry-run --format json"],
  revoke: ["access-as-code sweep --dry-run", 'ACCESS_WEBHOOKS="default slack https://hooks.slack.com/..." access-as-code revoke'],
  report: ["access-as-code report --out report.md"],
  evidence: ["access-as-code evidence --from 2026-10-01T00:00:00Z --to 2026-12-31T23:59:59Z --format csv --out evidence.csv"],
  status: ["access-as-code status", "access-as-code status --at 2026-11-24T18:00:00Z --format json"],
  form: ["access-as-code form", "access-as-code form --check"],
  discover: ["access-as-code discover", "access-as-code discover --write"],
  doctor: ["access-as-code doctor"]
};
function commandHelp(entry) {
  const examples = EXAMPLES[entry.name] ?? [];
  const options = Object.entries(entry.options ?? {});
  const width = Math.max(0, ...options.map(([flag]) => flag.length)) + 2;
  return [
    `Usage:`,
    ...usageLines(entry),
    ...options.length > 0 ? ["", "Options:", ...options.map(([flag, what]) => `  ${flag.padEnd(width)}${what}`)] : [],
    ...examples.length > 0 ? ["", "Examples:", ...examples.map((e) => `  ${e}`)] : [],
    "",
    ...USAGE.slice(USAGE.indexOf("Options for every command:")).split("\n")
  ].join("\n");
}
function optionsOf(entry) {
  const named = (entry?.usage.join(" ") ?? "").match(/--[a-z][a-z-]*/g) ?? [];
  return [.../* @__PURE__ */ new Set([...named, ...GLOBAL_WITH_VALUE, "--help"])];
}
async function dispatch(argv, io) {
  const { command, rest: rest2 } = commandLine(argv);
  if (command === "--version" || command === "-V" || command === "version") {
    io.out(VERSION);
    return EXIT.ok;
  }
  const entry = COMMAND_TABLE.find((c) => c.name === command || command !== void 0 && c.aliases?.includes(command));
  if (entry && (rest2.includes("--help") || rest2.includes("-h"))) {
    io.out(commandHelp(entry));
    return EXIT.ok;
  }
  if (entry) return runEntry(entry, rest2, io);
  if (command === void 0 || command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE);
    return command === void 0 ? EXIT.notDone : EXIT.ok;
  }
  const guess = nearest(
    command,
    COMMAND_TABLE.flatMap((c) => [c.name, ...c.aliases ?? []])
  );
  io.err(`access-as-code: unknown command "${command}".${guess ? ` Did you mean "${guess}"?` : ""} "access-as-code help" lists the commands.`);
  return EXIT.notDone;
}
async function runEntry(entry, rest2, io) {
  const atIndex = rest2.findIndex((a) => a === "--at" || a.startsWith("--at="));
  if (atIndex >= 0) clock(rest2[atIndex].startsWith("--at=") ? rest2[atIndex].slice(5) : rest2[atIndex + 1], io);
  try {
    return await entry.run(rest2, io);
  } catch (error) {
    if (!(error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) throw error;
    const unknown = /option '(--?[^'\s]+)'/.exec(error.message)?.[1];
    const guess = unknown ? nearest(
      unknown,
      optionsOf(entry).filter((o) => o !== unknown)
    ) : void 0;
    io.err(
      `access-as-code ${entry.name}: ${error.message.split(". ")[0]}.${guess ? ` Did you mean ${guess}?` : ""}

Usage:
${usageLines(entry).join("\n")}

"access-as-code ${entry.name} --help" describes every option.`
    );
    return EXIT.notDone;
  }
}
async function freshRequests(root) {
  const { DEFAULT_BASES, mergeBase, workingChanges } = await import("./cli-chunks/changes-GBEBUQRM.js");
  const git = gitIn(root);
  const base = await mergeBase(git, DEFAULT_BASES).catch(() => void 0);
  if (!base) return /* @__PURE__ */ new Set();
  return new Set((await workingChanges(git, base)).filter((c) => c.status !== "deleted").map((c) => c.path));
}
async function validateCommand(args, io) {
  const { values, positionals } = parseArgs({ args, options: { ...COMMON, ...FORMAT }, allowPositionals: true, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const files = workingTree(root);
  let paths;
  if (positionals.length > 0) {
    paths = [];
    for (const p of positionals) {
      const rel = relative(root, resolve(io.cwd, p)).split(sep).join("/");
      if (rel.startsWith("..") || isAbsolute(rel)) throw new ConfigError(`${p} is outside the repository ${root}.`);
      const inside = await files.list(rel);
      if (inside.length > 0) paths.push(...inside.filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")));
      else if (existsSync2(resolve(root, rel))) paths.push(rel);
      else throw new ConfigError(`${p} does not exist.`);
    }
  }
  const fresh = paths ? /* @__PURE__ */ new Set() : await freshRequests(root);
  const report = await validateTree(files, clock(values.at, io), paths, fresh);
  if (json) {
    const requests = report.verdicts.map((v) => ({
      file: v.file,
      valid: v.valid,
      ...v.request ? {
        group: v.request.group,
        requester: v.request.requester,
        ends: v.request.durationMs !== void 0 ? { duration: v.request.duration } : { expires: v.request.expires }
      } : {},
      problems: sortDiagnostics([...v.diagnostics])
    }));
    io.out(
      JSON.stringify(
        {
          checked: requests.length,
          valid: requests.filter((r) => r.valid).length,
          invalid: requests.filter((r) => !r.valid).length,
          requests,
          problems: sortDiagnostics([...report.diagnostics])
        },
        null,
        2
      )
    );
  } else printReport(report, io, fresh);
  return reportHasErrors(report) ? EXIT.attention : EXIT.ok;
}
function printReport(report, io, fresh = /* @__PURE__ */ new Set()) {
  const all = [...report.diagnostics, ...report.verdicts.flatMap((v) => v.diagnostics)];
  for (const d of sortDiagnostics(all)) io.err(formatDiagnostic(d));
  const invalid = report.verdicts.filter((v) => !v.valid).length;
  const n = report.verdicts.length;
  const judgedNew = report.verdicts.filter((v) => fresh.has(v.file)).length;
  io.out(
    `${n} request${n === 1 ? "" : "s"} checked: ${n - invalid} valid, ${invalid} invalid.${judgedNew > 0 ? ` ${judgedNew} new or changed against the default branch, judged as ${judgedNew === 1 ? "its pull request" : "their pull requests"} will be.` : ""}`
  );
}
async function newCommand(args, io) {
  const { values } = parseArgs({
    args,
    options: {
      ...COMMON,
      group: { type: "string" },
      for: { type: "string" },
      until: { type: "string" },
      justification: { type: "string" },
      ticket: { type: "string" },
      requester: { type: "string" }
    },
    strict: true
  });
  const missing = ["group", "for", "justification"].filter(
    (k) => k === "for" ? values.for === void 0 && values.until === void 0 : values[k] === void 0
  );
  if (missing.length > 0) {
    throw new ConfigError(
      `missing ${missing.map((m) => `--${m}`).join(", ")}. Example: access-as-code new --group prod-db-admins --for 2h --justification "Restore the replica after INC-1234" --ticket INC-1234`
    );
  }
  const root = repoRoot(values.repo, io);
  const requester = requireLogin(values.requester ?? await gitUser(root));
  const config = await loadConfig(workingTree(root));
  const result = draftRequest(
    {
      group: values.group,
      ...values.for !== void 0 ? { duration: values.for } : {},
      ...values.until !== void 0 ? { until: values.until } : {},
      justification: values.justification,
      requester,
      now: clock(values.at, io),
      schema: requestSchemaRef(root, VERSION),
      ...values.ticket !== void 0 ? { ticket: values.ticket } : {}
    },
    config,
    (path) => existsSync2(resolve(root, path))
  );
  if (!result.ok) {
    for (const d of sortDiagnostics([...result.diagnostics]).filter((x) => x.severity === "error"))
      io.err(`access-as-code new: ${optionFor(d.line, result.draftText)}${inOptions(d.message)}`);
    io.err("access-as-code: no file written; fix the options above and run the command again.");
    return EXIT.attention;
  }
  const target = resolve(root, result.draft.path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, result.draft.text, { flag: "wx" });
  io.out(`Wrote ${result.draft.path} (${result.draft.ends}).`);
  if (result.draft.alongside)
    io.out(
      `You already have ${result.draft.alongside}; this is a second request. To change that one instead (extend it, or end it early), edit or delete it in a pull request.`
    );
  io.out("Next: commit it on a new branch and open a pull request; the folder's code owners approve it, and merging grants the access.");
  return EXIT.ok;
}
function inOptions(message) {
  return message.replace(/add a line "ticket: <id>"/, "pass --ticket <id>").replace(/\bduration: (\d[\dhmd]*)/g, "--for $1").replace(/\bexpires: "?([^"\s,]+)"?/g, "--until $1");
}
function optionFor(line, text) {
  const key = keyAtLine(text, line);
  const option = {
    requester: "--requester",
    group: "--group",
    duration: "--for",
    expires: "--until",
    justification: "--justification",
    ticket: "--ticket"
  };
  return key && option[key] ? `${option[key]}: ` : "";
}
async function formCommand(args, io) {
  const { values } = parseArgs({ args, options: { ...COMMON, check: { type: "boolean" } }, strict: true });
  const root = repoRoot(values.repo, io);
  const { FORM_PATH, formProblems, issueForm } = await import("./cli-chunks/form-OCFRYZRO.js");
  const config = await loadConfig(workingTree(root));
  const target = resolve(root, FORM_PATH);
  if (values.check) {
    const current = existsSync2(target) ? await readFile(target, "utf8") : void 0;
    if (current === void 0) {
      io.err(`access-as-code: there is no ${FORM_PATH}; run "access-as-code form" to write it.`);
      return EXIT.attention;
    }
    const problems = formProblems(current, config.policy);
    for (const d of problems) io.err(formatDiagnostic(d));
    if (problems.length === 0) io.out(`${FORM_PATH} matches the policy.`);
    return problems.length > 0 ? EXIT.attention : EXIT.ok;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, issueForm(config.policy));
  io.out(
    `Wrote ${FORM_PATH} (${config.policy.groups.size} group${config.policy.groups.size === 1 ? "" : "s"} in its list). Commit it; validate checks that it keeps matching the policy.`
  );
  return EXIT.ok;
}
async function gitUser(root) {
  const out = await gitIn(root).tryRun(["config", "--get", "github.user"]).catch(() => void 0);
  const login = out?.toString("utf8").trim();
  return login === "" ? void 0 : login;
}

// src/cli/progress.ts
import dc from "node:diagnostics_channel";
function serviceUrls(argv, env) {
  const given = (option) => {
    const i = argv.findIndex((a) => a === option || a.startsWith(`${option}=`));
    if (i < 0) return void 0;
    return argv[i].includes("=") ? argv[i].slice(option.length + 1) : argv[i + 1];
  };
  const out = [];
  const add = (name, url) => {
    if (url && /^https?:\/\//.test(url)) out.push({ name, url: url.replace(/\/+$/, "") });
  };
  add("GitHub", env.GITHUB_API_URL);
  add("Graph", given("--graph-endpoint"));
  add("sign-in", given("--authority-host") ?? env.AZURE_AUTHORITY_HOST);
  add("Azure Resource Manager", given("--arm-endpoint"));
  add("GitHub", "https://api.github.com");
  for (const cloud of Object.values(CLOUDS)) {
    add("Graph", cloud.graphEndpoint);
    add("sign-in", cloud.authorityHost);
    add("Azure Resource Manager", cloud.armEndpoint);
  }
  return out;
}
function serviceOf(url, services) {
  let best;
  for (const s of services) {
    const matches = url === s.url || url.startsWith(`${s.url}/`) || url.startsWith(`${s.url}?`);
    if (matches && (!best || s.url.length > best.url.length)) best = s;
  }
  if (best) return best.name;
  try {
    return new URL(url).host;
  } catch {
    return "other";
  }
}
function countsLine(counts) {
  return [...counts].map(([name, n]) => `${name} ${n}`).join(", ");
}
function watchNetwork(options) {
  if (options.mode === "off") return { clear: () => void 0, stop: () => void 0 };
  const counts = /* @__PURE__ */ new Map();
  const started = options.now();
  const seen = (url) => {
    const name = serviceOf(url, options.services);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  const onFetch = (message) => {
    const request = message.request;
    if (request && typeof request.origin === "string") seen(`${request.origin}${typeof request.path === "string" ? request.path : ""}`);
  };
  const onHttp = (message) => {
    const request = message.request;
    if (!request || typeof request.host !== "string") return;
    const hostHeader = request.getHeader?.("host");
    const host = typeof hostHeader === "string" ? hostHeader : request.host;
    seen(`${typeof request.protocol === "string" ? request.protocol : "https:"}//${host}${typeof request.path === "string" ? request.path : ""}`);
  };
  dc.subscribe("undici:request:create", onFetch);
  dc.subscribe("http.client.request.start", onHttp);
  const seconds = () => ((options.now() - started) / 1e3).toFixed(1);
  let drawn = false;
  const draw = () => {
    if (counts.size === 0) return;
    if (options.mode === "terminal") {
      options.write(`\r\x1B[K\u2026 ${seconds()} s: ${countsLine(counts)} requests`);
      drawn = true;
    } else options.write(`\u2026 ${seconds()} s: ${countsLine(counts)} requests so far
`);
  };
  const timer = setInterval(draw, options.mode === "terminal" ? 500 : (options.everySeconds ?? 5) * 1e3);
  timer.unref();
  const clear = () => {
    if (drawn) options.write("\r\x1B[K");
    drawn = false;
  };
  return {
    clear,
    stop: () => {
      clearInterval(timer);
      dc.unsubscribe("undici:request:create", onFetch);
      dc.unsubscribe("http.client.request.start", onHttp);
      clear();
      if (options.mode === "lines" && counts.size > 0) options.write(`Network: ${countsLine(counts)} requests in ${seconds()} s.
`);
    }
  };
}
function progressMode(argv, stderrIsTerminal, env) {
  const rest2 = argv.filter((a) => a !== "--progress" && a !== "--no-progress");
  const last = [...argv].reverse().find((a) => a === "--progress" || a === "--no-progress");
  if (last === "--progress") return { mode: "lines", rest: rest2 };
  if (last === "--no-progress" || env.CI === "true" || env.TERM === "dumb") return { mode: "off", rest: rest2 };
  return { mode: stderrIsTerminal ? "terminal" : "off", rest: rest2 };
}

// src/cli.ts
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
var major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(
    `access-as-code: needs Node.js 22 or later; this is ${process.version}. Install a current Node.js (https://nodejs.org) and run it again.
`
  );
  process.exit(EXIT.notDone);
}
var { mode, rest } = progressMode(process.argv.slice(2), process.stderr.isTTY === true, process.env);
var network = watchNetwork({ mode, services: serviceUrls(rest, process.env), write: (text) => process.stderr.write(text), now: () => Date.now() });
var code = await runCli(rest, {
  out: (line) => {
    network.clear();
    process.stdout.write(`${line}
`);
  },
  err: (line) => {
    network.clear();
    process.stderr.write(`${line}
`);
  },
  cwd: process.cwd(),
  now: () => Date.now()
}).finally(network.stop);
process.exitCode = code;
