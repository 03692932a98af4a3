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
import { GRAPH_APP_ID, REQUIRED_GRAPH_ROLES } from '../commands/init.ts';

const ENVIRONMENT = 'access-grant';

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
  /** Records a step done and says so at once (a later failure does not hide what was made). */
  did: (line: string) => void;
  out: SetupResult;
}

async function app(ctx: Ctx): Promise<void> {
  const name = `access-as-code ${ctx.repo}`;
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
  const sp = firstLine(
    await must(ctx.tool, 'az', ['ad', 'sp', 'list', '--filter', `appId eq '${appId}'`, '--query', '[0].id', '-o', 'tsv'], 'reading service principals'),
  );
  if (!sp) {
    await must(ctx.tool, 'az', ['ad', 'sp', 'create', '--id', appId, '--query', 'id', '-o', 'tsv'], 'creating the service principal');
    ctx.did('its service principal created');
  }
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
      `the app registration holds ${stored} client secret${stored === 1 ? '' : 's'} or certificate${stored === 1 ? '' : 's'}, which the workflows do not need (they sign in with GitHub's OIDC token): remove ${stored === 1 ? 'it' : 'them'} in the Entra admin center (App registrations > access-as-code ${ctx.repo} > Certificates & secrets), so nothing long-lived can act as it.`,
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
  const ids = REQUIRED_GRAPH_ROLES.map((value) => {
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
  ctx.did(`Graph application permissions ${REQUIRED_GRAPH_ROLES.join(' and ')} requested`);
  const consent = await ctx.tool('az', ['ad', 'app', 'permission', 'admin-consent', '--id', ctx.out.appId]);
  if (consent.code === 0) ctx.did('admin consent granted');
  else
    ctx.out.left.push(
      `admin consent was not granted (${firstLine(consent.stderr) || `exit ${consent.code}`}): an administrator who can grant it (Privileged Role Administrator) runs\n     az ad app permission admin-consent --id ${ctx.out.appId}\n   or grants it in the Entra admin center (App registrations > access-as-code ${ctx.repo} > API permissions).`,
    );
}

async function federation(ctx: Ctx): Promise<void> {
  const subject = await must(
    ctx.tool,
    'gh',
    ['api', `repos/${ctx.repo}`, '--jq', `"repo:\\(.owner.login)@\\(.owner.id)/\\(.name)@\\(.id):environment:${ENVIRONMENT}"`],
    `reading ${ctx.repo} on GitHub (push it first, and sign in with "gh auth login")`,
  );
  if (!/^repo:[^\s:]+:environment:access-grant$/.test(subject)) throw new SetupError(`gh answered "${subject}" for the repository's OIDC subject.`);
  ctx.out.subject = subject;
  const parameters = JSON.stringify({
    name: ENVIRONMENT,
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
  const existing = String(all.find((c) => c.name === ENVIRONMENT)?.subject ?? '');
  const foreign = all.filter((c) => c.name !== ENVIRONMENT).map((c) => `${String(c.name)} (${String(c.subject)})`);
  if (foreign.length > 0)
    ctx.out.left.push(
      `the app registration also trusts ${foreign.join(', ')}: a workflow or workload with that identity can act as it; remove what is not yours (az ad app federated-credential delete --id ${ctx.out.appId} --federated-credential-id <name>).`,
    );
  if (existing === subject) ctx.did(`federated credential for ${subject} exists already`);
  else if (existing) {
    await must(
      ctx.tool,
      'az',
      ['ad', 'app', 'federated-credential', 'update', '--id', ctx.out.appId, '--federated-credential-id', ENVIRONMENT, '--parameters', parameters],
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
  await must(tool, 'gh', ['variable', 'set', 'AZURE_CLIENT_ID', '--repo', repo, '--body', ctx.out.appId], 'setting the variable AZURE_CLIENT_ID');
  await must(tool, 'gh', ['variable', 'set', 'AZURE_TENANT_ID', '--repo', repo, '--body', ctx.out.tenantId], 'setting the variable AZURE_TENANT_ID');
  ctx.did('repository variables AZURE_CLIENT_ID and AZURE_TENANT_ID set');
}

/**
 * The access-grant environment, deployable from main only, and its memory key: made before the
 * federated credential that trusts it, so that no workflow on another branch can get an Entra token
 * in between (GitHub creates an environment on first reference with no branch rule).
 */
async function environment(ctx: Ctx): Promise<void> {
  const { tool, repo } = ctx;
  const env = `repos/${repo}/environments/${ENVIRONMENT}`;
  await must(
    tool,
    'gh',
    ['api', '-X', 'PUT', env, '-F', 'deployment_branch_policy[protected_branches]=false', '-F', 'deployment_branch_policy[custom_branch_policies]=true'],
    `creating the ${ENVIRONMENT} environment`,
  );
  const branches = (
    await must(tool, 'gh', ['api', `${env}/deployment-branch-policies`, '--jq', '.branch_policies[].name'], 'reading its deployment branches')
  ).split('\n');
  if (!branches.includes('main'))
    await must(tool, 'gh', ['api', '-X', 'POST', `${env}/deployment-branch-policies`, '-f', 'name=main', '-f', 'type=branch'], 'limiting it to main');
  ctx.did(`environment ${ENVIRONMENT}, deployable from main only`);
  const secrets = (
    await must(tool, 'gh', ['secret', 'list', '--env', ENVIRONMENT, '--repo', repo, '--json', 'name', '--jq', '.[].name'], 'reading its secrets')
  ).split('\n');
  if (secrets.includes('ACCESS_MEMORY_KEY')) ctx.did('memory key ACCESS_MEMORY_KEY exists already (kept)');
  else {
    // On standard input: a value on a command line can be read by any process on the machine.
    await must(
      tool,
      'gh',
      ['secret', 'set', 'ACCESS_MEMORY_KEY', '--env', ENVIRONMENT, '--repo', repo],
      'setting the memory key',
      randomBytes(32).toString('hex'),
    );
    ctx.did('memory key ACCESS_MEMORY_KEY set (a new random key)');
  }
}

/** Steps 2 to 4 of docs/setup.md, with the person's own az and gh. */
export async function createApp(repo: string, tool: Tool, say: (line: string) => void): Promise<SetupResult> {
  const out: SetupResult = { appId: '', tenantId: '', subject: '', done: [], left: [] };
  const did = (line: string) => {
    out.done.push(line);
    say(`  done: ${line}`);
  };
  const ctx: Ctx = { tool, repo, did, out };
  out.tenantId = firstLine(
    await must(
      tool,
      'az',
      ['account', 'show', '--query', 'tenantId', '-o', 'tsv'],
      'az is not signed in (run "az login" as someone who may create app registrations)',
    ),
  );
  // The environment (main only) first, then the variables, then the credential that trusts it.
  for (const step of [app, leftovers, permissions, environment, variables, federation]) await step(ctx);
  return out;
}
