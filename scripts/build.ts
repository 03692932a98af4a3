// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into self-contained ESM files.
// Code splitting keeps the Graph and identity libraries in chunks that only grant/revoke load,
// so the validate path starts fast (see the start-up figure in `npm run bench`).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED, generateValidators } from './gen-validators.ts';

writeFileSync(GENERATED, generateValidators());
await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version) },
  // Some bundled CommonJS packages call require() for Node built-ins; ESM output has no require.
  banner: {
    js: "import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);",
  },
});
