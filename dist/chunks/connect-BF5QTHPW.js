import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GraphDirectory,
  githubOidcCredential,
  localCredential,
  resolveCloud
} from "./chunk-2VZNYBFU.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-MFROSCTF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";

// src/entra/connect.ts
function directoryFromActions(settings, getIdToken) {
  const endpoints = resolveCloud(settings);
  const credential = githubOidcCredential({
    tenantId: settings.tenantId,
    clientId: settings.clientId,
    authorityHost: endpoints.authorityHost,
    audience: endpoints.tokenExchangeAudience,
    getIdToken
  });
  return new GraphDirectory({ credential, graphEndpoint: endpoints.graphEndpoint, authorityHost: endpoints.authorityHost, armEndpoint: endpoints.armEndpoint });
}
function directoryFromLocal(settings) {
  const endpoints = resolveCloud(settings);
  const credential = localCredential({ ...settings.tenantId ? { tenantId: settings.tenantId } : {}, authorityHost: endpoints.authorityHost });
  return new GraphDirectory({ credential, graphEndpoint: endpoints.graphEndpoint, authorityHost: endpoints.authorityHost, armEndpoint: endpoints.armEndpoint });
}
export {
  directoryFromActions,
  directoryFromLocal
};
