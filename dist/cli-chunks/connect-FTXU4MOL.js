import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  GraphDirectory,
  githubOidcCredential,
  localCredential
} from "./chunk-4AYHTIIO.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-CV5RMOLZ.js";
import {
  resolveCloud
} from "./chunk-IQ3S3PKL.js";
import "./chunk-F3KO5KRW.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-425VGJGT.js";
import "./chunk-JV5PSVP2.js";

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
