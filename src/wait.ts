/**
 * Every wait a run makes for a service's sake (GitHub's retry back-off, the second between GitHub
 * writes, Graph's back-off and Retry-After) is multiplied by ACCESS_AS_CODE_WAIT_SCALE, a number in
 * (0, 1], default 1. The test suite sets it: the local twin recovers at once, and a test must not
 * sleep for real (docs/twin.md). It only ever shortens a wait; a value outside the range is ignored.
 */
export function waitScale(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ACCESS_AS_CODE_WAIT_SCALE);
  return Number.isFinite(value) && value >= 0.001 && value <= 1 ? value : 1;
}

/** A wait of `ms`, as this process scales waits. */
export function scaledMs(ms: number): number {
  return Math.round(ms * waitScale());
}
