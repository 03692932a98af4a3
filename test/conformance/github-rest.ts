/**
 * A GitHub REST call checked against GitHub's OpenAPI description (@octokit/openapi, the
 * api.github.com description): an operation with this method and path template, path parameters
 * and query parameters it declares with values its schemas allow, the required ones present, and a
 * JSON body its request-body schema accepts, with no top-level property the schema does not name.
 */
import type { ValidateFunction } from 'ajv';
import { githubOpenApi, type OpenApi } from '../helpers/openapi.ts';
import type { LoggedCall } from '../../scripts/twin/call-log.ts';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: unknown;
  'x-multi-segment'?: boolean;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Literal characters, so `/issues/comments/{id}` wins over `/issues/{issue_number}/...`. */
  literal: number;
  names: string[];
  pointer: string;
  parameters: Parameter[];
  body?: { required: boolean; pointer: string };
}

export class GitHubRest {
  private readonly spec: OpenApi;
  private readonly ajv: ReturnType<typeof githubOpenApi>['ajv'];
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    ({ spec: this.spec, ajv: this.ajv } = githubOpenApi({ coerceTypes: true }));
    for (const [template, item] of Object.entries(this.spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) continue;
        this.operations.push(this.operation(template, method, op as { parameters?: unknown[]; requestBody?: unknown }));
      }
    }
  }

  private operation(template: string, method: string, op: { parameters?: unknown[]; requestBody?: unknown }): Operation {
    const pointer = `#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
    const parameters = (op.parameters ?? []).map((p) => this.resolve(p) as Parameter);
    const names: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      return parameters.find((p) => p.name === name)?.['x-multi-segment'] ? '(.+)' : '([^/]+)';
    });
    const body = op.requestBody as { required?: boolean; content?: Record<string, unknown> } | undefined;
    return {
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${source}$`),
      literal: template.replace(/\{[^}]+\}/g, '').length,
      names,
      pointer,
      parameters,
      ...(body?.content?.['application/json']
        ? { body: { required: body.required === true, pointer: `${pointer}/requestBody/content/application~1json/schema` } }
        : {}),
    };
  }

  private resolve(node: unknown): unknown {
    const ref = (node as { $ref?: string }).$ref;
    if (!ref) return node;
    return ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec);
  }

  private validator(pointer: string): ValidateFunction {
    let v = this.validators.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: `github${pointer}` });
      this.validators.set(pointer, v);
    }
    return v;
  }

  /** The operation a call is, or undefined. */
  find(method: string, path: string): { op: Operation; values: Record<string, string> } | undefined {
    const matches = this.operations
      .filter((o) => o.method === method)
      .map((op) => ({ op, m: op.pattern.exec(path) }))
      .filter((x): x is { op: Operation; m: RegExpExecArray } => x.m !== null)
      .sort((a, b) => b.op.literal - a.op.literal);
    const best = matches[0];
    if (!best) return undefined;
    const values = Object.fromEntries(best.op.names.map((n, i) => [n, decodeURIComponent(best.m[i + 1]!)]));
    return { op: best.op, values };
  }

  /** What the description does not allow in this call; empty when it describes the call. */
  check(call: LoggedCall): string[] {
    const found = this.find(call.method, call.path);
    if (!found) return [`no operation ${call.method} ${call.path} in GitHub's OpenAPI description`];
    const { op, values } = found;
    const problems: string[] = [];
    for (const [name, value] of Object.entries(values)) problems.push(...this.parameter(op, 'path', name, value));
    const given = new Map<string, string[]>();
    for (const [k, v] of call.query) given.set(k, [...(given.get(k) ?? []), v]);
    for (const [name, list] of given) {
      const declared = op.parameters.find((p) => p.in === 'query' && p.name === name);
      if (!declared) problems.push(`query parameter "${name}" is not a parameter of ${op.method} ${op.template}`);
      else for (const value of list) problems.push(...this.parameter(op, 'query', name, value));
    }
    for (const p of op.parameters) if (p.in === 'query' && p.required && !given.has(p.name)) problems.push(`required query parameter "${p.name}" missing`);
    problems.push(...this.body(op, call.body));
    return problems.map((p) => (p.startsWith('no operation') ? p : `${op.method} ${op.template}: ${p}`));
  }

  private parameter(op: Operation, where: 'path' | 'query', name: string, value: string): string[] {
    const p = op.parameters.find((x) => x.in === where && x.name === name);
    if (!p?.schema) return [];
    const key = `${op.pointer}|${where}|${name}`;
    let v = this.validators.get(key);
    if (!v) {
      v = this.ajv.compile({ type: 'object', properties: { value: p.schema } });
      this.validators.set(key, v);
    }
    // Coerced as a query string is: "5" is an integer, "true" a boolean.
    return v({ value }) ? [] : [`${where} parameter ${name}=${JSON.stringify(value)}: ${this.ajv.errorsText(v.errors)}`];
  }

  private body(op: Operation, body: unknown): string[] {
    if (!op.body) return body === undefined ? [] : ['a body is sent, and the operation takes none'];
    if (body === undefined) return op.body.required ? ['the operation requires a body, and none is sent'] : [];
    const validate = this.validator(op.body.pointer);
    // The validator coerces types: check a copy, so "5" for an integer is still reported.
    const copy = structuredClone(body);
    const problems =
      validate(copy) && JSON.stringify(copy) === JSON.stringify(body) ? [] : [`body: ${this.ajv.errorsText(validate.errors) || 'a value of another type'}`];
    const known = this.properties(this.resolve(this.pointed(op.body.pointer)));
    if (known && body !== null && typeof body === 'object' && !Array.isArray(body))
      for (const key of Object.keys(body)) if (!known.has(key)) problems.push(`body property "${key}" is not in the operation's request body`);
    return problems;
  }

  private pointed(pointer: string): unknown {
    return this.resolve({ $ref: pointer });
  }

  /** The top-level properties an object schema names (over oneOf/anyOf/allOf), or undefined if open. */
  private properties(schema: unknown): Set<string> | undefined {
    const s = this.resolve(schema) as {
      properties?: Record<string, unknown>;
      additionalProperties?: unknown;
      oneOf?: unknown[];
      anyOf?: unknown[];
      allOf?: unknown[];
    };
    if (!s || typeof s !== 'object') return undefined;
    if (s.additionalProperties !== undefined && s.additionalProperties !== false) return undefined;
    const names = new Set(Object.keys(s.properties ?? {}));
    for (const part of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) {
      const more = this.properties(part);
      if (!more) return undefined;
      for (const n of more) names.add(n);
    }
    return names.size > 0 ? names : undefined;
  }
}
