/**
 * JSON Schema validation of loaded YAML, with every ajv error turned into a diagnostic that points at
 * the offending key or value and says what would be valid. The schemas in schemas/ are the same files
 * editors use (through the yaml-language-server modeline), so the editor and the check agree.
 */
import { nearest } from '../nearest.ts';
import type { ErrorObject } from 'ajv';
import * as validators from './validators.generated.js';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { keyNodeAt, nodeAt, posOf, type LoadedYaml } from '../yaml/safe-load.ts';

export type SchemaName = 'request' | 'policy' | 'identities';

export function validateAgainstSchema(name: SchemaName, yaml: LoadedYaml): Diagnostic[] {
  // Compiled ahead of time (scripts/gen-validators.ts): no schema compilation at start-up.
  const validate = validators[name];
  if (validate(yaml.value)) return [];
  const errors = (validate.errors ?? [])
    .filter(
      // propertyNames reports the inner pattern failure and then itself; keep only the latter. A oneOf
      // of alternatives reports each alternative's failure and then itself; keep only the latter too.
      (e) => !(e.propertyName !== undefined && e.keyword !== 'propertyNames') && !/\/oneOf\/\d+\//.test(e.schemaPath),
    )
    .filter(
      // Alternatives of keys say nothing about a value that is no map: its type error does.
      (e) => !(e.keyword === 'oneOf' && (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data))),
    );
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of errors) {
    const d = toDiagnostic(error, yaml);
    const key = `${d.line}:${d.column}:${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

function pathOf(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function label(path: readonly string[]): string {
  return path.length === 0 ? 'the file' : `"${path.join('.')}"`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value)}`;
  return `${typeof value} ${String(value)}`;
}

function schemaDescription(schema: unknown): string {
  if (schema && typeof schema === 'object' && 'description' in schema && typeof schema.description === 'string') {
    return ` ${schema.description}`;
  }
  return '';
}

/** What a message about one schema error needs: the error, where it is, and how to say where. */
interface SchemaError {
  error: ErrorObject;
  params: Record<string, unknown>;
  where: string;
  /** The position of a key inside the failing map (falling back to the map itself). */
  keyAt: (key: string) => ReturnType<typeof posOf>;
}

type Message = string | { message: string; key: string };

/** One sentence per schema keyword, saying what is wrong and how to fix it (a table, not a switch). */
const MESSAGES: Record<string, (e: SchemaError) => Message> = {
  additionalProperties: ({ error, params }) => {
    const key = String(params.additionalProperty);
    const props = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
    const guess = nearest(key, props);
    return {
      key,
      message: `unknown key "${key}".${guess ? ` Did you mean "${guess}"?` : ''}${props.length > 0 ? ` Allowed keys here: ${props.join(', ')}.` : ''} Remove it or fix its spelling.`,
    };
  },
  required: ({ error, params, where }) => {
    const key = String(params.missingProperty);
    return `${where} is missing the required key "${key}".${schemaDescription((error.parentSchema as { properties?: Record<string, unknown> }).properties?.[key])}`;
  },
  propertyNames: ({ error, params }) => {
    const key = String(params.propertyName);
    const rule = schemaDescription(error.parentSchema) || ' The name does not have the allowed form.';
    return {
      key,
      message: `the name "${key}" is not allowed here:${rule} Names use lower-case letters, digits, ".", "_" and "-" (GitHub logins: letters, digits and single hyphens).`,
    };
  },
  type: ({ error, params, where }) => {
    // A duration written as a bare number (`maxDuration: 4`, `duration: 90`): the fix is a unit, not quotes
    // (a quoted "4" is still refused).
    const pattern = (error.parentSchema as { pattern?: string }).pattern ?? '';
    if (params.type === 'string' && typeof error.data === 'number' && pattern.includes('([0-9]+h)?')) {
      const n = error.data;
      return `${where} is the number ${n}, which has no unit. Write it with one: ${Number.isInteger(n) && n > 0 ? `${n}m (minutes) or ${n}h (hours)` : '30m, 2h or 1h30m'} (d = 24 hours).`;
    }
    return `${where} must be ${article(String(params.type))}, but it is ${describe(error.data)}.${schemaDescription(error.parentSchema)}`;
  },
  const: ({ error, params, where }) => `${where} must be ${JSON.stringify(params.allowedValue)}, but it is ${describe(error.data)}.`,
  enum: ({ error, params, where }) =>
    `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, but it is ${describe(error.data)}.`,
  pattern: ({ error, where }) => `${where} has the wrong form: ${describe(error.data)}.${schemaDescription(error.parentSchema)}`,
  minLength: (e) => lengthMessage(e, 'at least'),
  maxLength: (e) => lengthMessage(e, 'at most'),
  minimum: (e) => boundMessage(e),
  maximum: (e) => boundMessage(e),
  minProperties: ({ error, where }) => `${where} must have exactly one of its allowed keys.${schemaDescription(error.parentSchema)}`,
  maxProperties: ({ error, where }) => `${where} must have exactly one of its allowed keys.${schemaDescription(error.parentSchema)}`,
  oneOf: ({ error, params, where }) => {
    // Alternatives of required keys, such as a request's expires or duration: name them.
    const keys = ((error.parentSchema as { oneOf?: { required?: string[] }[] }).oneOf ?? []).flatMap((o) => o.required ?? []);
    // Each alternative in a few words (its schema's `examples`), not its whole description twice over.
    const props = (error.parentSchema as { properties?: Record<string, { examples?: unknown[] }> }).properties ?? {};
    const example = (k: string) => (props[k]?.examples?.[0] !== undefined ? ` (e.g. ${k}: ${JSON.stringify(props[k].examples[0])})` : '');
    if (params.passingSchemas === null) return `${where} needs one of ${keys.map((k) => `"${k}"${example(k)}`).join(' or ')}.`;
    const present = keys.filter((k) => error.data && typeof error.data === 'object' && k in error.data);
    return {
      key: present[present.length - 1] ?? keys[0] ?? '',
      // What tells the alternatives apart, in the schema's own words ($comment).
      message: `${where} has both ${keys.map((k) => `"${k}"`).join(' and ')}: keep one.${typeof (error.parentSchema as { $comment?: unknown }).$comment === 'string' ? ` ${(error.parentSchema as { $comment: string }).$comment}` : ''}`,
    };
  },
  uniqueItems: ({ params, where }) => `${where} lists the same value twice (items ${String(params.j)} and ${String(params.i)}). Remove the duplicate.`,
};

function lengthMessage({ error, params, where }: SchemaError, bound: string): string {
  const len = typeof error.data === 'string' ? [...error.data].length : 0;
  return `${where} is ${len} characters long; it must be ${bound} ${String(params.limit)}.${schemaDescription(error.parentSchema)}`;
}

function boundMessage({ error, params, where }: SchemaError): string {
  return `${where} must be ${String(params.comparison)} ${String(params.limit)}, but it is ${describe(error.data)}.${schemaDescription(error.parentSchema)}`;
}

function toDiagnostic(error: ErrorObject, yaml: LoadedYaml): Diagnostic {
  const path = pathOf(error.instancePath);
  const here = posOf(nodeAt(yaml.doc, path), yaml.lineCounter);
  const keyAt = (key: string) => posOf(keyNodeAt(yaml.doc, path, key), yaml.lineCounter) ?? here;
  const e: SchemaError = { error, params: error.params as Record<string, unknown>, where: label(path), keyAt };
  const said = MESSAGES[error.keyword]?.(e) ?? `${e.where} ${error.message ?? 'is not valid'}.`;
  return typeof said === 'string' ? diagnostic(yaml.file, here, said) : diagnostic(yaml.file, keyAt(said.key), said.message);
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'text (a string; quote it)',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    object: 'a map of keys',
    array: 'a list',
  };
  return names[type] ?? `a ${type}`;
}
