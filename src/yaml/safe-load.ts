/**
 * Loading YAML that a pull request author wrote. Everything here assumes the text is hostile
 * (docs/threat-model.md 24-26): the size is capped before parsing, nesting is capped before the parser can
 * recurse into it (eemeli/yaml recurses per level, and thousands of `[` exhaust the stack or,
 * worse, abort the process), and only plain data survives: one document, no anchors, aliases,
 * tags, merge keys or prototype-polluting keys.
 */
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

export interface YamlLimits {
  maxBytes: number;
  /** Flow nesting ([ and {) and block nesting (indentation) both count. */
  maxDepth: number;
}

export const REQUEST_LIMITS: YamlLimits = { maxBytes: 16 * 1024, maxDepth: 8 };
export const CONFIG_LIMITS: YamlLimits = { maxBytes: 1024 * 1024, maxDepth: 16 };

export interface Position {
  line: number;
  column: number;
}

export interface LoadedYaml {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
}

export type LoadResult = { ok: true; yaml: LoadedYaml } | { ok: false; diagnostics: Diagnostic[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', '<<']);

export function loadYaml(file: string, input: Uint8Array | string, limits: YamlLimits): LoadResult {
  const fail = (pos: Position | undefined, message: string): LoadResult => ({
    ok: false,
    diagnostics: [diagnostic(file, pos, message)],
  });

  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (bytes.length > limits.maxBytes) {
    return fail(undefined, `the file is ${bytes.length} bytes; the limit is ${limits.maxBytes} bytes. Keep it short: only the documented keys belong here.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail(undefined, 'the file is not valid UTF-8. Save it as UTF-8 (without other encodings such as UTF-16 or Latin-1).');
  }
  // TextDecoder drops a leading BOM; a BOM elsewhere is a stray character.
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF]/.exec(text);
  if (bad) {
    const pos = positionOf(text, bad.index);
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return fail(pos, `the file contains the control character U+${code}. Remove it; request files are plain text.`);
  }
  const tooDeep = findExcessNesting(text, limits.maxDepth);
  if (tooDeep) {
    return fail(tooDeep, `nesting is deeper than ${limits.maxDepth} levels. This file only needs a flat list of keys.`);
  }

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      // Duplicate keys are found below in one pass: the parser's own check compares each key with every
      // key before it in its map, and an identities file of 20,000 people took seconds a run.
      uniqueKeys: false,
      prettyErrors: false,
      strict: true,
      merge: false,
      version: '1.2',
      schema: 'core',
      keepSourceTokens: false,
    });
  } catch (error) {
    return fail(undefined, `the YAML parser gave up (${error instanceof Error ? error.message : String(error)}). Simplify the file.`);
  }

  const diagnostics: Diagnostic[] = [];
  // Only the first syntax problem: the ones after it are mostly its echoes.
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) {
    const plain = inPlainWords(first.code, first.message, first.pos[0], text, lineCounter, file.startsWith('requests/'));
    return fail(plain?.at ?? linePos(lineCounter, first.pos[0]), plain?.message ?? yamlErrorMessage(first.code, first.message));
  }

  const duplicate = firstDuplicateKey(doc);
  if (duplicate) return fail(posOf(duplicate, lineCounter), yamlErrorMessage('DUPLICATE_KEY', ''));

  // One diagnostic per kind of problem, at its first place: a bomb has thousands of aliases.
  const firsts = new Map<string, Diagnostic>();
  const note = (kind: string, node: unknown, message: string) => {
    if (!firsts.has(kind)) firsts.set(kind, diagnostic(file, posOf(node, lineCounter), message));
  };
  visit(doc, {
    Alias(_key, node) {
      note('alias', node, `aliases (*${node.source}) are not allowed. Write the value out in full.`);
    },
    Node(_key, node) {
      if ((isScalar(node) || isCollection(node)) && node.anchor) {
        note('anchor', node, `anchors (&${node.anchor}) are not allowed. Write each value out in full.`);
      }
      if ((isScalar(node) || isCollection(node)) && node.tag && !isPlainCoreTag(node)) {
        note('tag', node, `the tag ${node.tag} is not allowed. Remove it; values are plain strings, numbers, booleans, lists and maps.`);
      }
    },
    Pair(_key, pair) {
      const problem = keyProblem(pair);
      if (problem) diagnostics.push(diagnostic(file, posOf(pair.key, lineCounter), problem));
    },
  });
  diagnostics.push(...firsts.values());
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return fail(undefined, `the YAML could not be read as data (${error instanceof Error ? error.message : String(error)}).`);
  }
  return { ok: true, yaml: { file, doc, lineCounter, value } };
}

/**
 * The first key (in the file's order) that repeats a key of the same map, as the parser's `uniqueKeys`
 * would report it: scalar keys equal by value (`1` and `1.0` are one key, `1` and `"1"` two).
 */
function firstDuplicateKey(doc: Document.Parsed): YamlNode | undefined {
  let first: YamlNode | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (!seen.has(pair.key.value)) {
          seen.add(pair.key.value);
          continue;
        }
        if (!first || (pair.key.range?.[0] ?? 0) < (first.range?.[0] ?? 0)) first = pair.key;
      }
    },
  });
  return first;
}

function keyProblem(pair: Pair): string | undefined {
  const key = pair.key;
  if (!isScalar(key)) return 'keys must be plain words; complex keys (maps, lists or ? entries) are not allowed.';
  if (key.value === null || typeof key.value === 'object') return 'an empty key is not allowed.';
  const name = String(key.value);
  if (FORBIDDEN_KEYS.has(name)) {
    return name === '<<'
      ? 'merge keys (<<) are not allowed. Write every key out in full.'
      : `the key "${name}" is not allowed: it could change how every object behaves. Remove it.`;
  }
  return undefined;
}

/** `!!str 5` is harmless and sometimes used to force a string; any other tag is refused. */
function isPlainCoreTag(node: { tag?: string }): boolean {
  return node.tag === 'tag:yaml.org,2002:str';
}

/**
 * The syntax errors people make most, said on the line they would fix, in plain words: the parser
 * names where it noticed (the key before an over-indented line; the end of the file for an unclosed
 * quote), not where the mistake is.
 */
function inPlainWords(
  code: string,
  said: string,
  offset: number,
  text: string,
  lineCounter: LineCounter,
  request: boolean,
): { at: Position; message: string } | undefined {
  const lines = text.split(/\r?\n/);
  const indent = (l: string) => l.length - l.trimStart().length;
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'BAD_INDENT') {
    const line = lineCounter.linePos(offset).line;
    // `key: words: more words`: an unquoted value with ": " in it reads as a second key.
    const colon = /^(\s*)([\w-]+): (?!["'])(.*: .*)$/.exec(lines[line - 1] ?? '');
    if (colon)
      return {
        at: { line, column: colon[1]!.length + colon[2]!.length + 3 },
        message: `this value has ": " in it, which YAML reads as another key. Put the value in double quotes: ${colon[2]}: "${colon[3]!.replace(/"/g, '\\"')}"`,
      };
    const base = indent(lines[line - 1] ?? '');
    const deeper = lines.findIndex((l, i) => i >= line && l.trim() !== '' && !l.trimStart().startsWith('#') && indent(l) > base);
    if (deeper < 0) return undefined;
    return {
      at: { line: deeper + 1, column: 1 },
      message: `this line is indented more than line ${line} above it, so YAML reads it as part of that line's value. Start it at the same column as the ${request ? 'other keys (request files have no nesting)' : 'keys it belongs with'}.`,
    };
  }
  if (code === 'MISSING_CHAR' && /quote/i.test(said)) {
    // The last value opened with a quote before the parser gave up is the one left open.
    const before = text.slice(0, offset);
    const open = Math.max(before.lastIndexOf(': "'), before.lastIndexOf(": '"));
    if (open < 0) return undefined;
    const at = lineCounter.linePos(open + 2);
    const quote = text[open + 2];
    return {
      at: { line: at.line, column: at.col },
      message: `this quoted value has no closing ${quote}. Add ${quote} at the end of the value, on this line.`,
    };
  }
  return undefined;
}

function yamlErrorMessage(code: string, message: string): string {
  const first = message.split(/ at line \d+, column \d+/)[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice. Keep only one of them.';
    case 'MULTIPLE_DOCS':
      return 'a file holds exactly one YAML document. Remove the "---" separator and what follows it.';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation in YAML. Indent with spaces.';
    case 'TAG_RESOLVE_FAILED':
      return `${first.replace('tag:yaml.org,2002:', '!!')}. Tags are not allowed; remove it.`;
    default:
      return `invalid YAML: ${first}.`;
  }
}

export function posOf(node: unknown, lineCounter: LineCounter): Position | undefined {
  if (isNode(node) || isAlias(node)) {
    const start = (node as YamlNode).range?.[0];
    if (start !== undefined) return linePos(lineCounter, start);
  }
  return undefined;
}

function linePos(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function positionOf(text: string, index: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * A conservative lexical pre-scan: flow brackets outside quotes and comments, and the column where
 * a line's content starts once leading spaces and block indicators ("- ", "? ", ": ") are skipped.
 * It may over-count a `[` inside a plain scalar, which only matters for text that no valid file
 * of ours contains.
 */
function findExcessNesting(text: string, maxDepth: number): Position | undefined {
  const maxIndent = maxDepth * 8;
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let comment = false;
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      comment = false;
      continue;
    }
    if (i === lineStart && contentStart(text, i) - i > maxIndent) return { line, column: maxIndent + 1 };
    if (comment) continue;
    if (quote) {
      ({ i, quote } = insideQuote(text, i, quote));
      continue;
    }
    if (c === '#' && startsScalar(text, i, lineStart, COMMENT_AFTER)) comment = true;
    else if (c === '"' || c === "'") {
      // A quote opens a quoted scalar only where a scalar can start.
      if (startsScalar(text, i, lineStart, SCALAR_AFTER)) quote = c;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > maxDepth) return { line, column: i - lineStart + 1 };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** One character inside a quoted scalar: a double-quoted one skips what a backslash escapes; its own quote closes it. */
function insideQuote(text: string, i: number, quote: '"' | "'"): { i: number; quote: '"' | "'" | undefined } {
  const c = text[i];
  if (quote === '"' && c === '\\') return { i: i + 1, quote };
  return { i, quote: c === quote ? undefined : quote };
}

/** What may precede a comment's "#", and the start of a quoted scalar. */
const COMMENT_AFTER = new Set([' ', '\t']);
const SCALAR_AFTER = new Set([' ', '[', '{', ',', ':', '\t']);

function startsScalar(text: string, i: number, lineStart: number, after: ReadonlySet<string>): boolean {
  return i === lineStart || after.has(text[i - 1]!);
}

/** Where a line's content starts once leading spaces and block indicators ("- ", "? ", ": ") are skipped. */
function contentStart(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const d = text[j];
    const next = text[j + 1];
    if (d === ' ') j++;
    else if ((d === '-' || d === '?' || d === ':') && (next === ' ' || next === '\n' || next === undefined)) j++;
    else break;
  }
  return j;
}

/** The map node that holds `path` (e.g. ['groups', 'prod']) in the document, if any. */
export function nodeAt(doc: Document.Parsed, path: readonly (string | number)[]): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

/** The key node of `key` inside the map at `path`, for pointing at a key rather than its value. */
export function keyNodeAt(doc: Document.Parsed, path: readonly (string | number)[], key: string): unknown {
  const parent = nodeAt(doc, path);
  if (!isMap(parent)) return undefined;
  for (const item of parent.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item.key;
  }
  return undefined;
}
