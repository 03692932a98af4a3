import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GRAPH_APP_ID,
  REQUIRED_GRAPH_ROLES
} from "./chunk-C2LFYCEJ.js";
import {
  ConfigError
} from "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

// src/cli/init-setup.ts
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
var ENVIRONMENT = "access-grant";
var INSTALL = {
  az: "the Azure CLI (az) is not installed: https://learn.microsoft.com/cli/azure/install-azure-cli",
  gh: "the GitHub CLI (gh) is not installed: https://cli.github.com"
};
var systemTool = (command, args, input) => new Promise((resolve, reject) => {
  const child = spawn(command, [...args], { shell: false, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => stdout += d.toString("utf8"));
  child.stderr.on("data", (d) => stderr += d.toString("utf8"));
  child.on(
    "error",
    (error) => reject(error.code === "ENOENT" ? new ConfigError(`${INSTALL[command]}; or run init without --create-app and the commands it prints.`) : error)
  );
  child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  child.stdin.on("error", () => void 0);
  child.stdin.end(input ?? "");
});
var SetupError = class extends Error {
  name = "SetupError";
};
function parsed(text, what, check) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    value = void 0;
  }
  if (value === void 0 || !check(value)) throw new SetupError(`az answered something that is not ${what}: ${text.slice(0, 200)}`);
  return value;
}
function firstLine(text) {
  return text.trim().split("\n").find((l) => l.trim() !== "") ?? "";
}
async function must(tool, command, args, why, input) {
  const res = await tool(command, args, input);
  if (res.code !== 0) throw new SetupError(`${why}: "${command} ${args.slice(0, 4).join(" ")} \u2026" failed: ${firstLine(res.stderr) || `exit ${res.code}`}`);
  return res.stdout.trim();
}
async function app(ctx) {
  const name = `access-as-code ${ctx.repo}`;
  const existing = (await must(ctx.tool, "az", ["ad", "app", "list", "--display-name", name, "--query", "[].appId", "-o", "tsv"], "reading app registrations")).split("\n").map((l) => l.trim()).filter(Boolean);
  if (existing.length > 1)
    throw new SetupError(
      `${existing.length} app registrations are named "${name}" (${existing.join(", ")}): which one is meant is not clear. Delete the extra ones, then run init --create-app again.`
    );
  let appId = existing[0] ?? "";
  if (appId) {
    await adoptable(ctx, name, appId);
    ctx.did(`app registration "${name}" (${appId}) exists already, owned by you alone`);
  } else {
    appId = firstLine(
      await must(
        ctx.tool,
        "az",
        ["ad", "app", "create", "--display-name", name, "--sign-in-audience", "AzureADMyOrg", "--query", "appId", "-o", "tsv"],
        "creating the app registration"
      )
    );
    ctx.did(`app registration "${name}" (${appId}) created, with no secret`);
  }
  if (!/^[0-9a-f-]{36}$/i.test(appId)) throw new SetupError(`az answered "${appId}" for the app registration's id, which is not an id.`);
  ctx.out.appId = appId;
  const sp = firstLine(
    await must(ctx.tool, "az", ["ad", "sp", "list", "--filter", `appId eq '${appId}'`, "--query", "[0].id", "-o", "tsv"], "reading service principals")
  );
  if (!sp) {
    await must(ctx.tool, "az", ["ad", "sp", "create", "--id", appId, "--query", "id", "-o", "tsv"], "creating the service principal");
    ctx.did("its service principal created");
  }
}
async function adoptable(ctx, name, appId) {
  const me = firstLine(await must(ctx.tool, "az", ["ad", "signed-in-user", "show", "--query", "id", "-o", "tsv"], "reading who is signed in to az"));
  const owners = (await must(ctx.tool, "az", ["ad", "app", "owner", "list", "--id", appId, "--query", "[].id", "-o", "tsv"], "reading the app registration's owners")).split("\n").map((l) => l.trim()).filter(Boolean);
  const others = owners.filter((o) => o.toLowerCase() !== me.toLowerCase());
  if (others.length > 0 || !owners.some((o) => o.toLowerCase() === me.toLowerCase()))
    throw new SetupError(
      `an app registration named "${name}" exists (${appId}) and ${others.length > 0 ? `is owned by others too (${others.join(", ")})` : "you do not own it"}: init does not adopt an app someone else can change, since an owner can add a secret and act as it with every permission consented to it. Delete it, or finish the set-up by hand (docs/setup.md, step 2).`
    );
}
async function leftovers(ctx) {
  const creds = parsed(
    await must(
      ctx.tool,
      "az",
      ["ad", "app", "show", "--id", ctx.out.appId, "--query", "{secrets: length(passwordCredentials), certificates: length(keyCredentials)}", "-o", "json"],
      "reading the app registration's credentials"
    ),
    "the app registration's credentials",
    (v) => typeof v === "object" && v !== null
  );
  const stored = (Number(creds.secrets) || 0) + (Number(creds.certificates) || 0);
  if (stored > 0)
    ctx.out.left.push(
      `the app registration holds ${stored} client secret${stored === 1 ? "" : "s"} or certificate${stored === 1 ? "" : "s"}, which the workflows do not need (they sign in with GitHub's OIDC token): remove ${stored === 1 ? "it" : "them"} in the Entra admin center (App registrations > access-as-code ${ctx.repo} > Certificates & secrets), so nothing long-lived can act as it.`
    );
}
async function permissions(ctx) {
  const list = parsed(
    await must(
      ctx.tool,
      "az",
      ["ad", "sp", "show", "--id", GRAPH_APP_ID, "--query", "appRoles[].{value:value,id:id}", "-o", "json"],
      "reading Microsoft Graph's permissions"
    ),
    "Microsoft Graph's permissions",
    Array.isArray
  );
  const ids = REQUIRED_GRAPH_ROLES.map((value) => {
    const id = list.find((r) => r.value === value)?.id;
    if (typeof id !== "string") throw new SetupError(`Microsoft Graph's permissions as az lists them do not include ${value}.`);
    return `${id}=Role`;
  });
  await must(
    ctx.tool,
    "az",
    ["ad", "app", "permission", "add", "--id", ctx.out.appId, "--api", GRAPH_APP_ID, "--api-permissions", ...ids],
    "adding the Graph permissions"
  );
  ctx.did(`Graph application permissions ${REQUIRED_GRAPH_ROLES.join(" and ")} requested`);
  const consent = await ctx.tool("az", ["ad", "app", "permission", "admin-consent", "--id", ctx.out.appId]);
  if (consent.code === 0) ctx.did("admin consent granted");
  else
    ctx.out.left.push(
      `admin consent was not granted (${firstLine(consent.stderr) || `exit ${consent.code}`}): an administrator who can grant it (Privileged Role Administrator) runs
     az ad app permission admin-consent --id ${ctx.out.appId}
   or grants it in the Entra admin center (App registrations > access-as-code ${ctx.repo} > API permissions).`
    );
}
async function federation(ctx) {
  const subject = await must(
    ctx.tool,
    "gh",
    ["api", `repos/${ctx.repo}`, "--jq", `"repo:\\(.owner.login)@\\(.owner.id)/\\(.name)@\\(.id):environment:${ENVIRONMENT}"`],
    `reading ${ctx.repo} on GitHub (push it first, and sign in with "gh auth login")`
  );
  if (!/^repo:[^\s:]+:environment:access-grant$/.test(subject)) throw new SetupError(`gh answered "${subject}" for the repository's OIDC subject.`);
  ctx.out.subject = subject;
  const parameters = JSON.stringify({
    name: ENVIRONMENT,
    issuer: "https://token.actions.githubusercontent.com",
    subject,
    audiences: ["api://AzureADTokenExchange"]
  });
  const all = parsed(
    await must(
      ctx.tool,
      "az",
      ["ad", "app", "federated-credential", "list", "--id", ctx.out.appId, "--query", "[].{name: name, subject: subject}", "-o", "json"],
      "reading federated credentials"
    ),
    "a list of federated credentials",
    Array.isArray
  );
  const existing = String(all.find((c) => c.name === ENVIRONMENT)?.subject ?? "");
  const foreign = all.filter((c) => c.name !== ENVIRONMENT).map((c) => `${String(c.name)} (${String(c.subject)})`);
  if (foreign.length > 0)
    ctx.out.left.push(
      `the app registration also trusts ${foreign.join(", ")}: a workflow or workload with that identity can act as it; remove what is not yours (az ad app federated-credential delete --id ${ctx.out.appId} --federated-credential-id <name>).`
    );
  if (existing === subject) ctx.did(`federated credential for ${subject} exists already`);
  else if (existing) {
    await must(
      ctx.tool,
      "az",
      ["ad", "app", "federated-credential", "update", "--id", ctx.out.appId, "--federated-credential-id", ENVIRONMENT, "--parameters", parameters],
      "updating the federated credential"
    );
    ctx.did(`federated credential moved from ${existing} to ${subject}`);
  } else {
    await must(
      ctx.tool,
      "az",
      ["ad", "app", "federated-credential", "create", "--id", ctx.out.appId, "--parameters", parameters],
      "creating the federated credential"
    );
    ctx.did(`federated credential for ${subject} created (no secret: the workflows sign in with GitHub's OIDC token)`);
  }
}
async function variables(ctx) {
  const { tool, repo } = ctx;
  await must(tool, "gh", ["variable", "set", "AZURE_CLIENT_ID", "--repo", repo, "--body", ctx.out.appId], "setting the variable AZURE_CLIENT_ID");
  await must(tool, "gh", ["variable", "set", "AZURE_TENANT_ID", "--repo", repo, "--body", ctx.out.tenantId], "setting the variable AZURE_TENANT_ID");
  ctx.did("repository variables AZURE_CLIENT_ID and AZURE_TENANT_ID set");
}
async function environment(ctx) {
  const { tool, repo } = ctx;
  const env = `repos/${repo}/environments/${ENVIRONMENT}`;
  await must(
    tool,
    "gh",
    ["api", "-X", "PUT", env, "-F", "deployment_branch_policy[protected_branches]=false", "-F", "deployment_branch_policy[custom_branch_policies]=true"],
    `creating the ${ENVIRONMENT} environment`
  );
  const branches = (await must(tool, "gh", ["api", `${env}/deployment-branch-policies`, "--jq", ".branch_policies[].name"], "reading its deployment branches")).split("\n");
  if (!branches.includes("main"))
    await must(tool, "gh", ["api", "-X", "POST", `${env}/deployment-branch-policies`, "-f", "name=main", "-f", "type=branch"], "limiting it to main");
  ctx.did(`environment ${ENVIRONMENT}, deployable from main only`);
  const secrets = (await must(tool, "gh", ["secret", "list", "--env", ENVIRONMENT, "--repo", repo, "--json", "name", "--jq", ".[].name"], "reading its secrets")).split("\n");
  if (secrets.includes("ACCESS_MEMORY_KEY")) ctx.did("memory key ACCESS_MEMORY_KEY exists already (kept)");
  else {
    await must(
      tool,
      "gh",
      ["secret", "set", "ACCESS_MEMORY_KEY", "--env", ENVIRONMENT, "--repo", repo],
      "setting the memory key",
      randomBytes(32).toString("hex")
    );
    ctx.did("memory key ACCESS_MEMORY_KEY set (a new random key)");
  }
}
async function createApp(repo, tool, say) {
  const out = { appId: "", tenantId: "", subject: "", done: [], left: [] };
  const did = (line) => {
    out.done.push(line);
    say(`  done: ${line}`);
  };
  const ctx = { tool, repo, did, out };
  out.tenantId = firstLine(
    await must(
      tool,
      "az",
      ["account", "show", "--query", "tenantId", "-o", "tsv"],
      'az is not signed in (run "az login" as someone who may create app registrations)'
    )
  );
  for (const step of [app, leftovers, permissions, environment, variables, federation]) await step(ctx);
  return out;
}
export {
  SetupError,
  createApp,
  systemTool
};
