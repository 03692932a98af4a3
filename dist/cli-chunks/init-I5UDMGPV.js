import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  EXIT
} from "./chunk-CUMFMMAT.js";
import {
  gitIn
} from "./chunk-VBXVWMN2.js";
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

// src/commands/init.ts
var ORG = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
var REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
function initProblem(options) {
  if (options.org !== void 0 && !ORG.test(options.org)) return `--org "${options.org}" is not a GitHub organisation name (letters, digits and hyphens).`;
  if (options.githubRepo !== void 0 && !REPO.test(options.githubRepo)) return `--github-repo "${options.githubRepo}" is not owner/name.`;
  return void 0;
}
function initFiles(template, options) {
  const org = options.org;
  return template.map((f) => ({
    path: f.path,
    text: org && (f.path === ".github/CODEOWNERS" || f.path === ".github/access-policy.yaml") ? f.text.replaceAll("@acme/", `@${org}/`) : f.text
  }));
}
function nextSteps(options) {
  const repo = options.githubRepo ?? "OWNER/REPO";
  const subject = `gh api repos/${repo} --jq '"repo:\\(.owner.login)@\\(.owner.id)/\\(.name)@\\(.id):environment:access-grant"'`;
  return [
    "Next (docs/setup.md has the why of each step):",
    "",
    "1. Replace the example groups (Entra object ids), identities and code owners in .github/, then check:",
    "     access-as-code validate",
    "2. Make this configuration the repository's first commit: it is the root of trust, and every later change",
    "   to it must come through a pull request its code owners approve.",
    '     git add . && git commit -m "Access configuration" && git push',
    "3. The Entra app registration, with no secret (as an administrator who can grant admin consent):",
    "     GRAPH=00000003-0000-0000-c000-000000000000",
    `     role() { az ad sp show --id "$GRAPH" --query "appRoles[?value=='$1'].id" -o tsv; }`,
    `     APP=$(az ad app create --display-name "access-as-code ${repo}" --query appId -o tsv)`,
    '     az ad sp create --id "$APP"',
    '     az ad app permission add --id "$APP" --api "$GRAPH" --api-permissions "$(role GroupMember.ReadWrite.All)=Role" "$(role User.ReadBasic.All)=Role"',
    '     az ad app permission admin-consent --id "$APP"',
    `     SUBJECT=$(${subject})`,
    '     az ad app federated-credential create --id "$APP" --parameters "{\\"name\\":\\"access-grant\\",\\"issuer\\":\\"https://token.actions.githubusercontent.com\\",\\"subject\\":\\"$SUBJECT\\",\\"audiences\\":[\\"api://AzureADTokenExchange\\"]}"',
    "   (a repository created before 2026-07-15 and not renamed since has the subject repo:OWNER/REPO:environment:access-grant)",
    "4. GitHub: the repository variables, the access-grant environment (main only) and its memory key:",
    `     gh variable set AZURE_CLIENT_ID --repo ${repo} --body "$APP"`,
    `     gh variable set AZURE_TENANT_ID --repo ${repo} --body "$(az account show --query tenantId -o tsv)"`,
    `     gh api -X PUT repos/${repo}/environments/access-grant -F "deployment_branch_policy[protected_branches]=false" -F "deployment_branch_policy[custom_branch_policies]=true"`,
    `     gh api -X POST repos/${repo}/environments/access-grant/deployment-branch-policies -f name=main -f type=branch`,
    `     openssl rand -hex 32 | gh secret set ACCESS_MEMORY_KEY --env access-grant --repo ${repo}`,
    "5. The ruleset on main (docs/setup.md, step 5), and for team code owners a GitHub App with Members: read",
    "   (step 6: the variable ACCESS_APP_CLIENT_ID and the secret ACCESS_APP_KEY in the environment).",
    "6. Run the access-doctor workflow: it signs in, checks every group, identity and team, and says what is missing."
  ];
}

// src/cli/init.ts
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
async function initCommand(args, io) {
  const { values } = parseArgs({ args, options: { repo: { type: "string" }, org: { type: "string" }, "github-repo": { type: "string" } }, strict: true });
  const root = resolve(io.cwd, values.repo ?? ".");
  const options = { ...values.org ? { org: values.org } : {}, ...values["github-repo"] ? { githubRepo: values["github-repo"] } : {} };
  const problem = initProblem(options);
  if (problem) throw new ConfigError(problem);
  const githubRepo = options.githubRepo ?? await originRepo(root);
  const files = initFiles(readTemplate(templateDir()), options);
  const existing = files.filter((f) => existsSync(join(root, f.path))).map((f) => f.path);
  if (existing.length > 0) {
    throw new ConfigError(
      `${existing.length} of the files init writes exist already (${existing.slice(0, 5).join(", ")}${existing.length > 5 ? ", \u2026" : ""}); nothing was written. Run init in an empty repository, or move those files away first.`
    );
  }
  for (const f of files) {
    await mkdir(dirname(join(root, f.path)), { recursive: true });
    await writeFile(join(root, f.path), f.text);
  }
  io.out(`Wrote ${files.length} files of the access repository in ${root}${options.org ? ` for the organisation ${options.org}` : ""}.`);
  io.out("");
  for (const line of nextSteps({ ...options, ...githubRepo ? { githubRepo } : {} })) io.out(line);
  return EXIT.ok;
}
export {
  initCommand
};
