/**
 * The Entra v2.0 token endpoint and OpenID configuration, as @azure/identity (MSAL) uses them for the
 * client-credentials flow with a federated client assertion (GitHub OIDC) or a client secret. Error
 * bodies follow Entra's: { error, error_description "AADSTSnnnn: ...", error_codes }.
 */
import { json, type TwinRequest, type TwinResponse } from './http.ts';
import type { TwinState } from './state.ts';
import { sign, verify, type Issuer } from './tokens.ts';

export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

function aadError(status: number, error: string, code: number, description: string): TwinResponse {
  return json(status, {
    error,
    error_description: `AADSTS${code}: ${description}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: crypto.randomUUID(),
    correlation_id: crypto.randomUUID(),
  });
}

export function entraHandler(state: TwinState, entraIssuer: Issuer, actionsIssuer: Issuer, actionsBase: () => string) {
  return async (req: TwinRequest): Promise<TwinResponse> => {
    const m = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token|discovery\/v2\.0\/keys)$/.exec(req.path);
    if (!m) return json(404, { error: 'not_found', error_description: `twin: no Entra endpoint at ${req.path}` });
    const [, tenant, what] = m as unknown as [string, string, string];
    const base = `${req.base}/${tenant}`;
    if (what.startsWith('v2.0')) {
      return json(200, {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${base}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${base}/oidc/userinfo`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid'],
        tenant_region_scope: 'WW',
        cloud_instance_name: 'microsoftonline.com',
        msgraph_host: 'graph.microsoft.com',
      });
    }
    if (what.startsWith('discovery')) return json(200, { keys: [entraIssuer.jwk] });
    if (req.method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'use POST' });

    const form = new URLSearchParams(req.body.toString('utf8'));
    const clientId = form.get('client_id') ?? '';
    if (form.get('grant_type') !== 'client_credentials') return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    const app = state.apps.find((a) => a.clientId === clientId && (a.tenantId === tenant || tenant === 'organizations'));
    if (!app) return aadError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`);
    const scope = form.get('scope') ?? '';
    if (!scope.endsWith('/.default'))
      return aadError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
      );

    const assertion = form.get('client_assertion');
    if (assertion) {
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        return aadError(400, 'invalid_request', 50027, 'Invalid JWT token. client_assertion_type is not jwt-bearer.');
      }
      let claims;
      try {
        claims = await verify(actionsIssuer, assertion, { issuer: actionsBase() });
      } catch (error) {
        return aadError(
          400,
          'invalid_client',
          700024,
          `Client assertion is not within its valid time range or its signature could not be verified: ${(error as Error).message}`,
        );
      }
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      // Entra names which part of the assertion matched no federated credential (AADSTS700212 audience,
      // 700213 subject), quoting what the token carried.
      const carried = `Assertion Issuer: '${claims.iss}'. Assertion Subject: '${claims.sub}'. Assertion Audience: '${aud.join(',')}'.`;
      if (!aud.some((a) => (app.audiences ?? [TOKEN_EXCHANGE_AUDIENCE]).includes(String(a))))
        return aadError(
          400,
          'invalid_client',
          700212,
          `No matching federated identity record found for presented assertion audience '${aud.join(',')}'. ${carried}`,
        );
      if (!app.federatedSubjects.includes(String(claims.sub)))
        return aadError(
          400,
          'invalid_client',
          700213,
          `No matching federated identity record found for presented assertion subject '${claims.sub}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${carried}`,
        );
    } else if (form.get('client_secret') !== null) {
      if (!app.clientSecret || form.get('client_secret') !== app.clientSecret) {
        return aadError(
          401,
          'invalid_client',
          7000215,
          'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
        );
      }
    } else {
      return aadError(400, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    const resource = scope.slice(0, -'/.default'.length);
    const token = await sign(
      entraIssuer,
      {
        aud: resource,
        iss: `https://sts.windows.net/${tenant}/`,
        tid: tenant,
        appid: clientId,
        azp: clientId,
        roles: app.roles,
        idtyp: 'app',
        ...(app.servicePrincipalId ? { oid: app.servicePrincipalId } : {}),
      },
      3600,
    );
    return json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
  };
}

/**
 * The Actions OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL): a bearer request token in, a signed
 * JWT for the requested audience out, with GitHub's claims for this repository and environment.
 */
export function actionsHandler(state: TwinState, actionsIssuer: Issuer, requestToken: string) {
  return async (req: TwinRequest): Promise<TwinResponse> => {
    if (req.path === '/.well-known/jwks') return json(200, { keys: [actionsIssuer.jwk] });
    if (req.path !== '/token') return json(404, { message: 'Not Found' });
    if (req.headers.authorization !== `Bearer ${requestToken}`) return json(401, { message: 'Unauthorized' });
    const audience = req.query.get('audience') ?? req.base;
    const [, repository = 'acme/access'] = /^repo:([^:]+):/.exec(state.oidcSubject) ?? [];
    const environment = /:environment:(.+)$/.exec(state.oidcSubject)?.[1];
    const value = await sign(
      actionsIssuer,
      {
        iss: req.base,
        aud: audience,
        sub: state.oidcSubject,
        repository,
        repository_owner: repository.split('/')[0],
        ...(environment ? { environment } : {}),
        ref: 'refs/heads/main',
        event_name: 'push',
        runner_environment: 'github-hosted',
      },
      300,
    );
    return json(200, { count: 1, value });
  };
}
