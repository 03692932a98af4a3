/**
 * Azure role assignments, the writes: Azure's own SDK (@azure/arm-authorization, which speaks to
 * Azure Resource Manager with the run's @azure/identity credential and retries 429 and 5xx as ARM's
 * throttling page says, honouring Retry-After). The reads go through armReadAll (arm-pages.ts), which
 * follows `nextLink` only on ARM's own host: a list read with the SDK would send the token wherever a
 * nextLink points.
 *
 * Two ways to hold a role at a scope (Azure RBAC REST reference, api-version 2022-04-01 for role
 * assignments and 2020-10-01 for PIM):
 * - a role assignment (Role Assignments - Create / Delete), made on grant and deleted by the sweep;
 * - PIM for Azure resources (Role Assignment Schedule Requests - Create): AdminAssign with an end,
 *   AdminUpdate to move it, AdminRemove to end it; Azure ends the assignment at its end by itself.
 */
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { AuthorizationManagementClient } from '@azure/arm-authorization';

/** What a write came to: made now, already as asked, or failed (a subset of entra/directory.ts's WriteResult, which imports this file). */
type AzureWriteResult = 'made' | 'already' | 'failed';

/** One write's answer: made, already as asked, or failed with ARM's words. */
export interface AzureWriteAnswer {
  result: AzureWriteResult;
  status: number;
  code: string;
  detail: string;
  /** For a made assignment: the scope ARM says it is at. */
  scope?: string;
}

export interface AzurePimRequest {
  requestType: 'AdminAssign' | 'AdminUpdate' | 'AdminRemove';
  scope: string;
  roleId: string;
  principalId: string;
  /** AdminAssign and AdminUpdate: when Azure ends the assignment. */
  end?: string;
  justification: string;
}

/** Statuses of a schedule request that carried it out (RoleAssignmentScheduleRequest.status, Status enum). */
const PIM_DONE = new Set(['Provisioned', 'Granted', 'Accepted', 'ScheduleCreated', 'PendingProvisioning', 'Revoked', 'PendingRevocation']);

/** The SDK's operations put the scope after a slash of their own ("/{scope}/providers/..."): it is given without its leading one. */
const sdkScope = (scope: string) => scope.replace(/^\/+/, '');

/** The role definition id as ARM writes take it: the subscription's own path for a scope inside one, else the tenant's. */
export function roleDefinitionPath(scope: string, roleId: string): string {
  const subscription = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? '';
  return `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}

/** The writes the Azure role backends make (entra/graph.ts hands them out). */
export interface AzureRoleWrites {
  assign(scope: string, roleId: string, principalId: string, description: string): Promise<AzureWriteAnswer>;
  remove(scope: string, name: string): Promise<AzureWriteAnswer>;
  pim(r: AzurePimRequest): Promise<AzureWriteAnswer>;
}

export class AzureRoleWriter implements AzureRoleWrites {
  private readonly client: AuthorizationManagementClient;

  constructor(credential: TokenCredential, armEndpoint: string) {
    // The SDK asks for a subscription, used only by operations named for one; every call here names its scope.
    this.client = new AuthorizationManagementClient(credential, '00000000-0000-0000-0000-000000000000', {
      endpoint: armEndpoint,
      credentialScopes: [`${armEndpoint}/.default`],
      userAgentOptions: { userAgentPrefix: 'access-as-code' },
    });
  }

  /**
   * A user's role assignment at a scope. principalType is sent: ARM needs it when the caller's own
   * assignment carries a delegation condition on the principal type ("Delegate Azure role assignment
   * management to others with conditions"). An assignment that exists already is success.
   */
  async assign(scope: string, roleId: string, principalId: string, description: string): Promise<AzureWriteAnswer> {
    const name = randomUUID();
    const made = await answer(
      async () => {
        const created = await this.client.roleAssignments.create(sdkScope(scope), name, {
          roleDefinitionId: roleDefinitionPath(scope, roleId),
          principalId,
          principalType: 'User',
          description: description.slice(0, 1024),
        });
        return created.scope;
      },
      { RoleAssignmentExists: 'already' },
    );
    // The assignment must be where it was approved: one ARM made elsewhere (a scope a client rewrote)
    // is deleted at once and the change fails.
    if (made.result === 'made' && made.scope !== undefined && made.scope.toLowerCase() !== scope.toLowerCase()) {
      await this.remove(made.scope, name);
      return {
        result: 'failed',
        status: 0,
        code: 'ScopeMismatch',
        detail: `Azure made the assignment at ${made.scope}, not at ${scope}; it was deleted again. Check the entry's scope.`,
      };
    }
    return made;
  }

  /** Deletes one role assignment by its name; one already gone (204) is success. */
  async remove(scope: string, name: string): Promise<AzureWriteAnswer> {
    return answer(async () => {
      const gone = await this.client.roleAssignments.delete(sdkScope(scope), name);
      return gone.id === undefined ? 'already' : 'made';
    }, {});
  }

  /** A PIM for Azure resources schedule request. */
  async pim(r: AzurePimRequest): Promise<AzureWriteAnswer> {
    return answer(
      () =>
        this.client.roleAssignmentScheduleRequests
          .create(sdkScope(r.scope), randomUUID(), {
            principalId: r.principalId,
            roleDefinitionId: roleDefinitionPath(r.scope, r.roleId),
            requestType: r.requestType,
            justification: r.justification.slice(0, 500),
            ...(r.requestType !== 'AdminRemove' && r.end
              ? { scheduleInfo: { startDateTime: new Date(), expiration: { type: 'AfterDateTime', endDateTime: new Date(r.end) } } }
              : {}),
          })
          .then((made) => {
            // A request PIM accepted but did not carry out (denied, waiting for an approver ...) is not made.
            if (made.status && !PIM_DONE.has(made.status))
              throw Object.assign(new Error(`PIM accepted the request but its status is ${made.status}, so the assignment was not made as asked`), {
                code: `Status${made.status}`,
                statusCode: 201,
              });
            return made;
          }),
      {},
    );
  }
}

/** Runs one SDK call and types its answer; ARM error codes in `known` are successes of that kind. */
async function answer(call: () => Promise<unknown>, known: Partial<Record<string, AzureWriteResult>>): Promise<AzureWriteAnswer> {
  try {
    const made = await call();
    if (made === 'already') return { result: 'already', status: 200, code: '', detail: '' };
    return { result: 'made', status: 200, code: '', detail: '', ...(typeof made === 'string' ? { scope: made } : {}) };
  } catch (error) {
    const e = error as { statusCode?: number; code?: string; message?: string };
    const code = e.code ?? '';
    const status = e.statusCode ?? 0;
    const result = known[code];
    if (result) return { result, status, code, detail: e.message ?? '' };
    return { result: 'failed', status, code, detail: `${status > 0 ? `${status} ` : ''}${code ? `${code}: ` : ''}${e.message ?? String(error)}` };
  }
}
