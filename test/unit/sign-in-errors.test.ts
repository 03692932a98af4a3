// Entra's sign-in errors as Entra sends them today, turned into the fix (AADSTS codes from Entra's
// error reference; the subject quoted from Entra's own answer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainSignInError } from '../../src/entra/credential.ts';

const immutable = 'repo:acme@1234/access@5678:environment:access-grant';

test('THREATS 42: a subject mismatch (700213, 70021) quotes the subject the token really carried, immutable form included', () => {
  for (const code of ['700213', '70021', '7002138']) {
    const text = explainSignInError(
      new Error(
        `AADSTS${code}: No matching federated identity record found for presented assertion subject '${immutable}'. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: '${immutable}'.`,
      ),
      { subjectHint: 'repo:acme/access:environment:access-grant' },
    );
    assert.match(text, new RegExp(`with subject ${immutable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, exactly what this job's token carried`));
  }
});

test('without a quoted subject, both subject forms are shown', () => {
  assert.match(
    explainSignInError(new Error('AADSTS700213: No matching federated identity record found')),
    /repo:<owner>\/<repo>:environment:<environment>, or for repositories created or renamed since 2026-07-15 repo:<owner>@<owner_id>\/<repo>@<repo_id>/,
  );
});

test('audience, issuer, time, unknown tenant and unknown app each get their own fix', () => {
  assert.match(
    explainSignInError(
      new Error("AADSTS700212: No matching federated identity record found for presented assertion audience 'api://AzureADTokenExchangeUSGov'."),
    ),
    /this token's audience \(api:\/\/AzureADTokenExchangeUSGov\): the federated credential's audience and the action's audience input must be the same/,
  );
  assert.match(
    explainSignInError(new Error('AADSTS700211: No matching federated identity record found for presented assertion issuer')),
    /issuer must be https:\/\/token\.actions\.githubusercontent\.com/,
  );
  assert.match(explainSignInError(new Error('AADSTS700024: Client assertion is not within its valid time range.')), /outside its valid time/);
  assert.match(explainSignInError(new Error("AADSTS90002: Tenant 'x' not found.")), /does not know this tenant-id/);
  assert.match(explainSignInError(new Error('AADSTS700016: Application not found')), /does not know this client-id/);
});

test('the command line with no credential at all says which were tried and what to set, not "ChainedTokenCredential authentication failed"', async () => {
  const { localCredential } = await import('../../src/entra/credential.ts');
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('AZURE_')) delete process.env[k];
  // No az on the PATH: the chain's second credential cannot run either.
  process.env.PATH = '/nonexistent';
  try {
    const credential = localCredential({ tenantId: '00000000-0000-4000-8000-000000000001', authorityHost: 'https://login.microsoftonline.com' });
    const error = await credential.getToken('https://graph.microsoft.com/.default').then(
      () => undefined,
      (e: unknown) => e,
    );
    const text = explainSignInError(error);
    assert.match(text, /^could not sign in to Entra: no credential worked\. Tried environment variables: not set \(AZURE_TENANT_ID, AZURE_CLIENT_ID/);
    assert.match(text, /Azure CLI: not installed/);
    assert.doesNotMatch(text, /ChainedTokenCredential authentication failed/);
  } finally {
    process.env = saved;
  }
});
