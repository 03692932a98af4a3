// Folder-level import cycles in src/ (value, type and lazy `import()` imports): prints each strongly
// connected set of folders and the imports behind its edges. docs/architecture.md lists what it finds.
// A lazy import is counted like any other: it only defers loading, the folder still depends on it.
//
// With --walk <entry file> (repeatable), also the climbs from that entry: the file-level import graph
// is walked depth first (each file once), and an import whose target's folder is already on the
// current path but is not the importing file's own folder climbs back up; an import within one
// folder stays. Without folder cycles there are no climbs.
// Usage: node scripts/import-cycles.mjs [src] [--walk src/action/main.ts] [--walk src/cli/main.ts]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';

const args = process.argv.slice(2);
const walks = [];
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--walk') walks.push(args[++i]);
  else positional.push(args[i]);
}
const root = positional[0] || 'src';
const files = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts')) files.push(p);
  }
};
walk(root);
const folder = (f) => {
  const r = relative(root, f).split('/');
  if (r.length === 1 && (r[0] === 'cli.ts' || r[0] === 'index.ts')) return 'entry';
  return r.length > 1 ? r[0] : '(root)';
};

/** A file's relative imports in source order: the resolved target, and whether it is a lazy `import()`. */
const importsCache = new Map();
function importsOf(f) {
  if (!importsCache.has(f)) {
    const src = readFileSync(f, 'utf8');
    const found = [
      ...[...src.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g)].map((m) => ({ at: m.index, spec: m[1], lazy: false })),
      ...[...src.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)].map((m) => ({ at: m.index, spec: m[1], lazy: true })),
    ].sort((a, b) => a.at - b.at);
    importsCache.set(
      f,
      found.map(({ spec, lazy }) => ({ target: resolve(dirname(f), spec), lazy })),
    );
  }
  return importsCache.get(f);
}

const edges = new Map();
for (const f of files) {
  for (const { target, lazy } of importsOf(f)) {
    const a = folder(f),
      b = folder(target);
    if (a === b) continue;

    if (!edges.has(a)) edges.set(a, new Map());
    const e = edges.get(a);
    e.set(b, [...(e.get(b) ?? []), `${relative(root, f)}${lazy ? ' (lazy)' : ''}`]);
  }
}
// Tarjan SCC
let idx = 0;
const st = [];
const on = new Set();
const ix = new Map();
const low = new Map();
const sccs = [];
const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
function sc(v) {
  ix.set(v, idx);
  low.set(v, idx);
  idx++;
  st.push(v);
  on.add(v);
  for (const w of (edges.get(v) ?? new Map()).keys()) {
    if (!ix.has(w)) {
      sc(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), ix.get(w)));
  }
  if (low.get(v) === ix.get(v)) {
    const c = [];
    let w;
    do {
      w = st.pop();
      on.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1) sccs.push(c);
  }
}
for (const v of nodes) if (!ix.has(v)) sc(v);
console.log('SCCs:', JSON.stringify(sccs));
for (const c of sccs)
  for (const a of c) for (const [b, fs] of edges.get(a) ?? []) if (c.includes(b)) console.log(`${a} -> ${b}: ${[...new Set(fs)].join(', ')}`);

/**
 * Climbs from one entry file. The path's folder stack is what makes an import a climb: a target
 * folder that is an ancestor on the path means the import graph leads from that folder down to here
 * and back, which is a folder cycle. Each file is visited once, so each import is judged once.
 */
function climbsFrom(entry) {
  const visited = new Set();
  const stack = [];
  const climbs = [];
  let stays = 0;
  let downs = 0;
  const visit = (f) => {
    visited.add(f);
    const here = folder(f);
    stack.push(here);
    for (const { target, lazy } of importsOf(f)) {
      const there = folder(target);
      if (there === here) stays++;
      else if (stack.includes(there)) {
        const path = stack.filter((x, i) => i === 0 || stack[i - 1] !== x).join(' > ');
        climbs.push(`${relative(root, f)} -> ${relative(root, target)}${lazy ? ' (lazy)' : ''}  (path: ${path})`);
      } else downs++;
      // Only .ts files are source to walk (a generated .js validator imports nothing of ours).
      if (!visited.has(target) && target.endsWith('.ts') && existsSync(target)) visit(target);
    }
    stack.pop();
  };
  visit(resolve(entry));
  return { files: visited.size, stays, downs, climbs };
}
for (const entry of walks) {
  if (!existsSync(entry)) {
    console.error(`--walk ${entry}: no such file`);
    process.exit(2);
  }
  const w = climbsFrom(entry);
  console.log(`walk ${entry}: ${w.files} files; climbs ${w.climbs.length}, stays ${w.stays} (imports down to another folder: ${w.downs})`);
  for (const c of w.climbs) console.log(`  climb ${c}`);
}
