/**
 * Where Entra sign-in and Microsoft Graph live. National clouds have their own hosts (Microsoft Graph
 * "National cloud deployments"); explicit URLs cover anything else, and are how tests reach the twin.
 */
import { ConfigError } from '../diagnostics.ts';

export interface CloudEndpoints {
  /** Entra authority host, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Microsoft Graph root, without the version, e.g. https://graph.microsoft.com */
  graphEndpoint: string;
  /**
   * The audience the job's GitHub token is requested for, which the federated credential lists: each
   * cloud's token-exchange audience as Microsoft's workload identity federation pages give them.
   */
  tokenExchangeAudience: string;
  /** Azure Resource Manager, for the Azure role assignments a group holds (effective access). */
  armEndpoint: string;
}

export const CLOUDS: Record<string, CloudEndpoints> = {
  public: {
    authorityHost: 'https://login.microsoftonline.com',
    graphEndpoint: 'https://graph.microsoft.com',
    tokenExchangeAudience: 'api://AzureADTokenExchange',
    armEndpoint: 'https://management.azure.com',
  },
  usgov: {
    authorityHost: 'https://login.microsoftonline.us',
    graphEndpoint: 'https://graph.microsoft.us',
    tokenExchangeAudience: 'api://AzureADTokenExchangeUSGov',
    armEndpoint: 'https://management.usgovcloudapi.net',
  },
  'usgov-dod': {
    authorityHost: 'https://login.microsoftonline.us',
    graphEndpoint: 'https://dod-graph.microsoft.us',
    tokenExchangeAudience: 'api://AzureADTokenExchangeUSGov',
    armEndpoint: 'https://management.usgovcloudapi.net',
  },
  china: {
    authorityHost: 'https://login.chinacloudapi.cn',
    graphEndpoint: 'https://microsoftgraph.chinacloudapi.cn',
    tokenExchangeAudience: 'api://AzureADTokenExchangeChina',
    armEndpoint: 'https://management.chinacloudapi.cn',
  },
};

const KNOWN_AUTHORITIES = new Set(Object.values(CLOUDS).map((c) => new URL(c.authorityHost).host));

/** Instance discovery only knows Microsoft's own authorities; any other host must skip it. */
export function isKnownAuthority(authorityHost: string): boolean {
  return KNOWN_AUTHORITIES.has(new URL(authorityHost).host);
}

function httpsUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} "${value}" is not a URL. Give the full https:// address.`);
  }
  if (url.protocol !== 'https:') {
    throw new ConfigError(`${name} "${value}" must use https: tokens are only ever sent over TLS.`);
  }
  return url.toString().replace(/\/+$/, '');
}

export function resolveCloud(options: {
  cloud?: string;
  authorityHost?: string;
  graphEndpoint?: string;
  audience?: string;
  armEndpoint?: string;
}): CloudEndpoints {
  const name = (options.cloud ?? '').trim() || 'public';
  const base = CLOUDS[name];
  if (!base) throw new ConfigError(`cloud "${name}" is not known. Use one of ${Object.keys(CLOUDS).join(', ')}, or give authority-host and graph-endpoint.`);
  return {
    authorityHost: options.authorityHost ? httpsUrl('authority-host', options.authorityHost) : base.authorityHost,
    graphEndpoint: options.graphEndpoint ? httpsUrl('graph-endpoint', options.graphEndpoint) : base.graphEndpoint,
    tokenExchangeAudience: options.audience?.trim() || base.tokenExchangeAudience,
    armEndpoint: options.armEndpoint ? httpsUrl('arm-endpoint', options.armEndpoint) : base.armEndpoint,
  };
}
