/**
 * The local twin of Entra and GitHub: four HTTPS listeners on loopback (Entra sign-in, Microsoft
 * Graph, GitHub REST, the Actions OIDC token endpoint) over one shared state, with fault injection
 * and a call log. Real clients reach it through the configuration real users also have: an authority
 * host and Graph endpoint (as for national clouds), GITHUB_API_URL (as for GitHub Enterprise Server)
 * and the Actions OIDC variables.
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:https';
import { actionsHandler, entraHandler } from './entra.ts';
import { Faults } from './faults.ts';
import { githubFault, githubHandler } from './github.ts';
import { expirePimAssignments, graphFault, graphHandler } from './graph.ts';
import { armHandler, expirePim } from './arm.ts';
import { CallLog, closeServer, json, listen } from './http.ts';
import { hooksHandler } from './hooks.ts';
import { createState, newRepo, type ArmRoleAssignment, type GitHubPull, type TwinSeed, type TwinState } from './state.ts';
import { createAuthority, readAuthority, serverCertificate, type Authority } from './tls.ts';
import { createIssuer } from './tokens.ts';
import { jobGrant, type Permissions } from './permissions.ts';
import { waitsEnv } from './waits.ts';

export interface TwinOptions {
  seed?: TwinSeed;
  /** The certificate authority clients trust; default: $TWIN_CA_DIR (set by npm test) or a new one. */
  authority?: Authority;
  faultSeed?: number;
}

export interface TwinUrls {
  /** For @azure/identity's authorityHost. */
  authorityHost: string;
  /** Microsoft Graph endpoint (without /v1.0). */
  graph: string;
  /** GitHub REST API (GITHUB_API_URL). */
  github: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL. */
  actionsToken: string;
  /** Chat webhooks: <hooks>/slack/<channel> and <hooks>/teams/<channel>. */
  hooks: string;
  /** Azure Resource Manager. */
  arm: string;
}

export class Twin {
  readonly state: TwinState;
  readonly faults: Faults;
  readonly log: CallLog;
  readonly authority: Authority;
  readonly urls: TwinUrls;
  readonly actionsRequestToken: string;
  private readonly servers: Server[];
  /** An authority the twin made itself is deleted when it stops; a shared one is left alone. */
  private ownsAuthority = false;

  private constructor(state: TwinState, faults: Faults, log: CallLog, authority: Authority, urls: TwinUrls, token: string, servers: Server[]) {
    this.state = state;
    this.faults = faults;
    this.log = log;
    this.authority = authority;
    this.urls = urls;
    this.actionsRequestToken = token;
    this.servers = servers;
  }

  static async start(options: TwinOptions = {}): Promise<Twin> {
    const given = options.authority ?? (process.env.TWIN_CA_DIR ? readAuthority(process.env.TWIN_CA_DIR) : undefined);
    const authority = given ?? (await createAuthority());
    const tls = await serverCertificate(authority, given !== undefined && !options.authority ? process.env.TWIN_CA_DIR : undefined);
    const state = createState(options.seed);
    const faults = new Faults(options.faultSeed);
    const log = new CallLog();
    const keyDir = given !== undefined && !options.authority ? process.env.TWIN_CA_DIR : undefined;
    const entraIssuer = await createIssuer('twin-entra', keyDir);
    const actionsIssuer = await createIssuer('twin-actions', keyDir);
    const requestToken = crypto.randomUUID();
    let actionsBase = '';
    const actions = await listen('actions', tls, actionsHandler(state, actionsIssuer, requestToken), faults, log, () => json(503, { message: 'unavailable' }));
    actionsBase = actions.base;
    const entra = await listen(
      'entra',
      tls,
      entraHandler(state, entraIssuer, actionsIssuer, () => actionsBase),
      faults,
      log,
      (f) =>
        json(
          f.kind === 'throttle' ? 429 : 503,
          { error: 'temporarily_unavailable', error_description: 'AADSTS90033: A transient error has occurred. Please try again.', error_codes: [90033] },
          f.retryAfterSeconds !== undefined ? { 'Retry-After': String(f.retryAfterSeconds) } : {},
        ),
    );
    const graph = await listen('graph', tls, graphHandler(state, entraIssuer, faults, log), faults, log, graphFault);
    const github = await listen('github', tls, githubHandler(state, faults), faults, log, githubFault);
    const arm = await listen('arm', tls, armHandler(state, entraIssuer), faults, log, (f) =>
      json(
        f.kind === 'throttle' ? 429 : 503,
        { error: { code: f.kind === 'throttle' ? 'TooManyRequests' : 'ServiceUnavailable', message: 'Retry later.' } },
        f.retryAfterSeconds !== undefined ? { 'Retry-After': String(f.retryAfterSeconds) } : {},
      ),
    );
    const hooks = await listen('hooks', tls, hooksHandler(state), faults, log, (f) => ({ status: f.kind === 'throttle' ? 429 : 503, body: 'rate_limited' }));
    const twin = new Twin(
      state,
      faults,
      log,
      authority,
      {
        authorityHost: entra.base,
        graph: graph.base,
        github: github.base,
        actionsToken: `${actions.base}/token?api-version=2.0`,
        hooks: hooks.base,
        arm: arm.base,
      },
      requestToken,
      [actions.server, entra.server, graph.server, github.server, hooks.server, arm.server],
    );
    twin.ownsAuthority = given === undefined;
    return twin;
  }

  /**
   * The environment a client process needs to use the twin: the CA to trust, GitHub's API URL, the
   * Actions OIDC request variables, and the action's own inputs for the Entra and Graph endpoints.
   */
  env(tenantId = this.state.apps[0]?.tenantId ?? '', clientId = this.state.apps[0]?.clientId ?? ''): Record<string, string> {
    return {
      NODE_EXTRA_CA_CERTS: this.authority.certPath,
      GITHUB_API_URL: this.urls.github,
      ACTIONS_ID_TOKEN_REQUEST_URL: this.urls.actionsToken,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.actionsRequestToken,
      // The runner names inputs INPUT_<NAME> upper-cased with hyphens kept ("Metadata syntax": inputs).
      'INPUT_TENANT-ID': tenantId,
      'INPUT_CLIENT-ID': clientId,
      'INPUT_AUTHORITY-HOST': this.urls.authorityHost,
      'INPUT_GRAPH-ENDPOINT': this.urls.graph,
      'INPUT_ARM-ENDPOINT': this.urls.arm,
      // The test suite shortens the clients' waits (retries, write pacing): the twin recovers at once.
      ...waitsEnv(),
      // and Node's compile cache, when the suite keeps one (scripts/test.ts).
      ...(process.env.NODE_COMPILE_CACHE ? { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE } : {}),
    };
  }

  /** Registers a pull request; its head commit and merge commit then lead to it. */
  addPull(
    owner: string,
    name: string,
    pull: Omit<GitHubPull, 'reviews' | 'commits' | 'files'> & Partial<Pick<GitHubPull, 'reviews' | 'commits' | 'files'>>,
  ): GitHubPull {
    const key = `${owner}/${name}`.toLowerCase();
    let repo = this.state.repos.get(key);
    if (!repo) {
      repo = newRepo(owner, name);
      this.state.repos.set(key, repo);
    }
    const full: GitHubPull = { reviews: [], commits: [], files: [], ...pull };
    repo.pulls.set(full.number, full);
    for (const sha of [full.head.sha, full.merge_commit_sha, ...full.commits.map((c) => c.sha), ...(full.landed ?? [])]) {
      if (!sha) continue;
      const list = repo.commitPulls.get(sha) ?? [];
      if (!list.includes(full.number)) list.push(full.number);
      repo.commitPulls.set(sha, list);
    }
    return full;
  }

  /**
   * A job's GITHUB_TOKEN with exactly the scopes of a workflow's `permissions:` block (the job's own
   * block when it has one), as the runner hands it to the job; `workflow` names the file for messages.
   */
  issueJobToken(block: unknown, workflow?: string): string {
    const token = `ghs_job_${crypto.randomUUID().replace(/-/g, '')}`;
    this.state.githubTokens.add(token);
    this.state.tokenGrants.set(token, jobGrant(block, workflow));
    return token;
  }

  /**
   * A GitHub App installation token as actions/create-github-app-token makes it: the permissions its
   * step asks for (`permission-<name>` inputs), or every permission of the app (`appPermissions`) when it
   * asks for none. Asking for more than the app has fails, as GitHub refuses such a token (422).
   */
  issueAppToken(asked: Permissions | undefined, appPermissions: Permissions): string {
    const permissions = asked ?? appPermissions;
    for (const [scope, level] of Object.entries(permissions)) {
      const has = appPermissions[scope];
      if (!(has === 'write' || has === level)) throw new Error(`twin: the app has no ${scope}: ${level} to give its token`);
    }
    const token = `ghs_app_${crypto.randomUUID().replace(/-/g, '')}`;
    this.state.githubTokens.add(token);
    this.state.tokenGrants.set(token, { kind: 'app', permissions });
    return token;
  }

  /** Moves the twin's clock forward (PIM assignments end by it), instead of sleeping. */
  advance(ms: number): void {
    this.state.clockOffsetMs += ms;
  }

  /** Azure role assignments in force (PIM for Azure resources ends its own by the twin's clock). */
  armAssignments(): readonly ArmRoleAssignment[] {
    expirePim(this.state);
    return this.state.armRoleAssignments;
  }

  /** Current members of a group (the truth, not the lagged view). */
  members(groupId: string): string[] {
    expirePimAssignments(this.state);
    return [...(this.state.groups.get(groupId.toLowerCase())?.members ?? [])].sort();
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map(closeServer));
    if (this.ownsAuthority) rmSync(this.authority.dir, { recursive: true, force: true });
  }
}
