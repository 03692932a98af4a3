import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/wait.ts
function waitScale(env = process.env) {
  const value = Number(env.ACCESS_AS_CODE_WAIT_SCALE);
  return Number.isFinite(value) && value >= 1e-3 && value <= 1 ? value : 1;
}
function scaledMs(ms) {
  return Math.round(ms * waitScale());
}

export {
  scaledMs
};
