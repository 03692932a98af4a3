/**
 * Builds the Graph directory from settings. Loaded with a dynamic import, so that commands that never
 * talk to Entra (validate) do not load @azure/identity or the Graph client.
 */
import { resolveCloud } from './cloud.ts';
import { githubOidcCredential, localCredential } from './credential.ts';
import { GraphDirectory } from './graph.ts';

export interface EntraSettings {
  tenantId: string;
  clientId: string;
  cloud?: string;
  authorityHost?: string;
  graphEndpoint?: string;
  /** The token-exchange audience, when the federated credential lists another than the cloud's default. */
  audience?: string;
  /** Azure Resource Manager, when it is not the cloud's own. */
  armEndpoint?: string;
}

/** In Actions: workload identity federation with the job's OIDC token. */
export function directoryFromActions(settings: EntraSettings, getIdToken: (audience: string) => Promise<string>): GraphDirectory {
  const endpoints = resolveCloud(settings);
  const credential = githubOidcCredential({
    tenantId: settings.tenantId,
    clientId: settings.clientId,
    authorityHost: endpoints.authorityHost,
    audience: endpoints.tokenExchangeAudience,
    getIdToken,
  });
  return new GraphDirectory({ credential, graphEndpoint: endpoints.graphEndpoint, authorityHost: endpoints.authorityHost, armEndpoint: endpoints.armEndpoint });
}

/** On a laptop: AZURE_* environment variables, then the Azure CLI's sign-in. */
export function directoryFromLocal(settings: Partial<EntraSettings>): GraphDirectory {
  const endpoints = resolveCloud(settings);
  const credential = localCredential({ ...(settings.tenantId ? { tenantId: settings.tenantId } : {}), authorityHost: endpoints.authorityHost });
  return new GraphDirectory({ credential, graphEndpoint: endpoints.graphEndpoint, authorityHost: endpoints.authorityHost, armEndpoint: endpoints.armEndpoint });
}
