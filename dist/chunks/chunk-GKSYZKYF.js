import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/wait.ts
var WAIT_SCALE = /* @__PURE__ */ Symbol.for("access-as-code.wait-scale");
function waitScale() {
  const value = globalThis[WAIT_SCALE];
  return typeof value === "number" && Number.isFinite(value) && value >= 1e-3 && value <= 1 ? value : 1;
}
function scaledMs(ms) {
  return Math.round(ms * waitScale());
}

export {
  scaledMs
};
