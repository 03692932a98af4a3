import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/version.ts
var VERSION = true ? "1.0.0" : "development";

export {
  VERSION
};
