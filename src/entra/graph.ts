/**
 * The Entra directory as access-as-code needs it, over Microsoft Graph with the official client:
 * users, groups, members (every page read: pages.ts), and membership changes sent as JSON batches of at most
 * 20, where only the failed requests are retried. Adding an existing member and removing an absent one
 * count as done (a retried request may already have taken effect: docs/threat-model.md 16). A change is reported
 * done only when Graph said so (invariant 10).
 */
import { AuthenticationHandler, Client, GraphError, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { TokenCredential } from '@azure/identity';
import { explainSignInError } from './credential.ts';
import { NetworkErrorHandler, networkCode, UNREACHABLE } from './network.ts';
import { readIdentity, tokenClaims } from './identity.ts';
import { DEFAULT_RETRY, delayBeforeRetry, isTransient, retryAfterMs, type RetryPolicy } from './retry.ts';
import { chunks } from '../chunks.ts';
import { advancedQuery, readEveryPage, type GraphGet } from './pages.ts';
import { armReadPages } from './arm-pages.ts';
import {
  addMemberPath,
  assertObjectId,
  directoryObjectUri,
  groupPath,
  groupsByIdPath,
  GROUPS_PER_FILTER,
  membersPath,
  PIM_REQUESTS_PATH,
  pimInstancesPath,
  removeMemberPath,
  servicePrincipalMembersPath,
  userPath,
} from './urls.ts';
import type { AzureRoleWrites } from './azure-roles.ts';
import type { EntraUserRef } from '../identities/identities.ts';
import type { IdentityFacts } from './reach.ts';
import {
  DirectoryError,
  SignInError,
  pimFloorEnd,
  type ChangeOutcome,
  type Directory,
  type DirectoryGroup,
  type DirectoryUser,
  type Member,
  type MembershipChange,
  type PimAssignment,
  type PimChange,
  type PimOutcome,
} from './directory.ts';

/** The group properties that decide whether its membership can be managed through Graph. */
const GROUP_SELECT = 'id,displayName,isAssignableToRole,groupTypes,membershipRule,onPremisesSyncEnabled,mailEnabled,securityEnabled';
type GroupBody = {
  id: string;
  displayName: string;
  isAssignableToRole?: boolean | null;
  groupTypes?: string[] | null;
  membershipRule?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  mailEnabled?: boolean | null;
  securityEnabled?: boolean | null;
};
function toGroup(g: GroupBody): DirectoryGroup {
  const types = Array.isArray(g.groupTypes) ? g.groupTypes.filter((t): t is string => typeof t === 'string') : [];
  return {
    id: g.id.toLowerCase(),
    displayName: g.displayName,
    isAssignableToRole: g.isAssignableToRole === true,
    groupTypes: g.membershipRule && !types.includes('DynamicMembership') ? [...types, 'DynamicMembership'] : types,
    onPremisesSyncEnabled: g.onPremisesSyncEnabled === true,
    mailEnabled: g.mailEnabled === true,
    securityEnabled: g.securityEnabled !== false,
  };
}

export interface GraphDirectoryOptions {
  credential: TokenCredential;
  graphEndpoint: string;
  /** The Entra sign-in endpoint, to say whether it can be reached when a sign-in fails. */
  authorityHost?: string;
  retry?: Partial<RetryPolicy>;
  /** Batches in flight at once. */
  concurrency?: number;
  /** Azure Resource Manager, for the Azure role assignments of groups (effective access, where the policy names scopes). */
  armEndpoint?: string;
}

const BATCH_LIMIT = 20;

/** Which permission each kind of call needs, for 403 messages (docs/threat-model.md 23). */
function permissionFor(method: string, path: string): string {
  if (path.startsWith('/users') && path.endsWith('/revokeSignInSessions')) return 'User.RevokeSessions.All, for groups with revokeSessions: true';
  if (path.startsWith('/users') && path.includes('signInSessionsValidFromDateTime'))
    return 'User.Read.All, for groups with revokeSessions: true (to revoke sign-in sessions once when access ended by itself)';
  if (path.startsWith('/users')) return "User.ReadBasic.All (or User.Read.All), to look up the identities' users";
  if (path.startsWith('/identityGovernance/privilegedAccess/group'))
    return method === 'GET'
      ? 'PrivilegedAssignmentSchedule.Read.AzureADGroup (PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup includes it), for groups with backend: pim'
      : 'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup, for groups with backend: pim';
  if (method === 'GET') return 'GroupMember.Read.All (GroupMember.ReadWrite.All includes it)';
  return 'GroupMember.ReadWrite.All';
}

export function forbiddenMessage(method: string, path: string, graphMessage: string): string {
  const write = method !== 'GET' && path.includes('/members');
  // Groups Graph never lets anyone change (dynamic, synced, mail-enabled) are refused before any write,
  // so a 403 on a write here is most likely the permission; the other cause is named after it.
  if (write) {
    return `Microsoft Graph refused ${method} ${path} (403: ${graphMessage}). The app can change a group's members through the Groups Administrator role scoped to an administrative unit that holds the group (the narrower set-up, docs/setup.md), or the application permission GroupMember.ReadWrite.All; a group in a restricted management administrative unit accepts only the scoped role. If the app has one of these, the group has become one whose membership Graph cannot change (dynamic, synced from on-premises or mail-enabled). Run doctor: it says which.`;
  }
  return `Microsoft Graph refused ${method} ${path} (403: ${graphMessage}). Grant the app registration the application permission ${permissionFor(method, path)} with admin consent.`;
}

interface BatchItemResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: { error?: { code?: string; message?: string } } & Record<string, unknown>;
}

/** The sign-in failure, or a clearer one when the sign-in endpoint cannot be reached at all. */
async function reachability(authorityHost: string, failure: unknown): Promise<unknown> {
  try {
    await fetch(authorityHost, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
    return failure;
  } catch (error) {
    const code = networkCode(error);
    if (!code) return failure;
    return new Error(
      `its sign-in endpoint ${new URL(authorityHost).host} cannot be reached (${code}): check the authority-host setting (or the cloud), DNS, proxy and firewall. (${String((failure as Error)?.message ?? failure).split('\n')[0]})`,
    );
  }
}

export class GraphDirectory implements Directory {
  private readonly client: Client;
  private readonly retry: RetryPolicy;
  private readonly concurrency: number;
  private readonly graphEndpoint: string;
  private signInFailure: unknown;
  private readonly token: () => Promise<string>;
  private readonly credential: TokenCredential;
  private readonly armEndpoint: string | undefined;

  constructor(options: GraphDirectoryOptions) {
    this.graphEndpoint = options.graphEndpoint;
    this.credential = options.credential;
    this.armEndpoint = options.armEndpoint;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    const scope = `${options.graphEndpoint}/.default`;
    let cached: { token: string; expiresOnTimestamp: number } | undefined;
    // The sign-in in flight: batches sent at once wait for the same one instead of each signing in.
    let signingIn: Promise<{ token: string; expiresOnTimestamp: number } | null> | undefined;
    const authProvider = {
      getAccessToken: async () => {
        // One sign-in per token lifetime: each sign-in also asks GitHub for a fresh OIDC token.
        if (cached && cached.expiresOnTimestamp - Date.now() > 5 * 60_000) return cached.token;
        try {
          signingIn ??= options.credential.getToken(scope).finally(() => (signingIn = undefined));
          const token = await signingIn;
          if (!token) throw new Error(`no access token for ${scope}`);
          this.signInFailure = undefined;
          cached = token;
          return token.token;
        } catch (error) {
          // The Graph client wraps this error; remember it so it is reported as a sign-in problem
          // and not retried as if the network had failed. @azure/identity reports an endpoint it
          // cannot reach as a failed request ("Status code: 400", endpoints_resolution_error) without
          // the cause, so where the answer is not Entra's own (no AADSTS code) the endpoint is tried once.
          this.signInFailure =
            options.authorityHost && !/AADSTS\d+/.test(String((error as Error)?.message)) ? await reachability(options.authorityHost, error) : error;
          throw error;
        }
      },
    };
    this.token = authProvider.getAccessToken;
    // Our own retry policy handles throttling (batch items included), so the client's RetryHandler is
    // left out of the chain rather than retrying a second time underneath it.
    const auth = new AuthenticationHandler(authProvider);
    const network = new NetworkErrorHandler();
    auth.setNext(network);
    network.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({
      middleware: auth,
      baseUrl: options.graphEndpoint,
      defaultVersion: 'v1.0',
      customHosts: new Set([new URL(options.graphEndpoint).hostname]),
    });
  }

  /** One call with retries on transient failures; 404 resolves to undefined. */
  private async call<T>(method: 'GET', path: string, attempt = 1): Promise<T | undefined> {
    try {
      return (await this.client.api(path).get()) as T;
    } catch (error) {
      this.throwIfSignInFailed();
      const status = error instanceof GraphError ? error.statusCode : 0;
      if (status === 404) return undefined;
      if (status === 403) throw new DirectoryError(403, forbiddenMessage(method, path.split('?')[0]!, (error as Error).message));
      // A host that does not resolve or refuses connections is not retried: the message says why.
      const unreachable = (error as Error).message?.includes(UNREACHABLE) === true;
      if (!unreachable && (isTransient(status) || status <= 0) && attempt < this.retry.maxAttempts) {
        const after = error instanceof GraphError ? retryAfterMs(error.headers?.get('Retry-After')) : undefined;
        await this.retry.sleep(delayBeforeRetry(attempt, this.retry, after));
        return this.call<T>(method, path, attempt + 1);
      }
      throw new DirectoryError(
        status,
        `Microsoft Graph ${method} ${path.split('?')[0]} failed${status > 0 ? ` with ${status}` : ''}: ${(error as Error).message}`,
      );
    }
  }

  warmUp(): void {
    // A failure is not lost: the first call signs in again and reports it.
    this.token().catch(() => undefined);
  }

  private throwIfSignInFailed(): void {
    if (this.signInFailure !== undefined) throw new SignInError(explainSignInError(this.signInFailure));
  }

  async resolveUser(ref: EntraUserRef): Promise<DirectoryUser | undefined> {
    const key = 'id' in ref ? ref.id : ref.upn;
    const user = await this.call<{ id: string; userPrincipalName?: string | null }>('GET', `${userPath(key)}?$select=id,userPrincipalName`);
    return user ? { id: user.id.toLowerCase(), ...(user.userPrincipalName ? { userPrincipalName: user.userPrincipalName } : {}) } : undefined;
  }

  async getGroup(id: string): Promise<DirectoryGroup | undefined> {
    const group = await this.call<GroupBody>('GET', `${groupPath(id)}?$select=${GROUP_SELECT}`);
    return group ? toGroup(group) : undefined;
  }

  async listMembers(groupId: string): Promise<Member[]> {
    return (await this.listMembersOfGroups([groupId])).get(groupId.toLowerCase()) ?? [];
  }

  /**
   * signInSessionsValidFromDateTime of each user (user resource: returned only on $select; tokens issued
   * before it are invalid, and revokeSignInSessions resets it to now), batched. Needs User.Read.All.
   */
  async sessionsValidFrom(userIds: readonly string[]): Promise<Map<string, number | string>> {
    const answers = await this.batchAll(userIds.map((id) => ({ method: 'GET', url: `${userPath(id)}?$select=id,signInSessionsValidFromDateTime` })));
    const out = new Map<string, number | string>();
    answers.forEach((a, i) => {
      const id = userIds[i]!;
      const at = (a.body as { signInSessionsValidFromDateTime?: unknown } | undefined)?.signInSessionsValidFromDateTime;
      if (a.status < 200 || a.status >= 300)
        out.set(
          id,
          a.status === 403
            ? forbiddenMessage('GET', `${userPath(id)}?$select=signInSessionsValidFromDateTime`, a.message)
            : `Graph answered ${a.status}: ${a.message}`,
        );
      else if (at === null || at === undefined) out.set(id, 0);
      else if (typeof at === 'string' && Number.isFinite(Date.parse(at))) out.set(id, Date.parse(at));
      else out.set(id, 'Graph answered signInSessionsValidFromDateTime in an unknown form');
    });
    return out;
  }

  /**
   * Ends users' sign-in sessions (user-revokesigninsessions: refresh tokens and session cookies stop
   * working), batched; per user, done or why not. Needs User.RevokeSessions.All.
   */
  async revokeSessions(userIds: readonly string[]): Promise<{ userId: string; done: boolean; detail: string }[]> {
    const answers = await this.batchAll(
      userIds.map((id) => ({ method: 'POST', url: `${userPath(id)}/revokeSignInSessions`, headers: { 'Content-Type': 'application/json' }, body: {} })),
    );
    return answers.map((a, i) => {
      const userId = userIds[i]!;
      if (a.status >= 200 && a.status < 300) return { userId, done: true, detail: 'sign-in sessions revoked' };
      if (a.status === 403) return { userId, done: false, detail: forbiddenMessage('POST', `${userPath(userId)}/revokeSignInSessions`, a.message) };
      return { userId, done: false, detail: `Graph answered ${a.status}: ${a.message}` };
    });
  }

  /**
   * group-list-transitivemembers, cast to users: who holds each group through any path, nested groups
   * included (GroupMember.Read.All, which GroupMember.ReadWrite.All includes). The cast is an advanced
   * query (pages.ts). A group Graph will not list is answered with why, so that nothing is claimed about it.
   */
  async transitiveUsers(groupIds: readonly string[]): Promise<Map<string, Set<string> | DirectoryError>> {
    const answers = await this.readPages(groupIds.map((id) => advancedQuery(`${groupPath(id)}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`)));
    const out = new Map<string, Set<string> | DirectoryError>();
    groupIds.forEach((id, i) => {
      try {
        const page = this.readAnswer<MembersPage>(answers[i]!, 'GET', `${groupPath(id)}/transitiveMembers`);
        if (!page) throw new DirectoryError(404, `group ${id} does not exist in Entra`);
        out.set(id.toLowerCase(), new Set(page.value.map((m) => m.id.toLowerCase())));
      } catch (error) {
        if (!(error instanceof DirectoryError)) throw error;
        out.set(id.toLowerCase(), error);
      }
    });
    return out;
  }

  /**
   * privilegedaccessgroup-list-eligibilityscheduleinstances per group: who may activate its membership
   * through PIM. Needs PrivilegedEligibilitySchedule.Read.AzureADGroup; a group that cannot be read is
   * answered with why (a 403: the optional permission is not granted), so that nothing is claimed about it.
   */
  async pimEligible(groupIds: readonly string[]): Promise<Map<string, Set<string> | DirectoryError>> {
    const path = '/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances';
    const answers = await this.readPages(groupIds.map((id) => ({ url: `${path}?$filter=${encodeURIComponent(`groupId eq '${id}'`)}` })));
    const out = new Map<string, Set<string> | DirectoryError>();
    answers.forEach((a, i) => {
      const id = groupIds[i]!.toLowerCase();
      if (a.status < 200 || a.status >= 300) {
        out.set(id, new DirectoryError(a.status, `Microsoft Graph GET ${path} answered ${a.status}: ${a.message}`));
        return;
      }
      const value = ((a.body as { value?: { principalId?: unknown; accessId?: unknown }[] } | undefined)?.value ?? []).filter(
        (e) => e.accessId === 'member' && typeof e.principalId === 'string',
      );
      out.set(id, new Set(value.map((e) => String(e.principalId).toLowerCase())));
    });
    return out;
  }

  async apply(changes: readonly MembershipChange[]): Promise<ChangeOutcome[]> {
    const requests: BatchRequest[] = changes.map((c) =>
      c.op === 'add'
        ? {
            method: 'POST',
            url: addMemberPath(c.groupId),
            headers: { 'Content-Type': 'application/json' },
            body: { '@odata.id': directoryObjectUri(this.graphEndpoint, c.memberId) },
          }
        : { method: 'DELETE', url: removeMemberPath(c.groupId, c.memberId) },
    );
    const answers = await this.batchAll(requests);
    return answers.map((a, i) => ({ ...judge(changes[i]!, a), attempts: a.attempts }));
  }

  async listPimAssignments(groupIds: readonly string[]): Promise<Map<string, PimAssignment[]>> {
    const answers = await this.readPages(groupIds.map((id) => ({ url: pimInstancesPath(id) })));
    const result = new Map<string, PimAssignment[]>();
    for (let i = 0; i < groupIds.length; i++) {
      const id = groupIds[i]!;
      const page = this.readAnswer<PimPage>(answers[i]!, 'GET', PIM_INSTANCES);
      const list: PimAssignment[] = [];
      for (const a of page?.value ?? [])
        if (a.accessId === 'member' && typeof a.principalId === 'string')
          list.push({ principalId: a.principalId.toLowerCase(), end: typeof a.endDateTime === 'string' ? a.endDateTime : null });
      result.set(id.toLowerCase(), list);
    }
    return result;
  }

  /**
   * PIM schedule requests, then what PIM's documented answers call for: an assignment that already
   * exists (RoleAssignmentExists) is moved to the wanted end with adminUpdate, never taken as done with
   * its old end; a removal within 5 minutes of the assignment (ActiveDurationTooShort) moves its end to
   * the earliest PIM allows, so Entra ends it then, and says so.
   */
  async applyPim(changes: readonly PimChange[]): Promise<PimOutcome[]> {
    const first = await this.sendPim(changes);
    const follow: { i: number; change: PimChange }[] = [];
    first.forEach(({ outcome: o, code }, i) => {
      if (o.change.action === 'adminAssign' && code === 'RoleAssignmentExists' && o.change.end)
        follow.push({ i, change: { ...o.change, action: 'adminUpdate' } });
      if (o.change.action === 'adminRemove' && code === 'ActiveDurationTooShort')
        follow.push({
          i,
          change: { ...o.change, action: 'adminUpdate', end: pimFloorEnd() },
        });
    });
    const second = follow.length > 0 ? await this.sendPim(follow.map((f) => f.change)) : [];
    const out = first.map((a) => a.outcome);
    follow.forEach((f, k) => {
      const o = second[k]!.outcome;
      const original = changes[f.i]!;
      if (original.action === 'adminRemove') {
        out[f.i] = o.done
          ? {
              change: original,
              done: true,
              result: 'deferred',
              status: o.status,
              detail: `PIM refuses to end an assignment within 5 minutes of making it, so its end was moved to ${f.change.end}, when Entra ends it; until then the access stays.`,
              endsAt: f.change.end!,
            }
          : {
              change: original,
              done: false,
              result: 'failed',
              status: o.status,
              detail: `PIM refused to end the assignment within 5 minutes of making it, and to move its end: ${o.detail}. The next run tries again.`,
            };
      } else
        out[f.i] = o.done
          ? { change: original, done: true, result: 'already', status: o.status, detail: 'already assigned; its end was moved to the wanted one' }
          : { ...o, change: original };
    });
    return out;
  }

  private async sendPim(changes: readonly PimChange[]): Promise<{ outcome: PimOutcome; code: string }[]> {
    const now = new Date().toISOString();
    const answers = await this.batchAll(
      changes.map((c) => ({
        method: 'POST',
        url: PIM_REQUESTS_PATH,
        headers: { 'Content-Type': 'application/json' },
        body: {
          accessId: 'member',
          principalId: c.principalId,
          groupId: c.groupId,
          action: c.action,
          justification: c.justification.slice(0, 500),
          ...(c.action !== 'adminRemove' ? { scheduleInfo: { startDateTime: now, expiration: { type: 'afterDateTime', endDateTime: c.end } } } : {}),
        },
      })),
    );
    return answers.map((a, i) => ({
      outcome: judgePim(changes[i]!, a),
      code: String((a.body as { error?: { code?: unknown } } | undefined)?.error?.code ?? ''),
    }));
  }

  /**
   * Many groups in few calls: 15 ids to a filtered listing, 20 listings to a $batch (300 groups a
   * call), where one look-up each would make a call per 20 groups. A group absent from its listing
   * does not exist (the same answer as a 404 on its own look-up).
   */
  async getGroups(ids: readonly string[]): Promise<Map<string, DirectoryGroup | undefined>> {
    const unique = [...new Set(ids.map((id) => assertObjectId('group', id)))];
    const answers = await this.readPages(chunks(unique, GROUPS_PER_FILTER).map((chunk) => ({ url: groupsByIdPath(chunk, GROUP_SELECT) })));
    const result = new Map<string, DirectoryGroup | undefined>(unique.map((id) => [id, undefined]));
    answers.forEach((a) => {
      const body = this.readAnswer<{ value?: GroupBody[] }>(a, 'GET', '/groups');
      for (const g of body?.value ?? []) if (typeof g?.id === 'string' && result.has(g.id.toLowerCase())) result.set(g.id.toLowerCase(), toGroup(g));
    });
    return result;
  }

  async resolveUsers(refs: readonly EntraUserRef[]): Promise<(DirectoryUser | undefined)[]> {
    const answers = await this.batchAll(
      refs.map((ref) => ({ method: 'GET', url: `${userPath('id' in ref ? ref.id : ref.upn)}?$select=id,userPrincipalName` })),
    );
    return answers.map((a, i) => {
      const ref = refs[i]!;
      // One identity Graph refuses (400: a malformed id or name) is that identity's problem, reported
      // as "no Entra user"; it must not stop every grant and removal of the run.
      if (a.status === 400) return undefined;
      const body = this.readAnswer<{ id: string; userPrincipalName?: string | null }>(a, 'GET', userPath('id' in ref ? ref.id : ref.upn));
      return body ? { id: body.id.toLowerCase(), ...(body.userPrincipalName ? { userPrincipalName: body.userPrincipalName } : {}) } : undefined;
    });
  }

  /**
   * Members of many groups: 20 listings to a $batch, every page read (pages.ts). Each
   * group is listed twice: v1.0's member listing does not include service principals (a known issue
   * on group-list-members), so they are listed through the OData cast to microsoft.graph.servicePrincipal;
   * an app added to a privileged group out of band is then seen like anyone else.
   */
  async listMembersOfGroups(groupIds: readonly string[]): Promise<Map<string, Member[]>> {
    const each = await this.listMembersOfEachGroup(groupIds);
    const result = new Map<string, Member[]>();
    for (const [id, members] of each) {
      if (members instanceof DirectoryError) throw members;
      result.set(id, members);
    }
    return result;
  }

  async listMembersOfEachGroup(groupIds: readonly string[]): Promise<Map<string, Member[] | DirectoryError>> {
    const listings = groupIds.flatMap((id) => [
      { url: `${membersPath(id)}?$select=id&$top=999` },
      advancedQuery(`${servicePrincipalMembersPath(id)}?$select=id&$top=999`),
    ]);
    const answers = await this.readPages(listings);
    const result = new Map<string, Member[] | DirectoryError>();
    for (let i = 0; i < groupIds.length; i++) {
      const id = groupIds[i]!;
      const members = new Map<string, Member>();
      try {
        for (const k of [0, 1]) {
          const page = this.readAnswer<MembersPage>(answers[2 * i + k]!, 'GET', k === 0 ? membersPath(id) : servicePrincipalMembersPath(id));
          if (!page) throw new DirectoryError(404, `group ${id} does not exist in Entra. Check its id in the policy.`);
          for (const m of toMembers(page, k === 1 ? 'servicePrincipal' : undefined)) members.set(m.id, m);
        }
      } catch (error) {
        if (!(error instanceof DirectoryError)) throw error;
        result.set(id.toLowerCase(), error);
        continue;
      }
      result.set(id.toLowerCase(), [...members.values()]);
    }
    return result;
  }

  /** GETs answered one by one, as Graph answered them, every page of a listing read (doctor's optional reads: a 403 is a fact, not a failure). */
  async readAll(requests: readonly GraphGet[]): Promise<{ status: number; body?: unknown; message: string }[]> {
    return this.readPages(requests);
  }

  /** GETs batched, each listing read to its last page (pages.ts), the request's headers on every page. */
  private readPages(requests: readonly GraphGet[]): Promise<BatchAnswer[]> {
    return readEveryPage(
      (items) => this.batchAll(items.map((r) => ({ method: 'GET', url: r.url, ...(r.headers ? { headers: r.headers } : {}) }))),
      requests,
      this.graphEndpoint,
    );
  }

  /**
   * Azure Resource Manager reads with the same identity (a token for ARM's own audience). ARM is not
   * Graph, so the Graph client does not serve it; these are plain GETs with fetch, a few per scope,
   * each retried on 429 and 5xx as ARM's throttling page says (Retry-After), at most three times;
   * every page of a list (armReadPages follows `nextLink`).
   */
  async armReadAll(paths: readonly string[]): Promise<{ status: number; body?: unknown; message: string }[]> {
    if (!this.armEndpoint) return paths.map(() => ({ status: 0, message: 'no Azure Resource Manager endpoint' }));
    const arm = this.armEndpoint;
    const token = await this.credential.getToken(`${arm}/.default`);
    if (!token) throw new SignInError(`no access token for ${arm}`);
    const one = async (url: string) => {
      for (let attempt = 1; ; attempt++) {
        let res: Response;
        try {
          res = await fetch(url, { headers: { Authorization: `Bearer ${token.token}` } });
        } catch (error) {
          if (attempt >= 3) return { status: 0, message: (error as Error).message };
          continue;
        }
        const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
        if ((res.status === 429 || res.status >= 500) && attempt < 3) {
          await new Promise((r) => setTimeout(r, Math.min(30, Number(res.headers.get('retry-after')) || 1) * 1000));
          continue;
        }
        return { status: res.status, body, message: body?.error ? `${body.error.code ?? ''}: ${body.error.message ?? ''}` : res.statusText };
      }
    };
    return Promise.all(paths.map((path) => armReadPages(one, arm, path)));
  }

  async signedInPrincipal(): Promise<string | undefined> {
    const oid = tokenClaims(await this.accessToken())?.oid;
    return typeof oid === 'string' ? oid.toLowerCase() : undefined;
  }

  private writer: Promise<AzureRoleWrites> | undefined;

  /** Loaded when an entry grants an Azure role: runs without one never load Azure's SDK. */
  async azureRoleWrites(): Promise<AzureRoleWrites | undefined> {
    if (!this.armEndpoint) return undefined;
    const arm = this.armEndpoint;
    this.writer ??= import('./azure-roles.ts').then(({ AzureRoleWriter }) => new AzureRoleWriter(this.credential, arm));
    return this.writer;
  }

  async accessToken(): Promise<string> {
    try {
      return await this.token();
    } catch {
      this.throwIfSignInFailed();
      throw new SignInError('no access token for Microsoft Graph');
    }
  }

  /** Who signed in, its permissions, roles and their scopes: what doctor judges the reach from. */
  async identity(policyGroupIds: readonly string[]): Promise<IdentityFacts> {
    return readIdentity(this, policyGroupIds);
  }

  /** The body of a successful batch answer; undefined for 404; an error for anything else. */
  private readAnswer<T>(answer: BatchAnswer, method: string, path: string): T | undefined {
    if (answer.status >= 200 && answer.status < 300) return answer.body as T;
    if (answer.status === 404) return undefined;
    if (answer.status === 403) throw new DirectoryError(403, forbiddenMessage(method, path, answer.message));
    throw new DirectoryError(
      answer.status,
      `Microsoft Graph ${method} ${path} failed${answer.status > 0 ? ` with ${answer.status}` : ''} after ${answer.attempts} attempt${answer.attempts === 1 ? '' : 's'}: ${answer.message}`,
    );
  }

  /**
   * Sends requests in $batch requests of at most 20, `concurrency` at a time, and retries only the
   * items that failed transiently (429, 503, 504, a dropped connection), honouring Retry-After,
   * until each has an answer or its attempts run out.
   */
  private async batchAll(requests: readonly BatchRequest[]): Promise<BatchAnswer[]> {
    const answers = new Map<number, BatchAnswer>();
    const attempts = new Map<number, number>();
    let pending = requests.map((_, i) => i);
    while (pending.length > 0) {
      const batches = chunks(pending, BATCH_LIMIT);
      const retryLater: number[] = [];
      let wait = 0;
      let next = 0;
      const worker = async () => {
        while (next < batches.length) {
          const chunk = batches[next++]!;
          const items = await this.sendBatch(chunk.map((i) => requests[i]!));
          chunk.forEach((index, position) => {
            const item = items[position]!;
            const count = (attempts.get(index) ?? 0) + 1;
            attempts.set(index, count);
            if (isTransient(item.status) && count < this.retry.maxAttempts) {
              retryLater.push(index);
              wait = Math.max(wait, delayBeforeRetry(count, this.retry, item.retryAfter));
            } else {
              const gaveUp = isTransient(item.status) ? `gave up after ${count} attempts: ` : '';
              answers.set(index, { ...item, message: `${gaveUp}${item.message}`, attempts: count });
            }
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, batches.length) }, worker));
      pending = retryLater.sort((a, b) => a - b);
      // A long wait is said on stderr (never a workflow command), so a run does not look hung.
      if (pending.length > 0 && wait >= 5_000)
        process.stderr.write(
          `access-as-code: Microsoft Graph is throttling or unavailable; retrying ${pending.length} request${pending.length === 1 ? '' : 's'} in ${Math.round(wait / 1000)} s.\n`,
        );
      if (pending.length > 0) await this.retry.sleep(wait);
    }
    return requests.map((_, i) => answers.get(i)!);
  }

  /** One $batch; a failed envelope (throttled, unavailable, dropped) fails every item in it, for retry. */
  private async sendBatch(batch: readonly BatchRequest[]): Promise<Omit<BatchAnswer, 'attempts'>[]> {
    const requests = batch.map((r, i) => ({ id: String(i + 1), ...r }));
    try {
      const response = (await this.client.api('/$batch').post({ requests })) as { responses?: BatchItemResponse[] };
      const byId = new Map((response.responses ?? []).map((r) => [r.id, r]));
      return requests.map((r) => {
        const item = byId.get(r.id);
        if (!item) return { status: 0, message: 'no answer for this request in the batch response' };
        const header = Object.entries(item.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
        const after = retryAfterMs(header);
        return {
          status: item.status,
          body: item.body,
          message: item.body?.error?.message ?? `status ${item.status}`,
          ...(after !== undefined ? { retryAfter: after } : {}),
        };
      });
    } catch (error) {
      this.throwIfSignInFailed();
      const status = error instanceof GraphError ? error.statusCode : 0;
      const after = error instanceof GraphError ? retryAfterMs(error.headers?.get('Retry-After')) : undefined;
      const message =
        status === 403
          ? forbiddenMessage('POST', '/$batch', (error as Error).message)
          : `the batch request failed${status > 0 ? ` with ${status}` : ''}: ${(error as Error).message}`;
      // Unreachable (the message says why): -1, which is not retried; a dropped connection: 0, which is.
      const unreachable = (error as Error).message?.includes(UNREACHABLE) === true;
      return batch.map(() => ({
        status: status > 0 ? status : unreachable ? -1 : 0,
        message: unreachable ? (error as Error).message : message,
        ...(after !== undefined ? { retryAfter: after } : {}),
      }));
    }
  }

  async confirm(
    changes: readonly MembershipChange[],
    options: { attempts?: number; delayMs?: number } = {},
  ): Promise<{ visible: boolean; pending: MembershipChange[] }> {
    const attempts = options.attempts ?? 5;
    const delayMs = options.delayMs ?? 2_000;
    let pending = [...changes];
    for (let i = 0; i < attempts && pending.length > 0; i++) {
      if (i > 0) await this.retry.sleep(delayMs);
      const listed = await this.listMembersOfGroups([...new Set(pending.map((c) => c.groupId.toLowerCase()))]);
      const members = new Map([...listed].map(([g, list]) => [g, new Set(list.map((m) => m.id))]));
      pending = pending.filter((c) => members.get(c.groupId.toLowerCase())!.has(c.memberId.toLowerCase()) !== (c.op === 'add'));
    }
    return { visible: pending.length === 0, pending };
  }
}

type PimPage = { value?: { principalId?: unknown; accessId?: unknown; endDateTime?: unknown }[]; '@odata.nextLink'?: string };
const PIM_INSTANCES = '/identityGovernance/privilegedAccess/group/assignmentScheduleInstances';

/**
 * What PIM's answer means (privilegedaccessgroup-post-assignmentschedulerequests; error codes as PIM
 * sends them for schedule requests): an assignment that already exists, or a removal of one that does
 * not, is done; a request the group's PIM policy refuses says which rule and what to change.
 */
function judgePim(change: PimChange, answer: { status: number; message: string; attempts: number; body?: unknown }): PimOutcome {
  const { status, message } = answer;
  const code = String((answer.body as { error?: { code?: unknown } } | undefined)?.error?.code ?? '');
  if (status >= 200 && status < 300)
    return {
      change,
      done: true,
      result: 'made',
      status,
      detail: change.action === 'adminAssign' ? 'assigned' : change.action === 'adminUpdate' ? 'end time changed' : 'assignment removed',
    };
  if (change.action === 'adminRemove' && code === 'RoleAssignmentDoesNotExist')
    return { change, done: true, result: 'already', status, detail: 'already not assigned' };
  if (code === 'RoleAssignmentRequestPolicyValidationFailed') {
    const rules = /\[([^\]]*)\]/.exec(message)?.[1]?.replace(/"/g, '') ?? message;
    return {
      change,
      done: false,
      result: 'failed',
      status,
      detail: `the group's PIM settings refuse this assignment (rules: ${rules}). ${/ExpirationRule/.test(rules) ? 'Its maximum active assignment is shorter than the request: raise "Expire active assignments after" in the group\'s PIM settings, or lower maxDuration in the policy.' : "Change the group's PIM role settings for active member assignments so that an administrator can assign without them."}`,
    };
  }
  if (status === 403)
    return {
      change,
      done: false,
      result: 'failed',
      status,
      detail: `PIM refused (403: ${message}). Grant the app registration the application permission PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup with admin consent.`,
    };
  if (isTransient(status)) return { change, done: false, result: 'failed', status, detail: message };
  return { change, done: false, result: 'failed', status, detail: `PIM answered ${status}${code ? ` ${code}` : ''}: ${message}` };
}

/** What Graph's final answer means for one change: done, or failed with the reason. */
function judge(change: MembershipChange, answer: { status: number; message: string; attempts: number }): Omit<ChangeOutcome, 'attempts'> {
  const { status, message, attempts } = answer;
  if (status >= 200 && status < 300) return { change, done: true, result: 'made', status, detail: change.op === 'add' ? 'added' : 'removed' };
  // group-post-members: 400 "One or more added object references already exist" = already a member.
  if (change.op === 'add' && status === 400 && /already exist/i.test(message))
    return { change, done: true, result: 'already', status, detail: 'already a member' };
  // group-delete-members: a member that is not there answers 404, or 400 "One or more removed object
  // references do not exist": either way it is already removed.
  if (change.op === 'remove' && (status === 404 || (status === 400 && /do not exist/i.test(message))))
    return { change, done: true, result: 'already', status, detail: 'already not a member' };
  if (isTransient(status)) return { change, done: false, result: 'failed', status, detail: message };
  if (status === 403) {
    const path = change.op === 'add' ? addMemberPath(change.groupId) : removeMemberPath(change.groupId, change.memberId);
    return {
      change,
      done: false,
      result: 'failed',
      status,
      detail: /Microsoft Graph refused/.test(message) ? message : forbiddenMessage(change.op === 'add' ? 'POST' : 'DELETE', path, message),
    };
  }
  if (change.op === 'add' && status === 404)
    return { change, done: false, result: 'failed', status, detail: `the user or group does not exist in Entra: ${message}` };
  return {
    change,
    done: false,
    result: 'failed',
    status,
    detail: `Graph answered ${status} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message}`,
  };
}

type MembersPage = { value: { id: string; '@odata.type'?: string }[]; '@odata.nextLink'?: string };

function toMembers(page: MembersPage, cast?: Member['type']): Member[] {
  return page.value.map((item) => ({
    id: item.id.toLowerCase(),
    type:
      cast ??
      (item['@odata.type'] === '#microsoft.graph.user' ? 'user' : item['@odata.type'] === '#microsoft.graph.servicePrincipal' ? 'servicePrincipal' : 'other'),
  }));
}

interface BatchRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

interface BatchAnswer {
  status: number;
  body?: unknown;
  message: string;
  retryAfter?: number;
  attempts: number;
}
