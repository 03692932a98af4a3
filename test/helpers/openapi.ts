/** GitHub's published OpenAPI description (@octokit/openapi, api.github.com) as JSON Schema for Ajv. */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** OpenAPI 3.0's `nullable: true` as JSON Schema: the schema, or null. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'nullable') out[k] = toJsonSchema(v);
  return (node as { nullable?: unknown }).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

export interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
  components: { parameters: Record<string, unknown>; schemas: Record<string, unknown> };
}

/** The description as JSON Schema, registered with `ajv` as "github" (refs: github#/components/...). */
export function githubOpenApi(options: { coerceTypes?: boolean } = {}): { spec: OpenApi; ajv: Ajv } {
  const spec = toJsonSchema(require('@octokit/openapi/generated/api.github.com.json')) as OpenApi;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false, ...options });
  ajv.addSchema(spec, 'github');
  return { spec, ajv };
}

/** A validator for a component schema, or a non-empty array of it. */
export function componentSchema(ajv: Ajv, name: string, array = false): ValidateFunction {
  const ref = { $ref: `github#/components/schemas/${name}` };
  return ajv.compile(array ? { type: 'array', items: ref, minItems: 1 } : ref);
}
