// `npm run twin [-- --seed file.json]`: starts the twin on loopback and prints the environment that
// points a client at it. Runs until interrupted.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { TwinSeed } from './state.ts';
import { Twin } from './twin.ts';

const { values } = parseArgs({ options: { seed: { type: 'string' } }, strict: true });

/** A small directory: the template policy's groups, three users, one app registration. */
const DEFAULT_SEED: TwinSeed = {
  users: [
    { id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a01', userPrincipalName: 'octocat@contoso.com', displayName: 'Octocat' },
    { id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a02', userPrincipalName: 'monalisa@contoso.com', displayName: 'Mona Lisa' },
    { id: '2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40', userPrincipalName: 'hubot@contoso.com', displayName: 'Hubot' },
    { id: '0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60', userPrincipalName: 'breakglass@contoso.com', displayName: 'Break glass' },
  ],
  groups: [
    { id: '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11', displayName: 'PROD DB Admins', members: ['0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60'] },
    { id: '8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13', displayName: 'AKS Prod Operators' },
    { id: 'c3a9e7d2-5b4f-4e1a-8c6d-9f2b7e1a3c58', displayName: 'Billing Readers' },
  ],
  apps: [
    {
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      clientId: '0b7c8a2e-3f1d-4c5b-9e6a-1d2c3b4a5f60',
      roles: ['GroupMember.ReadWrite.All', 'User.ReadBasic.All'],
      federatedSubjects: ['repo:acme/access:environment:access-grant'],
      clientSecret: 'twin-client-secret',
    },
  ],
  repos: [{ owner: 'acme', name: 'access' }],
  teams: { 'acme/sre': ['octocat'], 'acme/dba-leads': ['monalisa'] },
  // The one GitHub token it accepts (a person's token with the repo scope); any other is refused.
  githubTokens: ['twin-github-token'],
};

const seed = values.seed ? (JSON.parse(readFileSync(values.seed, 'utf8')) as TwinSeed) : DEFAULT_SEED;
const twin = await Twin.start({ seed });
console.log('access-as-code twin: Entra, Microsoft Graph, GitHub REST and the Actions OIDC endpoint on loopback.\n');
console.log(`  Entra authority host   ${twin.urls.authorityHost}`);
console.log(`  Microsoft Graph        ${twin.urls.graph}/v1.0`);
console.log(`  GitHub REST            ${twin.urls.github}`);
console.log(`  Actions OIDC tokens    ${twin.urls.actionsToken}\n`);
console.log(
  'Point a client at it: put these lines in a .env file for `npm run local-action -- .env` (input names keep\ntheir hyphens, as the runner sets them), or export the ones without a hyphen for the CLI. Node reads the CA at start.\n',
);
for (const [name, value] of Object.entries(twin.env())) console.log(`${name}=${value}`);
// The CLI signs in as a developer would, with the app's secret from the environment (the twin's only).
const app = seed.apps?.[0];
if (app?.clientSecret) console.log(`AZURE_TENANT_ID=${app.tenantId}\nAZURE_CLIENT_ID=${app.clientId}\nAZURE_CLIENT_SECRET=${app.clientSecret}`);
const githubToken = seed.githubTokens?.[0];
if (githubToken) console.log(`GITHUB_TOKEN=${githubToken}`);
// One line to paste in another terminal, in an access repository (the template's, for this seed).
const env = twin.env();
const exported = [
  `NODE_EXTRA_CA_CERTS=${JSON.stringify(env.NODE_EXTRA_CA_CERTS ?? twin.authority.certPath)}`,
  ...(app?.clientSecret ? [`AZURE_TENANT_ID=${app.tenantId}`, `AZURE_CLIENT_ID=${app.clientId}`, `AZURE_CLIENT_SECRET=${app.clientSecret}`] : []),
].join(' ');
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const template = fileURLToPath(new URL('../../template', import.meta.url));
console.log(
  `\nReady to paste in another terminal (the CLI against the twin, on the template's access repository):\n\n  ${exported} node ${cli} doctor --repo ${template} --authority-host ${twin.urls.authorityHost} --graph-endpoint ${twin.urls.graph}`,
);
console.log('\nCtrl-C stops it.');
const stop = async () => {
  await twin.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
