import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  ConfigError
} from "./chunk-ZFCBOOOX.js";

// src/entra/cloud.ts
var CLOUDS = {
  public: {
    authorityHost: "https://login.microsoftonline.com",
    graphEndpoint: "https://graph.microsoft.com",
    tokenExchangeAudience: "api://AzureADTokenExchange",
    armEndpoint: "https://management.azure.com"
  },
  usgov: {
    authorityHost: "https://login.microsoftonline.us",
    graphEndpoint: "https://graph.microsoft.us",
    tokenExchangeAudience: "api://AzureADTokenExchangeUSGov",
    armEndpoint: "https://management.usgovcloudapi.net"
  },
  "usgov-dod": {
    authorityHost: "https://login.microsoftonline.us",
    graphEndpoint: "https://dod-graph.microsoft.us",
    tokenExchangeAudience: "api://AzureADTokenExchangeUSGov",
    armEndpoint: "https://management.usgovcloudapi.net"
  },
  china: {
    authorityHost: "https://login.chinacloudapi.cn",
    graphEndpoint: "https://microsoftgraph.chinacloudapi.cn",
    tokenExchangeAudience: "api://AzureADTokenExchangeChina",
    armEndpoint: "https://management.chinacloudapi.cn"
  }
};
var KNOWN_AUTHORITIES = new Set(Object.values(CLOUDS).map((c) => new URL(c.authorityHost).host));
function isKnownAuthority(authorityHost) {
  return KNOWN_AUTHORITIES.has(new URL(authorityHost).host);
}
function httpsUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} "${value}" is not a URL. Give the full https:// address.`);
  }
  if (url.protocol !== "https:") {
    throw new ConfigError(`${name} "${value}" must use https: tokens are only ever sent over TLS.`);
  }
  return url.toString().replace(/\/+$/, "");
}
function resolveCloud(options) {
  const name = (options.cloud ?? "").trim() || "public";
  const base = CLOUDS[name];
  if (!base) throw new ConfigError(`cloud "${name}" is not known. Use one of ${Object.keys(CLOUDS).join(", ")}, or give authority-host and graph-endpoint.`);
  return {
    authorityHost: options.authorityHost ? httpsUrl("authority-host", options.authorityHost) : base.authorityHost,
    graphEndpoint: options.graphEndpoint ? httpsUrl("graph-endpoint", options.graphEndpoint) : base.graphEndpoint,
    tokenExchangeAudience: options.audience?.trim() || base.tokenExchangeAudience,
    armEndpoint: options.armEndpoint ? httpsUrl("arm-endpoint", options.armEndpoint) : base.armEndpoint
  };
}

export {
  CLOUDS,
  isKnownAuthority,
  resolveCloud
};
