/**
 * `init`: an access repository from the packaged template (policy with example groups, identities,
 * CODEOWNERS, workflows, the request form, README), in an empty folder or one without those files,
 * and the exact commands that finish the set-up (docs/setup.md). Pure: which files to write with what
 * text, and the next steps; the CLI writes them.
 */
import { ROLES } from '../entra/reach.ts';

export interface InitOptions {
  /** The GitHub organisation whose teams own the access configuration and requests (replaces the template's "acme"). */
  org?: string;
  /** "owner/name" of the access repository on GitHub, for the commands printed (else a placeholder). */
  githubRepo?: string;
}

export interface TemplateFile {
  path: string;
  text: string;
}

/** Microsoft Graph's application id, the same in every tenant. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Microsoft Graph v1.0, as the set-up's `az rest` calls name it (the public cloud, where init sets up). */
export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

/** The environment whose jobs grant and sweep (and hold the memory key), and the read-only one's. */
export const GRANT_ENVIRONMENT = 'access-grant';
export const READ_ENVIRONMENT = 'access-read';

/**
 * Which write path the app gets (docs/setup.md, step 2): `unit`, Groups Administrator scoped to a
 * restricted management administrative unit holding the policy's groups, the default; `tenant`,
 * GroupMember.ReadWrite.All, which reaches every group of the tenant that is not role-assignable.
 */
export type SetupChoice = 'unit' | 'tenant';

/** Graph application permissions of the read-only app (report and discover): nothing that writes. */
export const READ_ONLY_GRAPH_ROLES = ['GroupMember.Read.All', 'User.ReadBasic.All', 'RoleManagement.Read.Directory'] as const;

/**
 * The application permissions the grant and sweep need: reading members and users, plus the write path
 * chosen, plus what the policy's backends need (PIM for Groups); the optional ones stay a choice.
 */
export function graphRolesFor(reach: SetupChoice, groups: readonly { permissions: readonly string[] }[]): string[] {
  // With the unit, the write is a directory role: RoleManagement.Read.Directory (read-only) lets doctor see it.
  const write = reach === 'tenant' ? ['GroupMember.ReadWrite.All'] : ['GroupMember.Read.All', 'RoleManagement.Read.Directory'];
  return [...new Set([...write, 'User.ReadBasic.All', ...groups.flatMap((g) => g.permissions)])];
}

const ORG = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** Why the options cannot be used, or undefined. */
export function initProblem(options: InitOptions): string | undefined {
  if (options.org !== undefined && !ORG.test(options.org)) return `--org "${options.org}" is not a GitHub organisation name (letters, digits and hyphens).`;
  if (options.githubRepo !== undefined && !REPO.test(options.githubRepo)) return `--github-repo "${options.githubRepo}" is not owner/name.`;
  return undefined;
}

/** The template's files made for this organisation: its teams instead of the example organisation's. */
export function initFiles(template: readonly TemplateFile[], options: InitOptions): TemplateFile[] {
  const org = options.org;
  return template.map((f) => ({
    path: f.path,
    text: org && (f.path === '.github/CODEOWNERS' || f.path === '.github/access-policy.yaml') ? f.text.replaceAll('@acme/', `@${org}/`) : f.text,
  }));
}

/** What to do next, with the exact commands (az and gh, run by the person with their own sign-in). */
export function nextSteps(options: InitOptions & { gitRepository?: boolean }): string[] {
  const repo = options.githubRepo ?? `${options.org ?? 'OWNER'}/REPO`;
  const subject = `gh api repos/${repo} --jq '"repo:\\(.owner.login)@\\(.owner.id)/\\(.name)@\\(.id):environment:access-grant"'`;
  // The order matters: the environment (main only), the app and the variables exist before the first
  // push brings the workflows, so no run signs in half-configured and no branch can get a token.
  return [
    'Next (docs/setup.md has the why of each step); the workflows are pushed last:',
    '',
    '1. Replace the example groups (Entra object ids), identities and code owners in .github/, then check:',
    '     access-as-code validate',
    `2. The repository on GitHub, empty for now (gh repo create ${repo} --private), and its access-grant`,
    '   environment, deployable from main only, with the memory key:',
    `     gh api -X PUT repos/${repo}/environments/access-grant -F "deployment_branch_policy[protected_branches]=false" -F "deployment_branch_policy[custom_branch_policies]=true"`,
    `     gh api -X POST repos/${repo}/environments/access-grant/deployment-branch-policies -f name=main -f type=branch`,
    `     openssl rand -hex 32 | gh secret set ACCESS_MEMORY_KEY --env access-grant --repo ${repo}`,
    '3. The Entra app registration, with no secret (as an administrator who can grant admin consent), that',
    '   reads members and changes only the groups of a restricted administrative unit (docs/setup.md, step 2a;',
    '   "access-as-code init --create-app" does all of this and adds the policy\'s groups to the unit):',
    `     GRAPH=${GRAPH_APP_ID}`,
    '     role() { az ad sp show --id "$GRAPH" --query "appRoles[?value==\'$1\'].id" -o tsv; }',
    `     APP=$(az ad app create --display-name "access-as-code ${repo}" --query appId -o tsv)`,
    '     SP=$(az ad sp create --id "$APP" --query id -o tsv)',
    `     az ad app permission add --id "$APP" --api "$GRAPH" --api-permissions ${graphRolesFor('unit', [])
      .map((r) => `"$(role ${r})=Role"`)
      .join(' ')}`,
    '     az ad app permission admin-consent --id "$APP"',
    `     AU=$(az rest --method POST --url ${GRAPH_V1}/directory/administrativeUnits --body '{"displayName":"access-as-code ${repo}","isMemberManagementRestricted":true}' --query id -o tsv)`,
    `     az rest --method POST --url "${GRAPH_V1}/directory/administrativeUnits/$AU/members/\\$ref" --body "{\\"@odata.id\\":\\"${GRAPH_V1}/groups/<each group id>\\"}"`,
    `     az rest --method POST --url ${GRAPH_V1}/roleManagement/directory/roleAssignments --body "{\\"principalId\\":\\"$SP\\",\\"roleDefinitionId\\":\\"${ROLES.groupsAdministrator}\\",\\"directoryScopeId\\":\\"/administrativeUnits/$AU\\"}"`,
    '   (the broad alternative, step 2d: GroupMember.ReadWrite.All instead of the unit; init --create-app --broad)',
    `     SUBJECT=$(${subject})`,
    '     az ad app federated-credential create --id "$APP" --parameters "{\\"name\\":\\"access-grant\\",\\"issuer\\":\\"https://token.actions.githubusercontent.com\\",\\"subject\\":\\"$SUBJECT\\",\\"audiences\\":[\\"api://AzureADTokenExchange\\"]}"',
    '   (a repository created before 2026-07-15 and not renamed since has the subject repo:OWNER/REPO:environment:access-grant)',
    '   For entries that grant Azure roles (azureRole:), the app also needs Role Based Access Control Administrator',
    "   at their scopes, limited by a delegation condition to the policy's roles and to users (docs/setup.md,",
    '   "Azure roles"); once the policy names them, init --create-app makes it, or doctor prints the exact command.',
    '4. The repository variables the workflows read:',
    `     gh variable set AZURE_CLIENT_ID --repo ${repo} --body "$APP"`,
    `     gh variable set AZURE_TENANT_ID --repo ${repo} --body "$(az account show --query tenantId -o tsv)"`,
    "5. Make this configuration the repository's first commit, and push it: it is the root of trust, and every",
    '   later change to it must come through a pull request its code owners approve.',
    `     ${options.gitRepository === false ? 'git init -b main && ' : ''}git add . && git commit -m "Access configuration" && git push -u https://github.com/${repo}.git main`,
    '6. The ruleset on main (docs/setup.md, step 5), and for team code owners a GitHub App with Members: read',
    '   (step 6: the variable ACCESS_APP_CLIENT_ID and the secret ACCESS_APP_KEY in the environment).',
    '7. Run the access-doctor workflow: it signs in, checks every group, identity and team, and says what is missing.',
  ];
}
