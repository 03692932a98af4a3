import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  initFiles,
  initProblem,
  nextSteps
} from "./chunk-FW5HCCFL.js";
import "./chunk-3TZ3UDVV.js";
import {
  VERSION
} from "./chunk-P75PHIMW.js";
import {
  EXIT
} from "./chunk-CUMFMMAT.js";
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
import {
  azureTarget
} from "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import "./chunk-XP3LFAPK.js";
import {
  ConfigError
} from "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

// src/cli/init.ts
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
function templateDir() {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, "template");
    if (existsSync(join(candidate, ".github", "access-policy.yaml"))) return candidate;
    if (dirname(dir) === dir) throw new ConfigError("the template that comes with access-as-code is missing; reinstall the package.");
  }
}
function readTemplate(dir) {
  const out = [];
  const walk = (at) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ path: relative(dir, path).split("\\").join("/"), text: readFileSync(path, "utf8") });
    }
  };
  walk(dir);
  return out;
}
async function originRepo(root) {
  const url = (await gitIn(root).tryRun(["remote", "get-url", "origin"]))?.toString("utf8").trim() ?? "";
  return /github\.com[:/]([^/\s]+\/[^/\s]+?)(?:\.git)?$/.exec(url)?.[1];
}
async function repositoryOf(root, given, createApp) {
  if (given) return given;
  const remote = await originRepo(root);
  const remoteOk = remote !== void 0 && initProblem({ githubRepo: remote }) === void 0;
  if (!createApp) return remoteOk ? remote : void 0;
  if (remote !== void 0 && !remoteOk)
    throw new ConfigError("the origin remote does not name a GitHub repository as owner/name; pass --github-repo owner/name.");
  if (!remoteOk) throw new ConfigError("--create-app needs the GitHub repository: pass --github-repo owner/name, or add the origin remote first.");
  return remote;
}
async function initCommand(args, io, tool) {
  const { values } = parseArgs({
    args,
    options: {
      repo: { type: "string" },
      org: { type: "string" },
      "github-repo": { type: "string" },
      "create-app": { type: "boolean" },
      broad: { type: "boolean" },
      "read-only-app": { type: "boolean" }
    },
    strict: true
  });
  if ((values.broad || values["read-only-app"]) && !values["create-app"])
    throw new ConfigError(`--${values.broad ? "broad" : "read-only-app"} goes with --create-app; without it, init prints the commands for either path.`);
  const root = resolve(io.cwd, values.repo ?? ".");
  if (!existsSync(root)) throw new ConfigError(`${root} does not exist: create the folder (or clone the access repository there) first.`);
  if (!statSync(root).isDirectory()) throw new ConfigError(`${root} is a file, not a folder: pass --repo the folder of the access repository.`);
  const options = { ...values.org ? { org: values.org } : {}, ...values["github-repo"] ? { githubRepo: values["github-repo"] } : {} };
  const problem = initProblem(options);
  if (problem) throw new ConfigError(problem);
  const createApp = values["create-app"] === true;
  const githubRepo = await repositoryOf(root, options.githubRepo, createApp);
  const files = initFiles(readTemplate(templateDir()), options);
  await writeFiles(root, files, createApp, io, options.org);
  io.out("");
  if (createApp)
    return createAppCommand(githubRepo, io, tool, {
      reach: values.broad ? "tenant" : "unit",
      readOnly: values["read-only-app"] === true,
      groups: await policyGroups(root)
    });
  const gitRepository = await isWorkTree(gitIn(root));
  for (const line of nextSteps({ ...options, ...githubRepo ? { githubRepo } : {}, gitRepository })) io.out(line);
  return EXIT.ok;
}
async function writeFiles(root, files, createApp, io, org) {
  const existing = files.filter((f) => existsSync(join(root, f.path))).map((f) => f.path);
  const again = createApp && existing.length === files.length;
  if (existing.length > 0 && !again) {
    throw new ConfigError(
      `${existing.length} of the files init writes exist already (${existing.slice(0, 5).join(", ")}${existing.length > 5 ? ", \u2026" : ""}); nothing was written. Run init in an empty repository, or move those files away first.`
    );
  }
  if (again) {
    io.out(`The access repository is in ${root} already; its files are kept.`);
    return;
  }
  for (const f of files) {
    await mkdir(dirname(join(root, f.path)), { recursive: true });
    await writeFile(join(root, f.path), f.text);
  }
  io.out(`Wrote ${files.length} files of the access repository in ${root}${org ? ` for the organisation ${org}` : ""}.`);
  const unreleased = unreleasedPin(files);
  if (unreleased) io.err(`access-as-code: warning: ${unreleased}`);
}
function unreleasedPin(files) {
  for (const f of files) {
    const tag = /uses: access-as-code\/access-as-code@(v\d+\.\d+\.\d+)\b/.exec(f.text)?.[1];
    if (tag && tag !== `v${VERSION}`)
      return `this access-as-code (${VERSION}, from a clone) is not a release, and the workflows it wrote name access-as-code/access-as-code@${tag}, which is released only later: until then they cannot run. Pin the commit of access-as-code you built from instead (uses: access-as-code/access-as-code@<full commit id>), or install a release.`;
  }
  return void 0;
}
async function policyGroups(root) {
  const config = await loadConfig(workingTree(root));
  return [...config.policy.groups.values()].map((g) => {
    const backend = backendOf(g.backend);
    const azure = backend.target === "azureRole" ? { name: g.name, ...azureTarget(g.id), pim: backend.azureWriter === "unconditioned" } : void 0;
    return { name: g.name, id: g.id, writesMembers: backend.writesMembers, permissions: backend.permissions, ...azure ? { azure } : {} };
  });
}
async function createAppCommand(githubRepo, io, tool, options) {
  const { createApp, systemTool, SetupError } = await import("./init-setup-EHPWVC4R.js");
  io.out(
    `Setting up Entra and ${githubRepo} with your az and gh sign-ins (${options.reach === "unit" ? "the app changes only the groups of a restricted administrative unit" : "tenant-wide GroupMember.ReadWrite.All, as --broad asks"}):`
  );
  try {
    const result = await createApp(githubRepo, tool ?? systemTool, io.out, options);
    io.out("");
    for (const line of result.left) io.out(`Left: ${line}`);
    io.out("Next (docs/setup.md):");
    io.out("  the ruleset on main (step 5); for team code owners, a GitHub App with Members: read (step 6);");
    io.out("  then run the access-doctor workflow: it signs in with the federated credential and checks every group.");
    return result.left.length > 0 ? EXIT.attention : EXIT.ok;
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    io.err(`access-as-code init: ${error.message}`);
    io.err("What is listed as done above was made; run init --create-app again once this is fixed: it makes nothing twice.");
    return EXIT.notDone;
  }
}
export {
  initCommand,
  unreleasedPin
};
