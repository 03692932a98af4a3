/**
 * Signing in to Entra without a stored secret. In Actions: the job's GitHub OIDC token is exchanged
 * for an Entra token through a federated credential on the app registration (workload identity
 * federation). On a laptop: the credentials a developer already has (environment variables, Azure CLI).
 */
import { AzureCliCredential, ChainedTokenCredential, ClientAssertionCredential, EnvironmentCredential, type TokenCredential } from '@azure/identity';
import { ConfigError } from '../diagnostics.ts';
import { isKnownAuthority } from './cloud.ts';

/** The audience Entra expects on a GitHub token it exchanges (Microsoft's documented default). */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

export interface FederatedOptions {
  tenantId: string;
  clientId: string;
  authorityHost: string;
  /** Returns the job's OIDC token for an audience (core.getIDToken in the action). */
  getIdToken: (audience: string) => Promise<string>;
}

export function githubOidcCredential(options: FederatedOptions): TokenCredential {
  requireIds(options.tenantId, options.clientId);
  const assertion = async () => {
    try {
      return await options.getIdToken(TOKEN_EXCHANGE_AUDIENCE);
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
  if (!guid.test(clientId)) throw new ConfigError(`client-id "${clientId}" is not an application (client) id; copy it from the app registration's overview page.`);
}

/** Turns Entra's sign-in errors into what to change (AADSTS codes from Entra's error reference). */
export function explainSignInError(error: unknown, context: { subjectHint?: string } = {}): string {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof ConfigError) return error.message;
  if (/AADSTS70021|AADSTS700213|AADSTS700211/.test(text)) {
    return `Entra found no federated credential matching this job's token. On the app registration, add a federated credential for GitHub Actions with entity type "Environment" and subject ${context.subjectHint ?? 'repo:<org>/<repo>:environment:<environment>'}. (${firstLine(text)})`;
  }
  if (/AADSTS700016/.test(text)) return `Entra does not know this client-id in this tenant: check tenant-id and client-id. (${firstLine(text)})`;
  if (/AADSTS90002/.test(text)) return `Entra does not know this tenant-id. (${firstLine(text)})`;
  if (/AADSTS7000215/.test(text)) return `the client secret is wrong or expired. (${firstLine(text)})`;
  return `could not sign in to Entra: ${firstLine(text)}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 400);
}
