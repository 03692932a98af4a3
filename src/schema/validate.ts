/**
 * JSON Schema validation of loaded YAML, with every ajv error turned into a diagnostic that points at
 * the offending key or value and says what would be valid. The schemas in schemas/ are the same files
 * editors use (through the yaml-language-server modeline), so the editor and the check agree.
 */
import type { ErrorObject } from 'ajv';
import * as validators from './validators.generated.js';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { keyNodeAt, nodeAt, posOf, type LoadedYaml } from '../yaml/safe-load.ts';

export type SchemaName = 'request' | 'policy' | 'identities';

export function validateAgainstSchema(name: SchemaName, yaml: LoadedYaml): Diagnostic[] {
  // Compiled ahead of time (scripts/gen-validators.ts): no schema compilation at start-up.
  const validate = validators[name];
  if (validate(yaml.value)) return [];
  const errors = (validate.errors ?? []).filter(
    // propertyNames reports the inner pattern failure and then itself; keep only the latter. A oneOf
    // of alternatives reports each alternative's failure and then itself; keep only the latter too.
    (e) => !(e.propertyName !== undefined && e.keyword !== 'propertyNames') && !/\/oneOf\/\d+\//.test(e.schemaPath),
  ).filter(
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

function toDiagnostic(error: ErrorObject, yaml: LoadedYaml): Diagnostic {
  const path = pathOf(error.instancePath);
  const at = (node: unknown) => posOf(node, yaml.lineCounter) ?? posOf(nodeAt(yaml.doc, path), yaml.lineCounter);
  const here = at(nodeAt(yaml.doc, path));
  const params = error.params as Record<string, unknown>;
  const where = label(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const props = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const allowed = props.length > 0 ? ` Allowed keys here: ${props.join(', ')}.` : '';
      return diagnostic(yaml.file, at(keyNodeAt(yaml.doc, path, key)), `unknown key "${key}".${allowed} Remove it or fix its spelling.`);
    }
    case 'required': {
      const key = String(params.missingProperty);
      const sub = (error.parentSchema as { properties?: Record<string, unknown> }).properties?.[key];
      return diagnostic(yaml.file, here, `${where} is missing the required key "${key}".${schemaDescription(sub)}`);
    }
    case 'propertyNames': {
      const key = String(params.propertyName);
      const rule = schemaDescription(error.parentSchema) || ' The name does not have the allowed form.';
      return diagnostic(yaml.file, at(keyNodeAt(yaml.doc, path, key)), `the name "${key}" is not allowed here:${rule} Names use lower-case letters, digits, ".", "_" and "-" (GitHub logins: letters, digits and single hyphens).`);
    }
    case 'type':
      return diagnostic(yaml.file, here, `${where} must be ${article(String(params.type))}, but it is ${describe(error.data)}.${schemaDescription(error.parentSchema)}`);
    case 'const':
      return diagnostic(yaml.file, here, `${where} must be ${JSON.stringify(params.allowedValue)}, but it is ${describe(error.data)}.`);
    case 'enum':
      return diagnostic(yaml.file, here, `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, but it is ${describe(error.data)}.`);
    case 'pattern':
      return diagnostic(yaml.file, here, `${where} has the wrong form: ${describe(error.data)}.${schemaDescription(error.parentSchema)}`);
    case 'minLength':
    case 'maxLength': {
      const len = typeof error.data === 'string' ? [...error.data].length : 0;
      const bound = error.keyword === 'minLength' ? 'at least' : 'at most';
      return diagnostic(yaml.file, here, `${where} is ${len} characters long; it must be ${bound} ${String(params.limit)}.${schemaDescription(error.parentSchema)}`);
    }
    case 'minimum':
    case 'maximum':
      return diagnostic(yaml.file, here, `${where} must be ${String(params.comparison)} ${String(params.limit)}, but it is ${describe(error.data)}.${schemaDescription(error.parentSchema)}`);
    case 'minProperties':
    case 'maxProperties':
      return diagnostic(yaml.file, here, `${where} must have exactly one of its allowed keys.${schemaDescription(error.parentSchema)}`);
    case 'oneOf': {
      // Alternatives of required keys, such as a request's expires or duration: name them.
      const keys = ((error.parentSchema as { oneOf?: { required?: string[] }[] }).oneOf ?? []).flatMap((o) => o.required ?? []);
      const names = keys.map((k) => `"${k}"`).join(' or ');
      if (params.passingSchemas === null) return diagnostic(yaml.file, here, `${where} needs one of ${names}.${keys.map((k) => schemaDescription((error.parentSchema as { properties?: Record<string, unknown> }).properties?.[k])).join('')}`);
      const present = keys.filter((k) => error.data && typeof error.data === 'object' && k in error.data);
      return diagnostic(yaml.file, at(keyNodeAt(yaml.doc, path, present[present.length - 1] ?? keys[0] ?? '')), `${where} has both ${names}: keep one. "duration" counts from the merge; "expires" is a fixed end.`);
    }
    case 'uniqueItems':
      return diagnostic(yaml.file, here, `${where} lists the same value twice (items ${String(params.j)} and ${String(params.i)}). Remove the duplicate.`);
    default:
      return diagnostic(yaml.file, here, `${where} ${error.message ?? 'is not valid'}.`);
  }
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
