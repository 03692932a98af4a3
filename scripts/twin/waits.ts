/**
 * Short waits for the test suite, as test wiring: the twin recovers at once, so a client's waits for a
 * service's sake (retry back-off, the second between GitHub writes, Graph's Retry-After) are taken at
 * a fiftieth of their length, the same code path and the same number of retries. Production code has
 * no variable for this (src/wait.ts): the scale is set by a line of code that `npm test` preloads
 * into every test process (NODE_OPTIONS), and that `twin.env()` passes on to the action and the CLI
 * it starts, so the bench and the demo, which start no such line, keep the real waits.
 */
import { WAIT_SCALE, waitScale } from '../../src/wait.ts';

export const TEST_WAIT_SCALE = 0.02;

const preload = `globalThis[Symbol.for(${JSON.stringify(WAIT_SCALE.description)})] = ${TEST_WAIT_SCALE};`;
/** A `node --import` of that line; base64, so NODE_OPTIONS needs no quoting. */
export const FAST_WAITS = `--import=data:text/javascript;base64,${Buffer.from(preload).toString('base64')}`;

/** NODE_OPTIONS with the short waits added. */
export function withFastWaits(nodeOptions = ''): string {
  return nodeOptions.includes(FAST_WAITS) ? nodeOptions : `${nodeOptions} ${FAST_WAITS}`.trim();
}

/** The environment a child process needs for the waits this process takes: short ones only if these are. */
export function waitsEnv(): Record<string, string> {
  return waitScale() === 1 ? {} : { NODE_OPTIONS: FAST_WAITS };
}
