import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  ROLES
} from "./chunk-3TZ3UDVV.js";

// src/commands/init.ts
var GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
var GRAPH_V1 = "https://graph.microsoft.com/v1.0";
var GRANT_ENVIRONMENT = "access-grant";
var READ_ENVIRONMENT = "access-read";
var READ_ONLY_GRAPH_ROLES = ["GroupMember.Read.All", "User.ReadBasic.All", "RoleManagement.Read.Directory"];
function graphRolesFor(reach, groups) {
  const write = reach === "tenant" ? ["GroupMember.ReadWrite.All"] : ["GroupMember.Read.All", "RoleManagement.Read.Directory"];
  return [.../* @__PURE__ */ new Set([...write, "User.ReadBasic.All", ...groups.flatMap((g) => g.permissions)])];
}
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
  const repo = options.githubRepo ?? `${options.org ?? "OWNER"}/REPO`;
  const subject = `gh api repos/${repo} --jq '"repo:\\(.owner.login)@\\(.owner.id)/\\(.name)@\\(.id):environment:access-grant"'`;
  return [
    "Next (docs/setup.md has the why of each step); the workflows are pushed last:",
    "",
    "1. Replace the example groups (Entra object ids), identities and code owners in .github/, then check:",
    "     access-as-code validate",
    `2. The repository on GitHub, empty for now (gh repo create ${repo} --private), and its access-grant`,
    "   environment, deployable from main only, with the memory key:",
    `     gh api -X PUT repos/${repo}/environments/access-grant -F "deployment_branch_policy[protected_branches]=false" -F "deployment_branch_policy[custom_branch_policies]=true"`,
    `     gh api -X POST repos/${repo}/environments/access-grant/deployment-branch-policies -f name=main -f type=branch`,
    `     openssl rand -hex 32 | gh secret set ACCESS_MEMORY_KEY --env access-grant --repo ${repo}`,
    "3. The Entra app registration, with no secret (as an administrator who can grant admin consent), that",
    "   reads members and changes only the groups of a restricted administrative unit (docs/setup.md, step 2a;",
    `   "access-as-code init --create-app" does all of this and adds the policy's groups to the unit):`,
    `     GRAPH=${GRAPH_APP_ID}`,
    `     role() { az ad sp show --id "$GRAPH" --query "appRoles[?value=='$1'].id" -o tsv; }`,
    `     APP=$(az ad app create --display-name "access-as-code ${repo}" --query appId -o tsv)`,
    '     SP=$(az ad sp create --id "$APP" --query id -o tsv)',
    `     az ad app permission add --id "$APP" --api "$GRAPH" --api-permissions ${graphRolesFor("unit", []).map((r) => `"$(role ${r})=Role"`).join(" ")}`,
    '     az ad app permission admin-consent --id "$APP"',
    `     AU=$(az rest --method POST --url ${GRAPH_V1}/directory/administrativeUnits --body '{"displayName":"access-as-code ${repo}","isMemberManagementRestricted":true}' --query id -o tsv)`,
    `     az rest --method POST --url "${GRAPH_V1}/directory/administrativeUnits/$AU/members/\\$ref" --body "{\\"@odata.id\\":\\"${GRAPH_V1}/groups/<each group id>\\"}"`,
    `     az rest --method POST --url ${GRAPH_V1}/roleManagement/directory/roleAssignments --body "{\\"principalId\\":\\"$SP\\",\\"roleDefinitionId\\":\\"${ROLES.groupsAdministrator}\\",\\"directoryScopeId\\":\\"/administrativeUnits/$AU\\"}"`,
    "   (the broad alternative, step 2d: GroupMember.ReadWrite.All instead of the unit; init --create-app --broad)",
    `     SUBJECT=$(${subject})`,
    '     az ad app federated-credential create --id "$APP" --parameters "{\\"name\\":\\"access-grant\\",\\"issuer\\":\\"https://token.actions.githubusercontent.com\\",\\"subject\\":\\"$SUBJECT\\",\\"audiences\\":[\\"api://AzureADTokenExchange\\"]}"',
    "   (a repository created before 2026-07-15 and not renamed since has the subject repo:OWNER/REPO:environment:access-grant)",
    "   For entries that grant Azure roles (azureRole:), the app also needs Role Based Access Control Administrator",
    "   at their scopes, limited by a delegation condition to the policy's roles and to users (docs/setup.md,",
    '   "Azure roles"); once the policy names them, init --create-app makes it, or doctor prints the exact command.',
    "4. The repository variables the workflows read:",
    `     gh variable set AZURE_CLIENT_ID --repo ${repo} --body "$APP"`,
    `     gh variable set AZURE_TENANT_ID --repo ${repo} --body "$(az account show --query tenantId -o tsv)"`,
    "5. Make this configuration the repository's first commit, and push it: it is the root of trust, and every",
    "   later change to it must come through a pull request its code owners approve.",
    `     ${options.gitRepository === false ? "git init -b main && " : ""}git add . && git commit -m "Access configuration" && git push -u https://github.com/${repo}.git main`,
    "6. The ruleset on main (docs/setup.md, step 5), and for team code owners a GitHub App with Members: read",
    "   (step 6: the variable ACCESS_APP_CLIENT_ID and the secret ACCESS_APP_KEY in the environment).",
    "7. Run the access-doctor workflow: it signs in, checks every group, identity and team, and says what is missing."
  ];
}

export {
  GRAPH_APP_ID,
  GRAPH_V1,
  GRANT_ENVIRONMENT,
  READ_ENVIRONMENT,
  READ_ONLY_GRAPH_ROLES,
  graphRolesFor,
  initProblem,
  initFiles,
  nextSteps
};
