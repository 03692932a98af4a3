// Folder-level import cycles in src/ (value and type imports): prints each strongly connected set of
// folders and the imports behind its edges. docs/architecture.md lists what it finds. Usage:
// node scripts/import-cycles.mjs [src]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
const root = process.argv[2] || 'src';
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
const edges = new Map();
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g)) {
    const t = resolve(dirname(f), m[1]);
    const a = folder(f),
      b = folder(t);
    if (a === b) continue;

    if (!edges.has(a)) edges.set(a, new Map());
    const e = edges.get(a);
    e.set(b, [...(e.get(b) ?? []), relative(root, f)]);
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
