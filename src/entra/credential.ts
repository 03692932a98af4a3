/**
 * Signing in to Entra without a stored secret. In Actions: the job's GitHub OIDC token is exchanged
 * for an Entra token through a federated credential on the app registration (workload identity
 * federation). On a laptop: the credentials a developer already has (environment variables, Azure CLI).
 */
import { AzureCliCredential, ChainedTokenCredential, ClientAssertionCredential, EnvironmentCredential, type TokenCredential } from '@azure/identity';
import { ConfigError } from '../diagnostics.ts';
import { isKnownAuthority } from './cloud.ts';

export interface FederatedOptions {
  tenantId: string;
  clientId: string;
  authorityHost: string;
  /** The audience to ask GitHub's token for: the one the federated credential lists. */
  audience: string;
  /** Returns the job's OIDC token for an audience (core.getIDToken in the action). */
  getIdToken: (audience: string) => Promise<string>;
}

export function githubOidcCredential(options: FederatedOptions): TokenCredential {
  requireIds(options.tenantId, options.clientId);
  const assertion = async () => {
    try {
      return await options.getIdToken(options.audience);
    } catch (error) {
      throw new ConfigError(
        `could not get the job's GitHub OIDC token (${(error as Error).message}). The job needs "permissions: id-token: write", and only jobs on main in the grant environment should have it; pull request jobs never do.`,
      );
    }
  };
  return new ClientAssertionCredential(options.tenantId, options.clientId, assertion, {
    authorityHost: options.authorityHost,
    disableInstanceDiscovery: !isKnownAuthority(options.authorityHost),
  });
}

/** The CLI's chain: AZURE_* environment variables (secret or certificate), then `az login`. */
export function localCredential(options: { tenantId?: string; authorityHost: string }): TokenCredential {
  const common = { authorityHost: options.authorityHost, disableInstanceDiscovery: !isKnownAuthority(options.authorityHost) };
  return new ChainedTokenCredential(new EnvironmentCredential(common), new AzureCliCredential(options.tenantId ? { tenantId: options.tenantId } : {}));
}

function requireIds(tenantId: string, clientId: string): void {
  const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
  if (!guid.test(tenantId)) throw new ConfigError(`tenant-id "${tenantId}" is not a directory (tenant) id; copy it from the app registration's overview page.`);
  if (!guid.test(clientId))
    throw new ConfigError(`client-id "${clientId}" is not an application (client) id; copy it from the app registration's overview page.`);
}

/**
 * Turns Entra's sign-in errors into what to change (AADSTS codes from Entra's error reference). For a
 * federated credential that matched nothing, the subject the job's token really carried is quoted from
 * Entra's answer: repositories created or renamed since 2026-07-15 carry GitHub's immutable form,
 * repo:<owner>@<owner_id>/<repo>@<repo_id>:environment:<env>, not the name-only one.
 */
export function explainSignInError(error: unknown, context: { subjectHint?: string } = {}): string {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof ConfigError) return error.message;
  const carried = /Assertion Subject: '([^']+)'/.exec(text)?.[1] ?? /assertion subject '([^']+)'/.exec(text)?.[1];
  if (/AADSTS700212\b/.test(text)) {
    const presented = /assertion audience '([^']+)'/.exec(text)?.[1];
    return `Entra found no federated credential for this token's audience${presented ? ` (${presented})` : ''}: the federated credential's audience and the action's audience input must be the same. The default is the cloud's token-exchange audience (public: api://AzureADTokenExchange; usgov, usgov-dod: api://AzureADTokenExchangeUSGov; china: api://AzureADTokenExchangeChina); set the input audience to what the credential lists, or change the credential. (${firstLine(text)})`;
  }
  if (/AADSTS700211\b/.test(text))
    return `Entra found no federated credential for this token's issuer: the credential's issuer must be https://token.actions.githubusercontent.com (GitHub Enterprise Server: https://<host>/_services/token). (${firstLine(text)})`;
  if (/AADSTS(70021|700213|7002138)\b/.test(text)) {
    const subject = carried ?? context.subjectHint;
    return `Entra found no federated credential matching this job's token. On the app registration, add a federated credential (entity type "Environment") with ${subject ? `subject ${subject}, exactly what this job's token carried` : 'the subject repo:<owner>/<repo>:environment:<environment>, or for repositories created or renamed since 2026-07-15 repo:<owner>@<owner_id>/<repo>@<repo_id>:environment:<environment>'}. (${firstLine(text)})`;
  }
  if (/AADSTS700024\b/.test(text))
    return `Entra refused the job's token as outside its valid time (or its signature did not check out): re-run the job; if it keeps failing, the runner's clock is wrong. (${firstLine(text)})`;
  if (/AADSTS700016\b/.test(text)) return `Entra does not know this client-id in this tenant: check tenant-id and client-id. (${firstLine(text)})`;
  if (/AADSTS90002\b/.test(text))
    return `Entra does not know this tenant-id (AADSTS90002: tenant not found): copy the directory (tenant) id from the app registration's overview page, and check the cloud. (${firstLine(text)})`;
  if (/AADSTS7000215\b/.test(text)) return `the client secret is wrong or expired. (${firstLine(text)})`;
  const chain = chainFailures(error);
  if (chain) return chain;
  return `could not sign in to Entra: ${firstLine(text)}`;
}

/**
 * The CLI's chain (environment variables, then az) failed as a whole: @azure/identity says only
 * "ChainedTokenCredential authentication failed." and keeps each credential's reason in `errors`.
 * Each is said with what to do, so a missing set-up is never blamed on the network.
 */
function chainFailures(error: unknown): string | undefined {
  const errors = (error as { name?: string; errors?: unknown[] }).errors;
  if ((error as { name?: string }).name !== 'AggregateAuthenticationError' || !Array.isArray(errors)) return undefined;
  const said = errors.map((e) => {
    const text = e instanceof Error ? e.message : String(e);
    if (/^EnvironmentCredential/.test(text))
      return /unavailable/i.test(text)
        ? 'environment variables: not set (AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH)'
        : `environment variables: refused (${firstLine(explainSignInError(e))})`;
    if (/Azure CLI could not be found|az: not found|ENOENT/i.test(text)) return 'Azure CLI: not installed (or not on the PATH)';
    if (/az login|not logged in|Please run/i.test(text)) return 'Azure CLI: not signed in (run "az login --tenant <tenant id>")';
    return `${(e as { name?: string }).name ?? 'a credential'}: ${firstLine(text)}`;
  });
  return `could not sign in to Entra: no credential worked. Tried ${said.join('; ')}. Set one of them (README, "The command line") and try again.`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 400);
}
