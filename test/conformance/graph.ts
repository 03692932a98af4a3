/**
 * A Microsoft Graph v1.0 call checked against Microsoft's Graph metadata as
 * @microsoft/microsoft-graph-types ships it (every entity type with its properties, navigation
 * properties and base type): the path walks from an entity set or singleton through navigation
 * properties, keys, OData casts to a type derived from the one listed, `$ref` on a navigation and
 * `$count`; `$select`, `$filter` and `$orderby` name properties of the type answered; a body names
 * properties of the type it creates. What the package does not carry (the entity sets and singletons
 * of the service root, actions) is listed below with the reference page that documents it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import type { LoggedCall } from '../../scripts/twin/call-log.ts';

const require = createRequire(import.meta.url);
const REF = 'https://learn.microsoft.com/en-us/graph/api';

/** The service root's entity sets (many) and singletons, as the v1.0 reference lists them. */
export const GRAPH_ROOTS: Record<string, { type: string; many: boolean; page: string }> = {
  users: { type: 'User', many: true, page: `${REF}/resources/user?view=graph-rest-1.0` },
  groups: { type: 'Group', many: true, page: `${REF}/resources/group?view=graph-rest-1.0` },
  servicePrincipals: { type: 'ServicePrincipal', many: true, page: `${REF}/resources/serviceprincipal?view=graph-rest-1.0` },
  identityGovernance: { type: 'IdentityGovernance', many: false, page: `${REF}/resources/identitygovernance-overview?view=graph-rest-1.0` },
  roleManagement: { type: 'RoleManagement', many: false, page: `${REF}/resources/rolemanagement?view=graph-rest-1.0` },
  directory: { type: 'Directory', many: false, page: `${REF}/resources/directory?view=graph-rest-1.0` },
  auditLogs: { type: 'AuditLogRoot', many: false, page: `${REF}/resources/auditlogroot?view=graph-rest-1.0` },
};

/** Actions (POST, bound to an entity) the types package does not carry. */
export const GRAPH_ACTIONS: Record<string, { page: string }> = {
  'User.revokeSignInSessions': { page: `${REF}/user-revokesigninsessions?view=graph-rest-1.0` },
};

/** "Advanced query capabilities on directory objects": these need ConsistencyLevel: eventual. */
const ADVANCED_QUERIES = 'https://learn.microsoft.com/en-us/graph/aad-advanced-queries';
const BATCH_PAGE = 'https://learn.microsoft.com/en-us/graph/json-batching';
const QUERY_OPTIONS = new Set(['$select', '$filter', '$top', '$count', '$orderby', '$expand', '$search', '$skiptoken', '$skip']);

interface Property {
  type: string;
  many: boolean;
}

export class GraphMetadata {
  private readonly types = new Map<string, { base?: string; props: Map<string, Property> }>();

  constructor() {
    const file = require.resolve('@microsoft/microsoft-graph-types/microsoft-graph.d.ts');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    for (const node of source.statements) {
      if (!ts.isInterfaceDeclaration(node)) continue;
      const base = node.heritageClauses?.[0]?.types[0]?.expression.getText(source);
      const props = new Map<string, Property>();
      for (const m of node.members) {
        if (!ts.isPropertySignature(m) || !m.type) continue;
        const text = m.type
          .getText(source)
          .replace(/^NullableOption<(.*)>$/s, '$1')
          .trim();
        props.set(m.name.getText(source).replace(/^["']|["']$/g, ''), { type: text.replace(/\[\]$/, ''), many: text.endsWith('[]') });
      }
      this.types.set(node.name.text, { ...(base ? { base } : {}), props });
    }
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  /** A property of the type or of a type it derives from. */
  property(type: string, name: string): Property | undefined {
    for (let t: string | undefined = type; t; t = this.types.get(t)?.base) {
      const p = this.types.get(t)?.props.get(name);
      if (p) return p;
    }
    return undefined;
  }

  /** A property of the type or of a type derived from it (for `$select` on a collection of directory objects). */
  propertyOfDerived(type: string, name: string): boolean {
    for (const t of this.types.keys()) if (this.derives(t, type) && this.property(t, name)) return true;
    return false;
  }

  derives(type: string, from: string): boolean {
    for (let t: string | undefined = type; t; t = this.types.get(t)?.base) if (t === from) return true;
    return false;
  }
}

interface At {
  type: string;
  many: boolean;
  /** Reached through a navigation property (where `$ref` applies), not an entity set. */
  navigation: boolean;
  /** An item of a navigation collection. */
  item: boolean;
  /** The last navigation property walked, and whether a cast followed it. */
  via?: string;
  cast?: boolean;
}

/** `microsoft.graph.servicePrincipal` -> ServicePrincipal. */
const castType = (segment: string) => segment.slice('microsoft.graph.'.length).replace(/^./, (c) => c.toUpperCase());

export function checkGraph(meta: GraphMetadata, call: LoggedCall): string[] {
  if (!call.path.startsWith('/v1.0/')) return [`${call.method} ${call.path}: not a Graph v1.0 path`];
  const where = `${call.method} ${call.path}`;
  if (call.path === '/v1.0/$batch')
    return call.method === 'POST' ? checkBatch(call.body).map((p) => `${where}: ${p} (${BATCH_PAGE})`) : [`${where}: $batch takes POST`];
  const segments = call.path.slice('/v1.0/'.length).split('/').map(decodeURIComponent);
  const walked = walk(meta, call.method, segments);
  if (typeof walked === 'string') return [`${where}: ${walked}`];
  return [...checkQuery(meta, call, walked), ...checkBody(meta, call, walked)].map((p) => `${where}: ${p}`);
}

type Walked = At & { ref: boolean; count: boolean; action?: string };

function walk(meta: GraphMetadata, method: string, segments: string[]): Walked | string {
  const [first = '', ...rest] = segments;
  const keyed = /^(\w+)\((.+)\)$/.exec(first);
  const root = GRAPH_ROOTS[keyed ? keyed[1]! : first];
  if (!root) return `"${first}" is not an entity set or singleton of the service root listed in the conformance test (test/conformance/graph.ts)`;
  let at: At = { type: root.type, many: root.many && !keyed, navigation: false, item: false };
  for (let i = 0; i < rest.length; i++) {
    const next = step(meta, method, at, rest[i]!, i === rest.length - 1);
    if (typeof next === 'string' || 'ref' in next) return next;
    at = next;
  }
  // OData would delete the object itself through a navigation; Graph documents removing a member only
  // as the reference (group-delete-members: DELETE /groups/{id}/members/{id}/$ref).
  if (method === 'DELETE' && at.item) return 'DELETE through a navigation property deletes no reference: the documented removal ends in /$ref';
  return { ...at, ref: false, count: false };
}

/** One path segment on from `at`: where it leads, the end of the path ($ref, $count, an action), or what is wrong. */
function step(meta: GraphMetadata, method: string, at: At, segment: string, last: boolean): At | Walked | string {
  if (segment === '$ref') {
    if (!last) return '$ref must end the path';
    if (!at.navigation) return '$ref applies to a navigation property, not to an entity set';
    if (at.many ? method !== 'POST' && method !== 'GET' : !at.item || method !== 'DELETE')
      return `${method} on this $ref is not an operation of OData references`;
    return { ...at, ref: true, count: false };
  }
  if (segment === '$count') return last && at.many ? { ...at, ref: false, count: true } : '$count applies to a collection and ends the path';
  if (segment.startsWith('microsoft.graph.')) {
    const cast = castType(segment);
    return meta.has(cast) && meta.derives(cast, at.type) ? { ...at, type: cast, cast: true } : `the cast ${segment} is not a type derived from ${at.type}`;
  }
  if (at.many) return { ...at, many: false, item: at.navigation };
  const property = meta.property(at.type, segment);
  if (property)
    return meta.has(property.type)
      ? { type: property.type, many: property.many, navigation: true, item: false, via: segment }
      : `${at.type}.${segment} is a ${property.type}, not a navigation`;
  if (GRAPH_ACTIONS[`${at.type}.${segment}`] && last && method === 'POST') return { ...at, ref: false, count: false, action: segment };
  return `${at.type} has no property "${segment}" in Microsoft's Graph metadata (@microsoft/microsoft-graph-types), and no action of that name is listed`;
}

/** Query options a page lists as the only ones its list supports, where that is fewer than OData's. */
const SUPPORTED_ONLY: Record<string, { options: string[]; page: string }> = {
  'AuditLogRoot.signIns': { options: ['$filter', '$top', '$skiptoken'], page: `${REF}/signin-list?view=graph-rest-1.0` },
};

function checkQuery(meta: GraphMetadata, call: LoggedCall, at: Walked): string[] {
  const problems: string[] = [];
  const q = new Map(call.query);
  for (const [name] of call.query) if (!QUERY_OPTIONS.has(name)) problems.push(`query parameter "${name}" is not an OData system query option`);
  const only = SUPPORTED_ONLY[`${rootOf(call.path)}.${at.via ?? ''}`];
  for (const [name] of call.query) if (only && !only.options.includes(name)) problems.push(`${name} is not among the options its page lists (${only.page})`);
  const names = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim().split(/\s+/)[0]!.split('/')[0]!)
      .filter(Boolean);
  // group-list-members and the other directory-object lists select properties of the types they hold
  // ("$select=displayName,id" on members); a property of no derived type is still refused.
  for (const name of names(q.get('$select'))) if (!meta.propertyOfDerived(at.type, name)) problems.push(`${at.type} has no property "${name}" (in $select)`);
  for (const name of [...names(q.get('$orderby')), ...filterProperties(q.get('$filter'))])
    if (!meta.property(at.type, name)) problems.push(`${at.type} has no property "${name}" (in $filter or $orderby)`);
  const top = q.get('$top');
  if (top !== undefined && !/^[1-9]\d*$/.test(top)) problems.push(`$top=${top} is not a positive integer`);
  const count = q.get('$count');
  if (count !== undefined && count !== 'true' && count !== 'false') problems.push(`$count=${count} is not true or false`);
  if (meta.derives(at.type, 'DirectoryObject') || meta.derives(at.type, 'AppRoleAssignment')) problems.push(...advancedQuery(call, at, q));
  return problems;
}

/** The root segment's type: "auditLogs" -> AuditLogRoot. */
function rootOf(path: string): string {
  const first = path.slice('/v1.0/'.length).split('/')[0]!.replace(/\(.*$/, '');
  return GRAPH_ROOTS[first]?.type ?? '';
}

/**
 * "Query scenarios that require advanced query capabilities" (aad-advanced-queries): `$count` (segment
 * or query), `$search`, `endsWith`, `ne` and `not` in `$filter`, `$filter` with `$orderby`, and an OData
 * cast on a transitive members list need `ConsistencyLevel: eventual`, and all but `$search` need
 * `$count=true` too.
 */
function advancedQuery(call: LoggedCall, at: Walked, q: Map<string, string>): string[] {
  const filter = (q.get('$filter') ?? '').replace(/'(?:[^']|'')*'/g, "''");
  const why = [
    at.count && 'a $count segment',
    q.get('$count') === 'true' && '$count=true',
    q.has('$search') && '$search',
    /\bendsWith\(|\bne\b|\bnot\b/i.test(filter) && 'endsWith, ne or not in $filter',
    q.has('$filter') && q.has('$orderby') && '$filter with $orderby',
    at.cast && (at.via === 'transitiveMembers' || at.via === 'transitiveMemberOf') && `an OData cast on ${at.via}`,
  ].filter((w): w is string => typeof w === 'string');
  if (why.length === 0) return [];
  const missing = [
    (call.headers.consistencylevel ?? '').toLowerCase() !== 'eventual' && 'the header "ConsistencyLevel: eventual"',
    !at.count && q.get('$count') !== 'true' && !(why.length === 1 && why[0] === '$search') && '$count=true',
  ].filter((m): m is string => typeof m === 'string');
  return missing.length === 0 ? [] : [`${why.join(', ')} is an advanced query and needs ${missing.join(' and ')} (${ADVANCED_QUERIES})`];
}

/** Property names a $filter compares: `groupId eq '…'`, `id in (…)`, `startsWith(displayName, '…')`. */
function filterProperties(filter: string | undefined): string[] {
  if (!filter) return [];
  const text = filter.replace(/'(?:[^']|'')*'/g, "''");
  const names = [
    ...text.matchAll(/([A-Za-z_][\w/]*)\s+(?:eq|ne|gt|ge|lt|le|in)\b/g),
    ...text.matchAll(/\b(?:startsWith|endsWith|contains)\(\s*([A-Za-z_][\w/]*)/gi),
  ].map((m) => m[1]!.split('/')[0]!);
  return names.filter((n) => !['and', 'or', 'not'].includes(n));
}

function checkBody(meta: GraphMetadata, call: LoggedCall, at: Walked): string[] {
  const body = call.body;
  const empty = body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0);
  if (at.ref) {
    if (call.method !== 'POST') return empty ? [] : ['a body on a $ref DELETE'];
    const keys = typeof body === 'object' && body !== null ? Object.keys(body) : [];
    return keys.length === 1 && keys[0] === '@odata.id' ? [] : ['a POST to $ref takes a body of "@odata.id" only'];
  }
  if (call.method === 'GET' || call.method === 'DELETE' || at.action)
    return empty ? [] : [`a body on ${call.method === 'POST' ? 'an action that takes none' : call.method}`];
  if (empty || typeof body !== 'object' || body === null) return [];
  return unknownProperties(meta, at.type, body as Record<string, unknown>, at.type);
}

/** Keys of a body that are not properties of the type (recursively into complex properties). */
function unknownProperties(meta: GraphMetadata, type: string, body: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.')) continue;
    const property = meta.property(type, key);
    if (!property) problems.push(`body property ${path}.${key} is not a property of ${type}`);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value) && meta.has(property.type))
      problems.push(...unknownProperties(meta, property.type, value as Record<string, unknown>, `${path}.${key}`));
  }
  return problems;
}

/** json-batching: `requests` of at most 20 items, each with id, method and a relative url. */
function checkBatch(body: unknown): string[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) return ['a batch body holds "requests"'];
  const problems = requests.length > 20 ? [`${requests.length} requests in one batch; at most 20`] : [];
  for (const item of requests as Record<string, unknown>[]) {
    for (const key of Object.keys(item))
      if (!['id', 'method', 'url', 'headers', 'body', 'dependsOn'].includes(key)) problems.push(`batch item property "${key}"`);
    if (typeof item.id !== 'string' || typeof item.method !== 'string' || typeof item.url !== 'string')
      problems.push('a batch item needs id, method and url as strings');
    if (item.body !== undefined && !Object.keys((item.headers ?? {}) as object).some((h) => h.toLowerCase() === 'content-type'))
      problems.push('a batch item with a body needs a Content-Type header');
  }
  return problems;
}
