/** Starting the twin with a small directory, and clients pointed at it the way users configure them. */
import * as core from '@actions/core';
import type { TokenCredential } from '@azure/identity';
import { githubOidcCredential } from '../../src/entra/credential.ts';
import { GraphDirectory } from '../../src/entra/graph.ts';
import type { RetryPolicy } from '../../src/entra/retry.ts';
import { Twin } from '../../scripts/twin/twin.ts';
import type { TwinSeed } from '../../scripts/twin/state.ts';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT = '0b7c8a2e-3f1d-4c5b-9e6a-1d2c3b4a5f60';
export const SUBJECT = 'repo:acme/access:environment:access-grant';
export const GROUP = '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11';

/** A user id that is a valid GUID, from a number. */
export function userId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export function seed(options: { users?: number; members?: number; roles?: string[]; subjects?: string[]; extraGroups?: TwinSeed['groups'] } = {}): TwinSeed {
  const users = options.users ?? 10;
  return {
    users: Array.from({ length: users }, (_, i) => ({ id: userId(i + 1), userPrincipalName: `user${i + 1}@contoso.com` })),
    groups: [
      { id: GROUP, displayName: 'prod-db-admins', members: Array.from({ length: options.members ?? 0 }, (_, i) => userId(i + 1)) },
      ...(options.extraGroups ?? []),
    ],
    apps: [
      {
        tenantId: TENANT,
        clientId: CLIENT,
        roles: options.roles ?? ['GroupMember.ReadWrite.All', 'User.ReadBasic.All'],
        federatedSubjects: options.subjects ?? [SUBJECT],
      },
    ],
    oidcSubject: SUBJECT,
  };
}

/** Fast retries for tests; production waits seconds. Sleeps are recorded so tests can see Retry-After honoured. */
export function fastRetry(sleeps: number[] = []): Partial<RetryPolicy> {
  return { baseDelayMs: 2, maxDelayMs: 20, sleep: (ms) => (sleeps.push(ms), new Promise((r) => setTimeout(r, Math.min(ms, 20)))) };
}

/**
 * The action's sign-in to the twin's Entra: the job's OIDC token (core.getIDToken, from wherever
 * ACTIONS_ID_TOKEN_REQUEST_URL points) exchanged at the token endpoint.
 */
export function jobCredential(twin: Twin): TokenCredential {
  return githubOidcCredential({
    tenantId: TENANT,
    clientId: CLIENT,
    authorityHost: twin.urls.authorityHost,
    audience: 'api://AzureADTokenExchange',
    getIdToken: (aud) => quietly(() => core.getIDToken(aud)),
  });
}

/**
 * A Graph directory signed in the way the action signs in: the job's OIDC token from the Actions
 * token endpoint (core.getIDToken, over HTTPS), exchanged at the Entra token endpoint.
 */
export function directoryFor(twin: Twin, options: { retry?: Partial<RetryPolicy>; concurrency?: number } = {}): GraphDirectory {
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = twin.urls.actionsToken;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = twin.actionsRequestToken;
  return new GraphDirectory({
    credential: jobCredential(twin),
    graphEndpoint: twin.urls.graph,
    retry: options.retry ?? fastRetry(),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
}

/**
 * Runs `f` with the runner's workflow commands (::debug::, ::add-mask::) that @actions/core writes to
 * stdout kept out of the test output: in a job the runner consumes them; in a test they are noise.
 */
export async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
    String(chunk).startsWith('::') ? true : write(chunk, ...(rest as []))) as typeof process.stdout.write;
  try {
    return await f();
  } finally {
    process.stdout.write = write;
  }
}

export { Twin };
