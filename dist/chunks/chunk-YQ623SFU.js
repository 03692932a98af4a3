import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-W4PVMAAF.js";
import {
  diagnostic
} from "./chunk-T6N4ZH6A.js";
import {
  __toESM
} from "./chunk-OZ6IWOJH.js";

// src/yaml/safe-load.ts
var import_yaml = __toESM(require_dist(), 1);
var REQUEST_LIMITS = { maxBytes: 16 * 1024, maxDepth: 8 };
var CONFIG_LIMITS = { maxBytes: 1024 * 1024, maxDepth: 16 };
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype", "<<"]);
function loadYaml(file, input, limits) {
  const fail = (pos, message) => ({
    ok: false,
    diagnostics: [diagnostic(file, pos, message)]
  });
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  if (bytes.length > limits.maxBytes) {
    return fail(void 0, `the file is ${bytes.length} bytes; the limit is ${limits.maxBytes} bytes. Keep it short: only the documented keys belong here.`);
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail(void 0, "the file is not valid UTF-8. Save it as UTF-8 (without other encodings such as UTF-16 or Latin-1).");
  }
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF]/.exec(text);
  if (bad) {
    const pos = positionOf(text, bad.index);
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return fail(pos, `the file contains the control character U+${code}. Remove it; request files are plain text.`);
  }
  const tooDeep = findExcessNesting(text, limits.maxDepth);
  if (tooDeep) {
    return fail(tooDeep, `nesting is deeper than ${limits.maxDepth} levels. This file only needs a flat list of keys.`);
  }
  const lineCounter = new import_yaml.LineCounter();
  let doc;
  try {
    doc = (0, import_yaml.parseDocument)(text, {
      lineCounter,
      // Duplicate keys are found below in one pass: the parser's own check compares each key with every
      // key before it in its map, and an identities file of 20,000 people took seconds a run.
      uniqueKeys: false,
      prettyErrors: false,
      strict: true,
      merge: false,
      version: "1.2",
      schema: "core",
      keepSourceTokens: false
    });
  } catch (error) {
    return fail(void 0, `the YAML parser gave up (${error instanceof Error ? error.message : String(error)}). Simplify the file.`);
  }
  const diagnostics = [];
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) {
    const plain = inPlainWords(first.code, first.message, first.pos[0], text, lineCounter, file.startsWith("requests/"));
    return fail(plain?.at ?? linePos(lineCounter, first.pos[0]), plain?.message ?? yamlErrorMessage(first.code, first.message));
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) return fail(posOf(duplicate, lineCounter), yamlErrorMessage("DUPLICATE_KEY", ""));
  const firsts = /* @__PURE__ */ new Map();
  const note = (kind, node, message) => {
    if (!firsts.has(kind)) firsts.set(kind, diagnostic(file, posOf(node, lineCounter), message));
  };
  (0, import_yaml.visit)(doc, {
    Alias(_key, node) {
      note("alias", node, `aliases (*${node.source}) are not allowed. Write the value out in full.`);
    },
    Node(_key, node) {
      if (((0, import_yaml.isScalar)(node) || (0, import_yaml.isCollection)(node)) && node.anchor) {
        note("anchor", node, `anchors (&${node.anchor}) are not allowed. Write each value out in full.`);
      }
      if (((0, import_yaml.isScalar)(node) || (0, import_yaml.isCollection)(node)) && node.tag && !isPlainCoreTag(node)) {
        note("tag", node, `the tag ${node.tag} is not allowed. Remove it; values are plain strings, numbers, booleans, lists and maps.`);
      }
    },
    Pair(_key, pair) {
      const problem = keyProblem(pair);
      if (problem) diagnostics.push(diagnostic(file, posOf(pair.key, lineCounter), problem));
    }
  });
  diagnostics.push(...firsts.values());
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return fail(void 0, `the YAML could not be read as data (${error instanceof Error ? error.message : String(error)}).`);
  }
  return { ok: true, yaml: { file, doc, lineCounter, value } };
}
function firstDuplicateKey(doc) {
  let first;
  (0, import_yaml.visit)(doc, {
    Map(_key, map) {
      const seen = /* @__PURE__ */ new Set();
      for (const pair of map.items) {
        if (!(0, import_yaml.isScalar)(pair.key)) continue;
        if (!seen.has(pair.key.value)) {
          seen.add(pair.key.value);
          continue;
        }
        if (!first || (pair.key.range?.[0] ?? 0) < (first.range?.[0] ?? 0)) first = pair.key;
      }
    }
  });
  return first;
}
function keyProblem(pair) {
  const key = pair.key;
  if (!(0, import_yaml.isScalar)(key)) return "keys must be plain words; complex keys (maps, lists or ? entries) are not allowed.";
  if (key.value === null || typeof key.value === "object") return "an empty key is not allowed.";
  const name = String(key.value);
  if (FORBIDDEN_KEYS.has(name)) {
    return name === "<<" ? "merge keys (<<) are not allowed. Write every key out in full." : `the key "${name}" is not allowed: it could change how every object behaves. Remove it.`;
  }
  return void 0;
}
function isPlainCoreTag(node) {
  return node.tag === "tag:yaml.org,2002:str";
}
function inPlainWords(code, said, offset, text, lineCounter, request) {
  const lines = text.split(/\r?\n/);
  const indent = (l) => l.length - l.trimStart().length;
  if (code === "BLOCK_AS_IMPLICIT_KEY" || code === "MULTILINE_IMPLICIT_KEY" || code === "BAD_INDENT") {
    const line = lineCounter.linePos(offset).line;
    const colon = /^(\s*)([\w-]+): (?!["'])(.*: .*)$/.exec(lines[line - 1] ?? "");
    if (colon)
      return {
        at: { line, column: colon[1].length + colon[2].length + 3 },
        message: `this value has ": " in it, which YAML reads as another key. Put the value in double quotes: ${colon[2]}: "${colon[3].replace(/"/g, '\\"')}"`
      };
    const base = indent(lines[line - 1] ?? "");
    const deeper = lines.findIndex((l, i) => i >= line && l.trim() !== "" && !l.trimStart().startsWith("#") && indent(l) > base);
    if (deeper < 0) return void 0;
    return {
      at: { line: deeper + 1, column: 1 },
      message: `this line is indented more than line ${line} above it, so YAML reads it as part of that line's value. Start it at the same column as the ${request ? "other keys (request files have no nesting)" : "keys it belongs with"}.`
    };
  }
  if (code === "MISSING_CHAR" && /quote/i.test(said)) {
    const before = text.slice(0, offset);
    const open = Math.max(before.lastIndexOf(': "'), before.lastIndexOf(": '"));
    if (open < 0) return void 0;
    const at = lineCounter.linePos(open + 2);
    const quote = text[open + 2];
    return {
      at: { line: at.line, column: at.col },
      message: `this quoted value has no closing ${quote}. Add ${quote} at the end of the value, on this line.`
    };
  }
  return void 0;
}
function yamlErrorMessage(code, message) {
  const first = message.split(/ at line \d+, column \d+/)[0] ?? message;
  switch (code) {
    case "DUPLICATE_KEY":
      return "this key appears twice. Keep only one of them.";
    case "MULTIPLE_DOCS":
      return 'a file holds exactly one YAML document. Remove the "---" separator and what follows it.';
    case "TAB_AS_INDENT":
      return "tabs are not allowed for indentation in YAML. Indent with spaces.";
    case "TAG_RESOLVE_FAILED":
      return `${first.replace("tag:yaml.org,2002:", "!!")}. Tags are not allowed; remove it.`;
    default:
      return `invalid YAML: ${first}.`;
  }
}
function posOf(node, lineCounter) {
  if ((0, import_yaml.isNode)(node) || (0, import_yaml.isAlias)(node)) {
    const start = node.range?.[0];
    if (start !== void 0) return linePos(lineCounter, start);
  }
  return void 0;
}
function linePos(lineCounter, offset) {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
function positionOf(text, index) {
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
function findExcessNesting(text, maxDepth) {
  const maxIndent = maxDepth * 8;
  let depth = 0;
  let quote;
  let comment = false;
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
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
    if (c === "#" && startsScalar(text, i, lineStart, COMMENT_AFTER)) comment = true;
    else if (c === '"' || c === "'") {
      if (startsScalar(text, i, lineStart, SCALAR_AFTER)) quote = c;
    } else if (c === "[" || c === "{") {
      depth++;
      if (depth > maxDepth) return { line, column: i - lineStart + 1 };
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return void 0;
}
function insideQuote(text, i, quote) {
  const c = text[i];
  if (quote === '"' && c === "\\") return { i: i + 1, quote };
  return { i, quote: c === quote ? void 0 : quote };
}
var COMMENT_AFTER = /* @__PURE__ */ new Set([" ", "	"]);
var SCALAR_AFTER = /* @__PURE__ */ new Set([" ", "[", "{", ",", ":", "	"]);
function startsScalar(text, i, lineStart, after) {
  return i === lineStart || after.has(text[i - 1]);
}
function contentStart(text, i) {
  let j = i;
  while (j < text.length) {
    const d = text[j];
    const next = text[j + 1];
    if (d === " ") j++;
    else if ((d === "-" || d === "?" || d === ":") && (next === " " || next === "\n" || next === void 0)) j++;
    else break;
  }
  return j;
}
function nodeAt(doc, path) {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}
function keyNodeAt(doc, path, key) {
  const parent = nodeAt(doc, path);
  if (!(0, import_yaml.isMap)(parent)) return void 0;
  for (const item of parent.items) {
    if ((0, import_yaml.isPair)(item) && (0, import_yaml.isScalar)(item.key) && String(item.key.value) === key) return item.key;
  }
  return void 0;
}

export {
  REQUEST_LIMITS,
  CONFIG_LIMITS,
  loadYaml,
  posOf,
  nodeAt,
  keyNodeAt
};
