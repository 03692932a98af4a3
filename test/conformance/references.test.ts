// Conformance: every call the product sends GitHub, Microsoft Graph and Azure Resource Manager is one
// their references describe. The twin writes each call it is sent (scripts/twin/call-log.ts); `npm
// test` runs this file after all others, over every call they made (CONFORMANCE_LOG, set by
// scripts/test.ts). Run alone, it makes a small world of its own (a grant, a sweep, a report) and
// checks those calls. Either way an empty log fails: a check of nothing passes nothing.
//
// References: GitHub REST, the api.github.com OpenAPI description (@octokit/openapi); GitHub
// GraphQL, GitHub's schema (@octokit/graphql-schema); Microsoft Graph, Microsoft's Graph metadata
// (@microsoft/microsoft-graph-types) and the pages listed in test/conformance/graph.ts; ARM, the
// pages listed in test/conformance/arm.ts.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggedCall } from '../../scripts/twin/call-log.ts';
import { checkArm } from './arm.ts';
import { GitHubRest } from './github-rest.ts';
import { checkGraphql } from './github-graphql.ts';
import { checkGraph, GraphMetadata } from './graph.ts';

let rest: GitHubRest;
let graph: GraphMetadata;
let calls: LoggedCall[] = [];

before(async () => {
  rest = new GitHubRest();
  graph = new GraphMetadata();
  const given = process.env.CONFORMANCE_LOG;
  calls = given ? readLog(given) : await smallWorld();
});

function readLog(dir: string): LoggedCall[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LoggedCall),
    );
}

/** A grant, a sweep and a report against a twin of its own, its calls logged to a directory of its own. */
async function smallWorld(): Promise<LoggedCall[]> {
  const dir = mkdtempSync(join(tmpdir(), 'aac-conformance-'));
  process.env.TWIN_CALL_LOG = dir;
  const { Scenario, requestYaml } = await import('../helpers/scenario.ts');
  const s = await Scenario.begin();
  try {
    const pull = s.openPull('octocat', {
      files: { 'requests/k8s-prod-operators/octocat-drain.yaml': requestYaml({ requester: 'octocat', group: 'k8s-prod-operators' }) },
    });
    s.review(pull, 'lead1');
    s.approvedRequest('monalisa', 'prod-db-admins', -60_000);
    for (const run of [await s.validate(pull), await s.grant(s.merge(pull)), await s.revoke(), await s.report()])
      assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    return readLog(dir);
  } finally {
    delete process.env.TWIN_CALL_LOG;
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What no reference describes in a call; empty when one does. */
function problems(call: LoggedCall): string[] {
  if (call.service === 'github') return call.path === '/graphql' ? checkGraphql(call) : rest.check(call);
  if (call.service === 'graph') return checkGraph(graph, call);
  return checkArm(call);
}

test('calls were logged (a check of no calls would pass vacuously)', () => {
  assert.ok(calls.length > 0, 'the twin logged no calls: is TWIN_CALL_LOG set where the twin runs?');
  for (const service of ['github', 'graph'] as const)
    assert.ok(
      calls.some((c) => c.service === service && !c.inBatch),
      `no ${service} call was logged`,
    );
});

for (const [service, label] of [
  ['github-rest', 'GitHub REST calls match an operation of the OpenAPI description, with its parameters and body'],
  ['github-graphql', "GitHub GraphQL documents validate against GitHub's schema, with their variables"],
  ['graph', "Microsoft Graph calls follow Microsoft's Graph metadata or a listed reference page"],
  ['arm', 'Azure Resource Manager calls match a listed operation with its api-version and parameters'],
] as const) {
  test(`every ${label}`, () => {
    const mine = calls.filter((c) =>
      service === 'github-rest'
        ? c.service === 'github' && c.path !== '/graphql'
        : service === 'github-graphql'
          ? c.service === 'github' && c.path === '/graphql'
          : c.service === service,
    );
    const found = new Map<string, Set<string>>();
    for (const call of mine) for (const p of problems(call)) found.set(p, (found.get(p) ?? new Set()).add(call.from));
    const report = [...found].map(([p, from]) => `- ${p}\n    sent in ${[...from].slice(0, 3).join(', ')}`).join('\n');
    assert.equal(found.size, 0, `${found.size} call(s) no reference describes:\n${report}`);
  });
}

// --- the check itself fails on what the references do not describe -----------------------------------

const call = (service: LoggedCall['service'], method: string, path: string, extra: Partial<LoggedCall> = {}): LoggedCall => ({
  service,
  method,
  path,
  query: [],
  headers: {},
  from: 'test/conformance/references.test.ts',
  ...extra,
});

test('REST: an operation GitHub describes passes; an unknown path, parameter or body property is named', () => {
  const comment = call('github', 'POST', '/repos/acme/access/issues/12/comments', { body: { body: 'hi' } });
  assert.deepEqual(rest.check(comment), []);
  assert.deepEqual(rest.check(call('github', 'GET', '/repos/acme/access/contents/.github/CODEOWNERS', { query: [['ref', 'main']] })), []);
  assert.match(rest.check(call('github', 'GET', '/repos/acme/access/pulls/12/approvals'))[0]!, /no operation GET/);
  assert.match(rest.check(call('github', 'GET', '/repos/acme/access/pulls/12/files', { query: [['page_size', '100']] }))[0]!, /"page_size" is not a parameter/);
  assert.match(rest.check(call('github', 'GET', '/repos/acme/access/pulls/twelve'))[0]!, /path parameter pull_number/);
  assert.match(rest.check({ ...comment, body: { body: 'hi', sticky: true } }).join('\n'), /body property "sticky"/);
  assert.match(rest.check({ ...comment, body: { body: 5 } }).join('\n'), /body/);
  assert.match(rest.check({ ...comment, body: undefined }).join('\n'), /requires a body/);
});

test('GraphQL: a valid query passes; an unknown field, a wrong variable type and an undeclared variable are named', () => {
  const gql = (query: string, variables: Record<string, unknown> = {}) => checkGraphql(call('github', 'POST', '/graphql', { body: { query, variables } }));
  assert.deepEqual(gql('query($o: String!, $r: String!) { repository(owner: $o, name: $r) { id } }', { o: 'acme', r: 'access' }), []);
  assert.match(gql('query { repository(owner: "a", name: "b") { approvers } }')[0]!, /Cannot query field "approvers"/);
  assert.match(gql('query($n: Int!) { repository(owner: "a", name: "b") { pullRequest(number: $n) { id } } }', { n: 'seven' })[0]!, /\$n/);
  assert.match(gql('query { viewer { login } }', { extra: 1 })[0]!, /"extra" is sent but not declared/);
});

test('Graph: documented paths pass; a member DELETE without $ref, an unknown property and an advanced query without its header are named', () => {
  const g = (method: string, path: string, extra: Partial<LoggedCall> = {}) => checkGraph(graph, call('graph', method, path, extra));
  const id = '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11';
  assert.deepEqual(g('DELETE', `/v1.0/groups/${id}/members/${id}/$ref`), []);
  assert.deepEqual(g('POST', `/v1.0/groups/${id}/members/$ref`, { body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` } }), []);
  assert.deepEqual(g('GET', `/v1.0/groups/${id}/members/microsoft.graph.user`, { query: [['$select', 'id,userPrincipalName']] }), []);
  assert.deepEqual(g('POST', `/v1.0/users/${id}/revokeSignInSessions`), []);
  assert.match(g('DELETE', `/v1.0/groups/${id}/members/${id}`)[0]!, /DELETE through a navigation property/);
  assert.match(g('GET', `/v1.0/groups/${id}`, { query: [['$select', 'id,owner']] })[0]!, /Group has no property "owner"/);
  assert.match(g('GET', `/v1.0/groups/${id}/members`, { query: [['$count', 'true']] })[0]!, /ConsistencyLevel: eventual/);
  const transitive = `/v1.0/groups/${id}/transitiveMembers/microsoft.graph.user`;
  assert.match(g('GET', transitive, { query: [['$select', 'id']] })[0]!, /cast on transitiveMembers is an advanced query/);
  assert.deepEqual(g('GET', transitive, { query: [['$count', 'true']], headers: { consistencylevel: 'eventual' } }), []);
  assert.match(g('GET', '/v1.0/auditLogs/signIns', { query: [['$select', 'appId']] })[0]!, /\$select is not among the options its page lists/);
  assert.match(g('GET', `/v1.0/groups/${id}/members/microsoft.graph.site`)[0]!, /the cast microsoft.graph.site is not a type derived from DirectoryObject/);
  assert.match(g('GET', '/v1.0/tenants')[0]!, /not an entity set/);
  assert.match(
    g('POST', '/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests', { body: { action: 'adminAssign', groupName: 'x' } })[0]!,
    /body property .*\.groupName is not a property of PrivilegedAccessGroupAssignmentScheduleRequest/,
  );
});

test('ARM: role assignments at a scope pass; another api-version or filter is named', () => {
  const scope = '/subscriptions/00000000-0000-0000-0000-000000000001';
  const filter: [string, string] = ['$filter', "principalId eq '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11'"];
  const path = `${scope}/providers/Microsoft.Authorization/roleAssignments`;
  assert.deepEqual(checkArm(call('arm', 'GET', path, { query: [['api-version', '2022-04-01'], filter] })), []);
  assert.match(checkArm(call('arm', 'GET', path, { query: [['api-version', '2015-07-01'], filter] }))[0]!, /api-version 2015-07-01/);
  assert.match(
    checkArm(
      call('arm', 'GET', path, {
        query: [
          ['api-version', '2022-04-01'],
          ['$filter', "roleDefinitionId eq 'x'"],
        ],
      }),
    )[0]!,
    /none of the page's filters/,
  );
  assert.match(checkArm(call('arm', 'GET', `${scope}/providers/Microsoft.Authorization/denyAssignments`))[0]!, /no ARM operation/);
  const put = `${scope}/providers/Microsoft.Authorization/roleAssignments/5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11`;
  const v = { query: [['api-version', '2022-04-01']] as [string, string][] };
  assert.deepEqual(checkArm(call('arm', 'PUT', put, { ...v, body: { properties: { roleDefinitionId: 'x', principalId: 'y', principalType: 'User' } } })), []);
  assert.match(
    checkArm(call('arm', 'PUT', put, { ...v, body: { properties: { roleDefinitionId: 'x', expiresOn: 'z' } } }))[0]!,
    /"properties\.expiresOn" is not listed/,
  );
});
