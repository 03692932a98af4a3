/**
 * `init --create-app`: the Entra app registration, its federated credential and the repository's
 * variables, environment and memory key, made with the person's own `az` and `gh` sign-ins, when they
 * choose to (without it, init prints the same commands to run by hand).
 *
 * Each step looks before it writes, so a second run finishes what the first could not (an administrator's
 * consent, say) without making anything twice. The tools are started without a shell: every value is
 * one argument, and the memory key goes to `gh` on its standard input, never on a command line another
 * process could read.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../diagnostics.ts';
import {
  GRAPH_APP_ID,
  GRAPH_V1 as GRAPH,
  graphRolesFor,
  READ_ENVIRONMENT,
  READ_ONLY_GRAPH_ROLES,
  GRANT_ENVIRONMENT,
  type SetupChoice,
} from '../commands/init.ts';
import { ROLES } from '../entra/reach.ts';
import { RBAC_ADMINISTRATOR_ROLE_ID, roleDefinitionAt, roleIdOf } from '../entra/azure-built-in-roles.ts';
import { delegationCondition } from '../entra/azure-condition.ts';
import {
  allowedBy,
  delegationCommand,
  delegations,
  judgeAzureReach,
  unconditionedCommand,
  type Delegation,
  type OwnAssignment,
  type ReachEntry,
} from '../entra/azure-reach.ts';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}
/** Runs `az` or `gh` with these arguments (and this standard input); no shell. */
export type Tool = (command: 'az' | 'gh', args: readonly string[], input?: string) => Promise<ToolResult>;

const INSTALL = {
  az: 'the Azure CLI (az) is not installed: https://learn.microsoft.com/cli/azure/install-azure-cli',
  gh: 'the GitHub CLI (gh) is not installed: https://cli.github.com',
};

/** The real tools, found on PATH. */
export const systemTool: Tool = (command, args, input) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { shell: false, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new ConfigError(`${INSTALL[command]}; or run init without --create-app and the commands it prints.`) : error),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    // A tool that exits before reading its input makes the write fail (EPIPE): its exit status and its
    // words, reported by 'close', say what went wrong; the failed write itself is no crash.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });

/** A step that could not be done: what was run, what the tool said, and what to do. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}

/** A tool's JSON answer, or a SetupError saying which answer could not be read. */
function parsed<T>(text: string, what: string, check: (v: unknown) => boolean): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value === undefined || !check(value)) throw new SetupError(`az answered something that is not ${what}: ${text.slice(0, 200)}`);
  return value as T;
}

function firstLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .find((l) => l.trim() !== '') ?? ''
  );
}

async function must(tool: Tool, command: 'az' | 'gh', args: readonly string[], why: string, input?: string): Promise<string> {
  const res = await tool(command, args, input);
  if (res.code !== 0) throw new SetupError(`${why}: "${command} ${args.slice(0, 4).join(' ')} …" failed: ${firstLine(res.stderr) || `exit ${res.code}`}`);
  return res.stdout.trim();
}

export interface SetupResult {
  appId: string;
  /** The app's service principal (enterprise application) object id. */
  spId: string;
  tenantId: string;
  subject: string;
  /** What was made, or found made already, one line each. */
  done: string[];
  /** What is left for someone else (an administrator's consent), with the command. */
  left: string[];
}

interface Ctx {
  tool: Tool;
  repo: string;
  /** The app registration's name and the environment whose jobs it trusts. */
  appName: string;
  environment: string;
  /** The Graph application permissions it is given. */
  roles: readonly string[];
  /** Records a step done and says so at once (a later failure does not hide what was made). */
  did: (line: string) => void;
  out: SetupResult;
}

async function app(ctx: Ctx): Promise<void> {
  const name = ctx.appName;
  const existing = (await must(ctx.tool, 'az', ['ad', 'app', 'list', '--display-name', name, '--query', '[].appId', '-o', 'tsv'], 'reading app registrations'))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (existing.length > 1)
    throw new SetupError(
      `${existing.length} app registrations are named "${name}" (${existing.join(', ')}): which one is meant is not clear. Delete the extra ones, then run init --create-app again.`,
    );
  let appId = existing[0] ?? '';
  if (appId) {
    await adoptable(ctx, name, appId);
    ctx.did(`app registration "${name}" (${appId}) exists already, owned by you alone`);
  } else {
    appId = firstLine(
      await must(
        ctx.tool,
        'az',
        ['ad', 'app', 'create', '--display-name', name, '--sign-in-audience', 'AzureADMyOrg', '--query', 'appId', '-o', 'tsv'],
        'creating the app registration',
      ),
    );
    ctx.did(`app registration "${name}" (${appId}) created, with no secret`);
  }
  if (!/^[0-9a-f-]{36}$/i.test(appId)) throw new SetupError(`az answered "${appId}" for the app registration's id, which is not an id.`);
  ctx.out.appId = appId;
  let sp = firstLine(
    await must(ctx.tool, 'az', ['ad', 'sp', 'list', '--filter', `appId eq '${appId}'`, '--query', '[0].id', '-o', 'tsv'], 'reading service principals'),
  );
  if (!sp) {
    sp = firstLine(await must(ctx.tool, 'az', ['ad', 'sp', 'create', '--id', appId, '--query', 'id', '-o', 'tsv'], 'creating the service principal'));
    ctx.did('its service principal created');
  }
  ctx.out.spId = sp;
}

/**
 * An app registration found by its name is used only when the person running init is its only owner:
 * anyone else who owns it could add a secret and act as it, with every permission an administrator
 * then consents to. Anyone in the tenant may create an app with this name first.
 */
async function adoptable(ctx: Ctx, name: string, appId: string): Promise<void> {
  const me = firstLine(await must(ctx.tool, 'az', ['ad', 'signed-in-user', 'show', '--query', 'id', '-o', 'tsv'], 'reading who is signed in to az'));
  const owners = (
    await must(ctx.tool, 'az', ['ad', 'app', 'owner', 'list', '--id', appId, '--query', '[].id', '-o', 'tsv'], "reading the app registration's owners")
  )
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const others = owners.filter((o) => o.toLowerCase() !== me.toLowerCase());
  if (others.length > 0 || !owners.some((o) => o.toLowerCase() === me.toLowerCase()))
    throw new SetupError(
      `an app registration named "${name}" exists (${appId}) and ${others.length > 0 ? `is owned by others too (${others.join(', ')})` : 'you do not own it'}: init does not adopt an app someone else can change, since an owner can add a secret and act as it with every permission consented to it. Delete it, or finish the set-up by hand (docs/setup.md, step 2).`,
    );
}

/** What the app holds that the workflows do not need: secrets or certificates, and federated credentials other than ours. */
async function leftovers(ctx: Ctx): Promise<void> {
  const creds = parsed<{ secrets?: unknown; certificates?: unknown }>(
    await must(
      ctx.tool,
      'az',
      ['ad', 'app', 'show', '--id', ctx.out.appId, '--query', '{secrets: length(passwordCredentials), certificates: length(keyCredentials)}', '-o', 'json'],
      "reading the app registration's credentials",
    ),
    "the app registration's credentials",
    (v) => typeof v === 'object' && v !== null,
  );
  const stored = (Number(creds.secrets) || 0) + (Number(creds.certificates) || 0);
  if (stored > 0)
    ctx.out.left.push(
      `the app registration holds ${stored} client secret${stored === 1 ? '' : 's'} or certificate${stored === 1 ? '' : 's'}, which the workflows do not need (they sign in with GitHub's OIDC token): remove ${stored === 1 ? 'it' : 'them'} in the Entra admin center (App registrations > ${ctx.appName} > Certificates & secrets), so nothing long-lived can act as it.`,
    );
}

async function permissions(ctx: Ctx): Promise<void> {
  const list = parsed<{ value?: unknown; id?: unknown }[]>(
    await must(
      ctx.tool,
      'az',
      ['ad', 'sp', 'show', '--id', GRAPH_APP_ID, '--query', 'appRoles[].{value:value,id:id}', '-o', 'json'],
      "reading Microsoft Graph's permissions",
    ),
    "Microsoft Graph's permissions",
    Array.isArray,
  );
  const ids = ctx.roles.map((value) => {
    const id = list.find((r) => r.value === value)?.id;
    if (typeof id !== 'string') throw new SetupError(`Microsoft Graph's permissions as az lists them do not include ${value}.`);
    return `${id}=Role`;
  });
  await must(
    ctx.tool,
    'az',
    ['ad', 'app', 'permission', 'add', '--id', ctx.out.appId, '--api', GRAPH_APP_ID, '--api-permissions', ...ids],
    'adding the Graph permissions',
  );
  ctx.did(`Graph application permissions ${ctx.roles.join(', ')} requested`);
  const consent = await ctx.tool('az', ['ad', 'app', 'permission', 'admin-consent', '--id', ctx.out.appId]);
  if (consent.code === 0) ctx.did('admin consent granted');
  else
    ctx.out.left.push(
      `admin consent was not granted (${firstLine(consent.stderr) || `exit ${consent.code}`}): an administrator who can grant it (Privileged Role Administrator) runs\n     az ad app permission admin-consent --id ${ctx.out.appId}\n   or grants it in the Entra admin center (App registrations > ${ctx.appName} > API permissions).`,
    );
}

async function federation(ctx: Ctx): Promise<void> {
  const subject = await must(
    ctx.tool,
    'gh',
    ['api', `repos/${ctx.repo}`, '--jq', `"repo:\\(.owner.login)@\\(.owner.id)/\\(.name)@\\(.id):environment:${ctx.environment}"`],
    `reading ${ctx.repo} on GitHub (push it first, and sign in with "gh auth login")`,
  );
  if (!subject.startsWith('repo:') || /\s/.test(subject) || !subject.endsWith(`:environment:${ctx.environment}`))
    throw new SetupError(`gh answered "${subject}" for the repository's OIDC subject.`);
  ctx.out.subject = subject;
  const parameters = JSON.stringify({
    name: ctx.environment,
    issuer: 'https://token.actions.githubusercontent.com',
    subject,
    audiences: ['api://AzureADTokenExchange'],
  });
  const all = parsed<{ name?: unknown; subject?: unknown }[]>(
    await must(
      ctx.tool,
      'az',
      ['ad', 'app', 'federated-credential', 'list', '--id', ctx.out.appId, '--query', '[].{name: name, subject: subject}', '-o', 'json'],
      'reading federated credentials',
    ),
    'a list of federated credentials',
    Array.isArray,
  );
  const existing = String(all.find((c) => c.name === ctx.environment)?.subject ?? '');
  const foreign = all.filter((c) => c.name !== ctx.environment).map((c) => `${String(c.name)} (${String(c.subject)})`);
  if (foreign.length > 0)
    ctx.out.left.push(
      `the app registration also trusts ${foreign.join(', ')}: a workflow or workload with that identity can act as it; remove what is not yours (az ad app federated-credential delete --id ${ctx.out.appId} --federated-credential-id <name>).`,
    );
  if (existing === subject) ctx.did(`federated credential for ${subject} exists already`);
  else if (existing) {
    await must(
      ctx.tool,
      'az',
      ['ad', 'app', 'federated-credential', 'update', '--id', ctx.out.appId, '--federated-credential-id', ctx.environment, '--parameters', parameters],
      'updating the federated credential',
    );
    ctx.did(`federated credential moved from ${existing} to ${subject}`);
  } else {
    await must(
      ctx.tool,
      'az',
      ['ad', 'app', 'federated-credential', 'create', '--id', ctx.out.appId, '--parameters', parameters],
      'creating the federated credential',
    );
    ctx.did(`federated credential for ${subject} created (no secret: the workflows sign in with GitHub's OIDC token)`);
  }
}

/** The repository variables the template's workflows read: set once the environment exists, so no run signs in half-configured. */
async function variables(ctx: Ctx): Promise<void> {
  const { tool, repo } = ctx;
  const client = ctx.environment === READ_ENVIRONMENT ? 'AZURE_READ_CLIENT_ID' : 'AZURE_CLIENT_ID';
  await must(tool, 'gh', ['variable', 'set', client, '--repo', repo, '--body', ctx.out.appId], `setting the variable ${client}`);
  await must(tool, 'gh', ['variable', 'set', 'AZURE_TENANT_ID', '--repo', repo, '--body', ctx.out.tenantId], 'setting the variable AZURE_TENANT_ID');
  ctx.did(`repository variables ${client} and AZURE_TENANT_ID set`);
}

/**
 * The access-grant environment, deployable from main only, and its memory key: made before the
 * federated credential that trusts it, so that no workflow on another branch can get an Entra token
 * in between (GitHub creates an environment on first reference with no branch rule).
 */
async function environment(ctx: Ctx): Promise<void> {
  const { tool, repo } = ctx;
  const env = `repos/${repo}/environments/${ctx.environment}`;
  await must(
    tool,
    'gh',
    ['api', '-X', 'PUT', env, '-F', 'deployment_branch_policy[protected_branches]=false', '-F', 'deployment_branch_policy[custom_branch_policies]=true'],
    `creating the ${ctx.environment} environment`,
  );
  const branches = (
    await must(tool, 'gh', ['api', `${env}/deployment-branch-policies`, '--jq', '.branch_policies[].name'], 'reading its deployment branches')
  ).split('\n');
  if (!branches.includes('main'))
    await must(tool, 'gh', ['api', '-X', 'POST', `${env}/deployment-branch-policies`, '-f', 'name=main', '-f', 'type=branch'], 'limiting it to main');
  ctx.did(`environment ${ctx.environment}, deployable from main only`);
  // The memory key signs what the grant and sweep jobs remember; only their environment holds it.
  if (ctx.environment !== GRANT_ENVIRONMENT) return;
  const secrets = (
    await must(tool, 'gh', ['secret', 'list', '--env', ctx.environment, '--repo', repo, '--json', 'name', '--jq', '.[].name'], 'reading its secrets')
  ).split('\n');
  if (secrets.includes('ACCESS_MEMORY_KEY')) ctx.did('memory key ACCESS_MEMORY_KEY exists already (kept)');
  else {
    // On standard input: a value on a command line can be read by any process on the machine.
    await must(
      tool,
      'gh',
      ['secret', 'set', 'ACCESS_MEMORY_KEY', '--env', ctx.environment, '--repo', repo],
      'setting the memory key',
      randomBytes(32).toString('hex'),
    );
    ctx.did('memory key ACCESS_MEMORY_KEY set (a new random key)');
  }
}

/** A JSON answer of `az rest` (Graph's, or Azure Resource Manager's), or a SetupError naming what could not be read. */
async function graph<T>(ctx: Ctx, method: 'GET' | 'POST', url: string, why: string, body?: unknown): Promise<T> {
  const args = ['rest', '--method', method, '--url', url, ...(body === undefined ? [] : ['--body', JSON.stringify(body)])];
  const text = await must(ctx.tool, 'az', args, why);
  const service = url.startsWith(ARM) ? 'Azure Resource Manager' : 'Graph';
  return text === '' ? ({} as T) : parsed<T>(text, `an answer of ${service} (${why})`, (v) => typeof v === 'object' && v !== null);
}

/** Every page of a list (az rest returns one page and the next one's address: Graph's @odata.nextLink, ARM's nextLink). */
async function graphList<T>(ctx: Ctx, url: string, why: string): Promise<T[]> {
  const out: T[] = [];
  for (let next: string | undefined = url; next;) {
    const page: { value?: T[]; '@odata.nextLink'?: string; nextLink?: string } = await graph(ctx, 'GET', next, why);
    out.push(...(page.value ?? []));
    next = page['@odata.nextLink'] ?? page.nextLink ?? undefined;
  }
  return out;
}

interface Unit {
  id: string;
  isMemberManagementRestricted?: boolean | null;
}

/**
 * The narrowest write path (docs/setup.md, step 2a): a restricted management administrative unit
 * holding the policy's membership groups, and Groups Administrator for the app scoped to it. Making a
 * unit and assigning a role need Privileged Role Administrator; what the person cannot do is left,
 * with the command, for someone who can.
 */
async function unit(ctx: Ctx, groups: readonly PolicyGroupRef[]): Promise<void> {
  const name = ctx.appName;
  const found = await graphList<Unit>(
    ctx,
    `${GRAPH}/directory/administrativeUnits?$filter=displayName eq '${name.replaceAll("'", "''")}'&$select=id,isMemberManagementRestricted`,
    'reading administrative units',
  );
  if (found.length > 1)
    throw new SetupError(`${found.length} administrative units are named "${name}": delete the extra ones, then run init --create-app again.`);
  let au = found[0];
  if (au) ctx.did(`administrative unit "${name}" (${au.id}) exists already`);
  else {
    au = await graph<Unit>(
      ctx,
      'POST',
      `${GRAPH}/directory/administrativeUnits`,
      'creating the restricted administrative unit (needs Privileged Role Administrator; without one, --broad gives the app tenant-wide GroupMember.ReadWrite.All instead, docs/setup.md step 2d)',
      {
        displayName: name,
        description: `The groups access-as-code (${ctx.repo}) manages; only its app changes their members.`,
        isMemberManagementRestricted: true,
      },
    );
    ctx.did(`restricted management administrative unit "${name}" (${au.id}) created`);
  }
  if (!/^[0-9a-f-]{36}$/i.test(au.id ?? '')) throw new SetupError(`Graph answered "${String(au.id)}" for the administrative unit's id, which is not an id.`);
  if (au.isMemberManagementRestricted !== true)
    ctx.out.left.push(
      `the administrative unit "${name}" is not a restricted management one (that is chosen only when a unit is made): tenant administrators can still change its groups' members. To close that, delete it and run init --create-app again (docs/setup.md, step 2a).`,
    );
  await unitGroups(ctx, au.id, groups);
  await unitRole(ctx, au.id);
}

/** The policy's membership groups in the unit; groups not in the tenant (the template's examples) are said. */
async function unitGroups(ctx: Ctx, unitId: string, groups: readonly PolicyGroupRef[]): Promise<void> {
  const wanted = groups.filter((g) => g.writesMembers);
  if (wanted.length === 0) {
    ctx.out.left.push(
      'the policy names no group with backend: membership yet: put your groups in .github/access-policy.yaml and run init --create-app again; it adds them to the unit.',
    );
    return;
  }
  const inUnit = new Set(
    (
      await graphList<{ id: string }>(
        ctx,
        `${GRAPH}/directory/administrativeUnits/${unitId}/members/microsoft.graph.group?$select=id`,
        "reading the unit's groups",
      )
    ).map((g) => g.id.toLowerCase()),
  );
  const exist = await graph<{ value?: { id: string }[] }>(ctx, 'POST', `${GRAPH}/directoryObjects/getByIds`, "looking the policy's groups up", {
    ids: wanted.map((g) => g.id),
    types: ['group'],
  });
  const known = new Set((exist.value ?? []).map((g) => g.id.toLowerCase()));
  const missing = wanted.filter((g) => !known.has(g.id.toLowerCase()));
  for (const g of wanted.filter((x) => known.has(x.id.toLowerCase()) && !inUnit.has(x.id.toLowerCase()))) {
    await graph(ctx, 'POST', `${GRAPH}/directory/administrativeUnits/${unitId}/members/$ref`, `adding the group ${g.name} to the unit`, {
      '@odata.id': `${GRAPH}/groups/${g.id}`,
    });
    ctx.did(`group ${g.name} (${g.id}) added to the unit`);
  }
  if (missing.length > 0)
    ctx.out.left.push(
      `${missing.length} of the policy's groups ${missing.length === 1 ? 'is' : 'are'} not in the tenant (${missing.map((g) => `${g.name}: ${g.id}`).join(', ')}), the template's examples perhaps: put your groups' object ids in .github/access-policy.yaml and run init --create-app again; it adds them to the unit.`,
    );
}

/** Groups Administrator for the app's service principal, scoped to the unit: the only write the app holds. */
async function unitRole(ctx: Ctx, unitId: string): Promise<void> {
  const scope = `/administrativeUnits/${unitId}`;
  const assigned = await graphList<{ roleDefinitionId?: string; directoryScopeId?: string }>(
    ctx,
    `${GRAPH}/roleManagement/directory/roleAssignments?$filter=principalId eq '${ctx.out.spId}'`,
    "reading the app's directory roles",
  );
  if (assigned.some((a) => a.roleDefinitionId === ROLES.groupsAdministrator && a.directoryScopeId === scope)) {
    ctx.did('Groups Administrator for the app, scoped to the unit, exists already');
    return;
  }
  const body = { principalId: ctx.out.spId, roleDefinitionId: ROLES.groupsAdministrator, directoryScopeId: scope };
  const res = await ctx.tool('az', ['rest', '--method', 'POST', '--url', `${GRAPH}/roleManagement/directory/roleAssignments`, '--body', JSON.stringify(body)]);
  if (res.code === 0) ctx.did('Groups Administrator for the app, scoped to the unit, assigned');
  else
    ctx.out.left.push(
      `Groups Administrator scoped to the unit was not assigned (${firstLine(res.stderr) || `exit ${res.code}`}): a Privileged Role Administrator runs\n     az rest --method POST --url ${GRAPH}/roleManagement/directory/roleAssignments --body '${JSON.stringify(body)}'\n   Until then the app can read the groups but change none.`,
    );
}

/** Azure Resource Manager in the public cloud (where init sets up), and the Authorization API version whose conditions are stable. */
const ARM = 'https://management.azure.com';
const ARM_AUTHORIZATION = 'api-version=2022-04-01';

/** One of the app's role assignments as ARM lists it (az rest). */
interface ArmAssignment {
  id?: string;
  properties?: { scope?: string; roleDefinitionId?: string; principalId?: string; condition?: string | null; description?: string | null };
}

/** One of the app's own assignments, as judged (azure-reach.ts) and as listed (for an edit of its condition). */
type Listed = OwnAssignment & { id: string; roleDefinitionId: string; description?: string };

/**
 * The app's own role assignments at, above and below `scope` (ARM's principalId filter), every page,
 * each that is at or above `scope` marked as applying at `covers` (the entries' scopes below it): an
 * assignment at a management group holds the subscription though no path shows it. Undefined, and
 * what to do left, when the person running init may not read them.
 */
async function ownAssignments(ctx: Ctx, scope: string, covers: readonly string[], command: string): Promise<Listed[] | undefined> {
  let listed: ArmAssignment[];
  try {
    listed = await graphList<ArmAssignment>(
      ctx,
      `${ARM}${scope}/providers/Microsoft.Authorization/roleAssignments?${ARM_AUTHORIZATION}&$filter=principalId eq '${ctx.out.spId}'`,
      `reading the app's Azure role assignments at ${scope}`,
    );
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    ctx.out.left.push(
      `the app's Azure role assignments at ${scope} could not be read (${error.message}), so init did not give it its writer there: someone who may read and write role assignments there (Owner, User Access Administrator or Role Based Access Control Administrator) runs\n     ${command}`,
    );
    return undefined;
  }
  const below = (s: string) => s.toLowerCase().startsWith(`${scope.toLowerCase()}/`);
  return listed.flatMap((a) => {
    const p = a.properties;
    const roleId = p?.roleDefinitionId ? roleIdOf(p.roleDefinitionId) : undefined;
    if (!a.id || !p?.scope || !p.roleDefinitionId || !roleId) return [];
    return [
      {
        id: a.id,
        scope: p.scope,
        roleDefinitionId: p.roleDefinitionId,
        roleId,
        ...(p.condition ? { condition: p.condition } : {}),
        ...(p.description ? { description: p.description } : {}),
        ...(below(p.scope) ? {} : { appliesAt: covers.map((c) => c.toLowerCase()) }),
      },
    ];
  });
}

/**
 * The app's Azure reach (docs/setup.md, "Azure roles"): Role Based Access Control Administrator with the
 * delegation condition at each subscription (or scope) the policy grants roles in, made or widened to
 * the policy's roles there; never a writer without a condition (the one PIM for Azure resources entries
 * need is left for a person to choose, with the command). Reading and making role assignments needs
 * Owner, User Access Administrator or Role Based Access Control Administrator there; without it, the
 * command is left and the rest of the set-up goes on.
 */
async function azureRoles(ctx: Ctx, groups: readonly PolicyGroupRef[]): Promise<void> {
  const entries = groups.flatMap((g) => (g.azure ? [g.azure] : []));
  for (const d of delegations(entries)) await delegated(ctx, d);
  for (const e of entries.filter((x) => x.pim)) {
    const command = unconditionedCommand(ctx.out.spId, e.scope);
    const own = await ownAssignments(ctx, e.scope, [e.scope], command);
    if (!own) continue;
    const reach = judgeAzureReach(own, [e], ctx.out.spId);
    if (reach.missing.length === 0) ctx.did(`the app can make PIM for Azure resources assignments at ${e.scope} (${e.name})`);
    else
      ctx.out.left.push(
        `${e.name} grants through PIM for Azure resources, which is not documented to honour a delegation condition: it needs Role Based Access Control Administrator without one at ${e.scope}, its own scope and no wider. init does not give an unconditioned writer by itself; if you accept it (or choose backend: azure-role, which the condition covers), run\n     ${command}`,
      );
  }
}

/** One conditioned writer: found, widened to the policy's roles there, or made. */
async function delegated(ctx: Ctx, d: Delegation): Promise<void> {
  const own = await ownAssignments(
    ctx,
    d.scope,
    d.entries.map((e) => e.scope),
    delegationCommand(ctx.out.spId, d.scope, d.roleIds),
  );
  if (!own) return;
  const reach = judgeAzureReach(own, d.entries, ctx.out.spId);
  for (const b of new Set(reach.beyond)) ctx.out.left.push(b);
  if (reach.missing.length === 0) {
    ctx.did(`the app can already write the policy's roles at ${d.scope}${reach.beyond.length > 0 ? ' (what it holds beyond them is listed below)' : ''}`);
    return;
  }
  // An assignment the set-up made before, for fewer roles (the policy gained one): its condition widened,
  // the roles it had kept, everything else as listed (ARM lets an edit change the condition and description only).
  const mine = own.find(
    (a) => a.scope.toLowerCase() === d.scope.toLowerCase() && a.roleId === RBAC_ADMINISTRATOR_ROLE_ID && allowedBy(a.condition).roles !== undefined,
  );
  const roles = [...new Set([...(mine ? [...allowedBy(mine.condition).roles!] : []), ...d.roleIds])];
  const res = mine
    ? await ctx.tool('az', [
        'rest',
        '--method',
        'PUT',
        '--url',
        `${ARM}${mine.id}?${ARM_AUTHORIZATION}`,
        '--body',
        JSON.stringify({
          properties: {
            roleDefinitionId: mine.roleDefinitionId,
            principalId: ctx.out.spId,
            principalType: 'ServicePrincipal',
            condition: delegationCondition(roles),
            conditionVersion: '2.0',
            ...(mine.description ? { description: mine.description } : {}),
          },
        }),
      ])
    : await ctx.tool('az', [
        'role',
        'assignment',
        'create',
        '--assignee-object-id',
        ctx.out.spId,
        '--assignee-principal-type',
        'ServicePrincipal',
        // The definition's full id at the scope: az resolves a bare GUID in its current subscription.
        '--role',
        roleDefinitionAt(d.scope, RBAC_ADMINISTRATOR_ROLE_ID),
        '--scope',
        d.scope,
        '--condition-version',
        '2.0',
        '--condition',
        delegationCondition(roles),
      ]);
  if (res.code === 0)
    ctx.did(
      `Role Based Access Control Administrator for the app at ${d.scope} ${mine ? 'widened' : 'assigned'}, limited by the delegation condition to users and to ${roles.length} role${roles.length === 1 ? '' : 's'} (${roles.join(', ')})`,
    );
  else
    ctx.out.left.push(
      `the app cannot write role assignments at ${d.scope} yet (${firstLine(res.stderr) || `exit ${res.code}`}): someone who holds Owner, User Access Administrator or Role Based Access Control Administrator there runs\n     ${delegationCommand(ctx.out.spId, d.scope, roles)}`,
    );
}

/** A group of the policy, as the set-up needs it: whether its backend writes members, and the permissions it needs. */
export interface PolicyGroupRef {
  name: string;
  id: string;
  writesMembers: boolean;
  permissions: readonly string[];
  /** For an entry that grants an Azure role: its scope, role and whether PIM for Azure resources makes its assignments. */
  azure?: ReachEntry;
}

export interface SetupOptions {
  /** Which write path the app gets (docs/setup.md, step 2): a restricted unit (default) or the tenant-wide permission. */
  reach: SetupChoice;
  /** Also a read-only app and its own environment, for report and discover. */
  readOnly: boolean;
  groups: readonly PolicyGroupRef[];
}

/** Steps 2 to 4 of docs/setup.md, with the person's own az and gh: the app that grants, and optionally the one that reads. */
export async function createApp(repo: string, tool: Tool, say: (line: string) => void, options: SetupOptions): Promise<SetupResult> {
  const out: SetupResult = { appId: '', spId: '', tenantId: '', subject: '', done: [], left: [] };
  const did = (line: string) => {
    out.done.push(line);
    say(`  done: ${line}`);
  };
  out.tenantId = firstLine(
    await must(
      tool,
      'az',
      ['account', 'show', '--query', 'tenantId', '-o', 'tsv'],
      'az is not signed in (run "az login" as someone who may create app registrations)',
    ),
  );
  const grant: Ctx = {
    tool,
    repo,
    did,
    out,
    appName: `access-as-code ${repo}`,
    environment: GRANT_ENVIRONMENT,
    roles: graphRolesFor(options.reach, options.groups),
  };
  // The environment (main only) first, then the variables, then the credential that trusts it.
  for (const step of [app, leftovers, permissions]) await step(grant);
  if (options.reach === 'unit') await unit(grant, options.groups);
  for (const step of [environment, variables, federation]) await step(grant);
  // Last: Azure rights are often someone else's, and what init cannot do there is left, not a stop.
  await azureRoles(grant, options.groups);
  if (options.readOnly) {
    say(`  The read-only app, for report and discover (environment ${READ_ENVIRONMENT}):`);
    const read: SetupResult = { ...out, appId: '', spId: '', subject: '' };
    const ctx: Ctx = { tool, repo, did, out: read, appName: `access-as-code ${repo} (read-only)`, environment: READ_ENVIRONMENT, roles: READ_ONLY_GRAPH_ROLES };
    for (const step of [app, leftovers, permissions, environment, variables, federation]) await step(ctx);
  }
  return out;
}
