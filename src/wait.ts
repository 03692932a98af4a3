/**
 * Every wait a run makes for a service's sake (GitHub's retry back-off, the second between GitHub
 * writes, Graph's back-off and Retry-After) is as long as the service asks: no environment variable,
 * input or setting shortens it. Only code already running in the process can, through the
 * process-global symbol below, the way a debugger could change any value; whoever can load code into
 * the process gains nothing by it. The test suite does so (scripts/twin/waits.ts): the local twin
 * recovers at once, and a test must not sleep for real (docs/twin.md). A scale outside (0, 1] is
 * ignored, so it only ever shortens a wait.
 */
export const WAIT_SCALE = Symbol.for('access-as-code.wait-scale');

export function waitScale(): number {
  const value = (globalThis as { [WAIT_SCALE]?: unknown })[WAIT_SCALE];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0.001 && value <= 1 ? value : 1;
}

/** A wait of `ms`, as this process scales waits. */
export function scaledMs(ms: number): number {
  return Math.round(ms * waitScale());
}
