// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into self-contained ESM files, each
// built on its own: code splitting keeps the Graph and identity libraries in chunks that only the
// commands needing them load, and a separate build keeps the CLI's validate path in one file instead
// of the many small chunks two entry points sharing code would cut it into (each a file to load at
// start; see the start-up figure in `npm run bench`).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED, generateValidators } from './gen-validators.ts';

writeFileSync(GENERATED, generateValidators());
await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
const common = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  legalComments: 'linked',
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version) },
  // Some bundled CommonJS packages call require() for Node built-ins; ESM output has no require.
  banner: {
    js: "import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);",
  },
} as const;
await build({ ...common, entryPoints: { index: 'src/index.ts' }, chunkNames: 'chunks/[name]-[hash]' });
await build({ ...common, entryPoints: { cli: 'src/cli.ts' }, chunkNames: 'cli-chunks/[name]-[hash]' });
